import { STREAK_MIN_SCORE } from './scoring.js';
/**
 * Streaks over a channel's rounds (oldest first, skipped rounds already left out): consecutive rounds
 * the user answered with a score of 6 or more. A round still open that the user has not answered yet
 * does not break the current streak.
 */
export function computeStreaks(rounds, scores) {
    let best = 0;
    let run = 0;
    for (const r of rounds) {
        const s = scores.get(r.id);
        if (s !== undefined && s >= STREAK_MIN_SCORE) {
            run += 1;
            best = Math.max(best, run);
        }
        else if (!(r.status === 'open' && s === undefined)) {
            run = 0;
        }
    }
    let current = 0;
    for (let i = rounds.length - 1; i >= 0; i -= 1) {
        const r = rounds[i];
        const s = scores.get(r.id);
        if (s === undefined && r.status === 'open')
            continue;
        if (s === undefined || s < STREAK_MIN_SCORE)
            break;
        current += 1;
    }
    return { current, best };
}
