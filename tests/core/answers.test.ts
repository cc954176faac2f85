import { describe, expect, it } from 'vitest';
import type { GradeReply } from '../../src/core/replies.js';
import { harness, OTHER_CHANNEL, OTHER_SCOPE, PLACE, textOf } from '../fakes/harness.js';

const grades = (h: ReturnType<typeof harness>, user: string) =>
  h.chat.of('grade').filter((s) => s.target.userId === `discord:${user}`).map((s) => s.reply as GradeReply);

describe('answering', () => {
  it('stores the answer before acknowledging it, then replies privately with the grade', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const [ack] = await h.bot.handle({ type: 'answer', place: PLACE, actor: { id: 'discord:ann', platformId: 'ann', name: 'ann' }, text: 'Attention [score 8]' });
    expect(ack).toMatchObject({ kind: 'ack', visibility: 'private' });
    const answerId = (ack as { answerId: number }).answerId;
    expect(h.store.answers.getAnswer(answerId)?.text).toBe('Attention [score 8]');
    await h.settle();
    const [grade] = grades(h, 'ann');
    expect(grade).toMatchObject({ score: 8, points: 8, mode: 'daily', visibility: 'private', disputable: true });
    expect(grade!.covered.length + grade!.missed.length).toBe(4);
    expect(h.chat.of('grade')[0]!.target).toMatchObject({ channelId: PLACE.channelId, userId: 'discord:ann' });
  });

  it('scores only the first answer to a round; later ones are practice', async () => {
    const h = harness();
    await h.cmd('admin', 'settings follow-ups off');
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'first try [score 4]');
    const [ack] = await h.answer('ann', 'better try [score 10]');
    expect(textOf([ack!])).toMatch(/graded as practice/);
    expect(grades(h, 'ann').map((g) => [g.score, g.points, g.mode])).toEqual([[4, 4, 'daily'], [10, 0, 'practice']]);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')).toMatchObject({ points: 4, answers: 1 });
  });

  it('grades an answer to a closed round as practice and says so', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const ref = `round:${h.store.rounds.getOpenRound(PLACE.channelId)!.id}`;
    await h.cmd('admin', 'reveal');
    const [ack] = await h.answer('ann', 'late [score 9]', { ref });
    expect(textOf([ack!])).toMatch(/round has closed/);
    expect(grades(h, 'ann')[0]).toMatchObject({ mode: 'practice', points: 0 });
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')).toBeNull();
  });

  it('refuses empty and whitespace answers, storing nothing', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    for (const text of ['', '   ', '\n\t ']) {
      expect(textOf(await h.answer('ann', text))).toMatch(/empty/);
    }
    expect(h.store.answers.pendingJobCount()).toBe(0);
    expect(h.store.answers.answerTimesSince('discord:ann', 0)).toEqual([]);
  });

  it('refuses answers over 4,000 characters with the limit stated, storing nothing', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const reply = textOf(await h.answer('ann', 'x'.repeat(4001)));
    expect(reply).toMatch(/limited to 4,000 characters; yours has 4,001/);
    expect(h.store.answers.answerTimesSince('discord:ann', 0)).toEqual([]);
    expect(textOf(await h.answer('ann', 'y'.repeat(4000)))).toMatch(/Answer saved/);
  });

  it('keeps SQL metacharacters, Markdown, mentions and non-Latin text as written', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const text = "'; DROP TABLE answers; -- @everyone **bold** Механизм внимания 注意力机制";
    const [ack] = await h.answer('ann', text);
    expect(h.store.answers.getAnswer((ack as { answerId: number }).answerId)?.text).toBe(text);
    expect(grades(h, 'ann')).toHaveLength(1);
  });

  it('says so when there is no open question', async () => {
    const h = harness();
    expect(textOf(await h.answer('ann', 'hello'))).toMatch(/no open question/);
  });

  it("refuses a button naming another channel's or another server's round", async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const ref = `round:${h.store.rounds.getOpenRound(PLACE.channelId)!.id}`;
    for (const place of [OTHER_CHANNEL, OTHER_SCOPE]) {
      expect(textOf(await h.answer('ann', 'sneaky', { place, ref }))).toMatch(/not available here/);
      expect(textOf(await h.bot.handle({ type: 'open-answer', place, actor: { id: 'discord:ann', platformId: 'ann', name: 'ann' }, answerRef: ref }))).toMatch(/not available here/);
    }
    for (const bad of ['round:abc', 'practice:', 'round:99999', "round:1' OR 1=1"]) {
      expect(textOf(await h.answer('ann', 'x', { ref: bad }))).toMatch(/not available here/);
    }
    expect(h.store.answers.answerTimesSince('discord:ann', 0)).toEqual([]);
  });

  it("does not let one user answer another user's practice question", async () => {
    const h = harness();
    await h.cmd('ann', 'quiz');
    const prompt = h.store.practice.latestOpenPractice('discord:ann', PLACE.scopeId)!;
    expect(textOf(await h.answer('bob', 'mine now', { ref: `practice:${prompt.id}` }))).toMatch(/not available here/);
  });

  it('opens a form for the round, noting when the answer will only be practice', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const ref = `round:${h.store.rounds.getOpenRound(PLACE.channelId)!.id}`;
    const ann = { id: 'discord:ann', platformId: 'ann', name: 'ann' };
    const [form] = await h.bot.handle({ type: 'open-answer', place: PLACE, actor: ann, answerRef: ref });
    expect(form).toMatchObject({ kind: 'form', mode: 'daily', maxLength: 4000 });
    await h.answer('ann', 'done');
    const [again] = await h.bot.handle({ type: 'open-answer', place: PLACE, actor: ann, answerRef: ref });
    expect(again).toMatchObject({ kind: 'form', mode: 'practice', note: expect.stringMatching(/already answered/) });
  });

  it('limits graded answers per hour and says when to come back, sending nothing to the grader', async () => {
    const h = harness({ options: { maxAnswersPerHour: 3 } });
    await h.cmd('admin', 'daily');
    for (let i = 0; i < 3; i += 1) {
      await h.answer('ann', `try ${i}`);
      h.clock.advance(60_000);
    }
    const calls = h.grader.calls.length;
    expect(textOf(await h.answer('ann', 'one more'))).toMatch(/3 answers in the last hour.*again in 57 minutes/);
    expect(h.grader.calls.length).toBe(calls);
    h.clock.advance(57 * 60_000);
    expect(textOf(await h.answer('ann', 'back again'))).toMatch(/Answer saved/);
  });

  it('caps a hinted daily answer at 7 points while showing the grader score', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    expect(textOf(await h.cmd('ann', 'hint'))).toMatch(/at most 7 points/);
    await h.answer('ann', 'full marks [score 10]');
    const [g] = grades(h, 'ann');
    expect(g).toMatchObject({ score: 10, points: 7 });
    expect(g!.notes.join(' ')).toMatch(/hint/);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')?.points).toBe(7);
  });

  it('answers practice when a quiz was asked after the round was posted', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    h.clock.advance(60_000);
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'practice [score 6]');
    expect(grades(h, 'ann')[0]).toMatchObject({ mode: 'practice', followUp: { answerRef: expect.stringMatching(/^followup:/) } });
    // The follow-up is the newest question now; passing it leaves the round as the open one.
    expect(textOf(await h.cmd('ann', 'pass'))).toMatch(/Follow-up passed/);
    await h.answer('ann', 'daily [score 8]');
    expect(grades(h, 'ann')[1]).toMatchObject({ mode: 'daily', points: 8 });
  });
});
