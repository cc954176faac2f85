import type { App } from '@slack/bolt';
import { findCommand } from '../../core/commands/registry.js';
import { placeOf } from './ids.js';
import { actorOf, deliverReplies, deliveryIdOf, type SlackContext } from './interaction.js';

/** `/prep <verb> [args]` -> a core command; with no verb, help. */
function parseCommandText(text: string): { verb: string; args: string } {
  const trimmed = text.trim();
  const head = trimmed.split(/\s+/, 1)[0] ?? '';
  return { verb: head.toLowerCase() || 'help', args: trimmed.slice(head.length).trim() };
}

/**
 * The slash command. It answers every command the app has, not only `/prep`, so a workspace that
 * renamed the command (because `/prep` was taken) keeps working. Acked at once; the work follows.
 * A command Slack delivers again (same trigger) is recognised by the core from its delivery id,
 * also after a restart, and changes nothing twice; a retry of one never seen (its first delivery
 * was lost with a crash) is handled.
 */
export function registerCommandListener(app: App, ctx: () => SlackContext): void {
  app.command(/.*/, async ({ command, ack, respond, context }) => {
    await ack();
    const c = ctx();
    const { verb, args } = parseCommandText(command.text ?? '');
    const team = command.team_id;
    const deliveryId = deliveryIdOf(team, 'command', command.trigger_id);
    if (context.retryNum) c.logger.info({ team, channel: command.channel_id, verb, retryNum: context.retryNum }, 'a slash command delivered again by Slack');
    // Admins may be named by user group: only an admin verb needs to know the caller's groups.
    const groups = findCommand(verb)?.admin ? await c.users.groupsOf(team, command.user_id) : undefined;
    const place = placeOf(team, command.channel_id);
    const actor = actorOf(c, team, command.user_id, command.user_name, groups);
    // `/prep answer` without text opens the form of the open question, as the Answer button does.
    const replies = await c.bot.handle(verb === 'answer' && !args ? { type: 'open-answer', place, actor, deliveryId } : { type: 'command', place, actor, verb, args, deliveryId });
    await deliverReplies(c, { team, channel: command.channel_id, user: command.user_id, respond, triggerId: command.trigger_id }, replies);
  });
}
