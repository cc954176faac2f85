import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { OTHER_CHANNEL, PLACE, textOf } from '../fakes/harness.js';
import { scheduledBot, type ScheduledBot } from './scheduled-bot.js';

const open: ScheduledBot[] = [];
function bot(...args: Parameters<typeof scheduledBot>): ScheduledBot {
  const b = scheduledBot(...args);
  open.push(b);
  return b;
}
afterEach(async () => {
  for (const b of open.splice(0)) await b.scheduler.stop();
});
/** The daily-post tasks node-cron would run now. */
const postTasks = (b: ScheduledBot) => [...b.cron.live().values()].filter((t) => t.name.startsWith('prepbot:post:'));

describe('the daily post on a moving clock', () => {
  it('posts 09:00 Europe/Berlin at 08:00 UTC before the spring change and 07:00 UTC after it', async () => {
    const b = bot({ start: '2026-03-26T12:00:00Z' });
    await b.cmd('admin', 'schedule 09:00 Europe/Berlin daily');
    await b.scheduler.start(b.bot.rounds);
    await b.run('2026-03-27T00:00:00Z', '2026-03-30T23:59:00Z');
    expect(b.rounds().map((r) => r.postedAt)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(b.chat.of('question')).toHaveLength(4);
  });

  it('posts 09:00 Europe/Berlin at 07:00 UTC before the autumn change and 08:00 UTC after it', async () => {
    const b = bot({ start: '2026-10-22T12:00:00Z' });
    await b.cmd('admin', 'schedule 09:00 Europe/Berlin daily');
    await b.scheduler.start(b.bot.rounds);
    await b.run('2026-10-23T00:00:00Z', '2026-10-26T23:59:00Z');
    expect(b.rounds().map((r) => r.postedAt)).toEqual([
      '2026-10-23T07:00:00.000Z',
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('posts a time the clock change skips or repeats exactly once that day', async () => {
    const b = bot({ start: '2026-03-27T12:00:00Z' });
    await b.cmd('admin', 'schedule 02:30 Europe/Berlin daily');
    await b.scheduler.start(b.bot.rounds);
    await b.run('2026-03-28T00:00:00Z', '2026-03-30T02:00:00Z');
    // 29 March has no 02:30 in Berlin: the post comes when the clock reads 03:30 CEST, an hour "late" on the wall.
    expect(b.rounds().map((r) => r.postedAt)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
    await b.run('2026-10-24T00:00:00Z', '2026-10-26T02:00:00Z');
    // 25 October has 02:30 twice (CEST, then CET): one post, at the first.
    expect(b.rounds().slice(3).map((r) => r.postedAt)).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('skips the weekend for a weekdays schedule', async () => {
    const b = bot({ start: '2026-11-26T12:00:00Z' }); // Thursday
    await b.cmd('admin', 'schedule 09:00 Europe/Berlin weekdays');
    await b.scheduler.start(b.bot.rounds);
    await b.run('2026-11-27T00:00:00Z', '2026-12-01T00:00:00Z', 5 * 60_000);
    expect(b.rounds().map((r) => r.date)).toEqual(['2026-11-27', '2026-11-30']); // Friday, Monday
  });

  it('posts a UTC+05:30 channel on its own local date', async () => {
    const b = bot({ start: '2026-11-23T12:00:00Z' });
    await b.cmd('admin', 'schedule 00:15 Asia/Kolkata daily');
    await b.scheduler.start(b.bot.rounds);
    await b.run('2026-11-23T18:00:00Z', '2026-11-24T19:00:00Z');
    expect(b.rounds()).toEqual([
      { date: '2026-11-24', postedAt: '2026-11-23T18:45:00.000Z', status: 'closed' },
      { date: '2026-11-25', postedAt: '2026-11-24T18:45:00.000Z', status: 'open' },
    ]);
  });

  it('posts nothing for a schedule set after today\'s time has passed, then posts at the next slot', async () => {
    const b = bot({ start: '2026-11-23T10:00:00Z' });
    await b.scheduler.start(b.bot.rounds);
    expect(textOf(await b.cmd('admin', 'schedule 09:00 UTC daily'))).toMatch(/Next post: Tue 24 Nov 09:00/);
    await b.run('2026-11-23T10:00:00Z', '2026-11-23T23:59:00Z', 10 * 60_000);
    expect(b.rounds()).toEqual([]);
    await b.restart('2026-11-23T11:00:00Z'); // a restart does not make it a catch-up either
    expect(b.rounds()).toEqual([]);
    await b.run('2026-11-24T08:55:00Z', '2026-11-24T09:05:00Z');
    expect(b.rounds().map((r) => r.postedAt)).toEqual(['2026-11-24T09:00:00.000Z']);
  });

  it('takes schedule and unschedule into account at once, without a restart', async () => {
    const b = bot({ start: '2026-11-23T08:00:00Z' });
    await b.scheduler.start(b.bot.rounds);
    expect(postTasks(b)).toEqual([]);
    await b.cmd('admin', 'schedule 08:30 Europe/Berlin weekdays');
    expect(postTasks(b)).toMatchObject([{ expression: '30 8 * * 1-5', timezone: 'Europe/Berlin' }]);
    await b.cmd('admin', 'schedule 09:00 Asia/Kolkata daily');
    expect(postTasks(b)).toMatchObject([{ expression: '0 9 * * *', timezone: 'Asia/Kolkata' }]);
    await b.cmd('admin', 'unschedule');
    expect(postTasks(b)).toEqual([]);
    await b.run('2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z', 15 * 60_000);
    expect(b.rounds()).toEqual([]);
  });

  it('arms one task per schedule in use, shared by the channels on it, whose tick posts each of them', async () => {
    const b = bot({ start: '2026-11-22T12:00:00Z' });
    await b.cmd('admin', 'schedule 09:00 UTC daily');
    await b.cmd('admin', 'schedule 09:00 UTC daily', OTHER_CHANNEL);
    await b.scheduler.start(b.bot.rounds);
    expect(postTasks(b)).toMatchObject([{ expression: '0 9 * * *', timezone: 'UTC' }]);
    b.clock.set('2026-11-23T09:00:00Z');
    await postTasks(b)[0]!.fn();
    expect(b.chat.of('question').map((q) => q.target.channelId).sort()).toEqual([OTHER_CHANNEL.channelId, PLACE.channelId].sort());
    await b.cmd('admin', 'schedule 10:00 UTC daily', OTHER_CHANNEL);
    expect(postTasks(b).map((t) => t.expression).sort()).toEqual(['0 10 * * *', '0 9 * * *']);
    await b.cmd('admin', 'unschedule');
    expect(postTasks(b).map((t) => t.expression)).toEqual(['0 10 * * *']);
  });

  it('posts once however often the tick repeats', async () => {
    const b = bot({ start: '2026-11-22T12:00:00Z' });
    await b.cmd('admin', 'schedule 09:00 UTC daily');
    await b.scheduler.start(b.bot.rounds);
    b.clock.set('2026-11-23T09:00:00Z');
    const [tick] = postTasks(b);
    if (!tick) throw new Error('no post task armed');
    await Promise.all([tick.fn(), tick.fn(), b.scheduler.sweep(), tick.fn()]);
    b.clock.advance(30_000);
    await tick.fn();
    expect(b.rounds()).toHaveLength(1);
    expect(b.chat.of('question')).toHaveLength(1);
  });
});

describe('after downtime', () => {
  it('makes a missed post at start within CATCH_UP_HOURS', async () => {
    const b = bot({ start: '2026-11-22T12:00:00Z' });
    await b.cmd('admin', 'schedule 09:00 UTC daily');
    await b.restart('2026-11-23T14:30:00Z'); // down from before 09:00 until 14:30
    expect(b.rounds().map((r) => r.postedAt)).toEqual(['2026-11-23T14:30:00.000Z']);
    expect(b.chat.of('question')).toHaveLength(1);
  });

  it('does not make a post more than CATCH_UP_HOURS late; the next slot posts as usual', async () => {
    const b = bot({ start: '2026-11-22T12:00:00Z' });
    await b.cmd('admin', 'schedule 09:00 UTC daily');
    await b.restart('2026-11-23T15:30:00Z');
    await b.run('2026-11-23T15:30:00Z', '2026-11-24T09:00:00Z', 15 * 60_000);
    expect(b.rounds().map((r) => r.postedAt)).toEqual(['2026-11-24T09:00:00.000Z']);
  });

  it('does not make a post whose round would already have closed', async () => {
    const b = bot({ start: '2026-11-22T12:00:00Z' });
    await b.cmd('admin', 'schedule 09:00 UTC daily');
    b.store.channels.updateChannel(PLACE.channelId, { roundHours: 2 });
    await b.restart('2026-11-23T11:30:00Z'); // within 6 h, but a 2-hour round would be over
    expect(b.rounds()).toEqual([]);
  });

  it('closes a round that ended while down and posts its summary once, also across restarts', async () => {
    const b = bot({ start: '2026-11-23T09:00:00Z' });
    await b.scheduler.start(b.bot.rounds);
    await b.cmd('admin', 'daily');
    await b.restart('2026-11-25T20:00:00Z'); // 24 h round ended while down
    expect(b.chat.of('summary')).toHaveLength(1);
    expect(b.rounds()[0]?.status).toBe('closed');
    await b.restart('2026-11-25T20:05:00Z');
    await b.run('2026-11-25T20:05:00Z', '2026-11-25T21:00:00Z');
    expect(b.chat.of('summary')).toHaveLength(1);
  });

  it('closes a round at its end while running, with one summary', async () => {
    const b = bot({ start: '2026-11-23T09:00:00Z' });
    await b.scheduler.start(b.bot.rounds);
    await b.cmd('admin', 'daily');
    await b.run('2026-11-24T08:55:00Z', '2026-11-24T09:10:00Z');
    expect(b.rounds()[0]?.status).toBe('closed');
    expect(b.chat.of('summary')).toHaveLength(1);
  });
});

describe('restarts and two schedulers', () => {
  it('does not post again after a restart the same day', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prepbot-sched-')), 'bot.sqlite');
    const first = bot({ start: '2026-11-22T12:00:00Z', store: SqliteStore.open(file) });
    await first.cmd('admin', 'schedule 09:00 Europe/Berlin daily');
    await first.scheduler.start(first.bot.rounds);
    await first.run('2026-11-23T07:55:00Z', '2026-11-23T08:05:00Z');
    expect(first.chat.of('question')).toHaveLength(1);
    await first.scheduler.stop();
    first.store.close();

    const second = bot({ start: '2026-11-23T08:30:00Z', store: SqliteStore.open(file) });
    await second.scheduler.start(second.bot.rounds);
    await second.run('2026-11-23T08:30:00Z', '2026-11-23T14:00:00Z', 5 * 60_000);
    expect(second.chat.of('question')).toHaveLength(0);
    expect(second.rounds()).toHaveLength(1);
    second.store.close();
  });

  it('two schedulers on one database post one round, once, and one summary', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prepbot-sched-')), 'bot.sqlite');
    const a = bot({ start: '2026-11-22T12:00:00Z', store: SqliteStore.open(file) });
    const b = bot({ start: '2026-11-22T12:00:00Z', store: SqliteStore.open(file) });
    await a.cmd('admin', 'schedule 09:00 UTC daily');
    await a.cmd('admin', 'schedule 09:00 UTC daily', OTHER_CHANNEL);
    await Promise.all([a.scheduler.start(a.bot.rounds), b.scheduler.start(b.bot.rounds)]);
    for (const at of ['2026-11-23T09:00:00Z', '2026-11-23T09:01:00Z', '2026-11-24T09:00:00Z']) {
      a.clock.set(at);
      b.clock.set(at);
      await Promise.all([b.scheduler.sweep(), a.scheduler.sweep(), b.scheduler.postIfDue(PLACE.channelId)]);
    }
    expect(a.rounds().map((r) => r.date)).toEqual(['2026-11-23', '2026-11-24']);
    expect(a.rounds(OTHER_CHANNEL.channelId).map((r) => r.date)).toEqual(['2026-11-23', '2026-11-24']);
    const posts = [...a.chat.of('question'), ...b.chat.of('question')];
    expect(posts.filter((p) => p.target.channelId === PLACE.channelId)).toHaveLength(2);
    expect(posts.filter((p) => p.target.channelId === OTHER_CHANNEL.channelId)).toHaveLength(2);
    const summaries = [...a.chat.of('summary'), ...b.chat.of('summary')];
    expect(summaries).toHaveLength(2); // the first round of each channel, closed by the second
    a.store.close();
    b.store.close();
  });

  it('when both processes saw the slot free, the database claim lets only one post', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prepbot-sched-')), 'bot.sqlite');
    const a = bot({ start: '2026-11-22T12:00:00Z', store: SqliteStore.open(file) });
    await a.cmd('admin', 'schedule 09:00 UTC daily');
    await a.scheduler.start(a.bot.rounds);
    // The second process looked before the first one claimed: every "is today's round there?" says no.
    const late = SqliteStore.open(file);
    late.rounds.getRoundByDate = () => null;
    const b = bot({ start: '2026-11-23T09:00:00Z', store: late });
    a.clock.set('2026-11-23T09:00:00Z');
    expect(await a.scheduler.postIfDue(PLACE.channelId)).toBe('posted');
    expect((await b.scheduler.start(b.bot.rounds)).posted).toEqual([]);
    expect(await b.scheduler.postIfDue(PLACE.channelId)).toBe('exists');
    expect(a.rounds()).toHaveLength(1);
    expect(a.chat.of('question').length + b.chat.of('question').length).toBe(1);
    a.store.close();
    late.close();
  });
});

it('never lets a failing post stop the schedule', async () => {
  const b = bot({ start: '2026-11-22T12:00:00Z' });
  await b.cmd('admin', 'schedule 09:00 UTC daily');
  await b.scheduler.start(b.bot.rounds);
  b.clock.set('2026-11-23T09:00:00Z');
  const original = b.bot.rounds.postDaily.bind(b.bot.rounds);
  let calls = 0;
  b.bot.rounds.postDaily = async (id) => {
    calls += 1;
    if (calls === 1) throw new Error('database is locked');
    return original(id);
  };
  expect(await b.scheduler.postIfDue(PLACE.channelId)).toBe('failed');
  expect(b.logger.entries.some((e) => e.level === 'error' && e.msg === 'scheduled post failed')).toBe(true);
  b.clock.advance(60_000);
  await b.scheduler.sweep();
  expect(b.rounds()).toHaveLength(1);
});
