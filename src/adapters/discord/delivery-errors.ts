import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { DeliveryError } from '../../core/ports.js';

const FORBIDDEN = new Set<number>([RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.CannotSendMessagesToThisUser]);
const GONE = new Set<number>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild, RESTJSONErrorCodes.UnknownMessage]);

/**
 * A discord.js failure as the core's {@link DeliveryError}: Missing Access / Missing Permissions
 * are `forbidden`, an unknown channel is `channel_gone`, a rate limit is `rate_limited` with its
 * wait. Anything else is `failed`. The cause kept for the logs is {@link loggable}: what failed,
 * never the message that was being sent.
 */
export function toDeliveryError(err: unknown, what: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const cause = loggable(err);
  if (err instanceof RateLimitError) {
    return new DeliveryError('rate_limited', `Discord rate limited ${what}; retry in ${err.retryAfter} ms`, err.retryAfter, { cause });
  }
  if (err instanceof DiscordAPIError) {
    const code = discordCode(err);
    if (code !== null && FORBIDDEN.has(code)) return new DeliveryError('forbidden', `the bot lacks permission for ${what} (${err.message})`, undefined, { cause });
    if (code !== null && GONE.has(code)) return new DeliveryError('channel_gone', `the channel for ${what} no longer exists (${err.message})`, undefined, { cause });
    if (err.status === 429) return new DeliveryError('rate_limited', `Discord rate limited ${what}`, 1000, { cause });
    return new DeliveryError('failed', `Discord refused ${what}: ${err.message}`, undefined, { cause, uncertain: err.status >= 500 });
  }
  // No answer Discord stated (a 5xx, a timeout, a dropped connection): the message may have been taken.
  return new DeliveryError('failed', `could not deliver ${what}: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause, uncertain: true });
}

/** Discord's JSON error code of a failure, when it has one. */
export function discordCode(err: unknown): number | null {
  if (!(err instanceof DiscordAPIError)) return null;
  const code = typeof err.code === 'number' ? err.code : Number(err.code);
  return Number.isFinite(code) ? code : null;
}

/**
 * An error fit for the logs: name, message, Discord's code, HTTP status and route, without the
 * request body discord.js attaches (which holds what was being sent: grades, notices).
 */
export function loggable(err: unknown): unknown {
  if (err instanceof DiscordAPIError || err instanceof HTTPError || err instanceof RateLimitError) {
    const e = new Error(err.message);
    e.name = err.name;
    const extra = err instanceof DiscordAPIError ? { code: err.code, status: err.status, method: err.method, url: err.url } : err instanceof HTTPError ? { status: err.status, method: err.method, url: err.url } : { route: err.route, retryAfter: err.retryAfter };
    return Object.assign(e, extra, { stack: err.stack });
  }
  return err;
}
