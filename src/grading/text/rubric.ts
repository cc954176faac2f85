/**
 * The reference side of grading: the weighted content terms of a reference answer and of each key
 * point. A term weighs less when the question already says it (restating the question earns
 * nothing), when it is an everyday word, and when it recurs across the question and the
 * rubric points (an IDF computed from the question's own text, nothing else).
 */
import type { KeyPoint } from '../../core/model.js';
import { analyse, COMMON_STEMS, LIGHT_STEMS } from './terms.js';
import { splitSentences } from './tokenize.js';

export interface WeightingParams {
  /** Weight factor of a term that the question contains. */
  questionWeight: number;
  /** Weight factor of an everyday word. */
  commonWeight: number;
  /** Strength of the document-frequency discount over the question and reference clauses. */
  dfDiscount: number;
  /** Weight factor of a light word (once, before, not, each). */
  lightWeight: number;
}

const DEFAULT_WEIGHTING: WeightingParams = {
  questionWeight: 0.2,
  commonWeight: 0.5,
  dfDiscount: 0.3,
  lightWeight: 0.4,
};

/** One rubric item with its weighted terms. */
export interface WeightedPoint {
  text: string;
  weight: number;
  /** Distinct content stems of the point with their weights. */
  terms: Map<string, number>;
  /** Weight sum of `terms`. */
  total: number;
}

export interface Rubric {
  /** Weighted distinct content stems of the reference (and of the key points, when given). */
  terms: Map<string, number>;
  total: number;
  points: WeightedPoint[];
  /** True when the points were derived from the reference's clauses (no key points given). */
  derived: boolean;
  /** Content stems of the question. */
  questionStems: Set<string>;
  /** Distinct share of the reference's content stems (1 = no word repeated). */
  distinctShare: number;
}

/** Clauses of a reference that make sensible pseudo key points: sentences, then `;`/`,` parts. */
export function referenceClauses(reference: string): string[] {
  const parts: string[] = [];
  for (const sentence of splitSentences(reference)) {
    for (const part of sentence.split(/,\s+|\s+-\s+|\s\(|\)\s?/)) {
      const trimmed = part.trim();
      if (trimmed.length > 0) parts.push(trimmed);
    }
  }
  // Fragments with fewer than two content words join the clause before them.
  const merged: string[] = [];
  for (const part of parts) {
    const prev = merged.length - 1;
    if (prev >= 0 && (analyse(part).stems.length < 2 || analyse(merged[prev]!).stems.length < 2)) {
      merged[prev] = `${merged[prev]!}, ${part}`;
    } else merged.push(part);
  }
  return merged;
}

export function buildRubric(
  question: string,
  reference: string,
  keyPoints: readonly KeyPoint[],
  p: WeightingParams = DEFAULT_WEIGHTING,
): Rubric {
  const derived = keyPoints.length === 0;
  const pointTexts = derived ? referenceClauses(reference) : keyPoints.map((k) => k.text);
  const questionStems = new Set(analyse(question).stems);
  const refAnalysis = analyse(reference);
  const pointStems = pointTexts.map((t) => analyse(t).stems);

  // Document frequency over the question and each rubric point (key points, or reference clauses).
  const docs = [questionStems, ...pointStems.map((s) => new Set(s))];
  const df = new Map<string, number>();
  for (const doc of docs) for (const s of doc) df.set(s, (df.get(s) ?? 0) + 1);

  const weightOf = (s: string): number => {
    let w = 1;
    if (questionStems.has(s)) w *= p.questionWeight;
    if (COMMON_STEMS.has(s)) w *= p.commonWeight;
    if (LIGHT_STEMS.has(s)) w *= p.lightWeight;
    const extra = Math.max(0, (df.get(s) ?? 1) - 1 - (questionStems.has(s) ? 1 : 0));
    return w / (1 + p.dfDiscount * extra);
  };

  const terms = new Map<string, number>();
  for (const s of [...refAnalysis.stems, ...pointStems.flat()]) if (!terms.has(s)) terms.set(s, weightOf(s));

  const points: WeightedPoint[] = pointTexts.map((text, i) => {
    const pt = new Map<string, number>();
    for (const s of pointStems[i]!) pt.set(s, terms.get(s) ?? weightOf(s));
    return { text, weight: derived ? 1 : keyPoints[i]!.weight, terms: pt, total: sum(pt) };
  });
  const distinctShare = refAnalysis.stems.length === 0 ? 1 : new Set(refAnalysis.stems).size / refAnalysis.stems.length;
  return { terms, total: sum(terms), points, derived, questionStems, distinctShare };
}

function sum(m: Map<string, number>): number {
  let t = 0;
  for (const v of m.values()) t += v;
  return t;
}
