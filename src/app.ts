import type { Server } from 'node:http';
import { ChatRouter } from './adapters/chat-router.js';
import { servesHttp } from './adapters/create-adapters.js';
import { startHealthServer } from './health/health-server.js';
import type { HealthStatus, PlatformAdapter } from './adapters/platform-adapter.js';
import type { Config } from './config.js';
import { loadContentOrThrow } from './content/index.js';
import { Bot } from './core/bot.js';
import { DEFAULT_OPTIONS, type CoreOptions } from './core/context.js';
import type { Clock, Grader, Logger, QuestionBank } from './core/ports.js';
import { OfflineGrader } from './grading/offline-grader.js';
import { SqliteStore } from './storage/sqlite-store.js';

export const systemClock: Clock = { now: () => Date.now() };

/** Replaceable parts, for tests and benchmarks; everything else comes from the config. */
export interface AppOverrides {
  clock?: Clock;
  content?: QuestionBank;
  grader?: Grader;
  /** Adapters to run instead of the ones the config names (e.g. the console with test streams). */
  adapters?: PlatformAdapter[];
  options?: Partial<CoreOptions>;
}

/**
 * The whole bot, wired from a validated config: store, content, grader, core and platform
 * adapters. `main.ts` runs it; tests and benchmarks build it with overrides.
 */
export class App {
  readonly bot: Bot;
  readonly store: SqliteStore;
  readonly chat = new ChatRouter();
  readonly adapters: PlatformAdapter[];
  private state: HealthStatus['status'] = 'starting';
  private healthServer: Server | null = null;
  private readonly startedAt: number;

  constructor(
    readonly config: Config,
    readonly logger: Logger,
    overrides: AppOverrides = {},
  ) {
    const clock = overrides.clock ?? systemClock;
    const content = overrides.content ?? loadContentOrThrow(config.CONTENT_DIR);
    this.store = SqliteStore.open(config.DATABASE_PATH);
    const offline = new OfflineGrader();
    this.startedAt = clock.now();
    this.bot = new Bot({
      store: this.store,
      content,
      grader: overrides.grader ?? offline,
      fallbackGrader: offline,
      clock,
      chat: this.chat,
      logger,
      options: { ...coreOptions(config), ...overrides.options },
    });
    this.adapters = overrides.adapters ?? [];
    for (const a of this.adapters) this.chat.register(a.platform, a.chat);
  }

  /** Starts grading (resuming unfinished jobs), closes rounds that ended while down, starts adapters. */
  async start(): Promise<void> {
    this.bot.start();
    await this.bot.rounds.closeDue();
    for (const a of this.adapters) await a.start(this.bot);
    const platforms = this.adapters.some((a) => a.platform !== 'console');
    if (platforms && !servesHttp(this.config)) this.healthServer = await startHealthServer(this.config.PORT, () => this.health());
    this.state = 'ok';
    this.logger.info({ platforms: this.adapters.map((a) => a.platform) }, 'prepbot started');
  }

  /** Stops intake, lets in-flight grading finish (at most `graceMs`), closes adapters and the database. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.state === 'stopping') return;
    this.state = 'stopping';
    this.bot.worker.stop();
    const settled = await this.bot.worker.settle(graceMs);
    if (!settled) this.logger.warn({}, 'grading still running at shutdown; it resumes at the next start');
    for (const a of [...this.adapters].reverse()) {
      try {
        await a.stop();
      } catch (err) {
        this.logger.warn({ err, platform: a.platform }, 'adapter did not stop cleanly');
      }
    }
    await new Promise<void>((r) => (this.healthServer ? this.healthServer.close(() => r()) : r()));
    this.store.close();
  }

  health(): HealthStatus {
    return {
      status: this.state,
      platforms: this.adapters.map((a) => a.platform),
      pendingJobs: this.store.db.open ? this.store.pendingJobCount() : 0,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}

export function coreOptions(config: Config): CoreOptions {
  return {
    ...DEFAULT_OPTIONS,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    revealAfterHours: config.REVEAL_AFTER_HOURS,
    catchUpHours: config.CATCH_UP_HOURS,
    adminUserIds: config.ADMIN_USER_IDS,
    maxAnswersPerHour: config.MAX_ANSWERS_PER_HOUR,
  };
}
