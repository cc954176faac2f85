import type { Logger } from '../../src/core/ports.js';

/**
 * A logger that keeps entries in memory, so tests can check what was logged (and that secrets were
 * not). Children log into the same list, with their bindings, as the adapters log through children.
 */
export class MemoryLogger implements Logger {
  constructor(
    readonly entries: { level: string; obj: object; msg?: string }[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  private push(level: string, obj: object, msg?: string) {
    this.entries.push({ level, obj: { ...this.bindings, ...obj }, msg });
  }
  debug(obj: object, msg?: string) {
    this.push('debug', obj, msg);
  }
  info(obj: object, msg?: string) {
    this.push('info', obj, msg);
  }
  warn(obj: object, msg?: string) {
    this.push('warn', obj, msg);
  }
  error(obj: object, msg?: string) {
    this.push('error', obj, msg);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new MemoryLogger(this.entries, { ...this.bindings, ...bindings });
  }
}
