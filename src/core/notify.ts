import type { DepsWith } from './context.js';

/**
 * Who to tell privately about a channel: the users, roles and user groups on its server's or
 * workspace's admin list (`admins add`), ADMIN_USER_IDS qualified for the channel's platform
 * (`discord:<id>`, `slack:<team>:<id>`), and whoever scheduled the channel's daily post (the team
 * lead who set it up, even with no list at all), deduplicated. The adapter decides which of them it
 * can reach (members of that server/workspace) and adds the platform's own (the Discord server
 * owner, Slack's workspace admins and owners).
 */
function adminRecipients(d: DepsWith<'channels' | 'admins', 'options'>, channelId: string): string[] {
  const scopeId = d.store.channels.getChannel(channelId)?.scopeId ?? channelId.slice(0, Math.max(channelId.lastIndexOf(':'), channelId.indexOf(':')));
  const [platform = '', scope = ''] = scopeId.split(':', 2);
  const qualify = (id: string) => (platform === 'slack' ? `slack:${scope}:${id}` : `${platform}:${id}`);
  const listed = d.store.admins.listAdmins(scopeId).map((e) => e.subject);
  const scheduler = d.store.admins.lastActor(scopeId, channelId, 'schedule');
  return [...new Set([...listed, ...d.options.adminUserIds.map(qualify), ...(scheduler ? [scheduler] : [])])];
}

/**
 * Tells the admins of a channel's server or workspace something privately (the adapter decides how:
 * DMs on Discord and Slack, a labelled line on the console). Never fails the caller: a notice that
 * cannot be delivered is logged.
 */
export async function notifyAdmins(d: DepsWith<'channels' | 'admins', 'chat' | 'logger' | 'options'>, channelId: string, message: string): Promise<void> {
  try {
    const recipients = adminRecipients(d, channelId);
    await d.chat.send({ channelId, admins: true, recipients }, { kind: 'text', visibility: 'private', text: message, tone: 'info' });
  } catch (err) {
    d.logger.warn({ err, channelId }, 'could not notify admins');
  }
}
