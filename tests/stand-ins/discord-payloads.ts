/**
 * Discord API payloads for the stand-in: users, members, a guild with its channels, messages and
 * the four interaction kinds the adapter handles, shaped as the real gateway sends them.
 */
import { discordGroup } from '../../src/core/command-text.js';

let counter = 0n;
/** A fresh snowflake-shaped id (numeric string, increasing). */
export function snowflake(): string {
  counter += 1n;
  return String(1_300_000_000_000_000_000n + counter);
}

const MANAGE_GUILD = 1n << 5n;
const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n); // View Channel, Send Messages
const BOT_PERMISSIONS = MEMBER_PERMISSIONS | (1n << 14n) | (1n << 35n) | (1n << 38n); // + Embed Links, Create Public Threads, Send in Threads

export interface UserFixture {
  id: string;
  username: string;
  globalName?: string;
  nick?: string;
  roles?: string[];
  /** Holds Manage Server in the guild. */
  manageServer?: boolean;
}

export interface ChannelFixture {
  id: string;
  name: string;
  /** Permissions denied to the bot's role in this channel (an overwrite). */
  botDeny?: bigint;
}

export interface GuildFixture {
  id: string;
  name: string;
  ownerId: string;
  channels: ChannelFixture[];
  roles: { id: string; name: string }[];
  members: UserFixture[];
}

export function userPayload(u: Pick<UserFixture, 'id' | 'username' | 'globalName'>, bot = false) {
  return { id: u.id, username: u.username, global_name: u.globalName ?? null, discriminator: '0', avatar: null, bot, public_flags: 0 };
}

export function memberPayload(u: UserFixture, withPermissions = true) {
  const permissions = u.manageServer ? MEMBER_PERMISSIONS | MANAGE_GUILD : MEMBER_PERMISSIONS;
  return {
    user: userPayload(u),
    nick: u.nick ?? null,
    roles: u.roles ?? [],
    joined_at: '2026-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
    ...(withPermissions ? { permissions: String(permissions) } : {}),
  };
}

/** The role Discord gives the bot when it joins: id derived from the guild's. */
const botRoleOf = (guildId: string): string => `${guildId.slice(0, -2)}77`;

export function textChannelPayload(guildId: string, c: ChannelFixture) {
  return {
    id: c.id,
    type: 0,
    guild_id: guildId,
    name: c.name,
    position: 0,
    permission_overwrites: c.botDeny ? [{ id: botRoleOf(guildId), type: 0, allow: '0', deny: String(c.botDeny) }] : [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function guildPayload(g: GuildFixture, bot: ReturnType<typeof userPayload>) {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: g.ownerId,
    unavailable: false,
    large: false,
    member_count: g.members.length + 1,
    joined_at: '2026-01-01T00:00:00.000Z',
    features: [],
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    threads: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    system_channel_flags: 0,
    roles: [
      { id: g.id, name: '@everyone', permissions: String(MEMBER_PERMISSIONS), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ...g.roles.map((r, i) => ({ id: r.id, name: r.name, permissions: '0', position: i + 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0 })),
      { id: botRoleOf(g.id), name: 'prepbot', permissions: String(BOT_PERMISSIONS), position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0, tags: { bot_id: bot.id } },
    ],
    channels: g.channels.map((c) => textChannelPayload(g.id, c)),
    members: [{ ...memberPayload({ id: bot.id, username: bot.username, roles: [botRoleOf(g.id)] }, false), user: bot }],
  };
}

export interface Where {
  guildId: string | null;
  channelId: string;
  /** In a server: whose install authorizes the command, the server's (default) or the member's own (a server without the bot). */
  install?: 'server' | 'user';
}

/** The fields every interaction carries; `member` in a guild, `user` in a DM. */
export function interactionBase(type: number, appId: string, who: UserFixture, where: Where, data: unknown) {
  const id = snowflake();
  const token = `interaction-token-${id}`;
  const common = {
    id,
    application_id: appId,
    type,
    token,
    version: 1,
    channel_id: where.channelId,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 26_214_400,
    app_permissions: String(BOT_PERMISSIONS),
    data,
  };
  if (!where.guildId) {
    return { ...common, user: userPayload(who), channel: { id: where.channelId, type: 1, recipients: [userPayload(who)] }, context: 1, authorizing_integration_owners: { '1': who.id } };
  }
  return {
    ...common,
    guild_id: where.guildId,
    guild: { id: where.guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    member: memberPayload(who),
    channel: { ...textChannelPayload(where.guildId, { id: where.channelId, name: 'interview-prep' }), permissions: String(BOT_PERMISSIONS) },
    context: 0,
    authorizing_integration_owners: where.install === 'user' ? { '1': who.id } : { '0': where.guildId },
  };
}

/** An option value: a string, or a role or member picked in a mentionable option (its id, resolved). */
export type OptionValue = string | { role: { id: string; name: string } } | { user: UserFixture };

/** `/prep [group] <subcommand> option:value ...`; `focused` marks the option being typed (autocomplete). */
export function commandData(commandId: string, guildId: string | null, subcommand: string, options: Record<string, OptionValue>, focused?: string) {
  const roles: Record<string, object> = {};
  const users: Record<string, object> = {};
  const members: Record<string, object> = {};
  const list = Object.entries(options).map(([name, value]) => {
    if (typeof value === 'string') return { type: 3, name, value, ...(name === focused ? { focused: true } : {}) };
    if ('user' in value) {
      const { user: _user, ...member } = memberPayload(value.user);
      users[value.user.id] = userPayload(value.user);
      members[value.user.id] = member;
      return { type: 9, name, value: value.user.id };
    }
    roles[value.role.id] = { id: value.role.id, name: value.role.name, permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0 };
    return { type: 9, name, value: value.role.id };
  });
  const resolved = {
    ...(Object.keys(roles).length ? { roles } : {}),
    ...(Object.keys(users).length ? { users, members } : {}),
  };
  return {
    id: commandId,
    name: 'prep',
    type: 1,
    ...(guildId ? { guild_id: guildId } : {}),
    // An admin verb arrives inside its subcommand group (type 2), as Discord sends `/prep admin schedule`.
    options: discordGroup(subcommand) ? [{ type: 2, name: discordGroup(subcommand), options: [{ type: 1, name: subcommand, options: list }] }] : [{ type: 1, name: subcommand, options: list }],
    ...(Object.keys(resolved).length ? { resolved } : {}),
  };
}

/** The submitted fields of a modal, as label components (type 18) around text inputs (type 4). */
export function modalData(customId: string, fields: Record<string, string>) {
  let n = 1;
  return {
    custom_id: customId,
    components: Object.entries(fields).map(([id, value]) => ({ type: 18, id: n++, component: { type: 4, id: n++, custom_id: id, value } })),
  };
}
