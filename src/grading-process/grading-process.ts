import { fork, type ChildProcess } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GradingRunner } from '../core/grading-runner.js';
import { DeliveryError, type ChatPort, type Logger, type Store } from '../core/ports.js';
import type { Config } from '../config.js';
import { CONFIG_ENV, type FromGrader, type ToGrader } from './protocol.js';

export interface GradingProcessOptions {
  /** Delivers the replies the grading process hands back (the bot's platform adapters). */
  chat: ChatPort;
  store: Pick<Store, 'pendingJobCount'>;
  logger: Logger;
  /** The bot's validated settings: the process uses the same database, content and grader. */
  config: Config;
  /** The process exits after this long without work, and starts again with the next answer. */
  idleExitMs?: number;
  /** Waits between restarts after the process dies unexpectedly: 1 s, doubling up to this. */
  maxRestartDelayMs?: number;
}

const here = fileURLToPath(import.meta.url);
/** The child's script beside this file: TypeScript through tsx (as `npm start` and Docker run prepbot), or compiled. */
const CHILD_SCRIPT = join(dirname(here), `grading-child${extname(here)}`);
const CHILD_FLAGS = extname(here) === '.ts' ? ['--import', 'tsx'] : [];

/**
 * Grading in a process of its own. Acknowledging answers within the platforms' 3 seconds is the
 * bot's one urgent job; grading is slow and heavy (an HTTP request to the model per answer, held
 * for seconds, parsing, the injection scan, storing the grade). In the same process that work
 * shared the event loop and, above all, the garbage collector with the acks: the ack benchmark's
 * pauses came from collecting the grading requests' garbage (see BENCHMARKS.md).
 *
 * The process opens its own connection to the SQLite file and claims jobs from it, so nothing is
 * lost if it dies: jobs it was running are resumed by the next one. The bot tells it when answers
 * are queued; it hands back each reply for the bot's adapters to deliver. It starts with the
 * first job and exits after `idleExitMs` without work, so an idle bot holds one process.
 */
export class GradingProcess implements GradingRunner {
  private child: ChildProcess | null = null;
  private stopped = false;
  private kickQueued = false;
  private restartDelayMs = 1_000;
  private restartTimer: NodeJS.Timeout | null = null;
  private nextIdleId = 1;
  private readonly idleWaiters = new Map<number, () => void>();
  private exited: Promise<void> = Promise.resolve();
  private lastExit: { reason: 'idle' | 'stopped'; settled: boolean } | null = null;

  constructor(private readonly o: GradingProcessOptions) {}

  /** The grading process's pid while it runs. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Starts the process when there is work waiting (jobs a crash or a restart left behind). */
  start(): void {
    if (this.o.store.pendingJobCount() > 0) this.spawn();
  }

  kick(): void {
    if (this.stopped) return;
    if (!this.child) {
      if (!this.restartTimer) this.spawn();
      return;
    }
    // One message for all the answers of this turn of the event loop.
    if (this.kickQueued) return;
    this.kickQueued = true;
    setImmediate(() => {
      this.kickQueued = false;
      this.tell({ type: 'kick' });
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  async settle(timeoutMs: number): Promise<boolean> {
    const child = this.child;
    if (!child) return true;
    this.lastExit = null;
    this.tell({ type: 'stop', graceMs: timeoutMs });
    const exited = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs + 2_000).unref())]);
    if (!exited) {
      this.o.logger.warn({ pid: child.pid }, 'the grading process did not stop in time; killing it (its jobs resume at the next start)');
      child.kill('SIGKILL');
      await this.exited;
      return false;
    }
    // Set by the process's `exiting` message meanwhile (TypeScript cannot see it across the await).
    const last = this.lastExit as { settled: boolean } | null;
    return last?.settled ?? false;
  }

  async idle(): Promise<void> {
    if (!this.child) {
      if (this.o.store.pendingJobCount() === 0) return;
      this.kick();
    }
    const id = this.nextIdleId++;
    await new Promise<void>((resolve) => {
      this.idleWaiters.set(id, resolve);
      this.tell({ type: 'idle', id });
    });
  }

  private spawn(): void {
    if (this.child || this.stopped) return;
    const child = fork(CHILD_SCRIPT, [], {
      execArgv: CHILD_FLAGS,
      env: { ...process.env, [CONFIG_ENV]: JSON.stringify(this.o.config), PREPBOT_GRADER_IDLE_EXIT_MS: String(this.o.idleExitMs ?? 60_000) },
      // Its logs go where the bot's go (pino on stderr); stdout is the console adapter's.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child = child;
    this.lastExit = null;
    this.o.logger.info({ pid: child.pid }, 'grading process started');
    child.on('message', (m: FromGrader) => this.onMessage(child, m));
    child.on('error', (err) => this.o.logger.error({ err }, 'grading process error'));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.onExit(child, code, signal);
        resolve();
      }),
    );
  }

  private onMessage(child: ChildProcess, m: FromGrader): void {
    switch (m.type) {
      case 'ready':
        this.restartDelayMs = 1_000;
        if (m.resumed > 0) this.o.logger.info({ resumed: m.resumed }, 'grading process resumed unfinished jobs');
        break;
      case 'chat':
        void this.deliver(child, m);
        break;
      case 'idle':
        this.idleWaiters.get(m.id)?.();
        this.idleWaiters.delete(m.id);
        break;
      case 'exiting':
        this.lastExit = { reason: m.reason, settled: m.settled };
        break;
    }
  }

  private async deliver(child: ChildProcess, m: Extract<FromGrader, { type: 'chat' }>): Promise<void> {
    let answer: ToGrader;
    try {
      const ref = m.method === 'send' ? await this.o.chat.send(m.target, m.reply) : (await this.o.chat.edit(m.target, m.ref, m.reply), null);
      answer = { type: 'chat-result', id: m.id, ref };
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError('failed', err instanceof Error ? err.message : String(err));
      answer = { type: 'chat-error', id: m.id, error: { code: e.code, message: e.message, retryAfterMs: e.retryAfterMs } };
    }
    if (child === this.child && child.connected) child.send(answer);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = null;
    // Whoever waits for idleness asks again of the next process.
    const waiters = [...this.idleWaiters.values()];
    this.idleWaiters.clear();
    const expected = this.lastExit !== null;
    if (expected && this.lastExit?.reason === 'idle') this.o.logger.info({}, 'grading process exited after a quiet spell');
    if (!expected) this.o.logger.error({ code, signal }, 'the grading process died; its unfinished jobs resume when it restarts');
    if (this.stopped) {
      for (const w of waiters) w();
      return;
    }
    if (!expected) {
      // Restart after a pause (doubling while it keeps dying), in case the crash repeats at once.
      const delay = this.restartDelayMs;
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, this.o.maxRestartDelayMs ?? 60_000);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.spawn();
        for (const w of waiters) void this.idle().then(w);
      }, delay);
      this.restartTimer.unref();
    } else if (this.o.store.pendingJobCount() > 0) {
      // Work arrived while it was leaving.
      this.spawn();
      for (const w of waiters) void this.idle().then(w);
    } else {
      for (const w of waiters) w();
    }
  }

  private tell(message: ToGrader): void {
    const child = this.child;
    if (!child?.connected) return;
    try {
      child.send(message);
    } catch (err) {
      this.o.logger.warn({ err, type: message.type }, 'could not reach the grading process');
    }
  }
}
