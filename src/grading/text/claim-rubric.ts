/**
 * The rubric side of claim matching, built once per question: each key point (or, without key
 * points, each clause of the reference) as its content words in order, each word weighted and
 * marked with whether the key point negates it. Words the member was given (the question's and the
 * hint's) weigh little, and an answer earns nothing from them alone.
 */
import type { KeyPoint } from '../../core/model.js';
import { opposites } from './antonyms.js';
import { readText } from './nlp.js';
import { referenceClauses } from './rubric.js';
import { COMMON_STEMS, synonymOf } from './terms.js';

/** Weights: a word the question or hint gives, an everyday word, a light word; df discount. */
export const TERM_WEIGHTS = { given: 0.2, common: 0.5, light: 0.4, dfDiscount: 0.3 };

export interface Term {
  key: string;
  /** Synonym class of the key. */
  syn: string;
  weight: number;
  /** The key point states this word under a negation ("does not need labels"). */
  negated: boolean;
  /** The question or the hint has the word. */
  given: boolean;
  /** Stems that say the opposite, unless the key point itself has them too. */
  opposites: ReadonlySet<string> | undefined;
}

export interface ClaimPoint {
  text: string;
  weight: number;
  /**
   * The key point says something negative in a word ("prevents", "vanish", "lacks"), so an answer
   * may say it with a "not" ("cannot attend", "no gradient gets through"): its polarity is not judged.
   */
  negativeWord: boolean;
  terms: Term[];
  /** Sum of the terms' weights. */
  total: number;
}

export interface ClaimRubric {
  points: ClaimPoint[];
  /** The points come from the reference's clauses (no key points given). */
  derived: boolean;
  /** Keys of the words the member was given: the question's and the hint's. */
  given: ReadonlySet<string>;
}

/** Words that carry a negation in their meaning. */
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set(
  readText('prevent prevents avoid stop block lack vanish disappear fail forbid prohibit hide ignore exclude lose unable impossible').words.map((w) => w.key),
);

/** Words about answering itself ("good question, I would have to look up the answer"): never evidence. */
const META_WORDS = readText('question questions answer answers ask asked explain describe define sure guess').words.map((w) => w.key);

export function buildClaimRubric(question: string, reference: string, keyPoints: readonly KeyPoint[], hint = ''): ClaimRubric {
  const derived = keyPoints.length === 0;
  const texts = derived ? referenceClauses(reference) : keyPoints.map((k) => k.text);
  const questionKeys = new Set(readText(question).words.map((w) => w.key));
  const given = new Set([...questionKeys, ...readText(hint).words.map((w) => w.key), ...META_WORDS]);
  const read = texts.map((t) => readText(t).words);

  // Document frequency over the question and the points: a word shared by many points says little.
  const df = new Map<string, number>();
  for (const doc of [questionKeys, ...read.map((ws) => new Set(ws.map((w) => w.key)))]) {
    for (const k of doc) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const points = read.map((words, i): ClaimPoint => {
    const keys = new Set(words.map((w) => w.key));
    const terms: Term[] = [];
    const seen = new Set<string>();
    for (const w of words) {
      if (seen.has(w.key)) continue;
      seen.add(w.key);
      let weight = 1;
      if (given.has(w.key)) weight *= TERM_WEIGHTS.given;
      if (COMMON_STEMS.has(w.key)) weight *= TERM_WEIGHTS.common;
      if (w.light) weight *= TERM_WEIGHTS.light;
      const extra = Math.max(0, (df.get(w.key) ?? 1) - 1 - (questionKeys.has(w.key) ? 1 : 0));
      weight /= 1 + TERM_WEIGHTS.dfDiscount * extra;
      const opp = opposites(w.key);
      const usable = opp && [...opp].every((o) => !keys.has(o)) ? opp : undefined;
      terms.push({ key: w.key, syn: synonymOf(w.key), weight, negated: w.negated, given: given.has(w.key), opposites: usable });
    }
    const total = terms.reduce((s, t) => s + t.weight, 0);
    const negativeWord = words.some((w) => NEGATIVE_WORDS.has(w.key));
    return { text: texts[i]!, weight: derived ? 1 : keyPoints[i]!.weight, negativeWord, terms, total };
  });
  return { points, derived, given };
}
