import type { Place } from '../../core/model.js';

/**
 * prepbot's ids for Slack things. A workspace is `slack:<team>`, a channel `slack:<team>:<channel>`,
 * a user `slack:<team>:<user>`: Slack ids are only unique within a workspace, so the team is part
 * of every id and one workspace never sees another's people or figures.
 */

export const scopeIdOf = (team: string): string => `slack:${team}`;
export const channelIdOf = (team: string, channel: string): string => `slack:${team}:${channel}`;
export const userIdOf = (team: string, user: string): string => `slack:${team}:${user}`;

export function placeOf(team: string, channel: string): Place {
  return { platform: 'slack', scopeId: scopeIdOf(team), channelId: channelIdOf(team, channel) };
}

/** `slack:<team>:<id>` split into team and Slack id, or null when it is not a Slack id. */
export function parseSlackId(id: string): { team: string; id: string } | null {
  const m = /^slack:([^:]+):([^:]+)$/.exec(id);
  return m ? { team: m[1]!, id: m[2]! } : null;
}

/** Direct-message conversations (`D...`) take DMs, not ephemeral messages. */
export const isDmChannel = (channel: string): boolean => channel.startsWith('D');

/**
 * A posted message as the core keeps it: `<channel>:<ts>`. It holds all `chat.update` and a thread
 * reply need, and survives a restart because it is plain data in the round's row.
 */
export const messageRefOf = (channel: string, ts: string): string => `${channel}:${ts}`;

export function parseMessageRef(ref: string): { channel: string; ts: string } | null {
  const m = /^([A-Z0-9]+):(\d+\.\d+)$/.exec(ref);
  return m ? { channel: m[1]!, ts: m[2]! } : null;
}
