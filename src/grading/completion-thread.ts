/**
 * The program of the model-request thread (see completion-thread-client.ts): the `openai` client
 * and its requests live here, on this thread's own V8 heap, and the bot's event loop only sends
 * the request and receives the reply. One request at a time per id; the failure policy is
 * requestCompletion's, unchanged, and its outcome crosses back as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import OpenAI, { APIUserAbortError } from 'openai';
import { GraderRateLimited, type Logger } from '../core/ports.js';
import { createLeanFetch } from '../http/lean-fetch.js';
import type { CompleteRequest, ThreadFailure, ThreadReply, ThreadRequest, ThreadSetup } from './completion-thread-protocol.js';
import { GraderUnavailableError, requestCompletion } from './llm-request.js';

const port = parentPort!;
const setup = workerData as ThreadSetup;
const client = new OpenAI({ apiKey: setup.apiKey, baseURL: setup.baseURL, maxRetries: 0, fetch: createLeanFetch() });
const inFlight = new Map<number, AbortController>();

/** Log lines go to the bot's logger, which owns the destination and the redaction. */
function threadLogger(id: number): Logger {
  const send = (level: 'debug' | 'info' | 'warn' | 'error') => (obj: object, msg?: string) => port.postMessage({ type: 'log', id, level, obj, msg } satisfies ThreadReply);
  const logger: Logger = { debug: send('debug'), info: send('info'), warn: send('warn'), error: send('error'), child: () => logger };
  return logger;
}

function failure(err: unknown, signal: AbortSignal): ThreadFailure {
  if (err instanceof APIUserAbortError || signal.aborted) return { kind: 'aborted' };
  if (err instanceof GraderRateLimited) return { kind: 'rate-limited', retryAfterMs: err.retryAfterMs, cause: describe(err.cause) };
  if (err instanceof GraderUnavailableError) return { kind: 'unavailable', message: err.message, cause: describe(err.cause) };
  return { kind: 'unavailable', message: `grading server unavailable: ${describe(err)}`, cause: describe(err) };
}

function describe(err: unknown): string | undefined {
  if (err === undefined) return undefined;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

async function complete({ id, params, policy }: CompleteRequest): Promise<void> {
  const controller = new AbortController();
  inFlight.set(id, controller);
  let temperatureRejected = false;
  try {
    const completion = await requestCompletion(client, params, policy, {
      signal: controller.signal,
      logger: threadLogger(id),
      onTemperatureRejected: () => {
        temperatureRejected = true;
      },
    });
    port.postMessage({ type: 'done', id, completion, temperatureRejected } satisfies ThreadReply);
  } catch (err) {
    port.postMessage({ type: 'failed', id, failure: failure(err, controller.signal), temperatureRejected } satisfies ThreadReply);
  } finally {
    inFlight.delete(id);
  }
}

port.on('message', (m: ThreadRequest) => {
  if (m.type === 'abort') inFlight.get(m.id)?.abort();
  else if (m.type === 'complete') void complete(m);
});
