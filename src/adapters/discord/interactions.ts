import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Bot } from '../../core/bot.js';
import type { InboundEvent } from '../../core/events.js';
import type { Place } from '../../core/model.js';
import { isPersonal } from '../../core/personal-place.js';
import type { Logger } from '../../core/ports.js';
import { actorOf, placeOf } from './actor.js';
import { topicChoices, zoneChoices } from './autocomplete.js';
import { argsFromOptions, COMMAND_NAME } from './command-definitions.js';
import { loggable } from './delivery-errors.js';
import { disputeModal } from './dispute-modal.js';
import { ANSWER_INPUT_ID, answerRefOfButton, answerRefOfForm, channelIdOf, disputeOfButton, disputeOfForm, REASON_INPUT_ID, scopeIdOf, type DisputeRef } from './ids.js';
import { LIMITS, shorten } from './limits.js';
import type { ReplyRoutes } from './reply-routes.js';
import { needsServer, PERSONAL_VERBS } from './personal-verbs.js';
import { respond } from './respond.js';
import { SUGGEST_EDIT_ID, SUGGEST_FORM_ID, SUGGEST_INPUT_IDS, suggestionFieldsOf } from './suggest-modal.js';

/** What the interaction handler needs: the core, the reply routes it registers, a logger. */
export interface InteractionDeps {
  bot: Bot;
  routes: ReplyRoutes;
  logger: Logger;
  /** How long a command may run before its reply is deferred (Discord wants a response within 3 s). */
  deferAfterMs: number;
  /** False once shutdown has begun: new interactions are answered with {@link RESTARTING}. */
  accepting?: () => boolean;
}

/**
 * The id of one interaction as a platform delivery: Discord never sends an interaction twice on
 * purpose, but a replayed gateway dispatch carries the same id, and the core recognises it.
 */
const deliveryIdOf = (i: Interaction): string => `discord:interaction:${i.id}`;

const SORRY = 'Something went wrong on my side. Nothing was lost; please try again in a moment.';
const STALE = 'This button or form is no longer in use. Use the Answer button on a current question.';
/** What a member hears while the bot shuts down (intake stopped, grading in flight finishing). */
const RESTARTING = 'prepbot is restarting, try again in a minute.';

/**
 * Turns one Discord interaction into core calls and renders what the core returns. It never
 * throws to discord.js: a failure is logged with context and the user gets a polite ephemeral
 * sentence.
 */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  try {
    if (deps.accepting && !deps.accepting()) await refuseWhileRestarting(interaction);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
    else if (interaction.isChatInputCommand()) await onCommand(interaction, deps);
    else if (interaction.isButton()) await onButton(interaction, deps);
    else if (interaction.isModalSubmit()) await onModal(interaction, deps);
  } catch (err) {
    deps.logger.error({ err: loggable(err), interactionId: interaction.id, interactionType: interaction.type, userId: interaction.user.id }, 'discord interaction failed');
    await apologise(interaction, deps.logger);
  }
}

async function onCommand(i: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const place = placeOf(i);
  if (i.commandName !== COMMAND_NAME) return void (await i.reply({ content: STALE, flags: MessageFlags.Ephemeral }));
  // A verb in a group (`/prep admin schedule`) is still the subcommand's name: verbs are unique.
  const verb = i.options.getSubcommand(false) ?? 'help';
  // In a member's own space (DMs, a user install) only practice and their own figures work.
  if (isPersonal(place.scopeId) && !PERSONAL_VERBS.includes(verb)) return void (await i.reply({ content: needsServer(verb), flags: MessageFlags.Ephemeral }));
  const args = argsFromOptions(verb, (name) => optionText(i, name));
  // `/prep answer` without text opens the form of the open question, as the Answer button does.
  const deliveryId = deliveryIdOf(i);
  if (verb === 'answer' && !args) return void (await respond(i, await deps.bot.handle({ type: 'open-answer', place, actor: actorOf(i), deliveryId })));
  const route = deps.routes.add(i);
  const handled = deps.bot.handle({ type: 'command', place, actor: actorOf(i), verb, args, replyRoute: route.key, deliveryId });
  // Reserved on the route at once, so a later reply through the route (a grade) comes after this one.
  await route.run(async () => {
    if (!(await settlesWithin(handled, deps.deferAfterMs))) await i.deferReply({ flags: MessageFlags.Ephemeral });
    await respond(i, await handled);
  });
}

async function onButton(i: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const dispute = disputeOfButton(i.customId);
  if (dispute) return void (await i.showModal(disputeModal(dispute)));
  if (i.customId === SUGGEST_EDIT_ID) return onSuggestEdit(i, deps);
  const answerRef = answerRefOfButton(i.customId);
  if (!answerRef) return void (await i.reply({ content: STALE, flags: MessageFlags.Ephemeral }));
  const place = placeOf(i);
  const replies = await deps.bot.handle({ type: 'open-answer', place, actor: actorOf(i), answerRef, deliveryId: deliveryIdOf(i) });
  await respond(i, replies);
}

async function onModal(i: ModalSubmitInteraction, deps: InteractionDeps): Promise<void> {
  const dispute = disputeOfForm(i.customId);
  if (dispute) return onDispute(i, dispute, deps);
  if (i.customId === SUGGEST_FORM_ID) return onSuggestion(i, deps);
  const answerRef = answerRefOfForm(i.customId);
  if (!answerRef) return void (await i.reply({ content: STALE, flags: MessageFlags.Ephemeral }));
  const place = placeOf(i);
  const text = i.fields.getTextInputValue(ANSWER_INPUT_ID);
  await deferThenHandle(i, deps, (replyRoute) => ({ type: 'answer', place, actor: actorOf(i), text, answerRef, replyRoute, deliveryId: deliveryIdOf(i) }));
}

/** A dispute's reason, from a server channel or from the DM a grade fell back to (its custom_id names the server). */
async function onDispute(i: ModalSubmitInteraction, ref: DisputeRef, deps: InteractionDeps): Promise<void> {
  const here = placeOf(i);
  const place: Place = isPersonal(here.scopeId) ? { platform: 'discord', scopeId: scopeIdOf(ref.guildId), channelId: channelIdOf(ref.guildId, ref.channelId) } : here;
  const reason = i.fields.getTextInputValue(REASON_INPUT_ID);
  await deferThenHandle(i, deps, (replyRoute) => ({ type: 'dispute', place, actor: actorOf(i), answerId: ref.answerId, reason, replyRoute, deliveryId: deliveryIdOf(i) }));
}

/**
 * Defers an ephemeral reply at once (storing and queueing must not race Discord's 3-second
 * window), runs the event, then fills the reply in. Both take their places on the interaction's
 * route before anything else can, so a grade sent through the route later comes after them.
 */
async function deferThenHandle(i: ModalSubmitInteraction, deps: InteractionDeps, event: (replyRoute: string) => InboundEvent): Promise<void> {
  const route = deps.routes.add(i);
  const deferred = route.run(() => i.deferReply({ flags: MessageFlags.Ephemeral }));
  const handled = deps.bot.handle(event(route.key));
  const responded = route.run(async () => respond(i, await handled));
  await deferred;
  await responded;
}

/** The button under a suggestion that did not pass: the form again, with the kept draft. */
async function onSuggestEdit(i: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const place = placeOf(i);
  if (isPersonal(place.scopeId)) return void (await i.reply({ content: needsServer('suggest'), flags: MessageFlags.Ephemeral }));
  await respond(i, await deps.bot.handle({ type: 'command', place, actor: actorOf(i), verb: 'suggest', args: '' }));
}

/** A submitted suggestion modal: checked and stored by the core; what to fix comes back with a button to the form. */
async function onSuggestion(i: ModalSubmitInteraction, deps: InteractionDeps): Promise<void> {
  const place = placeOf(i);
  if (isPersonal(place.scopeId)) return void (await i.reply({ content: needsServer('suggest'), flags: MessageFlags.Ephemeral }));
  const fields = suggestionFieldsOf(i);
  await deferThenHandle(i, deps, (replyRoute) => ({ type: 'suggestion', place, actor: actorOf(i), fields, replyRoute }));
}

async function onAutocomplete(i: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const focused = i.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === 'zone') await i.respond(zoneChoices(typed));
  else if (focused.name === 'topic') await i.respond(topicChoices(deps.bot.deps.content, i.guildId ? scopeIdOf(i.guildId) : '', typed));
  else await i.respond([]);
}

/** An option's value as the core reads it; a picked member or role becomes its mention (`<@id>`, `<@&id>`). */
function optionText(i: ChatInputCommandInteraction, name: string): string | null {
  const option = i.options.get(name);
  if (!option || option.value === undefined || option.value === null) return null;
  if (option.type === ApplicationCommandOptionType.Mentionable) return option.role ? `<@&${option.value}>` : `<@${option.value}>`;
  return String(option.value);
}

/** True when `p` settles within `ms`; a rejection counts as settled (the caller awaits it again). */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    p.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}

/**
 * The reply to an interaction that arrives during shutdown: nothing reaches the core. A submitted
 * form is closed by Discord whatever we answer, so its text comes back to the member (privately)
 * to paste again after the restart.
 */
async function refuseWhileRestarting(i: Interaction): Promise<void> {
  if (i.isAutocomplete()) return void (await i.respond([]));
  if (!i.isRepliable()) return;
  const typed = i.isModalSubmit() ? typedText(i) : '';
  const embeds = typed ? [{ title: 'What you wrote (not saved)', description: shorten(typed, LIMITS.embedDescription) }] : [];
  const content = typed ? `${RESTARTING} Your text was not saved; it is below, to send again.` : RESTARTING;
  await i.reply({ content, embeds, flags: MessageFlags.Ephemeral });
}

/** The text typed into one of prepbot's forms (an answer or a dispute reason), or ''. */
function typedText(i: ModalSubmitInteraction): string {
  const typed: string[] = [];
  for (const id of [ANSWER_INPUT_ID, REASON_INPUT_ID, ...Object.values(SUGGEST_INPUT_IDS)]) {
    try {
      const value = i.fields.getTextInputValue(id);
      if (value.trim()) typed.push(value);
    } catch {
      // not this form's input
    }
  }
  return typed.join('\n\n');
}

async function apologise(i: Interaction, logger: Logger): Promise<void> {
  try {
    if (i.isAutocomplete()) {
      if (!i.responded) await i.respond([]);
      return;
    }
    if (!i.isRepliable()) return;
    if (!i.deferred && !i.replied) await i.reply({ content: SORRY, flags: MessageFlags.Ephemeral });
    else await i.followUp({ content: SORRY, flags: MessageFlags.Ephemeral });
  } catch (err) {
    logger.warn({ err: loggable(err), interactionId: i.id }, 'could not tell the user about the failure');
  }
}
