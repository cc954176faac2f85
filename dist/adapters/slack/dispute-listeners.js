import { placeOf } from './ids.js';
import { actorOf, deliverReplies, isRetry } from './interaction.js';
import { ACTION_DISPUTE, VIEW_DISPUTE } from './render.js';
import { disputeModal, parseDisputeMeta, REASON_BLOCK, REASON_INPUT, savedModal } from './views.js';
/** How long a dispute submission may take before the modal closes and the outcome follows privately. */
const ACK_BUDGET_MS = 2_000;
/**
 * The Dispute button of a score reply: a modal asks why, and the submission becomes the core's
 * `dispute` event. The core tells the admins before it answers, which may take a while on a slow
 * Slack; past the ack budget the modal says the dispute is on its way and the outcome follows.
 */
export function registerDisputeListeners(app, ctx) {
    app.action(ACTION_DISPUTE, async ({ ack, body, action, respond }) => {
        await ack();
        const c = ctx();
        if (c.recent.repeat(`action:${body.trigger_id}`))
            return;
        const team = body.team?.id ?? body.user.team_id;
        const channel = body.channel?.id;
        const answerId = Number(/^answer:(\d{1,15})$/.exec(action.value ?? '')?.[1] ?? NaN);
        if (!team || !channel || !Number.isSafeInteger(answerId))
            return;
        try {
            await c.client.views.open({ trigger_id: body.trigger_id, view: disputeModal({ answerId, team, channel }) });
        }
        catch (err) {
            c.logger.warn({ err, team }, 'could not open the dispute form');
            if (body.response_url)
                await respond({ response_type: 'ephemeral', replace_original: false, text: 'Slack did not open the form in time. Press Dispute again.' });
        }
    });
    app.view(VIEW_DISPUTE, async ({ ack, body, view, context }) => {
        const c = ctx();
        const meta = parseDisputeMeta(view.private_metadata);
        const team = body.team?.id ?? body.user.team_id;
        if (!meta || (team && team !== meta.team)) {
            await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: 'This form is out of date. Close it and press Dispute again.' } });
            return;
        }
        const trigger = body.trigger_id;
        if (c.recent.repeat(trigger ? `view:${trigger}` : null) || isRetry(context)) {
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
        let timer;
        const late = new Promise((r) => (timer = setTimeout(() => r(null), ACK_BUDGET_MS)));
        const replies = await Promise.race([handled, late]);
        clearTimeout(timer);
        const route = { team: meta.team, channel: meta.channel, user: body.user.id };
        if (replies === null) {
            await ack({ response_action: 'update', view: savedModal('Dispute a grade', 'Your dispute is on its way to the admins; the confirmation follows in a moment.') });
            await deliverReplies(c, route, await handled);
            return;
        }
        const [first, ...rest] = replies;
        if (first?.kind === 'text' && first.tone === 'error')
            await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: first.text } });
        else if (first?.kind === 'text')
            await ack({ response_action: 'update', view: savedModal('Dispute a grade', first.text) });
        else {
            await ack();
            if (first)
                rest.unshift(first);
        }
        if (rest.length)
            await deliverReplies(c, route, rest);
    });
}
