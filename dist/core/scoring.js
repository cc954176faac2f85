/** Most points a daily answer earns after its author took a hint. */
export const HINT_CAP = 7;
/**
 * Points an answer earns for a grade: the score, capped at 7 for a hinted daily answer. Whether
 * they reach a leaderboard depends on `answer.counts` (the first answer to an open round).
 */
export function pointsFor(answer, score) {
    return answer.kind === 'daily' && answer.hinted ? Math.min(score, HINT_CAP) : score;
}
/** A score of 6 or more keeps a streak going. */
export const STREAK_MIN_SCORE = 6;
