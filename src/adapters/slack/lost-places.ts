import type { App } from '@slack/bolt';
import type { SlackContext } from './interaction.js';
import { channelIdOf, scopeIdOf } from './ids.js';

/**
 * Tells the core when Slack takes a place away, or gives it back. The app uninstalled or its bot
 * token revoked suspends every schedule of the workspace (and, with Add to Slack, deletes its
 * tokens; installing it again resumes those schedules); a channel deleted or archived, or prepbot removed
 * from it, suspends that channel's (and tells the admins). Nothing is deleted; `schedule` in the
 * channel resumes it. Each needs its event in `slack/manifest.yaml` (`bot_events`); a channel
 * lost while the app was not listening is found by the next post (`channel_not_found`, `is_archived`).
 */
export function registerLostPlaceListeners(app: App, ctx: () => SlackContext): void {
  const channelGone = (team: string | undefined, channel: string | undefined, reason: string) => {
    if (!team || !channel) return Promise.resolve(false);
    return ctx().bot.channelGone(channelIdOf(team, channel), reason);
  };
  app.event('channel_deleted', async ({ event, body }) => void (await channelGone(body.team_id, event.channel, 'the channel was deleted')));
  app.event('group_deleted', async ({ event, body }) => void (await channelGone(body.team_id, event.channel, 'the channel was deleted')));
  app.event('channel_archive', async ({ event, body }) => void (await channelGone(body.team_id, event.channel, 'the channel was archived')));
  app.event('group_archive', async ({ event, body }) => void (await channelGone(body.team_id, event.channel, 'the channel was archived')));
  app.event('channel_left', async ({ event, body }) => void (await channelGone(body.team_id, event.channel, 'prepbot was removed from the channel')));
  app.event('group_left', async ({ event, body }) => void (await channelGone(body.team_id, event.channel, 'prepbot was removed from the channel')));
  app.event('member_left_channel', async ({ event, body, context }) => {
    // Every member who leaves is reported; only prepbot leaving loses the channel.
    if (!context.botUserId || event.user !== context.botUserId) return;
    await channelGone(body.team_id, event.channel, 'prepbot was removed from the channel');
  });

  // With Add to Slack, the workspace's tokens are deleted too (the history is kept), and the channels
  // this suspended are remembered: installing prepbot again resumes them.
  const scopeGone = (team: string | undefined, why: string) => {
    if (!team) return;
    const c = ctx();
    const suspended = c.bot.suspendScope(scopeIdOf(team));
    const tokensDeleted = c.installs?.remove(team, suspended);
    c.logger.warn({ team, suspended: suspended.length, ...(c.installs ? { tokensDeleted } : {}) }, `${why}; the workspace's daily posts are suspended`);
  };
  app.event('app_uninstalled', async ({ body }) => scopeGone(body.team_id, 'prepbot was uninstalled from a Slack workspace'));
  app.event('tokens_revoked', async ({ event, body }) => {
    if (event.tokens.bot?.length) scopeGone(body.team_id, "prepbot's bot token was revoked in a Slack workspace");
  });
  ctx().installs?.whenInstalled((team, resume) => {
    const resumed = ctx().bot.scopeBack(resume, 'prepbot was installed in the workspace again');
    if (resumed) ctx().logger.info({ team, resumed }, "a reinstalled Slack workspace's daily posts are resumed");
  });
}
