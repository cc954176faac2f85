import pino from 'pino';
import type { Logger } from './core/ports.js';

/**
 * pino to stderr (stdout belongs to the console adapter). Secrets are redacted by key wherever
 * they appear; answer text is only ever logged at debug level.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', 'apiKey', '*.token', '*.apiKey', 'headers.authorization', '*.headers.authorization', 'text', '*.text'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
