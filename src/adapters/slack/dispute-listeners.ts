import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Reply } from '../../core/replies.js';
import { placeOf } from './ids.js';
import { actorOf, deliverReplies, deliveryIdOf, type SlackContext } from './interaction.js';
import { ACTION_DISPUTE, VIEW_DISPUTE } from './render.js';
import { disputeModal, parseDisputeMeta, REASON_BLOCK, REASON_INPUT, savedModal } from './views.js';

/** How long a dispute submission may take before the modal closes and the outcome follows privately. */
const ACK_BUDGET_MS = 2_000;

/**
 * The Dispute button of a score reply: a modal asks why, and the submission becomes the core's
 * `dispute` event. The core tells the admins before it answers, which may take a while on a slow
 * Slack; past the ack budget the modal says the dispute is on its way and the outcome follows.
 */
export function registerDisputeListeners(app: App, ctx: () => SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION_DISPUTE, async ({ ack, body, action, respond }) => {
    await ack();
    const c = ctx();
    const team = body.team?.id ?? body.user.team_id;
    if (!c.bot.firstDelivery(deliveryIdOf(team, 'action', body.trigger_id))) return;
    const channel = body.channel?.id;
    const answerId = Number(/^answer:(\d{1,15})$/.exec(action.value ?? '')?.[1] ?? NaN);
    if (!team || !channel || !Number.isSafeInteger(answerId)) return;
    try {
      await (await c.clients.forTeam(team)).views.open({ trigger_id: body.trigger_id, view: disputeModal({ answerId, team, channel }) });
    } catch (err) {
      c.logger.warn({ err, team }, 'could not open the dispute form');
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text: 'Slack did not open the form in time. Press Dispute again.' });
    }
  });

  app.view(VIEW_DISPUTE, async ({ ack, body, view }) => {
    const c = ctx();
    const meta = parseDisputeMeta(view.private_metadata);
    const team = body.team?.id ?? body.user.team_id;
    if (!meta || (team && team !== meta.team)) {
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: 'This form is out of date. Close it and press Dispute again.' } });
      return;
    }
    const trigger = (body as { trigger_id?: string }).trigger_id;
    if (!c.bot.firstDelivery(deliveryIdOf(meta.team, 'view', trigger ?? view.id))) {
      await ack();
      return;
    }
    const reason = view.state.values[REASON_BLOCK]?.[REASON_INPUT]?.value ?? '';
    const handled = c.bot.handle({
      type: 'dispute',
      place: placeOf(meta.team, meta.channel),
      actor: actorOf(c, meta.team, body.user.id, body.user.name),
      answerId: meta.answerId,
      reason,
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), ACK_BUDGET_MS)));
    const replies = await Promise.race([handled, late]);
    clearTimeout(timer);
    const route = { team: meta.team, channel: meta.channel, user: body.user.id };
    if (replies === null) {
      await ack({ response_action: 'update', view: savedModal('Dispute a grade', 'Your dispute is on its way to the admins; the confirmation follows in a moment.') });
      await deliverReplies(c, route, await handled);
      return;
    }
    const [first, ...rest]: (Reply | undefined)[] = replies;
    if (first?.kind === 'text' && first.tone === 'error') await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: first.text } });
    else if (first?.kind === 'text') await ack({ response_action: 'update', view: savedModal('Dispute a grade', first.text) });
    else {
      await ack();
      if (first) rest.unshift(first);
    }
    if (rest.length) await deliverReplies(c, route, rest as Reply[]);
  });
}
