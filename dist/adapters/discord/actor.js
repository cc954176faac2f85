import { GuildMember, PermissionFlagsBits } from 'discord.js';
import { actorIdOf, channelIdOf, scopeIdOf } from './ids.js';
/** Where a guild interaction happened, in the core's terms; null outside a server (DMs). */
export function placeOf(interaction) {
    if (!interaction.guildId || !interaction.channelId)
        return null;
    return { platform: 'discord', scopeId: scopeIdOf(interaction.guildId), channelId: channelIdOf(interaction.guildId, interaction.channelId) };
}
/**
 * Who sent an interaction: the member's display name, their roles as `discord-role:<id>` groups,
 * and Manage Server as the platform's admin right (read from the interaction's own permissions,
 * so it needs no extra request or privileged intent).
 */
export function actorOf(interaction) {
    const user = interaction.user;
    const member = interaction.member;
    let name = user.globalName ?? user.username;
    let roles = [];
    if (member instanceof GuildMember) {
        name = member.displayName;
        roles = [...member.roles.cache.keys()].filter((id) => id !== interaction.guildId);
    }
    else if (member) {
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
