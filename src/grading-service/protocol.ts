import type { GradeResult } from '../core/model.js';
import type { DeliveryError, GradeRequest, MessageRef, Target } from '../core/ports.js';
import type { Reply } from '../core/replies.js';

/** The environment variable that carries the bot's validated config (JSON) to the grading service. */
export const CONFIG_ENV = 'PREPBOT_GRADER_CONFIG';
/** How long the service stays without work before it exits (ms), set by the bot. */
export const IDLE_EXIT_ENV = 'PREPBOT_GRADER_IDLE_EXIT_MS';

/** A grading failure as it crosses the process boundary. */
export type WireFailure = { kind: 'rate_limited'; retryAfterMs: number; message: string } | { kind: 'failed'; message: string };

/** From the bot to its grading service. */
export type ToService =
  | { type: 'grade'; id: number; req: GradeRequest }
  | { type: 'cancel'; id: number }
  /** A grade reply for the service to send on Slack, with its own Web API client. */
  | { type: 'deliver'; id: number; target: Target; reply: Reply }
  /** Finish the grades in flight (at most `graceMs`), then exit. */
  | { type: 'stop'; graceMs: number };

/** From the grading service to the bot. */
export type FromService =
  | { type: 'ready' }
  | { type: 'graded'; id: number; grade: GradeResult }
  | { type: 'failed'; id: number; failure: WireFailure }
  | { type: 'delivered'; id: number; ref: MessageRef | null }
  | { type: 'undelivered'; id: number; error: { code: DeliveryError['code']; message: string; retryAfterMs?: number } }
  /** About to exit: `idle` after a quiet spell, `stopped` when asked. */
  | { type: 'exiting'; reason: 'idle' | 'stopped' };
