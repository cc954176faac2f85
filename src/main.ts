import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerManager, underManager } from './adapters/discord/sharding/shard-ipc.js';
import { shardsOfProcess } from './adapters/discord/sharding/shard-set.js';
import { App } from './app.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { ContentInvalidError } from './content/index.js';
import { parseCli } from './cli-args.js';
import { consoleLogFile, createLogger, logFileDestination } from './logger.js';
import { runShardManager, runsShardManager } from './run-shards.js';
import { stdinKind } from './stdin-kind.js';
import { StorageStartError, storageStartError } from './storage/open-database.js';

const NO_PLATFORM = [
  'prepbot cannot start: no platform token is set, and there is no terminal or piped input for the console.',
  '  - Discord: set DISCORD_TOKEN.',
  '  - Slack: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP),',
  '    or, for Add to Slack (many workspaces), SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET,',
  '    SLACK_SIGNING_SECRET and PREPBOT_SECRET_KEY.',
  '  - The console: run it in a terminal (docker run -it prepbot), or pipe commands into it.',
  'Every setting is listed in .env.example; npm start -- --help says more.',
].join('\n');

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** A start-up failure of the content or the database as the sentence to print, or null for any other error. */
function startupProblem(err: unknown, config: Config): string | null {
  if (err instanceof ContentInvalidError) return `prepbot cannot start: the content in ${config.CONTENT_DIR} is invalid.\n${err.message}`;
  if (err instanceof StorageStartError) return `prepbot cannot start: ${err.message}`;
  return null;
}

/** Entry point: validate settings, build the app, run until end of console input or a signal. */
async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  if (!cli.run) {
    (cli.exitCode === 0 ? process.stdout : process.stderr).write(cli.output);
    process.exit(cli.exitCode);
  }
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  // A container started without tokens and without -i has nobody to talk to: say so, exit 1 (no silent restart loop).
  if (config.platforms.console && stdinKind() === 'none') fail(NO_PLATFORM);
  // On the console stdout is the chat: logs go to a file beside the database, unless LOG_LEVEL asks for stderr.
  const logFile = config.platforms.console && !process.env.LOG_LEVEL?.trim() ? consoleLogFile(config.DATABASE_PATH) : undefined;
  let logger: ReturnType<typeof createLogger>;
  try {
    logger = logFile ? createLogger(config.LOG_LEVEL, logFileDestination(logFile)) : createLogger(config.LOG_LEVEL);
  } catch (err) {
    // The log file lives beside the database: a folder that cannot be made is the database's problem too.
    fail(`prepbot cannot start: ${storageStartError(err, config.DATABASE_PATH).message}`);
  }

  // DISCORD_SHARDS: this process starts one process per shard (each runs this file again) and serves /healthz for them.
  if (runsShardManager(config)) {
    try {
      return await runShardManager(config, logger, fileURLToPath(import.meta.url));
    } catch (err) {
      fail(startupProblem(err, config) ?? `prepbot stopped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // A shard process: its logs name its shard; the manager serves /healthz and asks it over IPC.
  const shards = shardsOfProcess();
  const managed = underManager();
  if (process.env.SHARDS !== undefined) logger = logger.child({ shard: shards.ids.length === 1 ? shards.ids[0] : shards.ids });

  let running: App;
  try {
    running = new App(config, logger, {
      serveHealth: !managed,
      console: {
        filesDir: config.DATABASE_PATH === ':memory:' ? '.' : dirname(config.DATABASE_PATH),
        logFile,
        // Ctrl-C at the prompt: the same shutdown as a SIGINT (the terminal sends none in raw mode).
        onInterrupt: () => void process.emit('SIGINT'),
      },
    });
  } catch (err) {
    const problem = startupProblem(err, config);
    if (problem) fail(problem);
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
  if (managed) answerManager(() => running.health(), () => void shutdown('the shard manager is gone'));

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
