import type { Clock, Logger } from './ports.js';

export interface BreakerOptions {
  clock: Clock;
  logger: Logger;
  /** Consecutive failures that open the breaker. */
  failures: number;
  /** How long it stays open before the server is probed again. */
  cooldownMs: number;
  /** Asks the server whether it answers again; resolves when it does. Without it, the next answer is the probe. */
  probe?: (signal: AbortSignal) => Promise<void>;
  /** How long a probe may take before it counts as a failure. */
  probeTimeoutMs: number;
  /** Called as the breaker opens (the worker gives up the calls still waiting on the sick server). */
  onOpen?: () => void;
  /** Called as it closes again. */
  onClose?: () => void;
}

/**
 * A circuit breaker for the LLM grader. A sick model server (one that accepts connections and
 * never answers, or fails every request) would cost each answer the whole grading deadline before
 * the offline grade; after `failures` consecutive failures the breaker opens and answers are graded
 * offline at once, saying so. Each `cooldownMs` it probes the server; the first answer it gets
 * closes the breaker. A reply the grader rejects is not a failure here: the server answered.
 */
export class GraderBreaker {
  private consecutive = 0;
  private openSince: number | null = null;
  private cancelTimer: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly o: BreakerOptions) {}

  /** True while answers are graded offline without asking the model. */
  get isOpen(): boolean {
    return this.openSince !== null;
  }

  succeeded(): void {
    this.consecutive = 0;
  }

  failed(): void {
    if (this.isOpen) return;
    this.consecutive += 1;
    if (this.consecutive >= this.o.failures) this.open();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private open(): void {
    const { clock, logger, cooldownMs } = this.o;
    this.openSince = clock.now();
    logger.warn({ failures: this.consecutive, cooldownMs }, 'the LLM grader is failing; grading offline until the server answers again');
    this.o.onOpen?.();
    this.arm();
  }

  private close(): void {
    const since = this.openSince;
    this.openSince = null;
    this.consecutive = 0;
    this.o.logger.info({ offlineMs: since === null ? 0 : this.o.clock.now() - since }, 'the LLM grader answers again; grading with it');
    this.o.onClose?.();
  }

  private arm(): void {
    if (this.stopped) return;
    this.cancelTimer?.();
    this.cancelTimer = this.o.clock.setTimeout(() => {
      this.cancelTimer = null;
      void this.probeNow();
    }, this.o.cooldownMs);
  }

  /** After a cool-down: a probe that answers closes the breaker; one that does not opens another cool-down. */
  private async probeNow(): Promise<void> {
    const { probe, clock, logger } = this.o;
    if (this.stopped || !this.isOpen) return;
    if (!probe) {
      // Half open: the next answer goes to the model; one more failure opens it again.
      this.openSince = null;
      this.consecutive = Math.max(0, this.o.failures - 1);
      this.o.onClose?.();
      return;
    }
    const call = new AbortController();
    const cancel = clock.setTimeout(() => call.abort(new Error('the probe timed out')), this.o.probeTimeoutMs);
    try {
      await Promise.race([
        probe(call.signal),
        new Promise<never>((_, reject) => call.signal.addEventListener('abort', () => reject(call.signal.reason as Error), { once: true })),
      ]);
      if (!this.stopped) this.close();
    } catch (err) {
      logger.info({ err: err instanceof Error ? err.message : String(err) }, 'the LLM grader still does not answer; grading stays offline');
      this.arm();
    } finally {
      cancel();
    }
  }
}
