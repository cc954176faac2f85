/**
 * One answer against one rubric: key-point coverage, reference-term recall and pair matches,
 * combined into a raw coverage 0..1, with light penalties for answers without sentence structure
 * (keyword lists) or that repeat themselves, and nothing for an answer that only restates the
 * question. The constants are global, chosen once; none is tuned per question.
 */
import { answerTerms, bigramRecall, pointCoverage, termCredits, weightedRecall } from './coverage.js';
import type { Rubric } from './rubric.js';
import { analyse, LIGHT_STEMS } from './terms.js';

/** A key point counts as covered from this share of its weighted terms. */
export const COVERED_AT = 0.5;
/** A key point's share at which it earns full credit in the score. */
const POINT_FULL_AT = 0.7;
/** Mix of the parts when the rubric was derived from the reference (no key points given). */
const DERIVED_MIX = { points: 0.4, recall: 0.4, pairs: 0.2 };
/** Mix when key points were given: they lead, the reference's wording counts less. */
const KEYED_MIX = { points: 0.7, recall: 0.2, pairs: 0.1 };
/** Answers with at least this many words and fewer function words than this share are lists. */
const LIST_MIN_TOKENS = 6;
const LIST_MAX_STOP_SHARE = 0.15;
const LIST_FACTOR = 0.8;
/** Answers whose content words repeat this much (distinct/all below the share) lose a little. */
const REPEAT_MIN_STEMS = 8;
const REPEAT_MAX_DISTINCT = 0.5;
const REPEAT_FACTOR = 0.85;

export interface Assessment {
  /** Combined coverage after penalties, 0..1. */
  raw: number;
  /** Coverage of each rubric point, 0..1, in rubric order. */
  points: number[];
  /** Weighted recall of the reference's terms, 0..1. */
  recall: number;
  /** The answer has no content word beyond the question's own words. */
  restatesQuestion: boolean;
  /** The answer reads as a keyword list or repeats itself. */
  listLike: boolean;
  empty: boolean;
}

export function assess(rubric: Rubric, question: string, answer: string): Assessment {
  const a = answerTerms(answer);
  const empty = a.stems.size === 0;
  const credits = termCredits(rubric, a);
  const recall = weightedRecall(rubric.terms, rubric.total, credits);
  const points = pointCoverage(rubric.points, credits);
  let weightSum = 0;
  let pointScore = 0;
  rubric.points.forEach((p, i) => {
    weightSum += p.weight;
    pointScore += p.weight * Math.min(1, points[i]! / POINT_FULL_AT);
  });
  const pointShare = weightSum > 0 ? pointScore / weightSum : recall;
  const mix = rubric.derived ? DERIVED_MIX : KEYED_MIX;
  let raw = mix.points * pointShare + mix.recall * recall + mix.pairs * bigramRecall(rubric, a);

  const questionStems = new Set(analyse(question).stems);
  let novel = 0;
  for (const s of a.stems) if (!questionStems.has(s) && !LIGHT_STEMS.has(s)) novel++;
  const restatesQuestion = !empty && novel === 0;
  if (restatesQuestion) raw = 0;

  const { tokens, stems, stopShare } = a.analysis;
  const isList = tokens.length >= LIST_MIN_TOKENS && stopShare < LIST_MAX_STOP_SHARE;
  const repeats = stems.length >= REPEAT_MIN_STEMS && a.stems.size / stems.length < REPEAT_MAX_DISTINCT;
  if (isList) raw *= LIST_FACTOR;
  if (repeats) raw *= REPEAT_FACTOR;
  return { raw, points, recall, restatesQuestion, listLike: isList || repeats, empty };
}
