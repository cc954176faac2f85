import { describe, expect, it } from 'vitest';
import type { QuestionReply } from '../../src/core/replies.js';
import { harness, PLACE } from '../fakes/harness.js';
import { nextTurn } from '../fakes/turns.js';

const counts = (h: ReturnType<typeof harness>) => h.chat.edits.map((e) => (e.reply as QuestionReply).answerCount);
const answer = (h: ReturnType<typeof harness>, name: string) =>
  h.bot.handle({ type: 'answer', place: PLACE, actor: { id: `discord:${name}`, platformId: name, name }, text: `${name}'s answer` });

describe('the live answer count on a round post', () => {
  it('is refreshed a moment after an answer, not while it is being acknowledged', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await answer(h, 'ann');
    expect(h.chat.edits).toEqual([]);
    h.clock.advance(250);
    await nextTurn();
    expect(counts(h)).toEqual([1]);
    expect(h.chat.edits[0]!.ref).toBe(h.store.rounds.getOpenRound(PLACE.channelId)!.messageRef);
  });

  it('turns a burst of answers into one edit per interval, always with the latest count', async () => {
    const h = harness({ options: { liveCountIntervalMs: 2_000, maxAnswersPerHour: 100 } });
    await h.cmd('admin', 'daily');
    for (const name of ['a1', 'a2', 'a3']) await answer(h, name);
    h.clock.advance(250);
    await nextTurn();
    for (const name of ['a4', 'a5', 'a6', 'a7']) await answer(h, name);
    h.clock.advance(1_000);
    await nextTurn();
    expect(counts(h)).toEqual([3]);
    h.clock.advance(1_000);
    await nextTurn();
    expect(counts(h)).toEqual([3, 7]);
    h.clock.advance(10_000);
    await nextTurn();
    expect(counts(h)).toEqual([3, 7]);
  });

  it('shows the closed round at once when the round closes, without a late refresh after it', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await answer(h, 'ann');
    await h.cmd('admin', 'reveal');
    expect(h.chat.edits.map((e) => (e.reply as QuestionReply).closed)).toEqual([true]);
    h.clock.advance(5_000);
    await nextTurn();
    expect(h.chat.edits).toHaveLength(1);
  });

  it('shows a waiting count at once at shutdown', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await answer(h, 'ann');
    await h.bot.rounds.liveCounts.flush();
    expect(counts(h)).toEqual([1]);
    expect(h.clock.pending()).toBe(0);
  });
});
