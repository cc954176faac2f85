import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { ChatRouter } from './adapters/chat-router.js';
import { createPlatformAdapters, servesHttp } from './adapters/create-adapters.js';
import type { AdapterEnv, HealthStatus, PlatformAdapter } from './adapters/platform-adapter.js';
import { PostQueue } from './adapters/shared/post-queue.js';
import type { Config } from './config.js';
import { ContentQuestionRules, loadContentOrThrow } from './content/index.js';
import { Bot } from './core/bot.js';
import { DEFAULT_OPTIONS, type CoreOptions } from './core/context.js';
import type { ChartRenderer, Clock, Grader, Logger, QuestionBank } from './core/ports.js';
import { ChartJsRenderer } from './charts/chartjs-renderer.js';
import { createLlmCoach, createLlmGrader } from './grading/create-grader.js';
import { InjectionGuard } from './grading/injection-defence.js';
import { OfflineGrader } from './grading/offline-grader.js';
import { startHealthServer } from './health/health-server.js';
import { CronScheduler } from './scheduler/cron-scheduler.js';
import { storageStartError } from './storage/open-database.js';
import { SqliteStore } from './storage/sqlite-store.js';
import { systemClock } from './system-clock.js';

/** Replaceable parts, for tests and benchmarks; everything else comes from the config. */
export interface AppOverrides {
  clock?: Clock;
  content?: QuestionBank;
  grader?: Grader;
  /** Adapters to run instead of the ones the config names (e.g. the console with test streams). */
  adapters?: PlatformAdapter[];
  /** The console's files folder, log file and Ctrl-C (main.ts sets them). */
  console?: AdapterEnv['console'];
  options?: Partial<CoreOptions>;
  charts?: ChartRenderer;
  /** False in a Discord shard process: the shard manager serves `GET /healthz` for every shard and asks this one over IPC. */
  serveHealth?: boolean;
}

/**
 * The composition root: the whole bot, built once from a validated config (store, content, grader,
 * scheduler, core, platform adapters, each platform's send queue). `main.ts` runs it; tests and
 * benchmarks build it with overrides.
 */
export class App {
  readonly bot: Bot;
  readonly store: SqliteStore;
  readonly chat = new ChatRouter();
  readonly adapters: PlatformAdapter[];
  readonly scheduler: CronScheduler;
  private readonly clock: Clock;
  private state: HealthStatus['status'] = 'starting';
  private stopping: Promise<void> | null = null;
  private healthServer: Server | null = null;
  private readonly startedAt: number;
  private readonly serveHealth: boolean;
  /** The database's answer to the last write probe, and when it was asked (at most every 5 s). */
  private writeCheck: { at: number; problem: string | null } | null = null;

  constructor(
    readonly config: Config,
    readonly logger: Logger,
    overrides: AppOverrides = {},
  ) {
    const clock = (this.clock = overrides.clock ?? systemClock);
    const content = overrides.content ?? loadContentOrThrow(config.CONTENT_DIR);
    this.startedAt = clock.now();
    this.serveHealth = overrides.serveHealth ?? true;
    try {
      this.store = SqliteStore.open(config.DATABASE_PATH);
    } catch (err) {
      throw storageStartError(err, config.DATABASE_PATH);
    }
    const offline = new InjectionGuard(new OfflineGrader(), logger);
    const options = { ...coreOptions(config), ...overrides.options };
    this.adapters =
      overrides.adapters ??
      createPlatformAdapters(config, logger, { stdin: process.stdin, stdout: process.stdout, console: overrides.console, health: () => this.health(), installs: this.store.installs });
    // Every platform's posts go through its own queue, the one place that waits out its rate limits.
    for (const a of this.adapters) this.chat.register(a.platform, new PostQueue(a.chat, { clock, logger: logger.child({ platform: a.platform }) }), a.serves?.bind(a));
    // Each process schedules the channels it serves: a Discord shard, its servers' channels.
    this.scheduler = new CronScheduler({ store: this.store, clock, logger, catchUpHours: options.catchUpHours, serves: (id) => this.chat.serves(id) });
    this.bot = new Bot({
      store: this.store,
      content,
      rules: new ContentQuestionRules(),
      grader: overrides.grader ?? (config.graderKind === 'llm' ? createLlmGrader(config, { logger }) : offline),
      fallbackGrader: offline,
      clock,
      chat: this.chat,
      logger,
      scheduler: this.scheduler,
      coach: config.graderKind === 'llm' ? createLlmCoach(config, { logger }) : undefined,
      charts: overrides.charts ?? new ChartJsRenderer(),
      options,
    });
  }

  /** Resolves when an adapter's input ends for good (the console's stdin); null when none does. */
  get finished(): Promise<void> | null {
    return this.adapters.find((a) => a.finished)?.finished ?? null;
  }

  /**
   * Starts grading (resuming unfinished jobs) and the adapters, then the scheduler: once the
   * adapters can deliver, it closes rounds that ended while down and makes missed posts.
   */
  async start(): Promise<void> {
    this.bot.start();
    for (const a of this.adapters) await a.start(this.bot);
    const platforms = this.adapters.some((a) => a.platform !== 'console');
    if (platforms && this.serveHealth && !servesHttp(this.config)) this.healthServer = await startHealthServer(this.config.PORT, () => this.health(), this.config.HOST);
    if (this.stopping) return;
    await this.scheduler.start(this.bot.rounds, this.bot.coaching.digests);
    // Between the scheduler's minute sweeps, a post whose attempt's lease runs out (its process died) is finished at once.
    this.bot.posts.start();
    this.state = 'ok';
    this.logger.info({ platforms: this.adapters.map((a) => a.platform) }, 'prepbot started');
  }

  /**
   * Shuts down in order: no new scheduled posts, no new input, in-flight grading finishes (at most
   * `graceMs`; what is left resumes at the next start), the last live counts are shown, then the
   * adapters, the health server and the database close. A second call (a second signal) waits for
   * the same shutdown.
   */
  stop(graceMs = 10_000): Promise<void> {
    this.stopping ??= this.shutdown(graceMs);
    return this.stopping;
  }

  private async shutdown(graceMs: number): Promise<void> {
    this.state = 'stopping';
    await this.scheduler.stop();
    this.bot.posts.stop();
    for (const a of this.adapters) {
      try {
        await a.stopIntake?.();
      } catch (err) {
        this.logger.warn({ err, platform: a.platform }, 'adapter did not stop its intake cleanly');
      }
    }
    this.bot.worker.stop();
    const settled = await this.bot.worker.settle(graceMs);
    if (!settled) this.logger.warn({}, 'grading still running at shutdown; it resumes at the next start');
    await this.bot.rounds.liveCounts.flush();
    for (const a of [...this.adapters].reverse()) {
      try {
        await a.stop();
      } catch (err) {
        this.logger.warn({ err, platform: a.platform }, 'adapter did not stop cleanly');
      }
    }
    await new Promise<void>((r) => (this.healthServer ? this.healthServer.close(() => r()) : r()));
    this.closeDatabase();
  }

  /** Folds the WAL into the database file before closing, so the file alone is a complete copy. */
  private closeDatabase(): void {
    if (!this.store.db.open) return;
    try {
      this.store.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (err) {
      this.logger.warn({ err }, 'could not checkpoint the database before closing');
    }
    this.store.close();
  }

  /**
   * What `GET /healthz` says: `degraded`, with a reason each, when the database refuses writes (a
   * one-row write, asked at most every 5 seconds) or a platform connection has been down longer
   * than HEALTH_GRACE_SECONDS.
   */
  health(): HealthStatus {
    const now = this.clock.now();
    const open = this.store.db.open;
    const reasons: string[] = [];
    if (open && this.state === 'ok') {
      if (!this.writeCheck || now - this.writeCheck.at >= 5_000) this.writeCheck = { at: now, problem: this.store.writeProblem(now) };
      if (this.writeCheck.problem) reasons.push(`the database (DATABASE_PATH) refuses writes: ${this.writeCheck.problem}`);
      for (const a of this.adapters) {
        const link = a.connection?.();
        const down = link && !link.up && link.downSince !== null ? now - link.downSince : 0;
        if (link && down > this.config.HEALTH_GRACE_SECONDS * 1000) reasons.push(`${link.detail} for ${Math.round(down / 1000)} s`);
      }
    }
    return {
      status: reasons.length ? 'degraded' : this.state,
      platforms: this.adapters.map((a) => a.platform),
      pendingJobs: open ? this.store.answers.pendingJobCount() : 0,
      uptimeSeconds: Math.round((now - this.startedAt) / 1000),
      ...(reasons.length ? { reasons } : {}),
    };
  }
}

function coreOptions(config: Config): CoreOptions {
  return {
    ...DEFAULT_OPTIONS,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    revealAfterHours: config.REVEAL_AFTER_HOURS,
    catchUpHours: config.CATCH_UP_HOURS,
    adminUserIds: config.ADMIN_USER_IDS,
    maxAnswersPerHour: config.MAX_ANSWERS_PER_HOUR,
    gradingConcurrency: config.GRADER_CONCURRENCY,
    instanceId: instanceId(),
    leaseMs: config.LEASE_SECONDS * 1000,
    gradingDeadlineMs: config.GRADER_DEADLINE_SECONDS * 1000,
    breakerFailures: config.GRADER_BREAKER_FAILURES,
    breakerCooldownMs: config.GRADER_BREAKER_COOLDOWN_SECONDS * 1000,
  };
}

/** This process among those sharing the database: host, pid and a random part (a restarted pid differs). */
function instanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
