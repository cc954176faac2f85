import { ConsoleAdapter } from '../adapters/console/console-adapter.js';
import { createPlatformAdapters } from '../adapters/create-adapters.js';
import { App } from '../app.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from '../config.js';
import { ContentInvalidError } from '../content/index.js';
import { createLogger } from '../logger.js';

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

  let app: App | null = null;
  const adapters = createPlatformAdapters(config, logger, {
    stdin: process.stdin,
    stdout: process.stdout,
    health: () => app?.health() ?? { status: 'starting', platforms: [], pendingJobs: 0, uptimeSeconds: 0 },
  });
  const consoleAdapter = adapters.find((a): a is ConsoleAdapter => a instanceof ConsoleAdapter);
  try {
    app = new App(config, logger, { adapters });
  } catch (err) {
    if (err instanceof ContentInvalidError) fail(`prepbot cannot start: the content in ${config.CONTENT_DIR} is invalid.\n${err.message}`);
    throw err;
  }
  const running = app;
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  await running.start();
  if (consoleAdapter) {
    await consoleAdapter.finished;
    await shutdown();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`prepbot stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
