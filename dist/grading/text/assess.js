/**
 * One answer against one rubric: key-point coverage, reference-term recall and pair matches,
 * combined into a raw coverage 0..1, with light penalties for answers without sentence structure
 * (keyword lists) or that repeat themselves, and nothing for an answer that only restates the
 * question. The constants are global, chosen once; none is tuned per question.
 */
import { answerTerms, bigramRecall, pointCoverage, termCredits, weightedRecall } from './coverage.js';
import { LIGHT_STEMS } from './terms.js';
/** A key point counts as covered from this share of its weighted terms, as partly covered from PARTLY_AT. */
export const COVERED_AT = 0.5;
export const PARTLY_AT = 0.3;
/** A key point's share at which it earns full credit in the score. */
const POINT_FULL_AT = 0.7;
/**
 * Mix of the parts. `recallFull` is the reference recall that earns the part in full: with key
 * points given they lead, and the reference (often a long essay) only needs to be half echoed.
 */
const DERIVED_MIX = { points: 0.4, recall: 0.4, pairs: 0.2, recallFull: 1 };
const KEYED_MIX = { points: 0.75, recall: 0.25, pairs: 0, recallFull: 0.5 };
/**
 * Keyword lists: at least this many words, mostly in Latin letters (the stop words are English),
 * and almost no function words. Their score is scaled by LIST_FACTOR, so a heap of the
 * reference's words does not score like a written answer.
 */
const LIST_MIN_TOKENS = 6;
const LIST_MAX_STOP_SHARE = 0.1;
const LIST_FACTOR = 0.6;
/**
 * Answers that repeat their words far more than the reference does (distinct share below this
 * fraction of the reference's) are scaled by REPEAT_FACTOR.
 */
const REPEAT_MIN_STEMS = 6;
const REPEAT_RELATIVE = 0.6;
const REPEAT_FACTOR = 0.7;
export function assess(rubric, answer) {
    const a = answerTerms(answer);
    const empty = a.stems.size === 0;
    const credits = termCredits(rubric, a);
    const recall = weightedRecall(rubric.terms, rubric.total, credits);
    const points = pointCoverage(rubric.points, credits);
    let weightSum = 0;
    let pointScore = 0;
    rubric.points.forEach((p, i) => {
        weightSum += p.weight;
        pointScore += p.weight * Math.min(1, points[i] / POINT_FULL_AT);
    });
    const pointShare = weightSum > 0 ? pointScore / weightSum : recall;
    const mix = rubric.derived ? DERIVED_MIX : KEYED_MIX;
    let raw = mix.points * pointShare + mix.recall * Math.min(1, recall / mix.recallFull) + mix.pairs * bigramRecall(rubric, a);
    let novel = 0;
    for (const s of a.stems)
        if (!rubric.questionStems.has(s) && !LIGHT_STEMS.has(s))
            novel++;
    const restatesQuestion = !empty && novel === 0;
    if (restatesQuestion)
        raw = 0;
    const { tokens, stems, stopShare, latinTokens } = a.analysis;
    const isList = tokens.length >= LIST_MIN_TOKENS && latinTokens * 2 >= tokens.length && stopShare < LIST_MAX_STOP_SHARE;
    const repeats = stems.length >= REPEAT_MIN_STEMS && a.stems.size / stems.length < REPEAT_RELATIVE * rubric.distinctShare;
    const factor = (isList ? LIST_FACTOR : 1) * (repeats ? REPEAT_FACTOR : 1);
    return { raw, factor, points, recall, restatesQuestion, listLike: isList || repeats, empty };
}
