/**
 * For batch tools without a job queue (the eval): a grader that, told to wait by a 429, waits as
 * `Retry-After` says and tries again, up to a total wait, instead of failing the whole run. The bot
 * itself does not use this: its grading worker keeps rate-limited jobs queued in the database.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { GradeResult } from '../core/model.js';
import { GraderRateLimited, type Grader, type GradeRequest } from '../core/ports.js';

export function waitingOutRateLimits(inner: Grader, maxWaitMs = 15 * 60_000, sleep = defaultSleep): Grader {
  return {
    id: inner.id,
    version: inner.version,
    async grade(req: GradeRequest, signal?: AbortSignal): Promise<GradeResult> {
      let waited = 0;
      for (;;) {
        try {
          return await inner.grade(req, signal);
        } catch (err) {
          if (!(err instanceof GraderRateLimited) || waited + err.retryAfterMs > maxWaitMs) throw err;
          waited += err.retryAfterMs;
          await sleep(err.retryAfterMs, signal);
        }
      }
    },
  };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal });
}
