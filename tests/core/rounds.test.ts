import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/ports.js';
import { bank, question } from '../fakes/questions.js';
import { harness, PLACE, textOf } from '../fakes/harness.js';

describe('the question of the day', () => {
  it('is posted once per channel and local date, however often daily runs', async () => {
    const h = harness();
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/Posted/);
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/already posted/);
    h.clock.advanceHours(3);
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/already posted/);
    expect(h.chat.of('question')).toHaveLength(1);
    const post = h.chat.of('question')[0]!;
    expect(post.target).toMatchObject({ channelId: PLACE.channelId, post: { kind: 'round', tag: expect.stringMatching(/^round-\d+$/) } });
    expect(post.reply).toMatchObject({ visibility: 'public', mode: 'daily', answerCount: 0 });
  });

  it("posts a caught-up slot under its own date, once", async () => {
    const h = harness({ start: '2026-11-24T00:30:00Z' });
    h.store.channels.ensureChannel(PLACE, { timezone: 'UTC' });
    expect((await h.bot.rounds.postDaily(PLACE.channelId, '2026-11-23')).status).toBe('posted');
    expect((await h.bot.rounds.postDaily(PLACE.channelId, '2026-11-23')).status).toBe('exists');
    expect(h.store.rounds.getRoundByDate(PLACE.channelId, '2026-11-23')).not.toBeNull();
    expect((await h.bot.rounds.postDaily(PLACE.channelId)).status).toBe('posted'); // today's is another slot
  });

  it('uses the channel zone for the local date', async () => {
    const h = harness({ start: '2026-11-23T22:30:00Z' });
    await h.cmd('admin', 'schedule 09:00 Asia/Kolkata daily');
    await h.cmd('admin', 'daily');
    expect(h.store.rounds.getOpenRound(PLACE.channelId)?.localDate).toBe('2026-11-24');
  });

  it('does not repeat a question until every question of the packs was asked, then tells admins the cycle restarts', async () => {
    const h = harness();
    const asked: string[] = [];
    for (let day = 0; day < 3; day += 1) {
      await h.cmd('admin', 'daily');
      asked.push(h.chat.of('question').at(-1)!.reply.questionId);
      h.clock.advanceHours(24);
    }
    expect(new Set(asked).size).toBe(3);
    const warnings = h.chat.sent.filter((s) => s.target.admins).map((s) => textOf([s.reply]));
    expect(warnings.some((w) => /unasked question/.test(w))).toBe(true);
    await h.cmd('admin', 'daily');
    expect(h.chat.sent.filter((s) => s.target.admins).map((s) => textOf([s.reply])).at(-1)).toMatch(/cycle restarts/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.cycle).toBe(2);
  });

  it('asks only questions of the channel packs', async () => {
    const content = bank([question('a1', { pack: 'alpha' }), question('b1', { pack: 'beta' }), question('b2', { pack: 'beta' })]);
    const h = harness({ content });
    h.store.channels.ensureChannel(PLACE, { timezone: 'UTC' });
    h.store.channels.updateChannel(PLACE.channelId, { packs: ['beta'] });
    for (let i = 0; i < 4; i += 1) {
      await h.cmd('admin', 'daily');
      h.clock.advanceHours(24);
    }
    expect(new Set(h.chat.of('question').map((q) => q.reply.pack))).toEqual(new Set(['beta']));
  });

  it('closes the previous round when the next one is posted, with one summary each', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    h.clock.advanceHours(20);
    await h.cmd('admin', 'daily');
    expect(h.chat.of('summary')).toHaveLength(1);
    h.clock.advanceHours(30);
    await h.bot.rounds.closeDue();
    await h.bot.rounds.closeDue();
    expect(h.chat.of('summary')).toHaveLength(2);
  });

  it('closes at REVEAL_AFTER_HOURS, also when checked long after', async () => {
    const h = harness({ options: { revealAfterHours: 12 } });
    await h.cmd('admin', 'daily');
    h.clock.advanceHours(11);
    expect(await h.bot.rounds.closeDue()).toBe(0);
    h.clock.advanceHours(60);
    expect(await h.bot.rounds.closeDue()).toBe(1);
  });

  it('summarises a round in its thread with names and scores but never answer text', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'My secret answer text alpha [score 9]');
    await h.answer('bob', 'My secret answer text beta [score 6]');
    await h.answer('cid', 'My secret answer text gamma [score 9]');
    await h.cmd('ann', 'privacy on');
    await h.cmd('admin', 'reveal');
    const summary = h.chat.of('summary')[0]!;
    expect(summary.target.threadOf).toBe(h.chat.of('question')[0]!.ref);
    expect(summary.reply).toMatchObject({ answered: 3, averageScore: 8 });
    expect(summary.reply.top).toEqual([
      { rank: 1, name: 'anonymous', score: 9 },
      { rank: 1, name: 'cid', score: 9 },
      { rank: 3, name: 'bob', score: 6 },
    ]);
    expect(summary.reply.keyPoints.length).toBeGreaterThan(0);
    expect(h.chat.publicText()).not.toMatch(/secret answer/);
  });

  it('lists everyone tied at the cut of the top three in the summary', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    for (const who of ['ann', 'bob', 'cid', 'dee']) await h.answer(who, `A full answer in ${who}'s own words [score 10]`);
    await h.answer('eve', 'A partial answer [score 5]');
    await h.cmd('admin', 'reveal');
    expect(h.chat.of('summary')[0]!.reply.top).toEqual(['ann', 'bob', 'cid', 'dee'].map((name) => ({ rank: 1, name, score: 10 })));
  });

  it('lists everyone tied with the third in the summary, and nobody below them', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const scores: [string, number][] = [['ann', 9], ['bob', 8], ['cid', 7], ['dee', 7], ['eve', 7], ['fay', 6]];
    for (const [who, score] of scores) await h.answer(who, `An answer in ${who}'s own words [score ${score}]`);
    await h.cmd('admin', 'reveal');
    expect(h.chat.of('summary')[0]!.reply.top).toEqual([
      { rank: 1, name: 'ann', score: 9 },
      { rank: 2, name: 'bob', score: 8 },
      { rank: 3, name: 'cid', score: 7 },
      { rank: 3, name: 'dee', score: 7 },
      { rank: 3, name: 'eve', score: 7 },
    ]);
  });

  it('reports a post the platform refused, keeping the round', async () => {
    const h = harness();
    h.chat.failNext = new DeliveryError('forbidden', 'Missing permission to send messages');
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/could not post it here: Missing permission/);
    expect(h.store.rounds.getOpenRound(PLACE.channelId)).not.toBeNull();
  });

  it('refuses admin verbs to members and changes nothing', async () => {
    const h = harness();
    for (const verb of ['daily', 'reveal', 'schedule 09:00', 'unschedule']) {
      expect(textOf(await h.cmd('member', verb))).toMatch(/Only admins can use/);
    }
    expect(h.chat.sent).toHaveLength(0);
    expect(h.store.channels.getChannel(PLACE.channelId)?.postTime).toBeNull();
  });

  it('treats ADMIN_USER_IDS as admins without asking the platform', async () => {
    const h = harness();
    const root = { id: 'discord:root', platformId: 'root', name: 'root' };
    expect(textOf(await h.cmd(root, 'daily'))).toMatch(/Posted/);
  });
});
