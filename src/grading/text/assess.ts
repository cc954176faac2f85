/**
 * One answer against one claim rubric: for each key point, whether the answer states it
 * (mentioned, partly, not mentioned, or reversed), and the weighted share of the rubric it earns.
 * The constants are global, chosen once; none is tuned per question.
 */
import type { ClaimRubric } from './claim-rubric.js';
import { echoes, LIST_MAX_STOP_SHARE, LIST_MIN_TOKENS, matchPoint, prepareAnswer } from './claims.js';
import { readText } from './nlp.js';
import { partsCredit, starCues } from './star.js';

/**
 * A key point is mentioned from this credit, partly mentioned from `partlyAt`; below, it earns
 * nothing. It earns its full weight from `fullAt`. Points guessed from the reference's clauses (no
 * key points) are short and loose, so any credit counts there, and less of it is full.
 */
export const MENTIONED_AT = 0.5;
export const KEYED = { partlyAt: 0.25, fullAt: 0.7 };
export const DERIVED = { partlyAt: 0, fullAt: 0.5 };
/**
 * In a story question (`rubric: star`), a structure point (situation, actions, result,
 * reflection) weighs this many times its written weight offline: the structure is what the offline
 * grader can read, while the question's own points are matched only by their words.
 */
export const STRUCTURE_WEIGHT = 2;
/** Share of its weight a reversed key point takes off the answer's total. */
export const REVERSED_PENALTY = 0.5;

export type PointState = 'mentioned' | 'partly' | 'missed' | 'reversed';

export interface Assessment {
  /** Weighted share of the rubric the answer earns, 0..1 (before the score curve). */
  share: number;
  /** Each point's state, in rubric order. */
  states: PointState[];
  /** Each point's credit, 0..1. */
  credits: number[];
  /** No word of the answer goes beyond what the question and hint already say. */
  restatesQuestion: boolean;
  /** The answer reads as a keyword list. */
  listLike: boolean;
  empty: boolean;
}

export function assess(rubric: ClaimRubric, answer: string): Assessment {
  const { partlyAt, fullAt } = rubric.derived ? DERIVED : KEYED;
  const read = readText(answer, { story: rubric.story });
  const empty = read.words.length === 0;
  const prepared = prepareAnswer(read, echoes(read, rubric));
  const cues = read.tokenView ? starCues(read.tokenView, prepared.claimless) : undefined;
  const states: PointState[] = [];
  const credits: number[] = [];
  let earned = 0;
  let total = 0;
  for (const p of rubric.points) {
    let m = matchPoint(p, prepared);
    let fraction = Math.min(1, m.credit / fullAt);
    // A story's structure point: its words, or its cues (each already on its own 0..1 scale),
    // whichever shows more; words never reverse it.
    if (cues && p.star.length > 0) {
      const cue = partsCredit(p.star, cues);
      m = { credit: Math.max(m.credit, cue), contradicted: 0 };
      fraction = Math.max(fraction, cue);
    }
    const weight = p.star.length > 0 && cues ? p.weight * STRUCTURE_WEIGHT : p.weight;
    total += weight;
    let state: PointState;
    if (m.contradicted > 0) {
      state = 'reversed';
      earned -= REVERSED_PENALTY * weight;
    } else if (m.credit >= MENTIONED_AT) state = 'mentioned';
    else if (m.credit >= partlyAt && m.credit > 0) state = 'partly';
    else state = 'missed';
    if (state === 'mentioned' || state === 'partly') earned += weight * fraction;
    states.push(state);
    credits.push(state === 'reversed' ? 0 : m.credit);
  }
  const restatesQuestion = !empty && read.words.every((w) => rubric.given.has(w.key));
  const listLike = read.tokens >= LIST_MIN_TOKENS && read.stopShare < LIST_MAX_STOP_SHARE;
  const share = total > 0 ? Math.max(0, earned) / total : 0;
  return { share, states, credits, restatesQuestion, listLike, empty };
}
