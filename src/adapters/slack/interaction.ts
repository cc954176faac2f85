import type { RespondFn } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { Actor } from '../../core/model.js';
import { DeliveryError, type Logger } from '../../core/ports.js';
import { error, type FormReply, type Reply, type SuggestFormReply } from '../../core/replies.js';
import { userIdOf } from './ids.js';
import type { SealedInstallationStore } from './installations.js';
import { renderMessage } from './render.js';
import { renderPlain } from '../shared/plain-text.js';
import type { SlackChat } from './slack-chat.js';
import type { UserDirectory } from './users.js';
import { answerModal } from './views.js';
import { suggestModal } from './suggest-view.js';
import type { SlackClients } from './workspace-clients.js';

/** What every listener works with; built once the core is there (adapter start). */
export interface SlackContext {
  bot: Bot;
  chat: SlackChat;
  users: UserDirectory;
  /** The Web API client of each workspace (its bot token). */
  clients: SlackClients;
  /** Add to Slack's installs (null with one SLACK_BOT_TOKEN). */
  installs: SealedInstallationStore | null;
  logger: Logger;
}

/** Where the replies to one interaction go. */
export interface ReplyRoute {
  team: string;
  /** The Slack channel of the interaction; null when it has none (a Home tab button). */
  channel: string | null;
  user: string;
  /** Bolt's `respond` when the payload had a `response_url` (slash commands, message buttons). */
  respond?: RespondFn;
  /** Opens a modal for a form reply; valid for 3 seconds after the interaction. */
  triggerId?: string;
}

/**
 * The acting member. The id carries the workspace; the name prefers Slack's real name when a
 * `users.info` result is cached, else the payload's user name (it is escaped wherever shown).
 */
export function actorOf(ctx: SlackContext, team: string, user: string, payloadName?: string, groups?: string[]): Actor {
  return {
    id: userIdOf(team, user),
    platformId: user,
    name: ctx.users.cached(team, user)?.name ?? (payloadName || user),
    ...(groups ? { groups } : {}),
    isPlatformAdmin: () => ctx.users.isAdmin(team, user),
  };
}

/**
 * The id of one Slack delivery, the same when Slack sends it again (an HTTP retry with
 * `x-slack-retry-num`, a Socket Mode `retry_attempt`, a replay): the trigger of a command, a button
 * press or a form submission, or the event's id, qualified by the workspace.
 */
export const deliveryIdOf = (team: string | undefined, kind: 'command' | 'action' | 'view' | 'event', id: string | undefined | null): string | null =>
  id ? `slack:${team ?? '-'}:${kind}:${id}` : null;

/**
 * Sends the core's replies for one interaction: forms open as modals, public replies are posted
 * in the channel, private ones are ephemeral (through `respond` when Slack gave a response_url,
 * which works even where the bot is not a member) or a DM. A delivery failure is logged and, when
 * possible, told to the member in a sentence.
 */
export async function deliverReplies(ctx: SlackContext, route: ReplyRoute, replies: Reply[]): Promise<void> {
  for (const reply of replies) {
    try {
      await deliverOne(ctx, route, reply);
    } catch (err) {
      ctx.logger.error({ err, team: route.team, channel: route.channel, kind: reply.kind }, 'could not deliver a reply');
      const why = err instanceof DeliveryError ? `${err.message}.` : 'Slack did not take the message.';
      await deliverOne(ctx, route, error(`I could not show you that here: ${why}`)).catch(() => undefined);
    }
  }
}

async function deliverOne(ctx: SlackContext, route: ReplyRoute, reply: Reply): Promise<void> {
  if (reply.kind === 'form') return openForm(ctx, route, reply);
  if (reply.kind === 'suggest-form') return openSuggestForm(ctx, route, reply);
  const message = renderMessage(reply);
  if (reply.visibility === 'public' && route.channel) {
    try {
      await ctx.chat.post(route.team, route.channel, message);
      return;
    } catch (err) {
      // Not a member (or a DM between people): the response_url can still post in the channel.
      if (!route.respond || !(err instanceof DeliveryError) || (err.code !== 'forbidden' && err.code !== 'channel_gone')) throw err;
      await route.respond({ response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
      return;
    }
  }
  const hasFile = reply.kind === 'text' && (reply.file !== undefined || reply.folder !== undefined);
  if (route.respond && !hasFile) {
    await route.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    return;
  }
  await ctx.chat.toPerson(route.team, route.channel ?? route.user, route.user, reply, route.channel === null);
}

async function openForm(ctx: SlackContext, route: ReplyRoute, form: FormReply): Promise<void> {
  if (!route.triggerId || !route.channel) {
    await deliverOne(ctx, route, error('Use the Answer button on the question to open the answer form.'));
    return;
  }
  try {
    await (await ctx.clients.forTeam(route.team)).views.open({ trigger_id: route.triggerId, view: answerModal(form, { ref: form.answerRef, team: route.team, channel: route.channel }) });
  } catch (err) {
    ctx.logger.warn({ err, team: route.team }, 'could not open the answer form');
    await deliverOne(ctx, route, error('Slack did not open the answer form in time. Press Answer, or send /prep answer, again.'));
  }
}

/** The suggestion form as a modal; without a trigger (or when Slack refuses), what to fix as a message. */
async function openSuggestForm(ctx: SlackContext, route: ReplyRoute, form: SuggestFormReply): Promise<void> {
  if (route.triggerId) {
    try {
      await (await ctx.clients.forTeam(route.team)).views.open({ trigger_id: route.triggerId, view: suggestModal(form, { team: route.team, channel: route.channel ?? '' }) });
      return;
    } catch (err) {
      ctx.logger.warn({ err, team: route.team }, 'could not open the suggestion form');
    }
  }
  const retry = 'Slack did not open the form: send /prep suggest again (your text is kept).';
  await deliverOne(ctx, route, { kind: 'text', visibility: 'private', tone: 'error', text: form.problems.length ? `${renderPlain(form)}\n${retry}` : retry });
}
