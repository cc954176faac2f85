import { DeliveryError } from '../../core/ports.js';

/** Slack errors meaning the channel, or the whole workspace, is gone for the bot. */
const GONE = new Set(['channel_not_found', 'is_archived', 'channel_is_archived', 'account_inactive', 'token_revoked', 'invalid_auth', 'team_access_not_granted', 'not_authed']);
/** Slack errors meaning the bot is there but may not do this. */
const FORBIDDEN = new Set(['not_in_channel', 'restricted_action', 'restricted_action_read_only_channel', 'restricted_action_thread_only_channel', 'missing_scope', 'cant_update_message', 'user_not_in_channel', 'ekm_access_denied', 'not_allowed_token_type']);

const SENTENCES: Record<string, string> = {
  not_in_channel: 'prepbot is not a member of this channel. Invite it with /invite @prepbot',
  channel_not_found: 'Slack says this channel does not exist or prepbot cannot see it (a private channel needs /invite @prepbot)',
  is_archived: 'this channel is archived',
  channel_is_archived: 'this channel is archived',
  missing_scope: 'the Slack app lacks a permission it needs; reinstall it from slack/manifest.yaml',
  restricted_action: "this workspace's settings do not let prepbot post here",
  token_revoked: 'prepbot was removed from this workspace',
  account_inactive: 'prepbot was removed from this workspace',
  invalid_auth: 'the Slack bot token is not valid',
};

/** The Slack error code (`not_in_channel`, `ratelimited`...) of a Web API failure, if it has one. */
export function slackErrorCode(err: unknown): string | null {
  const e = err as { code?: unknown; data?: { error?: unknown } } | null;
  if (e?.code === 'slack_webapi_platform_error') return String(e.data?.error ?? 'unknown_error');
  if (e?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  return null;
}

/** Seconds Slack asked to wait, from a rate-limited Web API call. */
function retryAfterSeconds(err: unknown): number | null {
  const e = err as { code?: unknown; retryAfter?: unknown } | null;
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? e.retryAfter : null;
}

/**
 * A Web API failure as the core's {@link DeliveryError}: the core suspends a channel that is gone,
 * reports a forbidden post to the admins, and waits out a rate limit instead of dropping the post.
 * The message is a sentence a user may see; the cause keeps the detail for the logs.
 */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const wait = retryAfterSeconds(err);
  if (wait !== null) return new DeliveryError('rate_limited', 'Slack asked prepbot to slow down', wait * 1000, { cause: err });
  const code = slackErrorCode(err);
  if (code === 'ratelimited') return new DeliveryError('rate_limited', 'Slack asked prepbot to slow down', 1000, { cause: err });
  if (code && GONE.has(code)) return new DeliveryError('channel_gone', SENTENCES[code] ?? `Slack reports ${code}`, undefined, { cause: err });
  if (code && FORBIDDEN.has(code)) return new DeliveryError('forbidden', SENTENCES[code] ?? `Slack refused (${code})`, undefined, { cause: err });
  if (code) return new DeliveryError('failed', `Slack refused the message (${code})`, undefined, { cause: err });
  // No answer from Slack (a timeout, a dropped connection): the message may have been taken.
  return new DeliveryError('failed', 'Slack could not be reached', undefined, { cause: err, uncertain: true });
}
