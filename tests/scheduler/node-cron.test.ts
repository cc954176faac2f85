import { ContentQuestionRules } from '../../src/content/question-rules.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { Bot } from '../../src/core/bot.js';
import { DEFAULT_OPTIONS } from '../../src/core/context.js';
import type { Place } from '../../src/core/model.js';
import type { PlatformAdapter } from '../../src/adapters/platform-adapter.js';
import { CronScheduler } from '../../src/scheduler/cron-scheduler.js';
import { systemClock } from '../../src/system-clock.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { actor, PLACE } from '../fakes/harness.js';
import { bank } from '../fakes/questions.js';
import { RecordingChat } from '../fakes/recording-chat.js';
import { ScriptedGrader } from '../fakes/scripted-grader.js';
import { MemoryLogger } from '../fakes/silent-logger.js';

const DAY = 86_400_000;
/** The real clock, whose timers vitest's fake timers move. */
const wallClock = systemClock;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A bot whose only way to post on schedule is node-cron's own per-channel tick (no sweep). */
function tickOnlyBot() {
  const store = SqliteStore.open(':memory:');
  const chat = new RecordingChat();
  const logger = new MemoryLogger();
  const scheduler = new CronScheduler({ store, clock: wallClock, logger, catchUpHours: 6, sweepExpression: null });
  const bot = new Bot({ store, content: bank(), rules: new ContentQuestionRules(), grader: new ScriptedGrader(), clock: wallClock, chat, logger, scheduler, options: DEFAULT_OPTIONS });
  const postedAt = () => (store.db.prepare('SELECT posted_at AS t FROM rounds ORDER BY t').all() as { t: number }[]).map((r) => new Date(r.t).toISOString());
  return { store, chat, bot, scheduler, postedAt, logger };
}

describe('node-cron firing the daily post (fake timers)', () => {
  it('fires 09:00 Europe/Berlin at 08:00 UTC, then 07:00 UTC from the spring change on', async () => {
    vi.setSystemTime(new Date('2026-03-26T12:00:00Z'));
    const b = tickOnlyBot();
    await b.scheduler.start(b.bot.rounds);
    await b.bot.handle({ type: 'command', place: PLACE, actor: actor('lead', true), verb: 'schedule', args: '09:00 Europe/Berlin daily' });
    await vi.advanceTimersByTimeAsync(4 * DAY);
    expect(b.postedAt()).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    await b.scheduler.stop();
    b.store.close();
  });

  it('fires 09:00 Europe/Berlin at 07:00 UTC, then 08:00 UTC from the autumn change on', async () => {
    vi.setSystemTime(new Date('2026-10-22T12:00:00Z'));
    const b = tickOnlyBot();
    await b.scheduler.start(b.bot.rounds);
    await b.bot.handle({ type: 'command', place: PLACE, actor: actor('lead', true), verb: 'schedule', args: '09:00 Europe/Berlin daily' });
    await vi.advanceTimersByTimeAsync(4 * DAY);
    expect(b.postedAt()).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    await b.scheduler.stop();
    b.store.close();
  });

  it('fires weekdays in Asia/Kolkata (UTC+05:30) Monday to Friday only', async () => {
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z')); // Thursday
    const b = tickOnlyBot();
    await b.scheduler.start(b.bot.rounds);
    await b.bot.handle({ type: 'command', place: PLACE, actor: actor('lead', true), verb: 'schedule', args: '09:00 Asia/Kolkata weekdays' });
    await vi.advanceTimersByTimeAsync(5 * DAY);
    // Fri 27, Mon 30 Nov and Tue 1 Dec at 09:00 IST = 03:30 UTC
    expect(b.postedAt()).toEqual(['2026-11-27T03:30:00.000Z', '2026-11-30T03:30:00.000Z', '2026-12-01T03:30:00.000Z']);
    await b.scheduler.stop();
    b.store.close();
  });
});

const CONSOLE: Place = { platform: 'console', scopeId: 'console', channelId: 'console:main' };

describe('the app with its scheduler (fake timers)', () => {
  it('posts on a schedule set while running, stops on unschedule, and arms nothing after stop', async () => {
    vi.setSystemTime(new Date('2026-11-23T07:00:00Z'));
    const chat = new RecordingChat();
    const adapter: PlatformAdapter = { platform: 'console', chat, start: async () => {}, stop: async () => {} };
    const app = new App(loadConfig({ DATABASE_PATH: ':memory:' }), new MemoryLogger(), { clock: wallClock, content: bank(), grader: new ScriptedGrader(), adapters: [adapter] });
    await app.start();
    const say = (line: string) => {
      const [verb = '', ...args] = line.split(' ');
      return app.bot.handle({ type: 'command', place: CONSOLE, actor: { id: 'console:lead', platformId: 'lead', name: 'lead' }, verb, args: args.join(' ') });
    };
    await say('schedule 09:00 Europe/Berlin daily'); // 08:00 UTC today
    await vi.advanceTimersByTimeAsync(DAY);
    expect(chat.of('question').map((q) => q.target.channelId)).toEqual(['console:main']);
    await say('unschedule');
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(chat.of('question')).toHaveLength(1);
    await say('schedule 09:00 Europe/Berlin daily');
    await app.stop();
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(chat.of('question')).toHaveLength(1);
  });
});
