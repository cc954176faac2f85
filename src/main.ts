import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { ChatRouter } from './adapters/chat-router.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { ContentInvalidError, loadContentOrThrow } from './content/index.js';
import { Bot } from './core/bot.js';
import { DEFAULT_OPTIONS } from './core/context.js';
import type { Clock, Logger } from './core/ports.js';
import { OfflineGrader } from './grading/offline-grader.js';
import { createLogger } from './logger.js';
import { SqliteStore } from './storage/sqlite-store.js';

const systemClock: Clock = { now: () => Date.now() };

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The composition root: the only place that knows every concrete class. */
async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  // On the console stdout is the chat, so only warnings reach the terminal unless LOG_LEVEL asks for more.
  const level = config.platforms.console && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL;
  const logger: Logger = createLogger(level);

  let content;
  try {
    content = loadContentOrThrow(config.CONTENT_DIR);
  } catch (err) {
    if (err instanceof ContentInvalidError) fail(`prepbot cannot start: the content in ${config.CONTENT_DIR} is invalid.\n${err.message}`);
    throw err;
  }

  const store = SqliteStore.open(config.DATABASE_PATH);
  const chat = new ChatRouter();
  const offline = new OfflineGrader();
  const bot = new Bot({
    store,
    content,
    grader: offline,
    clock: systemClock,
    chat,
    logger,
    options: {
      ...DEFAULT_OPTIONS,
      defaultTimezone: config.DEFAULT_TIMEZONE,
      revealAfterHours: config.REVEAL_AFTER_HOURS,
      catchUpHours: config.CATCH_UP_HOURS,
      adminUserIds: config.ADMIN_USER_IDS,
      maxAnswersPerHour: config.MAX_ANSWERS_PER_HOUR,
    },
  });

  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    bot.worker.stop();
    const settled = await bot.worker.settle(10_000);
    if (!settled) logger.warn({}, 'grading still running at shutdown; it resumes at the next start');
    store.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  if (config.platforms.console) {
    const consoleAdapter = new ConsoleAdapter({ input: process.stdin, output: process.stdout, logger });
    chat.register('console', consoleAdapter);
    consoleAdapter.banner();
    bot.start();
    await bot.rounds.closeDue();
    await consoleAdapter.run(bot);
    await shutdown(0);
    return;
  }
  fail('Discord and Slack adapters are not available in this build yet; unset DISCORD_TOKEN and SLACK_BOT_TOKEN to use the console.');
}

main().catch((err: unknown) => {
  process.stderr.write(`prepbot stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
