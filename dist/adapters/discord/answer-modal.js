import { ModalBuilder, TextInputStyle } from 'discord.js';
import { ANSWER_INPUT_ID, answerFormId } from './ids.js';
import { LIMITS, shorten } from './limits.js';
/**
 * The answer form as a Discord modal: the question (and any note, such as "graded as practice")
 * as text above one paragraph input. The modal's `custom_id` carries the answerRef, so the
 * submission says which question it answers without any state kept in memory.
 */
export function answerModal(form) {
    const maxLength = Math.max(1, Math.min(form.maxLength, LIMITS.textInput));
    const shown = form.note ? `**${form.prompt}**\n\n${form.note}` : `**${form.prompt}**`;
    return new ModalBuilder()
        .setCustomId(answerFormId(form.answerRef))
        .setTitle(shorten(form.title, LIMITS.modalTitle))
        .addTextDisplayComponents((t) => t.setContent(shorten(shown, LIMITS.textDisplay)))
        .addLabelComponents((label) => label
        .setLabel('Your answer')
        .setDescription(shorten(`Up to ${maxLength.toLocaleString('en-US')} characters. Only you see it; it is never posted.`, LIMITS.labelDescription))
        .setTextInputComponent((input) => input
        .setCustomId(ANSWER_INPUT_ID)
        .setStyle(TextInputStyle.Paragraph)
        .setRequired(true)
        .setMaxLength(maxLength)
        .setPlaceholder(shorten(form.prompt, LIMITS.placeholder))));
}
