import { describe, expect, it } from 'vitest';
import type { QuestionReply, ReportCardReply } from '../../src/core/replies.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { harness, PLACE, textOf } from '../fakes/harness.js';
import { bank, question } from '../fakes/questions.js';

const content = () => bank([question('a1', { topic: 'alpha' }), question('a2', { topic: 'alpha' }), question('b1', { topic: 'beta' }), question('b2', { topic: 'beta' })]);

describe('mock interviews', () => {
  it('asks 3 questions one at a time, with follow-ups, and ends with a report card', async () => {
    const h = harness({ content: content() });
    const start = await h.cmd('ann', 'interview 3');
    expect(textOf(start)).toMatch(/Mock interview: 3 questions, one at a time/);
    const first = start.find((r): r is QuestionReply => r.kind === 'question')!;
    expect(first).toMatchObject({ visibility: 'private', title: 'Interview question 1 of 3', answerRef: expect.stringMatching(/^practice:/) });

    await h.answer('ann', 'first answer [score 4]'); // a follow-up comes, and the next question waits for it
    expect(h.chat.of('grade').at(-1)!.reply.followUp).toBeDefined();
    expect(h.chat.of('question')).toHaveLength(0);
    await h.answer('ann', 'follow-up answer [score 10]');
    const second = h.chat.of('question').at(-1)!;
    expect(second.reply.title).toBe('Interview question 2 of 3');
    expect(second.target).toMatchObject({ userId: 'discord:ann', append: true });

    await h.answer('ann', 'second answer [score 10]'); // full marks: no follow-up, the next question at once
    expect(h.chat.of('question').at(-1)!.reply.title).toBe('Interview question 3 of 3');
    await h.answer('ann', 'third answer [score 6]');
    const passed = await h.cmd('ann', 'pass');
    expect(textOf(passed)).toMatch(/Follow-up passed/);
    const card = passed.find((r): r is ReportCardReply => r.kind === 'report')!;
    expect(card.items.map((i) => [i.score, i.followUp])).toEqual([
      [4, { score: 10, passed: false }],
      [10, null],
      [6, { score: null, passed: true }],
    ]);
    expect(card.average).toBe(6.7);
  });

  it('gives the report card, with scores, topics and what is due, after the last step', async () => {
    const h = harness({ content: content() });
    await h.cmd('ann', 'interview alpha 2');
    await h.answer('ann', 'one [score 10]');
    await h.answer('ann', 'two [score 2]');
    const replies = await h.cmd('ann', 'pass');
    const card = replies.find((r): r is ReportCardReply => r.kind === 'report')!;
    expect(card.stopped).toBe(false);
    expect(card.items.map((i) => [i.topic, i.score, i.followUp])).toEqual([
      ['alpha', 10, null],
      ['alpha', 2, { score: null, passed: true }],
    ]);
    expect(card.average).toBe(6);
    expect(card.topics).toEqual([{ topic: 'alpha', average: 6 }]);
    expect(card.weakest).toBeNull();
    expect(card.nextReview).not.toBeNull();
    expect(h.store.interviews.activeInterview('discord:ann')).toBeNull();
    h.clock.advance(3 * 86_400_000);
    expect(h.bot.practice.dueCount('discord:ann', PLACE.scopeId)).toBeGreaterThanOrEqual(1);
  });

  it('allows one session per member, resumes it, refuses a quiz meanwhile, and stops early', async () => {
    const h = harness({ content: content() });
    await h.cmd('ann', 'interview');
    expect(textOf(await h.cmd('ann', 'interview beta 2'))).toMatch(/already have a mock interview running/);
    expect(textOf(await h.cmd('ann', 'interview'))).toMatch(/still on: question 1 of 5/);
    expect(textOf(await h.cmd('ann', 'quiz'))).toMatch(/You are in a mock interview/);
    await h.answer('ann', 'one [score 10]');
    const stopped = await h.cmd('ann', 'interview stop');
    const card = stopped.find((r): r is ReportCardReply => r.kind === 'report')!;
    expect(card).toMatchObject({ stopped: true });
    expect(card.items.filter((i) => i.score !== null)).toHaveLength(1);
    expect(textOf(await h.cmd('ann', 'interview stop'))).toMatch(/no mock interview running/);
  });

  it('refuses a bad count or an unknown topic', async () => {
    const h = harness({ content: content() });
    expect(textOf(await h.cmd('ann', 'interview 11'))).toMatch(/1 to 10 questions/);
    expect(textOf(await h.cmd('ann', 'interview gamma'))).toMatch(/no topic or pack "gamma"/);
    expect(h.store.interviews.activeInterview('discord:ann')).toBeNull();
  });

  it('survives a restart: the session, its question and its follow-up are in the database', async () => {
    const store = SqliteStore.open(':memory:');
    const before = harness({ content: content(), store });
    await before.cmd('ann', 'interview 2');
    await before.answer('ann', 'one [score 4]');
    const after = harness({ content: content(), store });
    expect(textOf(await after.cmd('ann', 'interview'))).toMatch(/Your follow-up question is open/);
    await after.answer('ann', 'the follow-up [score 10]');
    expect(after.chat.of('question').at(-1)!.reply.title).toBe('Interview question 2 of 2');
  });
});
