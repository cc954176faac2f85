/**
 * The grading process: started by the bot (src/grading-process/grading-process.ts) with the bot's
 * environment and an IPC channel. It opens its own connection to the SQLite file, claims the
 * grading jobs the bot queued, grades them (the LLM grader, the offline one as fallback), stores
 * the grades, and hands each reply to the bot to deliver. After a quiet spell it exits; the bot
 * starts it again with the next answer.
 */
import { loadConfig, type Config } from '../config.js';
import { loadContentOrThrow } from '../content/index.js';
import { coreOptions, systemClock } from '../core-options.js';
import { GradingWorker } from '../core/grading-worker.js';
import { createLlmGrader } from '../grading/create-grader.js';
import { InjectionGuard } from '../grading/injection-defence.js';
import { OfflineGrader } from '../grading/offline-grader.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../storage/sqlite-store.js';
import { IpcChat } from './ipc-chat.js';
import { CONFIG_ENV, type FromGrader, type ToGrader } from './protocol.js';

/** How long the process stays without work before it exits (PREPBOT_GRADER_IDLE_EXIT_MS, set by the bot). */
const idleExitMs = Number(process.env.PREPBOT_GRADER_IDLE_EXIT_MS) || 60_000;
const IDLE_CHECK_MS = Math.min(5_000, idleExitMs);

const post = (message: FromGrader): void => {
  if (!process.connected) throw new Error('the bot has gone');
  process.send!(message);
};

// The bot's own validated settings (whatever environment it read them from), else this environment's.
const config: Config = process.env[CONFIG_ENV] ? (JSON.parse(process.env[CONFIG_ENV]) as Config) : loadConfig();
delete process.env[CONFIG_ENV];
const logger = createLogger(config.LOG_LEVEL).child({ process: 'grading' });
const store = SqliteStore.open(config.DATABASE_PATH);
const content = loadContentOrThrow(config.CONTENT_DIR);
const offline = new InjectionGuard(new OfflineGrader(), logger);
const chat = new IpcChat(post);
const worker = new GradingWorker({
  store,
  content,
  grader: config.graderKind === 'llm' ? createLlmGrader(config, { logger, clock: systemClock }) : offline,
  fallbackGrader: offline,
  clock: systemClock,
  chat,
  logger,
  options: coreOptions(config),
});

let exiting = false;
async function exit(reason: 'idle' | 'stopped', graceMs: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  worker.stop();
  const settled = await worker.settle(graceMs);
  try {
    post({ type: 'exiting', reason, settled });
  } catch {
    // The bot is gone; nothing to tell.
  }
  chat.failAll('the grading process is exiting');
  store.close();
  process.disconnect?.();
  process.exit(0);
}

process.on('message', (raw: unknown) => {
  const m = raw as ToGrader;
  switch (m.type) {
    case 'kick':
      worker.kick();
      break;
    case 'stop':
      void exit('stopped', m.graceMs);
      break;
    case 'idle':
      void worker.idle().then(() => post({ type: 'idle', id: m.id }));
      break;
    case 'chat-result':
      chat.settle(m.id, { ref: m.ref });
      break;
    case 'chat-error':
      chat.settle(m.id, { error: m.error });
      break;
  }
});
// The bot died or closed the channel: finish what is in flight and go (unfinished jobs stay queued).
process.on('disconnect', () => void exit('stopped', 5_000));
process.on('SIGTERM', () => void exit('stopped', 5_000));
process.on('SIGINT', () => undefined);

let quietSince: number | null = null;
setInterval(() => {
  const busy = worker.running > 0 || store.pendingJobCount() > 0;
  const now = Date.now();
  quietSince = busy ? null : (quietSince ?? now);
  if (quietSince !== null && now - quietSince >= idleExitMs) void exit('idle', 0);
}, IDLE_CHECK_MS).unref();

const resumed = worker.start();
post({ type: 'ready', resumed });
