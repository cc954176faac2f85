import cron, { type TaskOptions } from 'node-cron';
import type { ChannelSettings } from '../core/model.js';
import type { Clock, Logger, SchedulerPort } from '../core/ports.js';
import type { Stores } from '../core/stores/index.js';
import type { PostOutcome } from '../core/rounds.js';
import { nextPostAt, postedOn } from '../core/schedule-time.js';
import { cronLogger } from './cron-logger.js';
import { cronExpressionFor } from './cron-expression.js';
import { DuePosts } from './due-posts.js';
import { dueSlot, ON_TIME_GRACE_MS } from './due-slot.js';

/** What the scheduler asks of the core's rounds (Bot.rounds satisfies it). */
export interface ScheduledRounds {
  postDaily(channelId: string, forDate?: string): Promise<PostOutcome>;
  closeDue(): Promise<number>;
  /** Re-sends open rounds whose post failed, while CATCH_UP_HOURS lasts. */
  retryUndelivered(): Promise<{ delivered: number }>;
  roundHours(channel: ChannelSettings): number;
}

/** What the scheduler asks of the weekly digests (Bot.coaching.digests satisfies it). */
export interface ScheduledDigests {
  /** Posts the digests due now; returns how many. */
  postDue(): Promise<number>;
}

/** A running cron task, as far as the scheduler needs one. */
export interface CronTask {
  destroy(): void | Promise<void>;
}

/** Starts a cron task (node-cron's `schedule`); replaceable so tests can see what would be armed. */
export type ScheduleCron = (expression: string, fn: () => unknown, options: TaskOptions & { name: string }) => CronTask;

const nodeCron: ScheduleCron = (expression, fn, options) => cron.schedule(expression, fn, options);

export interface CronSchedulerOptions {
  store: Pick<Stores, 'channels' | 'rounds'>;
  clock: Clock;
  logger: Logger;
  /** `CATCH_UP_HOURS`. */
  catchUpHours: number;
  /**
   * How often the sweep runs (closing rounds, posting slots a tick missed), as a cron expression;
   * null runs it only at start and when called (tests that watch node-cron's own ticks).
   */
  sweepExpression?: string | null;
  /** node-cron by default. */
  cron?: ScheduleCron;
  /**
   * The channels this process posts in (a Discord shard: its servers'; a Slack-only process: not
   * Discord's). Every channel when absent.
   */
  serves?: (channelId: string) => boolean;
  /** Due posts claimed and sent at once per platform (default 8); see {@link DuePosts}. */
  postConcurrency?: number;
}

/** What one sweep did, for logs and tests. */
export interface SweepReport {
  closed: number;
  posted: string[];
  /** Failed posts delivered on a retry. */
  redelivered: number;
  /** Weekly digests posted. */
  digests?: number;
}

type PostStatus = PostOutcome['status'] | 'not-due' | 'failed';

/** One node-cron task per schedule (expression and zone), shared by every channel on it. */
interface Schedule {
  task: CronTask;
  channels: Set<string>;
}

/**
 * The daily posts on node-cron 4: one task per schedule in use (cron expression and IANA zone, so
 * 09:00 Europe/Berlin stays 09:00 across daylight-saving changes), whose tick queues every channel
 * on it: thousands of channels at the usual hours cost a few tasks, not thousands (each task costs
 * memory and a time-zone calculation of its next run at every tick). node-cron only decides when
 * to wake up; what to post is {@link dueSlot} on the Clock plus the store's (channel, local date)
 * claim, so repeated ticks, restarts and two processes on one database post once. Due posts go
 * through {@link DuePosts}, a few at a time per platform.
 *
 * A sweep at start and every minute closes rounds whose time is up (also after downtime), posts
 * slots that were missed while the bot was down or that a late tick skipped, and posts the weekly
 * digests due (Mondays).
 */
export class CronScheduler implements SchedulerPort {
  /** Schedules by `<expression> <zone>`, and each channel's key. */
  private readonly schedules = new Map<string, Schedule>();
  private readonly scheduleOf = new Map<string, string>();
  private readonly due: DuePosts<PostStatus>;
  private readonly running = new Set<Promise<unknown>>();
  private sweepTask: CronTask | null = null;
  private sweeping: Promise<SweepReport> | null = null;
  /** The core's rounds, from `start` on. */
  private rounds: ScheduledRounds | null = null;
  private digests: ScheduledDigests | null = null;
  private stopped = false;
  private readonly cronLog: ReturnType<typeof cronLogger>;
  private readonly cron: ScheduleCron;

  constructor(private readonly o: CronSchedulerOptions) {
    this.cronLog = cronLogger(o.logger);
    this.cron = o.cron ?? nodeCron;
    this.due = new DuePosts({ concurrency: o.postConcurrency ?? 8, now: () => o.clock.now(), run: (channelId, at) => this.postIfDue(channelId, at) });
  }

  /**
   * Starts posting through the core's rounds: arms the task of every schedule in use and the sweep,
   * then sweeps once (catch-up and closing).
   */
  async start(rounds: ScheduledRounds, digests?: ScheduledDigests): Promise<SweepReport> {
    if (this.rounds || this.stopped) return { closed: 0, posted: [], redelivered: 0 };
    this.rounds = rounds;
    this.digests = digests ?? null;
    for (const channel of this.scheduled()) this.update(channel);
    const every = this.o.sweepExpression === undefined ? '* * * * *' : this.o.sweepExpression;
    if (every) {
      this.sweepTask = this.cron(every, () => this.track(this.sweep()), { name: 'prepbot:sweep', noOverlap: true, logger: this.cronLog, suppressMissedWarning: true });
    }
    const report = await this.track(this.sweep());
    this.o.logger.info({ channels: this.scheduleOf.size, tasks: this.schedules.size, ...report }, 'scheduler started');
    return report;
  }

  /** (Re)arms a channel's schedule at once; a channel without a post time, paused or suspended loses it. */
  update(channel: ChannelSettings): void {
    if (!this.rounds || this.stopped) return; // start() reads every schedule from the store
    const expression = this.o.serves && !this.o.serves(channel.channelId) ? null : cronExpressionFor(channel);
    const key = expression && `${expression} ${channel.timezone}`;
    if (this.scheduleOf.get(channel.channelId) === key) return;
    this.remove(channel.channelId);
    if (!expression || !key) return;
    let schedule = this.schedules.get(key);
    if (!schedule) {
      const channels = new Set<string>();
      const task = this.cron(expression, () => this.track(Promise.all([...channels].map((id) => this.due.queue(id)))), {
        timezone: channel.timezone,
        name: `prepbot:post:${key}`,
        noOverlap: true,
        logger: this.cronLog,
        // A late tick still runs within the grace; later ones are the sweep's.
        missedExecutionTolerance: ON_TIME_GRACE_MS,
        suppressMissedWarning: true,
      });
      this.schedules.set(key, (schedule = { task, channels }));
    }
    schedule.channels.add(channel.channelId);
    this.scheduleOf.set(channel.channelId, key);
    this.o.logger.debug({ channelId: channel.channelId, expression, timezone: channel.timezone }, 'daily post armed');
  }

  remove(channelId: string): void {
    const key = this.scheduleOf.get(channelId);
    const schedule = key === undefined ? undefined : this.schedules.get(key);
    if (key === undefined || !schedule) return;
    schedule.channels.delete(channelId);
    this.scheduleOf.delete(channelId);
    if (schedule.channels.size === 0) {
      void schedule.task.destroy();
      this.schedules.delete(key);
    }
    this.o.logger.debug({ channelId }, 'daily post removed');
  }

  nextPostAt(channel: ChannelSettings): number | null {
    return nextPostAt(channel, this.o.clock.now(), postedOn(this.o, channel.channelId));
  }

  /**
   * Closes rounds whose time is up, then posts every scheduled channel's due slot. Concurrent
   * calls share one run.
   */
  sweep(): Promise<SweepReport> {
    const rounds = this.rounds;
    if (this.stopped || !rounds) return Promise.resolve({ closed: 0, posted: [], redelivered: 0 });
    this.sweeping ??= this.runSweep(rounds).finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  /**
   * Posts the channel's slot when {@link dueSlot} says it was due at `at` (now by default; a post
   * that waited in its platform's queue is judged by when it was queued) and its round does not
   * exist. Never throws: a failure is logged and the next sweep tries again while the window lasts.
   */
  async postIfDue(channelId: string, at = this.o.clock.now()): Promise<PostStatus> {
    const rounds = this.rounds;
    if (this.stopped || !rounds) return 'not-due';
    const { store, clock, logger } = this.o;
    try {
      const channel = store.channels.getChannel(channelId);
      if (!channel) return 'not-due';
      const slot = dueSlot(channel, at, { catchUpHours: this.o.catchUpHours, roundHours: rounds.roundHours(channel) });
      if (!slot) return 'not-due';
      if (store.rounds.getRoundByDate(channelId, slot.localDate)) return 'exists';
      const outcome = await rounds.postDaily(channelId, slot.localDate);
      if (outcome.status === 'posted') logger.info({ channelId, localDate: slot.localDate, lateMs: clock.now() - slot.at }, 'scheduled post made');
      if (outcome.status === 'no-questions') logger.warn({ channelId }, "scheduled post skipped: the channel's packs have no questions");
      return outcome.status;
    } catch (err) {
      logger.error({ err, channelId }, 'scheduled post failed');
      return 'failed';
    }
  }

  /** Stops every task and waits (at most `timeoutMs`) for a post or sweep in progress. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const id of [...this.scheduleOf.keys()]) this.remove(id);
    await this.sweepTask?.destroy();
    this.sweepTask = null;
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }

  private async runSweep(rounds: ScheduledRounds): Promise<SweepReport> {
    const report: SweepReport = { closed: 0, posted: [], redelivered: 0 };
    try {
      report.closed = await rounds.closeDue();
      report.redelivered = (await rounds.retryUndelivered()).delivered;
      const channels = this.scheduled();
      const outcomes = await Promise.all(channels.map((c) => this.due.queue(c.channelId)));
      report.posted = channels.filter((_, i) => outcomes[i] === 'posted').map((c) => c.channelId);
      // After the day's questions, so a Monday's question comes before the digest of the week before.
      if (this.digests) report.digests = await this.digests.postDue();
    } catch (err) {
      this.o.logger.error({ err }, 'scheduler sweep failed; the next one tries again');
    }
    return report;
  }

  /** The scheduled channels this process posts in. */
  private scheduled(): ChannelSettings[] {
    const all = this.o.store.channels.listChannels({ scheduled: true });
    return this.o.serves ? all.filter((c) => this.o.serves!(c.channelId)) : all;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => {});
    return p;
  }
}
