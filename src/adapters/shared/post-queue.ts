import PQueue from 'p-queue';
import { DeliveryError, type ChatPort, type Clock, type Logger, type MessageRef, type PostMark, type PostWindow, type Target } from '../../core/ports.js';
import type { Reply } from '../../core/replies.js';

export interface PostQueueOptions {
  clock: Clock;
  logger: Logger;
  /** Sends in flight at once on this platform (default 4). */
  concurrency?: number;
  /** Wait used when a rate limit names none (ms, default 1,000). */
  defaultRetryAfterMs?: number;
}

/** Counters for logs and tests. */
export interface PostQueueStats {
  sent: number;
  /** Rate-limit refusals seen (each was waited out and retried). */
  rateLimited: number;
  /** Total time the queue was held by rate limits (ms, overlapping waits counted once). */
  heldMs: number;
}

/**
 * A platform's ChatPort behind a queue: the one place that honours a platform's Retry-After. Many
 * channels due at the same minute are sent a few at a time, in order of arrival per conversation,
 * and a rate limit (a `DeliveryError('rate_limited')` with its wait) holds every send of the
 * platform for that long and then retries the same send: it delays a post, never drops it. Every
 * other failure passes through at once to the caller (the core retries failed daily posts itself,
 * within CATCH_UP_HOURS).
 *
 * Holding the whole platform, not only the channel, matters because platforms count refused
 * requests against the bot (Discord bans an IP after too many 429s). The platform clients are set
 * to hand their 429s back instead of waiting them out themselves, so this queue sees them.
 */
export class PostQueue implements ChatPort {
  readonly stats: PostQueueStats = { sent: 0, rateLimited: 0, heldMs: 0 };
  /** Forwarded when the wrapped port can tell (not queued: it reads, it does not post). */
  readonly checkPermissions?: (channelId: string) => Promise<string[]>;
  /**
   * Forwarded when the wrapped port can look (not queued: it reads; a platform's refusal to read now
   * comes back to the core, which tries again later, instead of holding every send of the platform).
   */
  readonly findPost?: (target: Target, mark: PostMark, window: PostWindow) => Promise<MessageRef | null>;
  private readonly queue: PQueue;
  /** The last send of each conversation, which its next send waits for. */
  private readonly lanes = new Map<string, Promise<unknown>>();
  private heldUntil = 0;

  constructor(
    private readonly inner: ChatPort,
    private readonly o: PostQueueOptions,
  ) {
    this.queue = new PQueue({ concurrency: Math.max(1, o.concurrency ?? 4) });
    if (inner.checkPermissions) this.checkPermissions = (channelId) => inner.checkPermissions!(channelId);
    if (inner.findPost) this.findPost = (target, mark, window) => inner.findPost!(target, mark, window);
  }

  send(target: Target, reply: Reply): Promise<MessageRef | null> {
    return this.inLane(laneOf(target), () => this.inner.send(target, reply));
  }

  edit(target: Target, ref: MessageRef, reply: Reply): Promise<void> {
    return this.inLane(laneOf(target), () => this.inner.edit(target, ref, reply));
  }

  /** Sends queued or in flight. */
  pending(): number {
    return this.queue.size + this.queue.pending;
  }

  /** Runs `call` after the conversation's previous send, through the platform's queue. */
  private inLane<T>(key: string, call: () => Promise<T>): Promise<T> {
    const before = this.lanes.get(key) ?? Promise.resolve();
    const result = before.then(() => this.queue.add(() => this.attempt(call, key)));
    const tail = result.catch(() => undefined);
    this.lanes.set(key, tail);
    void tail.then(() => {
      if (this.lanes.get(key) === tail) this.lanes.delete(key);
    });
    return result;
  }

  /** Runs a send, waiting out every rate limit (the platform's hold and its own) until it is not refused. */
  private async attempt<T>(call: () => Promise<T>, key: string): Promise<T> {
    const { clock, logger } = this.o;
    for (let tries = 1; ; tries += 1) {
      for (let wait = this.heldUntil - clock.now(); wait > 0; wait = this.heldUntil - clock.now()) await clock.sleep(wait);
      try {
        const value = await call();
        this.stats.sent += 1;
        return value;
      } catch (err) {
        if (!(err instanceof DeliveryError) || err.code !== 'rate_limited') throw err;
        this.stats.rateLimited += 1;
        this.hold(err.retryAfterMs ?? this.o.defaultRetryAfterMs ?? 1_000);
        logger.warn({ lane: key, tries, retryAfterMs: err.retryAfterMs }, 'rate limited; the post waits and is sent again');
      }
    }
  }

  private hold(ms: number): void {
    const now = this.o.clock.now();
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
