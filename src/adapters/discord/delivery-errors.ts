import { DiscordAPIError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { DeliveryError } from '../../core/ports.js';

const FORBIDDEN = new Set<number>([RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.CannotSendMessagesToThisUser]);
const GONE = new Set<number>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild, RESTJSONErrorCodes.UnknownMessage]);

/**
 * A discord.js failure as the core's {@link DeliveryError}: Missing Access / Missing Permissions
 * are `forbidden`, an unknown channel is `channel_gone`, a rate limit is `rate_limited` with its
 * wait. Anything else is `failed`, with the original kept as the cause for the logs.
 */
export function toDeliveryError(err: unknown, what: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) {
    return new DeliveryError('rate_limited', `Discord rate limited ${what}; retry in ${err.retryAfter} ms`, err.retryAfter, { cause: err });
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    if (FORBIDDEN.has(code)) return new DeliveryError('forbidden', `the bot lacks permission for ${what} (${err.message})`, undefined, { cause: err });
    if (GONE.has(code)) return new DeliveryError('channel_gone', `the channel for ${what} no longer exists (${err.message})`, undefined, { cause: err });
    if (err.status === 429) return new DeliveryError('rate_limited', `Discord rate limited ${what}`, 1000, { cause: err });
    return new DeliveryError('failed', `Discord refused ${what}: ${err.message}`, undefined, { cause: err });
  }
  return new DeliveryError('failed', `could not deliver ${what}: ${err instanceof Error ? err.message : String(err)}`, undefined, { cause: err });
}

/** Discord's JSON error code of a failure, when it has one. */
export function discordCode(err: unknown): number | null {
  if (err instanceof DiscordAPIError) return typeof err.code === 'number' ? err.code : Number(err.code);
  return null;
}
