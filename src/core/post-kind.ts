import { DeliveryError, type MessageRef, type Target } from './ports.js';
import type { Reply } from './replies.js';
import type { PostIntent } from './stores/post-store.js';

const MINUTE = 60_000;

/** Any failure as a DeliveryError; one the platform did not state may have gone through. */
export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  return new DeliveryError('failed', err instanceof Error ? err.message : String(err), undefined, { cause: err, uncertain: true });
}

/**
 * Wait before the next attempt: what a rate limit asked for, else 1, 2, 4, 8 then every 15 minutes,
 * so a channel the bot may not post in is not hammered (platforms penalise repeated refusals).
 */
export function retryDelay(attempts: number, err: DeliveryError): number {
  if (err.code === 'rate_limited' && err.retryAfterMs) return Math.max(err.retryAfterMs, 1_000);
  return Math.min(15 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
}

/** What a post kind sends for one key, and where. */
export interface Rendered {
  target: Target;
  reply: Reply;
}

/**
 * One kind of post that must appear once per key (see PostStore). Registered with
 * {@link Posts.register}; the recovery sweep then finishes any post of the kind a crash or a
 * failure left pending, by asking the kind what to post.
 */
export interface PostKind {
  /**
   * What to post now; `'wait'` to look again later (the channel is paused); null when no longer
   * wanted. May take a while (a summary asks the model for a sentence): a second process rendering
   * the same post meanwhile still loses the attempt's lease, so the post is made once.
   */
  render(intent: PostIntent): Rendered | 'wait' | null | Promise<Rendered | 'wait' | null>;
  /** The last instant the post may still be made; past it, the intent is abandoned. */
  deadline(intent: PostIntent): number;
  /** The post is in the channel; `adopted` when an earlier attempt had made it. */
  delivered?(intent: PostIntent, ref: MessageRef | null, adopted: boolean): void;
  /** An attempt failed; the next one comes at `nextAt`. */
  failed?(intent: PostIntent, error: DeliveryError, nextAt: number): Promise<void>;
  /** No more attempts (given up, or no longer wanted). */
  abandoned?(intent: PostIntent, reason: string): void;
}

export type PostOutcome =
  | { status: 'sent' | 'adopted'; ref: MessageRef | null }
  | { status: 'failed'; error: DeliveryError }
  /** Another attempt holds it, or it is backing off. */
  | { status: 'busy' }
  /** Sent already, or given up. */
  | { status: 'done' }
  /** No longer wanted, or waiting for its channel. */
  | { status: 'dropped' | 'waiting' };

/** What one recovery sweep did. */
export interface RecoveryReport {
  delivered: number;
  waiting: number;
  gaveUp: number;
}

