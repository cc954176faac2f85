import { App } from './app.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { ContentInvalidError } from './content/index.js';
import { createLogger } from './logger.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Entry point: validate settings, build the app, run until end of console input or a signal. */
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
  const logger = createLogger(level);

  let running: App;
  try {
    running = new App(config, logger);
  } catch (err) {
    if (err instanceof ContentInvalidError) fail(`prepbot cannot start: the content in ${config.CONTENT_DIR} is invalid.\n${err.message}`);
    throw err;
  }
  // One shutdown, however many signals arrive: a second SIGTERM or Ctrl-C waits for the first.
  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string): Promise<void> => {
    if (stopping) {
      logger.warn({ reason }, 'already shutting down');
      return stopping;
    }
    logger.info({ reason }, 'shutting down');
    // Grading gets 10 s; should an adapter hang on close, do not hang with it.
    setTimeout(() => {
      logger.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, 30_000).unref();
    stopping = running.stop(10_000).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
    return stopping;
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await running.start();
  const finished = running.finished;
  if (finished) {
    await finished;
    await shutdown('end of input');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`prepbot stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
