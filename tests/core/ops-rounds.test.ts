import { describe, expect, it } from 'vitest';
import { DeliveryError, type Target } from '../../src/core/ports.js';
import type { Reply, StatsReply } from '../../src/core/replies.js';
import { harness, OTHER_CHANNEL, OTHER_SCOPE, PLACE, textOf, type Harness } from '../fakes/harness.js';

const DAY = 24 * 3_600_000;

/** Makes the channel refuse public posts (admin notices and private replies still go through). */
function refusePosts(h: Harness, error: () => Error): { stop(): void; attempts: () => number } {
  const send = h.chat.send.bind(h.chat);
  let on = true;
  let attempts = 0;
  h.chat.send = async (target: Target, reply: Reply) => {
    if (on && !target.admins && !target.userId && reply.kind === 'question') {
      attempts += 1;
      throw error();
    }
    return send(target, reply);
  };
  return { stop: () => (on = false), attempts: () => attempts };
}

const adminNotices = (h: Harness) => h.chat.sent.filter((s) => s.target.admins).map((s) => textOf([s.reply]));

describe('skip', () => {
  it('closes the round without points, leaves streaks alone and retires its question until the cycle restarts', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'day one [score 8]');
    h.clock.advance(DAY);
    await h.cmd('admin', 'daily');
    const skipped = h.store.rounds.getOpenRound(PLACE.channelId)!;
    await h.answer('ann', 'day two [score 9]');
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')?.points).toBe(17);

    expect(textOf(await h.cmd('admin', 'skip'))).toMatch(/Skipped: the round is closed without points/);
    expect(h.store.rounds.getRound(skipped.id)?.status).toBe('skipped');
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')?.points).toBe(8);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, PLACE.channelId, 'all')?.answers).toBe(1);
    const notice = h.chat.of('summary').at(-1)!;
    expect(notice.reply).toMatchObject({ skipped: true, top: [] });
    expect(notice.target.threadOf).toBe(h.chat.of('question').at(-1)!.ref);

    h.clock.advance(DAY);
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'day three [score 7]');
    const [stats] = (await h.cmd('ann', 'stats')) as StatsReply[];
    expect(stats).toMatchObject({ points: 15, answers: 2, currentStreak: 2 });
    // Three questions: the skipped one stays asked in this cycle, so day three asked the third.
    expect(new Set(h.chat.of('question').map((q) => q.reply.questionId)).size).toBe(3);
    expect(textOf(await h.cmd('admin', 'skip'))).toMatch(/Skipped/);
    expect(textOf(await h.cmd('admin', 'skip'))).toMatch(/no open round in this channel to skip/);
  });

  it('keeps a grade that arrives after the skip off the leaderboard and out of disputes', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.bot.handle({ type: 'answer', place: PLACE, actor: { id: 'discord:ann', platformId: 'ann', name: 'ann' }, text: 'late [score 9]' });
    await h.cmd('admin', 'skip');
    await h.settle();
    const grade = h.chat.of('grade').at(-1)!.reply;
    expect(grade).toMatchObject({ score: 9, points: 0, disputable: false });
    expect(grade.notes.join(' ')).toMatch(/skipped this round, so it earns no points/);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')).toBeNull();
  });
});

describe('repost', () => {
  it('posts the open round again as the same round, and the summary follows the new message', async () => {
    const h = harness();
    expect(textOf(await h.cmd('admin', 'repost'))).toMatch(/no open round in this channel to repost/);
    await h.cmd('admin', 'daily');
    const round = h.store.rounds.getOpenRound(PLACE.channelId)!;
    await h.answer('ann', 'first [score 6]');
    expect(textOf(await h.cmd('admin', 'repost'))).toMatch(/Posted the open round again/);
    const posts = h.chat.of('question');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.reply).toMatchObject({ answerRef: `round:${round.id}`, answerCount: 1 });
    expect(h.store.rounds.getOpenRound(PLACE.channelId)).toMatchObject({ id: round.id, messageRef: posts[1]!.ref });
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/already posted/);
    await h.cmd('admin', 'reveal');
    expect(h.chat.of('summary')[0]!.target.threadOf).toBe(posts[1]!.ref);
    expect(h.store.admins.recentActions(PLACE.scopeId, 10).map((a) => a.action)).toEqual(['reveal', 'repost', 'daily']);
  });

  it('says why when the platform refuses, keeping the round as it was', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const before = h.store.rounds.getOpenRound(PLACE.channelId)!;
    h.chat.failNext = new DeliveryError('forbidden', 'the bot lacks permission for the post (Missing Access)');
    expect(textOf(await h.cmd('admin', 'repost'))).toMatch(/could not post the round here: the bot lacks permission.*Nothing changed/);
    expect(h.store.rounds.getOpenRound(PLACE.channelId)).toEqual(before);
  });
});

describe('permission checks', () => {
  it('refuse schedule, daily, resume and repost naming what the bot is missing, and change nothing', async () => {
    const h = harness();
    Object.assign(h.chat, { checkPermissions: async () => ['Embed Links', 'Create Public Threads'] });
    const missing = /I am missing Embed Links and Create Public Threads here/;
    expect(textOf(await h.cmd('admin', 'schedule 09:00'))).toMatch(missing);
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(missing);
    expect(h.store.channels.getChannel(PLACE.channelId)?.postTime).toBeNull();
    expect(h.store.rounds.getOpenRound(PLACE.channelId)).toBeNull();
    expect(h.chat.sent).toHaveLength(0);

    Object.assign(h.chat, { checkPermissions: async () => [] });
    expect(textOf(await h.cmd('admin', 'schedule 09:00'))).toMatch(/Scheduled/);
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/Posted/);
    Object.assign(h.chat, { checkPermissions: async () => ['Send Messages'] });
    expect(textOf(await h.cmd('admin', 'repost'))).toMatch(/I cannot post the question in this channel: I am missing Send Messages here. Once that is fixed \(the channel's permissions, or prepbot's role\), try again./);
    await h.cmd('admin', 'pause');
    expect(textOf(await h.cmd('admin', 'resume'))).toMatch(/missing Send Messages/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.paused).toBe(true);
  });

  it('ask the platform nothing when today is already posted', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    let asked = 0;
    Object.assign(h.chat, { checkPermissions: async () => (asked++, ['Send Messages']) });
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/already posted/);
    expect(asked).toBe(0);
  });
});

describe('a failed daily post', () => {
  it('keeps its round, is retried with back-off while CATCH_UP_HOURS lasts, then given up, and admins hear once', async () => {
    const h = harness({ options: { catchUpHours: 6 } });
    await h.cmd('admin', 'schedule 09:00');
    const refusal = refusePosts(h, () => new DeliveryError('forbidden', 'the bot lacks permission for the daily post (Missing Permissions)'));
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/could not post it here: the bot lacks permission.*keep trying for 6 hours/);
    const round = h.store.rounds.getOpenRound(PLACE.channelId)!;
    expect(round.delivery).toBe('pending');

    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 0, waiting: 1, gaveUp: 0 }); // backing off
    expect(refusal.attempts()).toBe(1);
    for (let minute = 0; minute < 5 * 60; minute += 1) {
      h.clock.advance(60_000);
      await h.bot.rounds.retryUndelivered();
    }
    // 1, 2, 4, 8 then every 15 minutes: a few dozen attempts in five hours, not one a minute.
    expect(refusal.attempts()).toBeGreaterThan(10);
    expect(refusal.attempts()).toBeLessThan(30);
    h.clock.advanceHours(1.1);
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 0, waiting: 0, gaveUp: 1 });
    const attempts = refusal.attempts();
    await h.bot.rounds.retryUndelivered();
    expect(refusal.attempts()).toBe(attempts);

    const notices = adminNotices(h).filter((n) => /could not post today's question/.test(n));
    expect(notices).toEqual([
      "I could not post today's question in this channel: the bot lacks permission for the daily post (Missing Permissions). I will keep trying until Mon 23 Nov 15:00 (UTC); once the channel is fixed, /prep admin repost posts it at once.",
    ]);
    expect(h.store.rounds.getRound(round.id)).toMatchObject({ status: 'open', delivery: 'failed' });
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/already posted/);
    expect(h.store.rounds.getRoundByDate(PLACE.channelId, round.localDate)?.id).toBe(round.id);
  });

  it('is delivered by a retry once the channel is fixed, as the same round', async () => {
    const h = harness();
    const refusal = refusePosts(h, () => new DeliveryError('failed', 'Discord refused the post: 500'));
    await h.cmd('admin', 'daily');
    refusal.stop();
    h.clock.advance(60_000);
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 1, waiting: 0, gaveUp: 0 });
    const post = h.chat.of('question');
    expect(post).toHaveLength(1);
    expect(h.store.rounds.getOpenRound(PLACE.channelId)).toMatchObject({ delivery: 'sent', messageRef: post[0]!.ref });
    h.clock.advanceHours(1);
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 0, waiting: 0, gaveUp: 0 });
    expect(h.chat.of('question')).toHaveLength(1);
  });

  it('waits out a rate limit as long as it says, without bothering the admins', async () => {
    const h = harness();
    const refusal = refusePosts(h, () => new DeliveryError('rate_limited', 'Slack asked prepbot to slow down', 5_000));
    await h.cmd('admin', 'daily');
    refusal.stop();
    h.clock.advance(4_000);
    expect((await h.bot.rounds.retryUndelivered()).delivered).toBe(0);
    h.clock.advance(1_000);
    expect((await h.bot.rounds.retryUndelivered()).delivered).toBe(1);
    expect(adminNotices(h).filter((n) => /could not post/.test(n))).toEqual([]);
  });

  it('closes quietly when never delivered: no summary under a post nobody saw', async () => {
    const h = harness();
    refusePosts(h, () => new DeliveryError('forbidden', 'Missing Permissions'));
    await h.cmd('admin', 'daily');
    h.clock.advanceHours(30);
    expect(await h.bot.rounds.closeDue()).toBe(1);
    expect(h.chat.of('summary')).toHaveLength(0);
  });
});

describe('a lost channel', () => {
  it('suspends the schedule when a post finds the channel gone, keeping everything, and schedule resumes it', async () => {
    const h = harness();
    await h.cmd('admin', 'schedule 09:00');
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'x [score 8]');
    h.clock.advance(DAY);
    const refusal = refusePosts(h, () => new DeliveryError('channel_gone', 'this channel is archived'));
    await h.cmd('admin', 'daily');
    expect(h.store.channels.getChannel(PLACE.channelId)).toMatchObject({ suspended: true, postTime: '09:00' });
    const told = adminNotices(h).filter((n) => /could not post/.test(n));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/because this channel is archived, so this channel's daily post is suspended. Nothing was deleted; .*run \/prep admin schedule there to resume/);
    expect(h.store.admins.recentActions(PLACE.scopeId, 5)).toContainEqual(expect.objectContaining({ actorId: 'prepbot', action: 'suspend', detail: 'this channel is archived' }));
    h.clock.advance(30 * 60_000);
    expect((await h.bot.rounds.retryUndelivered()).waiting).toBe(1); // suspended: not tried
    expect(refusal.attempts()).toBe(1);

    refusal.stop();
    expect(textOf(await h.cmd('admin', 'schedule 09:00'))).toMatch(/suspended schedule is resumed; history and points are intact/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.suspended).toBe(false);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')?.points).toBe(8);
    expect((await h.bot.rounds.retryUndelivered()).delivered).toBe(1);
  });

  it('is suspended by Bot.channelGone, and the whole server by Bot.scopeGone, deleting nothing', async () => {
    const h = harness();
    await h.cmd('admin', 'schedule 09:00');
    await h.cmd('admin', 'schedule 10:00', OTHER_CHANNEL);
    await h.cmd('admin', 'schedule 11:00', OTHER_SCOPE);
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'x [score 7]');
    expect(await h.bot.channelGone(PLACE.channelId)).toBe(true);
    expect(await h.bot.channelGone(PLACE.channelId)).toBe(false);
    expect(adminNotices(h).at(-1)).toMatch(/its schedule is suspended. Nothing was deleted; run \/prep admin schedule in it again to resume/);
    expect(h.bot.scopeGone(PLACE.scopeId)).toBe(1); // the other channel of the server; the first one already was
    expect(h.store.channels.getChannel(OTHER_CHANNEL.channelId)?.suspended).toBe(true);
    expect(h.store.channels.getChannel(OTHER_SCOPE.channelId)?.suspended).toBe(false);
    expect(h.store.channels.getChannel(PLACE.channelId)?.postTime).toBe('09:00');
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')?.points).toBe(7);
    expect(textOf(await h.cmd('admin', 'settings'))).toMatch(/suspended: prepbot lost this channel/);
    await h.cmd('admin', 'schedule 09:00');
    expect(h.store.channels.getChannel(PLACE.channelId)?.suspended).toBe(false);
  });

  it('is not touched by an outage: a failed post leaves the schedule as it was', async () => {
    const h = harness();
    await h.cmd('admin', 'schedule 09:00');
    refusePosts(h, () => new DeliveryError('failed', 'could not deliver the post: ECONNRESET'));
    await h.cmd('admin', 'daily');
    expect(h.store.channels.getChannel(PLACE.channelId)).toMatchObject({ suspended: false, paused: false, postTime: '09:00' });
    h.clock.advanceHours(1);
    expect(h.store.channels.getChannel(PLACE.channelId)?.suspended).toBe(false);
  });
});
