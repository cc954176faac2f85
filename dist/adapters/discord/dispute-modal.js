import { ModalBuilder, TextInputStyle } from 'discord.js';
import { disputeFormId, REASON_INPUT_ID } from './ids.js';
/** Longest reason the core keeps (MAX_REASON in core/disputes.ts). */
const MAX_REASON = 1000;
/**
 * The form the Dispute button opens: why the member thinks the grade is wrong. The admins see the
 * answer, the grade and this reason; the core decides everything else.
 */
export function disputeModal(ref) {
    return new ModalBuilder()
        .setCustomId(disputeFormId(ref))
        .setTitle('Dispute your score')
        .addTextDisplayComponents((t) => t.setContent(`The admins will see answer #${ref.answerId}, its grade and your reason, and may set a new score.`))
        .addLabelComponents((label) => label
        .setLabel('Why is the grade wrong?')
        .setDescription('For example: which key point your answer covered.')
        .setTextInputComponent((input) => input.setCustomId(REASON_INPUT_ID).setStyle(TextInputStyle.Paragraph).setRequired(true).setMinLength(3).setMaxLength(MAX_REASON)));
}
