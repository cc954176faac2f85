import type { Place, Platform } from './model.js';

/**
 * A member's own space on a platform: where prepbot is installed for the member rather than for a
 * server (a DM with the bot, a group DM, a server without prepbot, through Discord's user install).
 * It is one place per member, scope and channel alike (`discord:dm:<user>`): practice, stats and
 * history there are the member's own, apart from every server's. Nothing is scheduled there.
 */
export function personalPlace(platform: Platform, platformUserId: string): Place {
  const id = `${platform}:dm:${platformUserId}`;
  return { platform, scopeId: id, channelId: id };
}

/** True for the scope (or channel) of a member's own space. */
export const isPersonal = (scopeId: string): boolean => /^[a-z]+:dm:[^:]+$/.test(scopeId);
