import { CronScheduler, type ScheduleCron } from '../../src/scheduler/cron-scheduler.js';
import type { CoreOptions } from '../../src/core/context.js';
import type { Clock, SchedulerPort } from '../../src/core/ports.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { harness, PLACE, type Harness } from '../fakes/harness.js';
import { ManualCron } from './manual-cron.js';
import { MemoryLogger } from '../fakes/silent-logger.js';

export interface ScheduledBot extends Harness {
  scheduler: CronScheduler;
  cron: ManualCron;
  /** Rounds of a channel as (local date, posted at ISO), oldest first. */
  rounds(channelId?: string): { date: string; postedAt: string; status: string }[];
  /** Moves the clock from `from` to `to` in `stepMs` steps, sweeping at each, as the minute task would. */
  run(from: string, to: string, stepMs?: number): Promise<void>;
  /** A new scheduler on the same store and clock, as after a restart; the old one is stopped. */
  restart(at: string): Promise<CronScheduler>;
}

/**
 * The core harness (real SQLite store, fake clock, recording chat) with a CronScheduler wired the
 * way App wires it, on a {@link ManualCron} unless told otherwise.
 */
export function scheduledBot(
  opts: { start?: string; store?: SqliteStore; options?: Partial<CoreOptions>; cron?: ScheduleCron; clock?: Clock; serves?: (channelId: string) => boolean } = {},
): ScheduledBot {
  const store = opts.store ?? SqliteStore.open(':memory:');
  const logger = new MemoryLogger();
  const cron = new ManualCron();
  // The bot reaches whichever scheduler runs now: a restart replaces it.
  const current: SchedulerPort = {
    update: (c) => sb.scheduler.update(c),
    remove: (id) => sb.scheduler.remove(id),
    nextPostAt: (c) => sb.scheduler.nextPostAt(c),
  };
  const h = harness({ start: opts.start, store, options: opts.options, logger, scheduler: current });
  const make = () =>
    new CronScheduler({
      store,
      clock: opts.clock ?? h.clock,
      logger,
      catchUpHours: h.bot.deps.options.catchUpHours,
      sweepExpression: null,
      cron: opts.cron ?? cron.schedule,
      serves: opts.serves,
    });
  const sb: ScheduledBot = {
    ...h,
    scheduler: make(),
    cron,
    rounds(channelId = PLACE.channelId) {
      const rows = h.store.db
        .prepare('SELECT local_date AS date, posted_at AS postedAt, status FROM rounds WHERE channel_id = ? ORDER BY posted_at')
        .all(channelId) as { date: string; postedAt: number; status: string }[];
      return rows.map((r) => ({ ...r, postedAt: new Date(r.postedAt).toISOString() }));
    },
    async run(from, to, stepMs = 60_000) {
      h.clock.set(from);
      const end = Date.parse(to);
      while (h.clock.now() <= end) {
        await sb.scheduler.sweep();
        h.clock.advance(stepMs);
      }
    },
    async restart(at) {
      await sb.scheduler.stop();
      h.clock.set(at);
      sb.scheduler = make();
      await sb.scheduler.start(h.bot.rounds, h.bot.coaching.digests);
      return sb.scheduler;
    },
  };
  return sb;
}
