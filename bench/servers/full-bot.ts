/**
 * The whole bot with all three adapters at once, for the memory benchmark: the console (reading
 * a pipe the bench keeps open), Slack over HTTP and Discord. `src/main.ts` cannot start this
 * combination (with a platform token set the console is off), so this script wires the App the way
 * main.ts does, from the same validated environment, with the console adapter added explicitly.
 * Shuts down cleanly on SIGTERM.
 */
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { createPlatformAdapters } from '../../src/adapters/create-adapters.js';
import { App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
let app: App | null = null;
const health = () => app?.health() ?? { status: 'starting' as const, platforms: [], pendingJobs: 0, uptimeSeconds: 0 };
const adapters = [
  new ConsoleAdapter({ input: process.stdin, output: process.stdout, logger }),
  ...createPlatformAdapters(config, logger, { stdin: process.stdin, stdout: process.stdout, health }),
];
app = new App(config, logger, { adapters });
const running = app;
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void running.stop(10_000).then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await running.start();
