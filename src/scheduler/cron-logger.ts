import type { Logger as CronLog } from 'node-cron';
import type { Logger } from '../core/ports.js';

/**
 * node-cron's own messages through our logger: its default logger writes coloured lines to
 * stdout, which on the console is the chat.
 */
export function cronLogger(logger: Logger): CronLog {
  const errorOf = (message: string | Error, err?: Error) => (message instanceof Error ? message : err);
  const text = (message: string | Error) => `node-cron: ${message instanceof Error ? message.message : message}`;
  return {
    info: (message) => logger.debug({}, text(message)),
    warn: (message) => logger.warn({}, text(message)),
    error: (message, err) => logger.error({ err: errorOf(message, err) }, text(message)),
    debug: (message, err) => logger.debug({ err: errorOf(message, err) }, text(message)),
  };
}
