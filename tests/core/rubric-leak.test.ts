/**
 * No path to the rubric before the scored answer: while today's round is open, a member who has
 * not answered it sees none of its key points or reference through any verb.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/replies.js';
import { personalPlace } from '../../src/core/personal-place.js';
import { harness, OTHER_SCOPE, PLACE, textOf } from '../fakes/harness.js';
import { bank, question } from '../fakes/questions.js';

const ONLY = () => bank([question('q1', { hint: undefined })]);
/** Anything of q1's rubric: its key points or its reference. */
const RUBRIC = /q1 point|Reference answer for q1/;
const leaks = (replies: Reply[]) => RUBRIC.test(JSON.stringify(replies));

describe('the rubric of an open round, before the member has answered it', () => {
  it('stays hidden through quiz, a practice grade, hint, history and stats, and shows once the member has answered', async () => {
    const h = harness({ content: ONLY() });
    await h.cmd('admin', 'daily');
    const seen: Reply[] = [];
    // A practice round of the same question (the only one there is).
    seen.push(...(await h.cmd('bob', 'quiz')));
    seen.push(...(await h.cmd('bob', 'hint')));
    seen.push(...(await h.answer('bob', 'A practice try [score 5]')));
    const practice = h.chat.of('grade').at(-1)!.reply as Extract<Reply, { kind: 'grade' }>;
    expect(practice.mode).toBe('practice');
    expect(practice.missed).toEqual(['Key idea 3 of 4', 'Key idea 4 of 4']);
    expect(practice.notes.join(' ')).toMatch(/key points stay hidden until you do/);
    seen.push(...(await h.cmd('bob', 'history')), ...(await h.cmd('bob', 'stats')));
    expect(leaks(seen)).toBe(false);
    expect(leaks(h.chat.sent.filter((s) => s.target.userId === 'discord:bob').map((s) => s.reply))).toBe(false);

    // Bob's own scored answer: from now on the key points show.
    await h.answer('bob', 'My daily answer [score 6]');
    const daily = h.chat.of('grade').at(-1)!.reply as Extract<Reply, { kind: 'grade' }>;
    expect(daily.mode).toBe('daily');
    expect(daily.covered).toContain('q1 point one');
    expect(textOf(await h.cmd('bob', 'history'))).toMatch(/q1 point one/);
  });

  it('does not pick the open round\'s question for practice when there is another', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const open = h.store.rounds.getOpenRound(PLACE.channelId)!.questionId;
    for (let i = 0; i < 4; i++) {
      const [q] = await h.cmd('bob', 'quiz');
      expect(q).toMatchObject({ kind: 'question', mode: 'practice' });
      expect((q as Extract<Reply, { kind: 'question' }>).questionId).not.toBe(open);
    }
  });

  it('keeps a hint without a written one free of key points', async () => {
    const h = harness({ content: ONLY() });
    await h.cmd('admin', 'daily');
    const replies = await h.cmd('bob', 'hint');
    expect(textOf(replies)).toMatch(/A full answer states 4 key ideas/);
    expect(leaks(replies)).toBe(false);
  });

  it('numbers the key points in the dispute list for an admin who has not answered the round', async () => {
    const h = harness({ content: ONLY() });
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'Ann answers [score 3]');
    const annAnswer = h.chat.of('grade').at(-1)!.reply as Extract<Reply, { kind: 'grade' }>;
    await h.cmd('ann', `dispute ${annAnswer.answerId} I said more than that`);
    const before = await h.cmd('admin', 'disputes');
    expect(textOf(before)).toMatch(/Key idea 2 of 4/);
    expect(leaks(before)).toBe(false);
    await h.answer('admin', 'The admin answers too [score 8]');
    expect(textOf(await h.cmd('admin', 'disputes'))).toMatch(/q1 point/);
  });

  it("stays hidden in a member's own space (DMs) while a round is open in a server where the member plays", async () => {
    const h = harness();
    const dm = personalPlace('discord', 'bob');
    await h.cmd('bob', 'quiz');
    await h.answer('bob', 'A practice answer in the server [score 5]');
    await h.cmd('admin', 'daily');
    const open = h.store.rounds.getOpenRound(PLACE.channelId)!.questionId;
    for (let i = 0; i < 4; i++) {
      const [q] = await h.cmd('bob', 'quiz', dm);
      expect(q).toMatchObject({ kind: 'question', mode: 'practice' });
      expect((q as Extract<Reply, { kind: 'question' }>).questionId).not.toBe(open);
    }
  });

  it("names the key points in DMs for a server the member never played in, and numbers them once the member plays there", async () => {
    const h = harness({ content: ONLY() });
    const dm = personalPlace('discord', 'bob');
    const practiseInDms = async (text: string) => {
      await h.cmd('bob', 'quiz', dm);
      await h.answer('bob', text, { place: dm });
      return h.chat.of('grade').at(-1)!.reply as Extract<Reply, { kind: 'grade' }>;
    };
    await h.cmd('admin', 'daily', OTHER_SCOPE);
    expect((await practiseInDms('First try [score 5]')).missed).toEqual(['q1 point three', 'q1 point four']);

    await h.cmd('bob', 'quiz');
    await h.answer('bob', 'A practice answer in the server [score 5]');
    await h.cmd('admin', 'daily');
    const second = await practiseInDms('Second try [score 5]');
    expect(second.missed).toEqual(['Key idea 3 of 4', 'Key idea 4 of 4']);
    expect(leaks([second, ...(await h.cmd('bob', 'history', dm))])).toBe(false);
  });
});
