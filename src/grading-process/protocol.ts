import type { DeliveryError, MessageRef, Target } from '../core/ports.js';
import type { Reply } from '../core/replies.js';

/** The environment variable that carries the bot's validated config (JSON) to the grading process. */
export const CONFIG_ENV = 'PREPBOT_GRADER_CONFIG';

/** A delivery failure as it crosses the process boundary. */
export interface WireError {
  code: DeliveryError['code'];
  message: string;
  retryAfterMs?: number;
}

/** From the bot to its grading process. */
export type ToGrader =
  | { type: 'kick' }
  /** Stop claiming jobs, let the ones in flight finish (at most `graceMs`), then exit. */
  | { type: 'stop'; graceMs: number }
  /** Answer `idle` once no job is pending or running. */
  | { type: 'idle'; id: number }
  | { type: 'chat-result'; id: number; ref: MessageRef | null }
  | { type: 'chat-error'; id: number; error: WireError };

/** From the grading process to the bot. */
export type FromGrader =
  | { type: 'ready'; resumed: number }
  /** A reply for the bot to deliver through its platform adapters (a grade, a note to admins). */
  | { type: 'chat'; id: number; method: 'send'; target: Target; reply: Reply }
  | { type: 'chat'; id: number; method: 'edit'; target: Target; ref: MessageRef; reply: Reply }
  | { type: 'idle'; id: number }
  /** About to exit: `idle` after a quiet spell, `stopped` when asked; `settled` is false when grading was cut short. */
  | { type: 'exiting'; reason: 'idle' | 'stopped'; settled: boolean };
