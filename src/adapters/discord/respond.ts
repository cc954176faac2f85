import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Reply } from '../../core/replies.js';
import { answerModal } from './answer-modal.js';
import { renderReply, type DiscordMessage } from './render.js';
import { suggestModal } from './suggest-modal.js';

/**
 * Sends the core's replies to an interaction. Private replies are ephemeral (flag 64), public ones
 * (a leaderboard) are normal replies. The first message answers the interaction (or fills in a
 * deferred one); further messages are follow-ups. A form becomes a modal when the interaction can
 * still open one.
 */
export async function respond(interaction: RepliableInteraction, replies: Reply[]): Promise<void> {
  const where = interaction.guildId && interaction.channelId ? { guildId: interaction.guildId, channelId: interaction.channelId } : undefined;
  for (const reply of replies) {
    const modalAllowed = (interaction.isButton() || interaction.isChatInputCommand()) && !interaction.deferred && !interaction.replied;
    if (reply.kind === 'form' && modalAllowed) {
      await interaction.showModal(answerModal(reply));
      continue;
    }
    if (reply.kind === 'suggest-form' && modalAllowed) {
      await interaction.showModal(suggestModal(reply));
      continue;
    }
    for (const message of renderReply(reply, where)) await sendOne(interaction, message, reply.visibility === 'private');
  }
}

async function sendOne(i: RepliableInteraction, message: DiscordMessage, ephemeral: boolean): Promise<void> {
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (!i.deferred && !i.replied) {
    await i.reply({ ...message, flags });
    return;
  }
  if (i.deferred && !i.replied) {
    // The defer fixed the first message's visibility; a public reply after a private defer is a follow-up.
    if (ephemeral || !i.ephemeral) {
      await i.editReply(message);
      return;
    }
    await i.editReply({ content: 'Done: posted in the channel.' });
  }
  await i.followUp({ ...message, flags });
}

/**
 * Replaces the interaction's response with new messages (the grade takes the place of the
 * "answer saved" acknowledgement); messages beyond the first become ephemeral follow-ups.
 */
export async function replaceResponse(i: RepliableInteraction, messages: DiscordMessage[]): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  await i.editReply({ content: first.content ?? '', embeds: first.embeds ?? [], components: first.components ?? [], files: first.files ?? [] });
  for (const m of rest) await i.followUp({ ...m, flags: MessageFlags.Ephemeral });
}

/** Sends messages after the interaction's response, as ephemeral follow-ups, leaving the response as it is. */
export async function appendResponse(i: RepliableInteraction, messages: DiscordMessage[]): Promise<void> {
  for (const m of messages) await i.followUp({ ...m, flags: MessageFlags.Ephemeral });
}
