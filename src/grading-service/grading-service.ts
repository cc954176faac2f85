import { fork, type ChildProcess } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { GradeResult } from '../core/model.js';
import { DeliveryError, GraderRateLimited, type ChatPort, type GradeRequest, type Grader, type Logger, type MessageRef, type Target } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import { CONFIG_ENV, IDLE_EXIT_ENV, type FromService, type ToService } from './protocol.js';

export interface GradingServiceOptions {
  /** The bot's validated settings: the service builds the same LLM grader from them. */
  config: Config;
  /** What the service's grader reports (`llm:<model>`) and its version: the grade cache's key. */
  grader: Pick<Grader, 'id' | 'version'>;
  logger: Logger;
  /** The service exits after this long without work, and starts again with the next request. */
  idleExitMs?: number;
}

const here = fileURLToPath(import.meta.url);
/** The service's script beside this file: TypeScript through tsx (as `npm start` and Docker run prepbot), or compiled. */
const SCRIPT = join(dirname(here), `service-child${extname(here)}`);
const FLAGS = extname(here) === '.ts' ? ['--import', 'tsx'] : [];

type Pending =
  | { kind: 'grade'; req: GradeRequest; resolve: (grade: GradeResult) => void; reject: (err: Error) => void }
  | { kind: 'deliver'; target: Target; reply: Reply; resolve: (ref: MessageRef | null) => void; reject: (err: Error) => void };

/**
 * The LLM grader, run in a process of its own: a {@link Grader} whose `grade()` sends the request
 * to the grading service and resolves with its answer.
 *
 * Why: acknowledging answers within the platforms' 3 seconds is the bot's one urgent job, and
 * LLM grading is heavy beside it. Each grade is an HTTP request held for seconds, with a prompt
 * of several kilobytes, the client's request and stream objects, the reply's parsing and the
 * injection scan; 64 grades in flight kept enough of that alive to make the garbage collector
 * copy and promote megabytes at every minor collection, pausing the acks (see BENCHMARKS.md). In
 * the service, that garbage is collected in another process. The bot keeps everything else:
 * the jobs and the database (one writer: a second connection writing grades contended for
 * SQLite's write lock with the acks); on Slack the service also sends the grade replies.
 *
 * The service starts with the first request and exits after `idleExitMs` without work, so an
 * idle bot runs one process. Requests it had not answered when it exited or died are sent to the
 * next one, so no grade is lost or degraded by a restart.
 */
export class GradingService implements Grader {
  readonly id: string;
  readonly version: string;
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;
  private exited: Promise<void> = Promise.resolve();
  private crashes = 0;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly o: GradingServiceOptions) {
    this.id = o.grader.id;
    this.version = o.grader.version;
  }

  /** The service's pid while it runs. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  grade(req: GradeRequest, signal?: AbortSignal): Promise<GradeResult> {
    if (this.stopped) return Promise.reject(new Error('the grading service has stopped'));
    const id = this.nextId++;
    return new Promise<GradeResult>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.tell({ type: 'cancel', id });
        reject(signal?.reason instanceof Error ? signal.reason : new Error('grading aborted'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = <T>(f: (v: T) => void) => (v: T) => {
        signal?.removeEventListener('abort', onAbort);
        f(v);
      };
      this.pending.set(id, { kind: 'grade', req, resolve: done(resolve), reject: done(reject) });
      this.ensureRunning();
      this.tell({ type: 'grade', id, req });
    });
  }

  /**
   * Where the grading worker sends its replies: grade replies on Slack go out through the
   * service's own Web API client (the request objects, the body encoding and the wait for Slack's
   * answer stay out of the bot's heap too); everything else through `local`, the bot's adapters.
   */
  gradeChat(local: ChatPort): ChatPort {
    const viaService = (target: Target) => Boolean(this.o.config.SLACK_BOT_TOKEN) && target.channelId.startsWith('slack:') && !this.stopped;
    return {
      send: (target, reply) => (viaService(target) ? this.deliver(target, reply) : local.send(target, reply)),
      edit: (target, ref, reply) => local.edit(target, ref, reply),
    };
  }

  private deliver(target: Target, reply: Reply): Promise<MessageRef | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind: 'deliver', target, reply, resolve, reject });
      this.ensureRunning();
      this.tell({ type: 'deliver', id, target, reply });
    });
  }

  /** Lets grades in flight finish (at most `graceMs`), then stops the service. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    this.tell({ type: 'stop', graceMs });
    const exited = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs + 2_000).unref())]);
    if (!exited) child.kill('SIGKILL');
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new Error('the grading service stopped'));
    }
  }

  private ensureRunning(): void {
    if (this.child || this.restartTimer || this.stopped) return;
    const child = fork(SCRIPT, [], {
      execArgv: FLAGS,
      env: { ...process.env, [CONFIG_ENV]: JSON.stringify(this.o.config), [IDLE_EXIT_ENV]: String(this.o.idleExitMs ?? 60_000) },
      // Its logs go where the bot's go (pino on stderr); stdout is the console's.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child = child;
    let expected = false;
    this.o.logger.info({ pid: child.pid }, 'grading service started');
    child.on('message', (m: FromService) => {
      if (m.type === 'exiting') expected = true;
      else if (m.type === 'ready') this.crashes = 0;
      else this.answer(m);
    });
    child.on('error', (err) => this.o.logger.error({ err }, 'grading service error'));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.child = null;
        if (expected) this.o.logger.info({}, 'grading service exited after a quiet spell or a stop');
        else this.o.logger.error({ code, signal }, 'the grading service died; its requests go to the next one');
        this.resend(expected);
        resolve();
      }),
    );
  }

  /** Requests the last process did not answer go to a new one (after a pause if it died, in case it dies again). */
  private resend(expected: boolean): void {
    if (!expected) {
      // A reply the dead process may have sent already is not sent twice: it is reported undelivered.
      for (const [id, p] of this.pending) {
        if (p.kind !== 'deliver') continue;
        this.pending.delete(id);
        p.reject(new DeliveryError('failed', 'the grading service stopped before Slack confirmed the reply'));
      }
    }
    if (this.stopped || this.pending.size === 0) return;
    const again = () => {
      this.restartTimer = null;
      this.ensureRunning();
      for (const [id, p] of this.pending) this.tell(p.kind === 'grade' ? { type: 'grade', id, req: p.req } : { type: 'deliver', id, target: p.target, reply: p.reply });
    };
    if (expected) return again();
    this.crashes += 1;
    this.restartTimer = setTimeout(again, Math.min(30_000, 500 * 2 ** (this.crashes - 1)));
    this.restartTimer.unref();
  }

  private answer(m: Exclude<FromService, { type: 'ready' | 'exiting' }>): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (p.kind === 'deliver') {
      if (m.type === 'delivered') p.resolve(m.ref);
      else if (m.type === 'undelivered') p.reject(new DeliveryError(m.error.code, m.error.message, m.error.retryAfterMs));
      return;
    }
    if (m.type === 'graded') p.resolve(m.grade);
    else if (m.type === 'failed') p.reject(m.failure.kind === 'rate_limited' ? new GraderRateLimited(m.failure.retryAfterMs) : new Error(m.failure.message));
  }

  private tell(m: ToService): void {
    const child = this.child;
    if (!child?.connected) return;
    try {
      child.send(m);
    } catch (err) {
      this.o.logger.warn({ err, type: m.type }, 'could not reach the grading service');
    }
  }
}
