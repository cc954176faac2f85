/**
 * The two shapes of rate limit the platform stand-ins enforce, on a clock the test or benchmark
 * gives (a fake one in tests, so no test waits real time for a limit to pass).
 */

/** A token bucket per key: `burst` requests at once, refilled at `perSecond`. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: { perSecond: number; burst: number },
    private readonly now: () => number,
  ) {}

  /** Takes one request's token for `key`: 0 when it may pass, else the ms until a token is free (nothing taken). */
  take(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((now - b.at) * this.limit.perSecond) / 1000);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) * 1000) / this.limit.perSecond);
  }
}

/** What a fixed window says about one request: whether it passed, and the window's state after it. */
export interface WindowState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms at which the window resets. */
  resetAt: number;
  /** Ms until then. */
  resetAfter: number;
}

/**
 * A fixed window per key, as Discord's route buckets behave: the first request opens a window of
 * `windowMs` that admits `limit` requests; the next request after it opens a new one.
 */
export class FixedWindows {
  private readonly windows = new Map<string, { until: number; used: number }>();

  constructor(
    private readonly limit: { limit: number; windowMs: number },
    private readonly now: () => number,
  ) {}

  take(key: string): WindowState {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.until <= now) {
      w = { until: now + this.limit.windowMs, used: 0 };
      this.windows.set(key, w);
    }
    const allowed = w.used < this.limit.limit;
    if (allowed) w.used += 1;
    return { allowed, limit: this.limit.limit, remaining: this.limit.limit - w.used, resetAt: w.until, resetAfter: w.until - now };
  }
}
