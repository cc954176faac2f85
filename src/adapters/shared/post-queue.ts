import { DeliveryError, type ChatPort, type Logger, type MessageRef, type Target } from '../../core/ports.js';
import type { Reply } from '../../core/replies.js';

export interface PostQueueOptions {
  /** Sends in flight at once on this platform. */
  concurrency?: number;
  /** Wait used when a rate limit names none (ms). */
  defaultRetryAfterMs?: number;
  logger?: Logger;
}

/** Counters for logs, health and tests. */
export interface PostQueueStats {
  sent: number;
  /** Rate-limit refusals seen (each was waited out and retried). */
  rateLimited: number;
  /** Total time the queue was held by rate limits (ms, overlapping waits counted once). */
  heldMs: number;
}

interface Task {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A platform's ChatPort behind a queue: many channels due at the same minute are sent a few at a
 * time, in order of arrival per conversation, and a rate limit (a `DeliveryError('rate_limited')`
 * with its Retry-After) holds the whole queue for that long and then retries the same send: it
 * delays a post, never drops it. Every other failure passes through at once to the caller (the
 * core retries failed daily posts itself, within CATCH_UP_HOURS).
 *
 * Holding the whole platform, not only the channel, matters because platforms count refused
 * requests against the bot (Discord bans an IP after too many 429s). discord.js and Bolt's
 * WebClient also wait out 429s internally; this queue is the guarantee whatever the client does.
 */
export class PostQueue implements ChatPort {
  readonly stats: PostQueueStats = { sent: 0, rateLimited: 0, heldMs: 0 };
  /** Forwarded when the wrapped port can tell (not queued: it reads, it does not post). */
  readonly checkPermissions?: (channelId: string) => Promise<string[]>;
  private readonly lanes = new Map<string, Task[]>();
  private readonly ready: string[] = [];
  private running = 0;
  private heldUntil = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly defaultRetryAfterMs: number;

  constructor(
    private readonly inner: ChatPort,
    private readonly o: PostQueueOptions = {},
  ) {
    this.concurrency = Math.max(1, o.concurrency ?? 4);
    this.defaultRetryAfterMs = o.defaultRetryAfterMs ?? 1_000;
    if (inner.checkPermissions) this.checkPermissions = (channelId) => inner.checkPermissions!(channelId);
  }

  send(target: Target, reply: Reply): Promise<MessageRef | null> {
    return this.enqueue(laneOf(target), () => this.inner.send(target, reply));
  }

  edit(target: Target, ref: MessageRef, reply: Reply): Promise<void> {
    return this.enqueue(laneOf(target), () => this.inner.edit(target, ref, reply));
  }

  /** Sends queued or in flight. */
  pending(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.length;
    return n;
  }

  /** Resolves once nothing is queued or in flight (shutdown, tests). */
  idle(): Promise<void> {
    if (this.pending() === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private enqueue<T>(key: string, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const lane = this.lanes.get(key);
      const task: Task = { run, resolve: resolve as (v: unknown) => void, reject };
      if (lane) {
        lane.push(task);
      } else {
        this.lanes.set(key, [task]);
        this.ready.push(key);
      }
      this.pump();
    });
  }

  /** Starts the next lanes' head tasks, one task per lane at a time, lanes taking turns. */
  private pump(): void {
    while (this.running < this.concurrency && this.ready.length > 0) {
      const key = this.ready.shift()!;
      this.running += 1;
      void this.runHead(key);
    }
  }

  private async runHead(key: string): Promise<void> {
    const lane = this.lanes.get(key)!;
    const task = lane[0]!;
    try {
      task.resolve(await this.attempt(task, key));
      this.stats.sent += 1;
    } catch (err) {
      task.reject(err);
    }
    lane.shift();
    this.running -= 1;
    if (lane.length > 0) this.ready.push(key);
    else this.lanes.delete(key);
    this.pump();
    if (this.pending() === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Runs a task, waiting out every rate limit (the queue's and the task's own) until it is not refused. */
  private async attempt(task: Task, key: string): Promise<unknown> {
    for (let tries = 1; ; tries += 1) {
      for (let wait = this.heldUntil - Date.now(); wait > 0; wait = this.heldUntil - Date.now()) await sleep(wait);
      try {
        return await task.run();
      } catch (err) {
        if (!(err instanceof DeliveryError) || err.code !== 'rate_limited') throw err;
        this.stats.rateLimited += 1;
        this.hold(err.retryAfterMs ?? this.defaultRetryAfterMs);
        this.o.logger?.warn({ lane: key, tries, retryAfterMs: err.retryAfterMs }, 'rate limited; the post waits and is sent again');
      }
    }
  }

  private hold(ms: number): void {
    const now = Date.now();
    const until = now + Math.max(0, ms);
    if (until <= this.heldUntil) return;
    this.stats.heldMs += until - Math.max(now, this.heldUntil);
    this.heldUntil = until;
  }
}

/** Public posts of a channel keep their order; private replies and admin notices do not wait behind them. */
function laneOf(target: Target): string {
  if (target.admins) return `${target.channelId}|admins`;
  if (target.userId) return `${target.channelId}|${target.userId}`;
  return target.channelId;
}
