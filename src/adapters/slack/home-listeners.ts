import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Reply, StatsReply } from '../../core/replies.js';
import { renderPlain } from '../shared/plain-text.js';
import { placeOf } from './ids.js';
import { actorOf, deliverReplies, deliveryIdOf, type SlackContext } from './interaction.js';
import { ACTION_PRACTICE } from './render.js';
import { homeView } from './views.js';

function homeChannel(raw: string | undefined): string | null {
  try {
    const m = JSON.parse(raw ?? '') as { channel?: unknown };
    return typeof m.channel === 'string' ? m.channel : null;
  } catch {
    return null;
  }
}

/**
 * The App Home tab: each member's figures in the workspace (the core's `stats`) and a Practice
 * button. Home has no channel, so the place is the member's DM with the app, whose id the
 * `app_home_opened` event gives and the published view keeps.
 */
export function registerHomeListeners(app: App, ctx: () => SlackContext): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const c = ctx();
    const team = body.team_id;
    if (!c.bot.firstDelivery(deliveryIdOf(team, 'event', body.event_id))) return;
    const user = event.user;
    const dm = event.channel;
    await c.users.lookup(team, user).catch(() => null);
    const replies = await c.bot.handle({ type: 'command', place: placeOf(team, dm), actor: actorOf(c, team, user), verb: 'stats', args: '' });
    const stats = replies.find((r): r is StatsReply => r.kind === 'stats') ?? null;
    const problem = stats ? undefined : replies.map(renderPlain).join('\n');
    try {
      await (await c.clients.forTeam(team)).views.publish({ user_id: user, view: homeView(stats, dm, problem) });
    } catch (err) {
      c.logger.warn({ err, team, user }, 'could not publish the App Home view');
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION_PRACTICE, async ({ ack, body }) => {
    await ack();
    const c = ctx();
    const team = body.team?.id ?? body.user.team_id;
    if (!c.bot.firstDelivery(deliveryIdOf(team, 'action', body.trigger_id))) return;
    let dm = homeChannel(body.view?.private_metadata);
    if (!dm && team) dm = (await c.clients.forTeam(team).then((client) => client.conversations.open({ users: body.user.id })).catch(() => null))?.channel?.id ?? null;
    if (!team || !dm) {
      c.logger.warn({ team }, 'a Practice press without a workspace or DM channel');
      return;
    }
    const place = placeOf(team, dm);
    const actor = actorOf(c, team, body.user.id, body.user.name ?? body.user.username);
    const out: Reply[] = [];
    for (const r of await c.bot.handle({ type: 'command', place, actor, verb: 'quiz', args: '' })) {
      // A practice question opens straight into its answer form: Home has no message to put it in.
      if (r.kind === 'question') out.push(...(await c.bot.handle({ type: 'open-answer', place, actor, answerRef: r.answerRef })));
      else out.push(r);
    }
    await deliverReplies(c, { team, channel: dm, user: body.user.id, triggerId: body.trigger_id }, out);
  });
}
