import { createHash } from 'node:crypto';
import { FixedWindows, TokenBuckets } from './rate-limits.js';

/**
 * Discord's published REST limits: 50 requests a second per bot token across routes (interaction
 * responses and webhooks with a token are exempt), and per-route buckets counted per top-level
 * resource (the channel, guild or webhook in the path), e.g. 5 messages per 5 s in one channel.
 */
export interface DiscordLimits {
  globalPerSecond: number;
  routeLimit: number;
  routeWindowMs: number;
}

export const DISCORD_LIMITS: DiscordLimits = { globalPerSecond: 50, routeLimit: 5, routeWindowMs: 5_000 };

/** What the limits say about one request: the headers to send, and the 429 body when refused. */
export interface LimitVerdict {
  headers: Record<string, string>;
  refused?: { json: { message: string; retry_after: number; global: boolean } };
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The limits applied to each request the way discord.js reads them: every bucketed response
 * carries `X-RateLimit-Limit`, `-Remaining`, `-Reset`, `-Reset-After` and `-Bucket`; a refusal is
 * 429 with `Retry-After` (whole seconds, as Discord sends it), `X-RateLimit-Scope`, and for the
 * global limit `X-RateLimit-Global`, the JSON body repeating `retry_after` in (fractional) seconds.
 */
export class DiscordRateLimits {
  readonly refused = { global: 0, route: 0 };
  private readonly global: TokenBuckets;
  private readonly routes: FixedWindows;

  constructor(
    limits: DiscordLimits,
    private readonly now: () => number,
  ) {
    this.global = new TokenBuckets({ perSecond: limits.globalPerSecond, burst: limits.globalPerSecond }, now);
    this.routes = new FixedWindows({ limit: limits.routeLimit, windowMs: limits.routeWindowMs }, now);
  }

  /** Null for requests no limit applies to (interaction responses, token webhooks). */
  check(method: string, path: string): LimitVerdict | null {
    if (path.startsWith('/interactions/') || path.startsWith('/webhooks/')) return null;
    const wait = this.global.take('bot');
    if (wait > 0) {
      this.refused.global += 1;
      return {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        refused: { json: { message: 'You are being rate limited.', retry_after: Number(seconds(wait)), global: true } },
      };
    }
    const { route, major } = bucketOf(method, path);
    const w = this.routes.take(`${route} ${major}`);
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(w.limit),
      'x-ratelimit-remaining': String(Math.max(0, w.remaining)),
      'x-ratelimit-reset': seconds(w.resetAt),
      'x-ratelimit-reset-after': seconds(w.resetAfter),
      'x-ratelimit-bucket': createHash('sha1').update(route).digest('hex').slice(0, 16),
    };
    if (w.allowed) return { headers };
    this.refused.route += 1;
    return {
      headers: { ...headers, 'retry-after': String(Math.max(1, Math.ceil(w.resetAfter / 1000))), 'x-ratelimit-scope': 'user' },
      refused: { json: { message: 'You are being rate limited.', retry_after: Number(seconds(w.resetAfter)), global: false } },
    };
  }
}

/** The route with its ids generalised, and the top-level resource it is counted per. */
function bucketOf(method: string, path: string): { route: string; major: string } {
  const major = /^\/(?:channels|guilds|webhooks)\/(\d+)/.exec(path)?.[1] ?? '-';
  return { route: `${method} ${path.replace(/\/\d{5,}/g, '/:id')}`, major };
}
