import type { Clock } from '../../src/core/ports.js';

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock that moves only when told to. Its timers fire when `advance` (or `set`) moves time past
 * them, in order, each with the clock set to its own instant; `run` does the same while letting
 * the promises the timers start settle in between, as real time would.
 */
export class FakeClock implements Clock {
  private timers: Pending[] = [];
  private seq = 0;

  constructor(private t: number) {}

  static at(iso: string): FakeClock {
    return new FakeClock(Date.parse(iso));
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const timer: Pending = { at: this.t + Math.max(0, ms), seq: (this.seq += 1), fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((p) => p !== timer);
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const cancel = this.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        cancel();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Timers waiting to fire. */
  pending(): number {
    return this.timers.length;
  }

  /** Moves to an instant, firing the timers due on the way forwards (none fire going back). */
  set(iso: string): void {
    const at = Date.parse(iso);
    if (at < this.t) this.t = at;
    else this.advance(at - this.t);
  }

  /** Moves time forwards by `ms`, firing each timer due on the way at its own instant. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      this.timers = this.timers.filter((p) => p !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = Math.max(this.t, end);
  }

  advanceHours(h: number): void {
    this.advance(h * 3_600_000);
  }

  /**
   * Like `advance`, but after each timer (and at the end) lets pending promises and I/O callbacks
   * run, so work a timer starts (a retried send, a grade) finishes before time moves on.
   */
  async run(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      this.timers = this.timers.filter((p) => p !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
      await settle();
    }
    this.t = Math.max(this.t, end);
    await settle();
  }

  /**
   * Moves time forwards in steps of `stepMs` (letting work settle after each) until `p` settles,
   * for what waits on the clock (a grace period, a retry) while also waiting for something else.
   * Gives up after `maxMs` of fake time.
   */
  async runUntil<T>(p: Promise<T>, stepMs = 50, maxMs = 3_600_000): Promise<T> {
    let settled = false;
    const watched = p.finally(() => (settled = true));
    for (let moved = 0; !settled && moved < maxMs; moved += stepMs) await this.run(stepMs);
    return watched;
  }

  private nextDue(end: number): Pending | undefined {
    let best: Pending | undefined;
    for (const p of this.timers) if (p.at <= end && (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq))) best = p;
    return best;
  }
}

/** A few turns of the event loop: promise chains and immediates queued meanwhile run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
}
