import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { placeOf } from './ids.js';
import { actorOf, deliverReplies, deliveryIdOf, type SlackContext } from './interaction.js';
import { ACTION_ANSWER, VIEW_ANSWER } from './render.js';
import { ANSWER_BLOCK, ANSWER_INPUT, parseModalMeta, savedModal } from './views.js';

/**
 * The Answer button and the answer modal. The button's value is the core's answerRef
 * (`round:<id>`, `practice:<id>`), so a post keeps working after a restart; the modal carries the
 * ref and the channel in its metadata, and its submission is acked within Slack's 3 seconds with
 * the stored answer's acknowledgement (grading follows, privately). The submission's trigger is
 * stored with the answer: the same submission again (a retry, a replay, after a restart) gets the
 * same acknowledgement and stores nothing.
 */
export function registerAnswerListeners(app: App, ctx: () => SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION_ANSWER, async ({ ack, body, action, respond }) => {
    await ack();
    const c = ctx();
    const team = body.team?.id ?? body.user.team_id;
    const channel = body.channel?.id ?? parseModalMeta(body.view?.private_metadata)?.channel;
    if (!team || !channel) {
      c.logger.warn({ team, channel }, 'an Answer button press without a workspace or channel');
      return;
    }
    const replies = await c.bot.handle({
      type: 'open-answer',
      place: placeOf(team, channel),
      actor: actorOf(c, team, body.user.id, body.user.name ?? body.user.username),
      answerRef: action.value ?? '',
      deliveryId: deliveryIdOf(team, 'action', body.trigger_id),
    });
    await deliverReplies(c, { team, channel, user: body.user.id, respond: body.response_url ? respond : undefined, triggerId: body.trigger_id }, replies);
  });

  app.view(VIEW_ANSWER, async ({ ack, body, view }) => {
    const c = ctx();
    const meta = parseModalMeta(view.private_metadata);
    const team = body.team?.id ?? body.user.team_id;
    if (!meta || (team && team !== meta.team)) {
      await ack({ response_action: 'errors', errors: { [ANSWER_BLOCK]: 'This form is out of date. Close it and press Answer on the question again.' } });
      return;
    }
    // Slack sends a fresh trigger_id with each submission (Bolt's type omits it); the same one on a retry.
    const trigger = (body as { trigger_id?: string }).trigger_id;
    const deliveryId = deliveryIdOf(meta.team, 'view', trigger ?? view.id);
    const text = view.state.values[ANSWER_BLOCK]?.[ANSWER_INPUT]?.value ?? '';
    const actor = actorOf(c, meta.team, body.user.id, body.user.name);
    const replies = await c.bot.handle({ type: 'answer', place: placeOf(meta.team, meta.channel), actor, text, answerRef: meta.ref, deliveryId });
    const [first, ...rest] = replies;
    if (first?.kind === 'ack') {
      await ack({ response_action: 'update', view: savedModal(view.title.text, first.text) });
    } else if (first?.kind === 'text' && first.tone === 'error') {
      // A refusal (empty, too long, not this channel's round) stays in the form, next to the input.
      await ack({ response_action: 'errors', errors: { [ANSWER_BLOCK]: first.text } });
    } else {
      await ack();
      if (first) rest.unshift(first);
    }
    if (rest.length) await deliverReplies(c, { team: meta.team, channel: meta.channel, user: body.user.id }, rest);
  });
}
