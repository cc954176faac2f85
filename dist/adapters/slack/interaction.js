import { DeliveryError } from '../../core/ports.js';
import { error } from '../../core/replies.js';
import { userIdOf } from './ids.js';
import { renderMessage } from './render.js';
import { answerModal } from './views.js';
/**
 * The acting member. The id carries the workspace; the name prefers Slack's real name when a
 * `users.info` result is cached, else the payload's user name (it is escaped wherever shown).
 */
export function actorOf(ctx, team, user, payloadName, groups) {
    return {
        id: userIdOf(team, user),
        platformId: user,
        name: ctx.users.cached(user)?.name ?? (payloadName || user),
        ...(groups ? { groups } : {}),
        isPlatformAdmin: () => ctx.users.isAdmin(user),
    };
}
/** Whether Bolt saw `x-slack-retry-num` (HTTP) or `retry_attempt` (Socket Mode) on this delivery. */
export const isRetry = (context) => typeof context.retryNum === 'number' && context.retryNum > 0;
/**
 * Sends the core's replies for one interaction: forms open as modals, public replies are posted
 * in the channel, private ones are ephemeral (through `respond` when Slack gave a response_url,
 * which works even where the bot is not a member) or a DM. A delivery failure is logged and, when
 * possible, told to the member in a sentence.
 */
export async function deliverReplies(ctx, route, replies) {
    for (const reply of replies) {
        try {
            await deliverOne(ctx, route, reply);
        }
        catch (err) {
            ctx.logger.error({ err, team: route.team, channel: route.channel, kind: reply.kind }, 'could not deliver a reply');
            const why = err instanceof DeliveryError ? `${err.message}.` : 'Slack did not take the message.';
            await deliverOne(ctx, route, error(`I could not show you that here: ${why}`)).catch(() => undefined);
        }
    }
}
async function deliverOne(ctx, route, reply) {
    if (reply.kind === 'form')
        return openForm(ctx, route, reply);
    const message = renderMessage(reply);
    if (reply.visibility === 'public' && route.channel) {
        try {
            await ctx.chat.post(route.channel, message);
            return;
        }
        catch (err) {
            // Not a member (or a DM between people): the response_url can still post in the channel.
            if (!route.respond || !(err instanceof DeliveryError) || (err.code !== 'forbidden' && err.code !== 'channel_gone'))
                throw err;
            await route.respond({ response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
            return;
        }
    }
    const hasFile = reply.kind === 'text' && reply.file !== undefined;
    if (route.respond && !hasFile) {
        await route.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
        return;
    }
    await ctx.chat.toPerson(route.channel ?? route.user, route.user, reply, route.channel === null);
}
async function openForm(ctx, route, form) {
    if (!route.triggerId || !route.channel) {
        await deliverOne(ctx, route, error('Use the Answer button on the question to open the answer form.'));
        return;
    }
    try {
        await ctx.client.views.open({ trigger_id: route.triggerId, view: answerModal(form, { ref: form.answerRef, team: route.team, channel: route.channel }) });
    }
    catch (err) {
        ctx.logger.warn({ err, team: route.team }, 'could not open the answer form');
        await deliverOne(ctx, route, error('Slack did not open the answer form in time. Press Answer again.'));
    }
}
