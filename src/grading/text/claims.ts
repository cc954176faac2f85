/**
 * Whether an answer states one key point: the key point's content words must stand together in
 * the answer (inside a window of a few words, across at most two neighbouring sentences), with the
 * key point's polarity. A word under a negation the key point does not have, or the opposite word
 * ("past" for "future"), speaks against the point instead of for it. Words the member was given
 * (question, hint) count only beside a word of their own.
 */
import { ECHO_RUN, runs, type ClaimPoint, type ClaimRubric } from './claim-rubric.js';
import { nearMatch } from './fuzzy.js';
import type { ReadText } from './nlp.js';
import { synonymOf } from './terms.js';

/** Shortest stem whose "un-" or "non-" form counts as its denial. */
const NEGATED_BASE_MIN = 4;
/** Shortest word that two joined answer words may stand for. */
const COMPOUND_MIN = 7;
/** Credit of a word found through a synonym group or as a near spelling, not as the same lemma. */
const NEAR_CREDIT = 0.8;
/** Window length in content words: this many per key-point word, and never fewer than MIN_WINDOW. */
const WINDOW_PER_TERM = 2;
const MIN_WINDOW = 8;
/**
 * A sentence of at least CLAIMLESS_WORDS content words without a verb is a heap of words, not a
 * claim ("the attention of the tokens the weights of the values ..."): its words count this much.
 */
const CLAIMLESS_WORDS = 12;
/** A keyword list: at least this many words, and almost no function words among them. */
export const LIST_MIN_TOKENS = 6;
export const LIST_MAX_STOP_SHARE = 0.1;
/** A sentence of this many content words or more without a comma or any other mark is a run-on heap, verbs or not. */
const RUN_ON_WORDS = 20;
/**
 * A sentence (or a whole answer) of at least FILLER_WORDS content words whose two most frequent
 * function words make up FILLER_SHARE of its words is words joined by filler ("the X of the Y, the
 * Z of the W"); in prose they make up a fifth or less.
 */
const FILLER_WORDS = 12;
const FILLER_SHARE = 0.35;
const CLAIMLESS_CREDIT = 0.3;

/** A key point counts as reversed when at least this share of its words is reversed in one place, and more than the answer states. */
const REVERSED_AT = 0.4;

/** The answer, prepared once for all key points. */
export interface AnswerWords {
  read: ReadText;
  syn: string[];
  /** Strength factor of each word: CLAIMLESS_CREDIT in a verbless heap, else 1. */
  factor: number[];
  /** Each word joined with the next one of its sentence ("plain" + "text"), or ''. */
  joined: string[];
  /** Each sentence is a heap of words rather than a claim. */
  claimless: boolean[];
  distinct: string[];
}

/**
 * The answer's words that only echo what the member was given: a run of ECHO_RUN words copied in
 * order from the question or hint, or a sentence of at least ECHO_SENTENCE words all of which the
 * question or hint has. They earn nothing.
 */
export function echoes(read: ReadText, rubric: Pick<ClaimRubric, 'given' | 'givenRuns'>): boolean[] {
  const echo = new Array<boolean>(read.words.length).fill(false);
  if (rubric.givenRuns.size > 0) {
    const all = runs(read.words);
    let r = 0;
    for (let i = 0; i + ECHO_RUN <= read.words.length; i++) {
      if (read.words[i + ECHO_RUN - 1]!.sentence !== read.words[i]!.sentence) continue;
      if (rubric.givenRuns.has(all[r++]!)) echo.fill(true, i, i + ECHO_RUN);
    }
  }
  let from = 0;
  for (let s = 0; s < read.sentences; s++) {
    const to = from + read.sentenceWords[s]!;
    if (to - from >= ECHO_SENTENCE && read.words.slice(from, to).every((w) => rubric.given.has(w.key))) echo.fill(true, from, to);
    from = to;
  }
  return echo;
}

/** A sentence of this many content words, each one the question or hint has, is an echo. */
const ECHO_SENTENCE = 3;

export function prepareAnswer(read: ReadText, echo?: readonly boolean[]): AnswerWords {
  const list = read.tokens >= LIST_MIN_TOKENS && read.stopShare < LIST_MAX_STOP_SHARE;
  const heap = list || (read.words.length >= FILLER_WORDS && read.filler >= FILLER_SHARE);
  const claimless = read.hasVerb.map((verb, s) => {
    const words = read.sentenceWords[s]!;
    if (heap) return true;
    return (!verb && words >= CLAIMLESS_WORDS) || (words >= RUN_ON_WORDS && read.sentenceMarks[s] === 0) || (words >= FILLER_WORDS && read.sentenceFiller[s]! >= FILLER_SHARE);
  });
  return {
    read,
    syn: read.words.map((w) => synonymOf(w.key)),
    factor: read.words.map((w, i) => (echo?.[i] ? 0 : claimless[w.sentence] ? CLAIMLESS_CREDIT : 1)),
    joined: read.words.map((w, i) => {
      const next = read.words[i + 1];
      return next && next.sentence === w.sentence ? w.key + next.key : '';
    }),
    claimless,
    distinct: [...new Set(read.words.map((w) => w.key))],
  };
}

interface Hit {
  at: number;
  sentence: number;
  term: number;
  strength: number;
  /** Same polarity as the key point: evidence for it; otherwise against it. */
  agrees: boolean;
}

export interface PointMatch {
  /** Weighted share (0..1) of the key point's words the answer states together, with its polarity. */
  credit: number;
  /** Weighted share of its words the answer states reversed (negated or opposite); 0 unless it outweighs the credit. */
  contradicted: number;
  /** Positions (content-word indexes) of the answer's words that gave the credit. */
  evidence: number[];
}

function hitsFor(point: ClaimPoint, a: AnswerWords): Hit[] {
  const hits: Hit[] = [];
  const words = a.read.words;
  point.terms.forEach((t, ti) => {
    const fuzzy = new Set(a.distinct.filter((k) => k !== t.key && nearMatch(t.key, k)));
    // One word written as two or two as one: "plain text" / "plaintext", "time out" / "timeout".
    const next = point.terms[ti + 1];
    const closed = next ? t.key + next.key : '';
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      let strength = 0;
      let opposite = false;
      let flipped = false;
      if (w.key === t.key || (a.joined[i] === t.key && t.key.length >= COMPOUND_MIN)) strength = 1;
      else if (t.key.length >= NEGATED_BASE_MIN && (w.key === `un${t.key}` || w.key === `non${t.key}`)) {
        // "untested" is "not tested", "non-blocking" is "not blocking".
        strength = NEAR_CREDIT;
        flipped = true;
      }
      else if (closed !== '' && w.key === closed) {
        strength = 1;
        hits.push({ at: w.at, sentence: w.sentence, term: ti + 1, strength: a.factor[i]!, agrees: point.negativeWord || w.contrasted || next!.contrasted || w.negated === next!.negated });
      }
      else if (a.syn[i] === t.syn || fuzzy.has(w.key)) strength = NEAR_CREDIT;
      else if (t.opposites?.has(w.key)) {
        strength = 1;
        opposite = true;
      }
      if (strength === 0 || a.factor[i] === 0) continue;
      const samePolarity = point.negativeWord || ((w.contrasted || t.contrasted) && !opposite) || (w.negated !== flipped) === t.negated;
      hits.push({ at: w.at, sentence: w.sentence, term: ti, strength: strength * a.factor[i]!, agrees: opposite ? !samePolarity : samePolarity });
    }
  });
  return hits.sort((x, y) => x.at - y.at);
}

export function matchPoint(point: ClaimPoint, a: AnswerWords): PointMatch {
  if (point.total <= 0) return { credit: 0, contradicted: 0, evidence: [] };
  const hits = hitsFor(point, a);
  const window = Math.max(MIN_WINDOW, WINDOW_PER_TERM * point.terms.length);
  const agree = new Float64Array(point.terms.length);
  const against = new Float64Array(point.terms.length);
  let best = { net: 0, credit: 0, from: 0 };
  let worst = 0;
  for (let i = 0; i < hits.length; i++) {
    agree.fill(0);
    against.fill(0);
    const first = hits[i]!;
    for (let j = i; j < hits.length; j++) {
      const h = hits[j]!;
      if (h.at - first.at >= window || h.sentence - first.sentence > 1) break;
      if (h.agrees) agree[h.term] = Math.max(agree[h.term]!, h.strength);
      else against[h.term] = Math.max(against[h.term]!, h.strength);
    }
    let credit = 0;
    let example = 0;
    let reversed = 0;
    let own = false;
    point.terms.forEach((t, ti) => {
      if (agree[ti]! > 0) {
        // Any one of the key point's examples earns their share.
        if (t.example) example = Math.max(example, t.weight * agree[ti]!);
        else credit += t.weight * agree[ti]!;
        if (!t.given) own = true;
      } else if (!t.given && !t.example) reversed += t.weight * against[ti]!;
    });
    credit += example;
    // A denial is about the key point only where the window also names something the key point
    // states the same way (its subject, usually): "hashing takes no key" says nothing of encryption.
    if (credit === 0) reversed = 0;
    if (!own) credit = 0;
    credit /= point.total;
    reversed /= point.total;
    worst = Math.max(worst, reversed);
    if (credit - reversed > best.net) best = { net: credit - reversed, credit, from: i };
  }
  const evidence: number[] = [];
  if (best.credit > 0) {
    const first = hits[best.from]!;
    for (let j = best.from; j < hits.length; j++) {
      const h = hits[j]!;
      if (h.at - first.at >= window || h.sentence - first.sentence > 1) break;
      if (h.agrees) evidence.push(h.at);
    }
  }
  return { credit: best.credit, contradicted: worst >= REVERSED_AT && worst > best.credit ? worst : 0, evidence };
}

