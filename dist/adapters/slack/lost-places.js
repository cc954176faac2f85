import { channelIdOf, scopeIdOf } from './ids.js';
/**
 * Tells the core when Slack takes a place away. The app uninstalled or its bot token revoked
 * suspends every schedule of the workspace; a channel deleted or archived, or prepbot removed
 * from it, suspends that channel's (and tells the admins). Nothing is deleted; `schedule` in the
 * channel resumes it. Each needs its event in `slack/manifest.yaml` (`bot_events`); a channel
 * lost while the app was not listening is found by the next post (`channel_not_found`, `is_archived`).
 */
export function registerLostPlaceListeners(app, ctx) {
    const channelGone = (team, channel, reason) => {
        if (!team || !channel)
            return Promise.resolve(false);
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
        if (!context.botUserId || event.user !== context.botUserId)
            return;
        await channelGone(body.team_id, event.channel, 'prepbot was removed from the channel');
    });
    const scopeGone = (team, why) => {
        if (!team)
            return;
        const suspended = ctx().bot.scopeGone(scopeIdOf(team));
        ctx().logger.warn({ team, suspended }, `${why}; the workspace's daily posts are suspended`);
    };
    app.event('app_uninstalled', async ({ body }) => scopeGone(body.team_id, 'prepbot was uninstalled from a Slack workspace'));
    app.event('tokens_revoked', async ({ event, body }) => {
        if (event.tokens.bot?.length)
            scopeGone(body.team_id, "prepbot's bot token was revoked in a Slack workspace");
    });
}
