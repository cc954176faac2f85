/**
 * The whole bot with all three adapters at once, for the memory benchmark: the console (reading
 * a pipe the bench keeps open), Slack over HTTP and Discord. `src/main.ts` cannot start this
 * combination (with a platform token set the console is off), so this script builds the App the way
 * main.ts does, from the same validated environment, with the console turned on as well.
 * Shuts down cleanly on SIGTERM.
 */
import { App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

// With a platform token set the config turns the console off; this bot asks for it as well.
const base = loadConfig();
const config = { ...base, platforms: { ...base.platforms, console: true } };
const logger = createLogger(config.LOG_LEVEL);
const running = new App(config, logger);
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
