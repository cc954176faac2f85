/**
 * Model requests on a thread of their own. Each grading request waits about a second for the
 * model, and while it waits the `openai` client and the HTTP client hold its state: promises,
 * async frames, headers, timers, about 20 KB per request. On the bot's event loop, 64 requests in
 * flight meant every minor garbage collection copied them, and members' acks waited out those
 * pauses (BENCHMARKS.md, `ack`). Here they live on the thread's own heap, collected without
 * stopping the event loop; the bot sends the request's parameters and receives the completion.
 *
 * Same contract as requestCompletion (it runs it, on the thread): GraderRateLimited on a 429,
 * GraderUnavailableError after the retries, the signal's reason when aborted. If the thread dies,
 * the requests in flight fail as unavailable (their answers are graded offline) and the next
 * request starts a new thread. A thread with nothing to do for a minute exits (it holds about
 * 30 MB: its own V8 heap and the client's modules), and the next request starts a new one.
 */
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { APIUserAbortError } from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { GraderRateLimited, type Logger } from '../core/ports.js';
import type { ThreadFailure, ThreadReply, ThreadRequest, ThreadSetup } from './completion-thread-protocol.js';
import { GraderUnavailableError, type CompletionOptions, type RequestPolicy } from './llm-request.js';

/**
 * Loads the thread's program. Under tsx and in tests the program is TypeScript, and a worker
 * does not inherit the parent's module loader, so the thread registers tsx first.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.program);
})();
`;

interface Pending {
  resolve: (c: ChatCompletion) => void;
  reject: (err: unknown) => void;
  opts: CompletionOptions;
  onAbort: () => void;
}

/** How long the thread waits without requests before it exits. */
const IDLE_MS = 60_000;

export class CompletionThread {
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(
    private readonly setup: ThreadSetup,
    private readonly logger?: Logger,
    private readonly idleMs = IDLE_MS,
  ) {}

  complete(params: ChatCompletionCreateParamsNonStreaming, policy: RequestPolicy, opts: CompletionOptions = {}): Promise<ChatCompletion> {
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason);
    if (this.closed) return Promise.reject(new GraderUnavailableError('the grader is shut down'));
    const worker = this.running();
    this.stopIdleTimer();
    const id = this.nextId++;
    return new Promise<ChatCompletion>((resolve, reject) => {
      const onAbort = () => this.post({ type: 'abort', id });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { resolve, reject, opts, onAbort });
      if (this.pending.size === 1) worker.ref();
      this.post({ type: 'complete', id, params, policy });
    });
  }

  /** Stops the thread; requests still in flight fail as unavailable. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopIdleTimer();
    const worker = this.worker;
    this.worker = null;
    this.failAll('the grader is shut down');
    await worker?.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const here = import.meta.url;
    const ext = extname(new URL(here).pathname);
    const program = new URL(`./completion-thread${ext}`, here).href;
    const tsx = ext === '.ts' ? import.meta.resolve('tsx/esm/api') : null;
    const worker = new Worker(BOOT, { eval: true, workerData: { ...this.setup, program, tsx } });
    worker.unref();
    worker.on('message', (m: ThreadReply) => this.onReply(m));
    worker.on('error', (err) => {
      this.logger?.error({ err }, 'the model-request thread failed; requests in flight are graded offline');
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (!this.closed) this.logger?.error({ code }, 'the model-request thread exited; the next request starts a new one');
      this.failAll('the model-request thread stopped');
    });
    this.worker = worker;
    return worker;
  }

  private post(m: ThreadRequest): void {
    this.worker?.postMessage(m);
  }

  private onReply(m: ThreadReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'log') {
      p.opts.logger?.[m.level](m.obj, m.msg);
      return;
    }
    this.settle(m.id, p);
    if (m.temperatureRejected) p.opts.onTemperatureRejected?.();
    if (m.type === 'done') p.resolve(m.completion);
    else p.reject(this.errorOf(m.failure, p.opts));
  }

  private errorOf(f: ThreadFailure, opts: CompletionOptions): unknown {
    if (f.kind === 'aborted') return opts.signal?.reason ?? new APIUserAbortError();
    const cause = f.cause === undefined ? undefined : new Error(f.cause);
    if (f.kind === 'rate-limited') return new GraderRateLimited(f.retryAfterMs, { cause });
    return new GraderUnavailableError(f.message, { cause });
  }

  private settle(id: number, p: Pending): void {
    this.pending.delete(id);
    p.opts.signal?.removeEventListener('abort', p.onAbort);
    if (this.pending.size === 0 && this.worker) {
      this.worker.unref();
      this.idleTimer ??= setTimeout(() => this.retire(), this.idleMs).unref();
    }
  }

  /** Ends an idle thread; the next request starts another. */
  private retire(): void {
    this.idleTimer = null;
    const worker = this.worker;
    if (!worker || this.pending.size > 0) return;
    this.worker = null;
    void worker.terminate();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private failAll(reason: string): void {
    for (const [id, p] of [...this.pending]) {
      this.settle(id, p);
      p.reject(p.opts.signal?.aborted ? p.opts.signal.reason : new GraderUnavailableError(`grading server unavailable: ${reason}`));
    }
  }
}
