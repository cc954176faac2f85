import { createHash } from 'node:crypto';
import type { Question } from './model.js';

/**
 * Picks the next question of a channel: one not yet asked in the current cycle, chosen by a stable
 * hash of `seed` (the channel, its cycle and how many questions it has asked). A retry of the same
 * slot, or a second process posting it, picks the same question; each channel goes through its
 * packs in its own order, whatever the dates, so a new channel's first question is known (the
 * README's tour relies on it).
 */
export function pickUnasked(candidates: readonly Question[], asked: Set<string>, seed: string): { question: Question | null; remaining: number } {
  const unasked = candidates.filter((q) => !asked.has(q.id)).sort((a, b) => a.id.localeCompare(b.id));
  if (unasked.length === 0) return { question: null, remaining: 0 };
  const h = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return { question: unasked[h % unasked.length]!, remaining: unasked.length - 1 };
}
