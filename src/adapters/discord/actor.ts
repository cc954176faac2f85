import { GuildMember, PermissionFlagsBits, type Interaction } from 'discord.js';
import type { Actor, Place } from '../../core/model.js';
import { personalPlace } from '../../core/personal-place.js';
import { actorIdOf, channelIdOf, scopeIdOf } from './ids.js';

/**
 * Where an interaction happened, in the core's terms: a server's channel when prepbot is installed
 * in that server (the server's install authorized it, or the bot is a member there); anywhere else
 * (the bot's DMs, group DMs, a server without prepbot through the member's own install) the
 * member's own space.
 */
export function placeOf(interaction: Interaction): Place {
  const { guildId, channelId } = interaction;
  const installed = guildId && (interaction.authorizingIntegrationOwners?.guildId === guildId || interaction.client.guilds.cache.has(guildId));
  if (installed && channelId) return { platform: 'discord', scopeId: scopeIdOf(guildId), channelId: channelIdOf(guildId, channelId) };
  return personalPlace('discord', interaction.user.id);
}

/**
 * Who sent an interaction: the member's display name, their roles as `discord-role:<id>` groups,
 * and Manage Server as the platform's admin right (read from the interaction's own permissions,
 * so it needs no extra request or privileged intent).
 */
export function actorOf(interaction: Interaction): Actor {
  const user = interaction.user;
  const member = interaction.member;
  let name = user.globalName ?? user.username;
  let roles: string[] = [];
  if (member instanceof GuildMember) {
    name = member.displayName;
    roles = [...member.roles.cache.keys()].filter((id) => id !== interaction.guildId);
  } else if (member) {
    name = member.nick ?? name;
    roles = member.roles;
  }
  const manageServer = Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
  return {
    id: actorIdOf(user.id),
    platformId: user.id,
    name,
    groups: roles.map((id) => `discord-role:${id}`),
    isPlatformAdmin: async () => manageServer,
  };
}
