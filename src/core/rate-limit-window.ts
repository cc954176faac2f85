/**
 * How many grading jobs may be in flight while the grader's server rate-limits us. Until a rate
 * limit it is the configured concurrency. A rate limit pauses every job until the server's
 * retry-after and halves the window to half of what was in flight; each grade the server then
 * accepts grows it back by one (so it doubles per round trip, up to the concurrency).
 *
 * Without it, every pause ends with the full concurrency sent at once, and almost all of it is
 * refused again (providers count refused requests, and each refused job goes through the queue
 * again). Only jobs started after the last cut move the window: a reply to a request sent before
 * it says nothing about the limit now.
 */
export class RateLimitWindow {
  private size: number;
  private pausedUntil = 0;
  private cutAt = -Infinity;

  constructor(private readonly max: number) {
    this.size = max;
  }

  /** Whether one more job may start at `now` with `inFlight` running. */
  allows(now: number, inFlight: number): boolean {
    return now >= this.pausedUntil && inFlight < this.size;
  }

  /** When the current pause ends (in the past when there is none). */
  get resumesAt(): number {
    return this.pausedUntil;
  }

  /**
   * A job started at `startedAt` was refused until `until`, with `inFlight` jobs running (itself
   * included). True when this moved the end of the pause.
   */
  limited(startedAt: number, now: number, until: number, inFlight: number): boolean {
    const extended = until > this.pausedUntil;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    if (startedAt >= this.cutAt) {
      this.size = Math.max(1, Math.floor(inFlight / 2));
      this.cutAt = now;
    }
    return extended;
  }

  /** The server graded a job started at `startedAt`. */
  accepted(startedAt: number): void {
    if (startedAt >= this.cutAt && this.size < this.max) this.size += 1;
  }
}
