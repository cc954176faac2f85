import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * What prepbot needs in a practice channel, by the names Discord's settings show: see it, post
 * the daily question as an embed, start the summary's thread and write in it, find its own recent
 * posts again after a restart, and attach files (export's CSV, charts).
 */
export const INVITE_PERMISSIONS = {
  'View Channel': PermissionFlagsBits.ViewChannel,
  'Send Messages': PermissionFlagsBits.SendMessages,
  'Embed Links': PermissionFlagsBits.EmbedLinks,
  'Create Public Threads': PermissionFlagsBits.CreatePublicThreads,
  'Send Messages in Threads': PermissionFlagsBits.SendMessagesInThreads,
  'Read Message History': PermissionFlagsBits.ReadMessageHistory,
  'Attach Files': PermissionFlagsBits.AttachFiles,
} as const;

/** The permissions integer of an invite link: the sum of the bits above. */
export const INVITE_PERMISSIONS_INTEGER = new PermissionsBitField(Object.values(INVITE_PERMISSIONS)).bitfield.toString();

/** The link that adds the bot to a server (a server install) with the `bot` and `applications.commands` scopes. */
export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&integration_type=0&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS_INTEGER}`;
}

/**
 * The link with which a member installs prepbot for themselves (a user install: `/prep` in their DMs
 * and in servers without prepbot). It needs User Install ticked under Installation in the Developer
 * Portal, and the global registration of `/prep`.
 */
export function userInstallUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&integration_type=1&scope=applications.commands`;
}
