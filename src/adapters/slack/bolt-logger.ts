import { LogLevel, type Logger as BoltLoggerShape } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

const describe = (parts: unknown[]): string =>
  parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');

/**
 * Bolt, its Web API client and its Socket Mode client log through this, so their lines land in
 * prepbot's pino log (stderr) with `component: slack` instead of on stdout. Bolt's own debug lines
 * (request bodies, redacted by Bolt) stay at debug.
 */
export class BoltLogger implements BoltLoggerShape {
  private level: LogLevel = LogLevel.INFO;
  private readonly log: Logger;

  constructor(logger: Logger) {
    this.log = logger.child({ component: 'slack' });
  }

  debug(...msg: unknown[]): void {
    this.log.debug({}, describe(msg));
  }
  info(...msg: unknown[]): void {
    this.log.info({}, describe(msg));
  }
  warn(...msg: unknown[]): void {
    this.log.warn({}, describe(msg));
  }
  error(...msg: unknown[]): void {
    const err = msg.find((m): m is Error => m instanceof Error);
    this.log.error(err ? { err } : {}, describe(msg));
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {
    // pino bindings name the component already.
  }
}
