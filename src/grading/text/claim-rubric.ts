/**
 * The rubric side of claim matching, built once per question: each key point (or, without key
 * points, each clause of the reference) as its content words in order, each word weighted and
 * marked with whether the key point negates it. The question's words weigh little, and an answer
 * earns nothing from them alone. The hint's words keep their weight (a key point's word does not
 * stop counting because the hint has it), but text that only echoes the hint or the question earns
 * nothing (see `echoes`).
 */
import type { KeyPoint } from '../../core/model.js';
import { opposites } from './antonyms.js';
import { readText, type Word } from './nlp.js';
import { starParts, type StarPart } from './star.js';
import { referenceClauses } from './rubric.js';
import { COMMON_STEMS, synonymOf } from './terms.js';

/** Weights: a word the question or hint gives, an everyday word, a light word; df discount. */
const TERM_WEIGHTS = { given: 0.2, common: 0.5, light: 0.4, dfDiscount: 0.3 };

export interface Term {
  key: string;
  /** Synonym class of the key. */
  syn: string;
  weight: number;
  /** The key point states this word under a negation ("does not need labels"). */
  negated: boolean;
  /** The key point sets this word aside ("plain words instead of jargon"): either polarity agrees. */
  contrasted: boolean;
  /** The question has the word (or it is a word about answering): it weighs little and earns nothing alone. */
  given: boolean;
  /** Stems that say the opposite, unless the key point itself has them too. */
  opposites: ReadonlySet<string> | undefined;
  /** One of the key point's examples ("such as CPU, queue depth or requests"): any one of them will do. */
  example: boolean;
}

export interface ClaimPoint {
  text: string;
  weight: number;
  /**
   * The key point says something negative in a word ("prevents", "vanish", "lacks") or through a
   * subject such as "no read ...", so an answer may say it with or without a "not" ("cannot
   * attend", "every read sees the newest write"): its polarity is not judged.
   */
  negativeWord: boolean;
  terms: Term[];
  /** Sum of the terms' weights. */
  total: number;
  /** The parts of a story this point asks for (`rubric: star`), read from cues; empty for any other point. */
  star: StarPart[];
}

export interface ClaimRubric {
  points: ClaimPoint[];
  /** The points come from the reference's clauses (no key points given). */
  derived: boolean;
  /** Answers are stories, read for their STAR structure as well (`rubric: star`). */
  story: boolean;
  /** Keys of the words the member was given: the question's and the hint's. */
  given: ReadonlySet<string>;
  /** Runs of ECHO_RUN consecutive content words of the question or the hint, joined by spaces. */
  givenRuns: ReadonlySet<string>;
  /** The reference's content words beyond what the member was given, weighted (keyed rubrics only). */
  referenceTerms: ReadonlyMap<string, number>;
  /** Sum of `referenceTerms`. */
  referenceTotal: number;
}

/** This many consecutive content words in the order the question or hint has them are an echo. */
export const ECHO_RUN = 4;

/** The keys of some words, read on first use (reading needs the language model, loaded on first use too). */
function keysOnce(words: string): () => ReadonlySet<string> {
  let keys: ReadonlySet<string> | null = null;
  return () => (keys ??= new Set(readText(words).words.map((w) => w.key)));
}

/** Words that carry a negation in their meaning. */
export const negativeWords = keysOnce('prevent prevents avoid stop block lack miss vanish disappear fail forbid prohibit hide ignore exclude lose unable impossible');

/** A clause whose subject is "no ..." or "nothing". */
const NO_SUBJECT = /(?:^|[,;:]\s*)(?:no|none|nothing|nobody)\b/i;

/** Words about answering itself ("good question, I would have to look up the answer"): never evidence. */
const metaWords = keysOnce('question questions answer answers ask asked explain describe define sure guess');

export function buildClaimRubric(question: string, reference: string, keyPoints: readonly KeyPoint[], hint = '', kind?: 'star'): ClaimRubric {
  const derived = keyPoints.length === 0;
  const story = kind === 'star' && !derived;
  const parts = texts0(keyPoints).map((t, i) => (story ? starParts(t, i === 0) : []));
  const texts = derived ? referenceClauses(reference) : keyPoints.map((k) => k.text);
  const questionWords = readText(question).words;
  const hintWords = readText(hint).words;
  const questionKeys = new Set(questionWords.map((w) => w.key));
  const asked = new Set([...questionKeys, ...metaWords()]);
  const given = new Set([...asked, ...hintWords.map((w) => w.key)]);
  const givenRuns = new Set([...runs(questionWords), ...runs(hintWords)]);
  // A structure point's opening verb ("Describes", "States") says what to do, not what to say.
  const read = texts.map((t, i) => readText(t).words.slice(parts[i]?.length ? 1 : 0));
  const examplesFrom = texts.map((t, i) => (derived ? read[i]!.length : read[i]!.length - exampleWords(t)));

  // Document frequency over the question and the points: a word shared by many points says little.
  const df = new Map<string, number>();
  for (const doc of [questionKeys, ...read.map((ws) => new Set(ws.map((w) => w.key)))]) {
    for (const k of doc) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const points = read.map((words, i): ClaimPoint => {
    const keys = new Set(words.map((w) => w.key));
    const terms: Term[] = [];
    const seen = new Set<string>();
    for (const [at, w] of words.entries()) {
      if (seen.has(w.key)) continue;
      seen.add(w.key);
      let weight = 1;
      if (asked.has(w.key)) weight *= TERM_WEIGHTS.given;
      if (COMMON_STEMS.has(w.key)) weight *= TERM_WEIGHTS.common;
      if (w.light) weight *= TERM_WEIGHTS.light;
      const extra = Math.max(0, (df.get(w.key) ?? 1) - 1 - (questionKeys.has(w.key) ? 1 : 0));
      weight /= 1 + TERM_WEIGHTS.dfDiscount * extra;
      const opp = opposites(w.key);
      const usable = opp && [...opp].every((o) => !keys.has(o)) ? opp : undefined;
      terms.push({ key: w.key, syn: synonymOf(w.key), weight, negated: w.negated, contrasted: w.contrasted, given: asked.has(w.key), opposites: usable, example: at >= examplesFrom[i]! });
    }
    // The examples count as much as the heaviest of them.
    const total = terms.reduce((s, t) => s + (t.example ? 0 : t.weight), 0) + Math.max(0, ...terms.filter((t) => t.example).map((t) => t.weight));
    // "no read returns older data" says in a quantifier what an answer may say positively ("every read sees the newest").
    const negativeWord = words.some((w) => negativeWords().has(w.key)) || NO_SUBJECT.test(texts[i]!);
    return { text: texts[i]!, weight: derived ? 1 : keyPoints[i]!.weight, negativeWord, terms, total, star: parts[i] ?? [] };
  });
  const referenceTerms = new Map<string, number>();
  if (!derived) {
    for (const w of readText(reference).words) {
      if (!given.has(w.key) && !w.light) referenceTerms.set(w.key, COMMON_STEMS.has(w.key) ? TERM_WEIGHTS.common : 1);
    }
  }
  let referenceTotal = 0;
  for (const v of referenceTerms.values()) referenceTotal += v;
  return { points, derived, story, given, givenRuns, referenceTerms, referenceTotal };
}

/** Where a key point starts listing examples. */
const EXAMPLES = /\b(?:such as|e\.g\.|for example|for instance|including)\s+([^;]+)$/i;

/** How many content words at the end of a key point are examples of what it states ("such as CPU, queue depth or requests"). */
function exampleWords(keyPoint: string): number {
  const m = EXAMPLES.exec(keyPoint);
  return m ? readText(m[1]!).words.length : 0;
}

const texts0 = (keyPoints: readonly KeyPoint[]) => keyPoints.map((k) => k.text);

/** The runs of ECHO_RUN consecutive content words inside each sentence of a text. */
export function runs(words: readonly Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + ECHO_RUN <= words.length; i++) {
    if (words[i + ECHO_RUN - 1]!.sentence !== words[i]!.sentence) continue;
    out.push(words.slice(i, i + ECHO_RUN).map((w) => w.key).join(' '));
  }
  return out;
}
