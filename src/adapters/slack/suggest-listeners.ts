import type { App } from '@slack/bolt';
import { placeOf } from './ids.js';
import { actorOf, deliverReplies, deliveryIdOf, type SlackContext } from './interaction.js';
import { savedModal } from './views.js';
import { fieldErrors, parseSuggestMeta, suggestionFieldsOf, VIEW_SUGGEST } from './suggest-view.js';

/**
 * The suggestion modal (`/prep suggest` opens it). A submission is checked by the core within
 * Slack's 3 seconds: what does not pass stays in the form, each problem beside its field and the
 * text as typed; what passes closes the form with the core's thanks.
 */
export function registerSuggestListeners(app: App, ctx: () => SlackContext): void {
  app.view(VIEW_SUGGEST, async ({ ack, body, view }) => {
    const c = ctx();
    const meta = parseSuggestMeta(view.private_metadata);
    const team = body.team?.id ?? body.user.team_id;
    if (!meta || (team && team !== meta.team)) {
      await ack({ response_action: 'errors', errors: { question: 'This form is out of date. Close it and send /prep suggest again.' } });
      return;
    }
    const trigger = (body as { trigger_id?: string }).trigger_id;
    if (!c.bot.firstDelivery(deliveryIdOf(meta.team, 'view', trigger ?? view.id))) {
      await ack();
      return;
    }
    const fields = suggestionFieldsOf(view.state.values as Parameters<typeof suggestionFieldsOf>[0]);
    const actor = actorOf(c, meta.team, body.user.id, body.user.name);
    const replies = await c.bot.handle({ type: 'suggestion', place: placeOf(meta.team, meta.channel), actor, fields });
    const [first, ...rest] = replies;
    if (first?.kind === 'suggest-form' && first.problems.length) {
      await ack({ response_action: 'errors', errors: fieldErrors(first) });
    } else if (first?.kind === 'text' && first.tone !== 'error') {
      await ack({ response_action: 'update', view: savedModal('Suggest a question', first.text) });
    } else if (first?.kind === 'text') {
      await ack({ response_action: 'errors', errors: { question: first.text.slice(0, 2_000) } });
    } else {
      await ack();
      if (first) rest.unshift(first);
    }
    if (rest.length) await deliverReplies(c, { team: meta.team, channel: meta.channel, user: body.user.id }, rest);
  });
}
