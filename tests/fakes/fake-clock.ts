import type { Clock } from '../../src/core/ports.js';

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  constructor(private t: number) {}
  static at(iso: string): FakeClock {
    return new FakeClock(Date.parse(iso));
  }
  now(): number {
    return this.t;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceHours(h: number): void {
    this.t += h * 3_600_000;
  }
}
