import type { CoreDeps } from './context.js';

/**
 * Tells the admins of a channel's server or workspace something privately (the adapter decides how:
 * DMs on Discord and Slack, a labelled line on the console). Never fails the caller: a notice that
 * cannot be delivered is logged.
 */
export async function notifyAdmins(d: Pick<CoreDeps, 'chat' | 'logger'>, channelId: string, message: string): Promise<void> {
  try {
    await d.chat.send({ channelId, admins: true }, { kind: 'text', visibility: 'private', text: message, tone: 'info' });
  } catch (err) {
    d.logger.warn({ err, channelId }, 'could not notify admins');
  }
}
