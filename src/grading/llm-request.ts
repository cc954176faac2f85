/**
 * One chat-completion call with the failure policy of the grader: a few quick retries for
 * timeouts, dropped connections and 5xx (honouring `retry-after` up to a cap), a 429 surfaced at
 * once as GraderRateLimited so the grading job waits in the queue instead of holding a connection
 * open for minutes, and every other failure thrown as a plain Error for the fallback grader.
 *
 * The openai client's own retries are switched off (`maxRetries: 0`): it would retry a 429 itself,
 * sleeping as long as the server asks.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, BadRequestError, RateLimitError } from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { setTimeout as delay } from 'node:timers/promises';
import { GraderRateLimited, type Logger } from '../core/ports.js';

export interface RequestPolicy {
  /** Per attempt, ms. */
  timeoutMs: number;
  /** Retries after the first attempt, for timeouts, connection errors and 5xx. */
  maxRetries: number;
  /** First backoff delay; doubles per retry, with jitter. */
  retryBaseMs: number;
  /** Longest wait between two attempts, even when the server asks for more. */
  maxRetryDelayMs: number;
  /** Wait assumed for a 429 without a usable `retry-after`. */
  defaultRateLimitMs: number;
}

export const DEFAULT_POLICY: RequestPolicy = {
  timeoutMs: 30_000,
  maxRetries: 2,
  retryBaseMs: 500,
  maxRetryDelayMs: 10_000,
  defaultRateLimitMs: 30_000,
};

/** The grading server could not give a reply (after the retries); the message is safe to log. */
export class GraderUnavailableError extends Error {
  readonly code = 'unavailable';
}

/**
 * Sends the request. If the server rejects `temperature` (a reasoning model behind a name we did
 * not recognise), `onTemperatureRejected` is told and the request is sent once more without it.
 */
export async function requestCompletion(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  policy: RequestPolicy,
  opts: { signal?: AbortSignal; logger?: Logger; onTemperatureRejected?: () => void } = {},
): Promise<ChatCompletion> {
  let params = body;
  for (let attempt = 0; ; attempt++) {
    try {
      return await createCompletion(client, params, { signal: opts.signal, timeout: policy.timeoutMs, maxRetries: 0 });
    } catch (err) {
      if (err instanceof APIUserAbortError || opts.signal?.aborted) throw err;
      if (err instanceof RateLimitError) {
        if (err.code === 'insufficient_quota') throw new GraderUnavailableError('the grading server says the account has no quota left', { cause: err });
        throw new GraderRateLimited(retryAfterMs(err.headers) ?? policy.defaultRateLimitMs, { cause: err });
      }
      if (err instanceof BadRequestError && 'temperature' in params && mentionsTemperature(err)) {
        opts.onTemperatureRejected?.();
        const { temperature: _dropped, ...rest } = params;
        params = rest;
        attempt--;
        continue;
      }
      const transient = isTransient(err);
      if (!transient || attempt >= policy.maxRetries) {
        throw new GraderUnavailableError(describe(err, attempt + 1), { cause: err });
      }
      const wait = retryDelayMs(policy, attempt, err instanceof APIError ? err.headers : undefined);
      opts.logger?.warn({ attempt: attempt + 1, delayMs: Math.round(wait), error: describe(err, attempt + 1) }, 'grading request failed; retrying');
      await delay(wait, undefined, { signal: opts.signal });
    }
  }
}

/**
 * `client.chat.completions.create(params, options)`, with the body serialised to bytes first
 * (`create` is this same `post`). Given the params, the client would keep the body as a JSON
 * string, about 13 KB with the grading prompt, on V8's heap for the model's whole answer time, so
 * every minor garbage collection during that second copied each request in flight; a Buffer's
 * bytes live outside the heap. Same path, headers, auth, retries and errors as `create`.
 */
function createCompletion(client: OpenAI, params: ChatCompletionCreateParamsNonStreaming, options: { signal?: AbortSignal; timeout: number; maxRetries: number }): Promise<ChatCompletion> {
  return client.post<ChatCompletion>('/chat/completions', { ...options, body: Buffer.from(JSON.stringify(params)), headers: JSON_BODY });
}

const JSON_BODY = { 'content-type': 'application/json' } as const;

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date; null when absent or unusable. */
export function retryAfterMs(headers: Headers | undefined | null, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw.trim());
  if (raw.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function isTransient(err: unknown): boolean {
  if (err instanceof APIConnectionError) return true; // includes APIConnectionTimeoutError
  if (err instanceof APIError && typeof err.status === 'number') return err.status === 408 || err.status === 409 || err.status >= 500;
  return false;
}

function mentionsTemperature(err: APIError): boolean {
  return err.param === 'temperature' || /temperature/i.test(err.message);
}

function describe(err: unknown, attempts: number): string {
  const what =
    err instanceof APIConnectionError
      ? err instanceof APIConnectionTimeoutError
        ? 'the request timed out'
        : 'the connection failed'
      : err instanceof APIError
        ? `HTTP ${err.status ?? '?'}`
        : err instanceof Error
          ? err.message
          : String(err);
  return `grading server unavailable: ${what} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`;
}

/**
 * How long to wait before retry number `attempt + 1` of a transient failure: what the server asks
 * (`retry-after-ms` / `retry-after`), else exponential backoff with jitter; never above the cap.
 */
export function retryDelayMs(policy: RequestPolicy, attempt: number, headers?: Headers | null): number {
  const asked = retryAfterMs(headers);
  const delay = asked ?? policy.retryBaseMs * 2 ** attempt * (1 - Math.random() * 0.25);
  return Math.min(policy.maxRetryDelayMs, delay);
}
