import { basename, dirname, extname, join } from 'node:path';
import pino from 'pino';
import type { Logger } from './core/ports.js';
import { redactSecrets } from './log-redaction.js';

/** Fields of an error worth logging; HTTP clients hang request configs (with tokens) and bodies on theirs. */
const ERROR_FIELDS = ['type', 'message', 'stack', 'code', 'status', 'statusCode', 'retryAfter', 'retryAfterMs', 'method', 'url', 'cause'];

/** An error as a plain object of its safe fields, nested causes included (a few levels). */
function safeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) || depth > 3) return err instanceof Error ? { type: err.name, message: err.message } : err;
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  const e = err as unknown as Record<string, unknown>;
  for (const k of ERROR_FIELDS) {
    if (k in out || e[k] === undefined) continue;
    out[k] = k === 'cause' ? safeError(e[k], depth + 1) : e[k];
  }
  // Slack's Web API errors carry the platform's error code in data.error.
  const data = e.data as { error?: unknown } | undefined;
  if (data && typeof data === 'object' && typeof data.error === 'string') out.platformError = data.error;
  return out;
}

/**
 * pino to stderr (stdout belongs to the console adapter). Errors keep only safe fields (no request
 * configs, headers or bodies); secrets and answer text (`text`) are censored by key wherever they
 * appear (log-redaction.ts).
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      serializers: { err: safeError, error: safeError },
      formatters: { log: redactSecrets },
    },
    destination,
  );
}

/**
 * Where the console's logs go: a file beside the database, named after it (`data/prepbot.log` for
 * `data/prepbot.sqlite`), so they never land between the chat lines; the working directory for a
 * database in memory.
 */
export function consoleLogFile(databasePath: string): string {
  if (databasePath === ':memory:' || databasePath === '') return 'prepbot.log';
  return join(dirname(databasePath), `${basename(databasePath, extname(databasePath))}.log`);
}

/** A log file, created with its folder if needed, written synchronously (a console session is small). */
export function logFileDestination(path: string): pino.DestinationStream {
  return pino.destination({ dest: path, mkdir: true, sync: true });
}
