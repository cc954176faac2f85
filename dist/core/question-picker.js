import { createHash } from 'node:crypto';
/**
 * Picks the next question of a channel: one not yet asked in the current cycle, chosen by a stable
 * hash of the channel and date (so a retry of the same slot picks the same question).
 */
export function pickUnasked(candidates, asked, seed) {
    const unasked = candidates.filter((q) => !asked.has(q.id)).sort((a, b) => a.id.localeCompare(b.id));
    if (unasked.length === 0)
        return { question: null, remaining: 0 };
    const h = createHash('sha256').update(seed).digest().readUInt32BE(0);
    return { question: unasked[h % unasked.length], remaining: unasked.length - 1 };
}
