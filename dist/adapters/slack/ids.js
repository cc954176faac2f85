/**
 * prepbot's ids for Slack things. A workspace is `slack:<team>`, a channel `slack:<team>:<channel>`,
 * a user `slack:<team>:<user>`: Slack ids are only unique within a workspace, so the team is part
 * of every id and one workspace never sees another's people or figures.
 */
export const scopeIdOf = (team) => `slack:${team}`;
export const channelIdOf = (team, channel) => `slack:${team}:${channel}`;
export const userIdOf = (team, user) => `slack:${team}:${user}`;
export function placeOf(team, channel) {
    return { platform: 'slack', scopeId: scopeIdOf(team), channelId: channelIdOf(team, channel) };
}
/** `slack:<team>:<id>` split into team and Slack id, or null when it is not a Slack id. */
export function parseSlackId(id) {
    const m = /^slack:([^:]+):([^:]+)$/.exec(id);
    return m ? { team: m[1], id: m[2] } : null;
}
/** Direct-message conversations (`D...`) take DMs, not ephemeral messages. */
export const isDmChannel = (channel) => channel.startsWith('D');
/**
 * A posted message as the core keeps it: `<channel>:<ts>`. It holds all `chat.update` and a thread
 * reply need, and survives a restart because it is plain data in the round's row.
 */
export const messageRefOf = (channel, ts) => `${channel}:${ts}`;
export function parseMessageRef(ref) {
    const m = /^([A-Z0-9]+):(\d+\.\d+)$/.exec(ref);
    return m ? { channel: m[1], ts: m[2] } : null;
}
