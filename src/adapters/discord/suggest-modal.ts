import { ButtonStyle, ComponentType, ModalBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import type { SuggestFormReply } from '../../core/replies.js';
import { FIELD_LABELS, FIELD_MAX, splitTopicAndDifficulty, type SuggestionField, type SuggestionFields } from '../../core/team/form.js';
import { suggestFormText } from '../shared/plain-text.js';
import { LIMITS, shorten, splitText } from './limits.js';
import type { DiscordMessage } from './render.js';

/** The suggestion modal's `custom_id`, and the button that opens it again with the kept draft. */
export const SUGGEST_FORM_ID = 'suggest-form';
export const SUGGEST_EDIT_ID = 'suggest-edit';

/** Discord's modal takes five inputs: topic and difficulty share one ("databases hard"). */
const INPUTS = ['question', 'reference', 'keyPoints', 'details', 'hint'] as const;
type Input = (typeof INPUTS)[number];
export const SUGGEST_INPUT_IDS: Record<Input, string> = {
  question: 'suggest-question',
  reference: 'suggest-reference',
  keyPoints: 'suggest-key-points',
  details: 'suggest-details',
  hint: 'suggest-hint',
};

const LABEL: Record<Input, string> = { ...FIELD_LABELS, details: 'Topic and difficulty (optional)', hint: 'Hint (optional)' };
const HELP: Record<Input, string> = {
  question: 'One question, as an interviewer would ask it.',
  reference: 'What a strong answer says; the key points come from it.',
  keyPoints: '4 to 7, one per line, each stated in the reference answer.',
  details: 'For example "databases hard"; medium when left out.',
  hint: 'One sentence that nudges without giving the answer.',
};
const MAX: Record<Input, number> = { ...FIELD_MAX, details: FIELD_MAX.topic + 1 + FIELD_MAX.difficulty };
const STYLE: Record<Input, TextInputStyle> = {
  question: TextInputStyle.Paragraph,
  reference: TextInputStyle.Paragraph,
  keyPoints: TextInputStyle.Paragraph,
  details: TextInputStyle.Short,
  hint: TextInputStyle.Short,
};

const valueOf = (v: SuggestionFields, input: Input): string => (input === 'details' ? `${v.topic} ${v.difficulty}`.trim() : v[input]);
const fieldsOf = (input: Input): SuggestionField[] => (input === 'details' ? ['topic', 'difficulty'] : [input]);

/**
 * The suggestion form as a Discord modal: five labelled inputs, filled with the member's kept draft,
 * each label's description saying what to fix when the last submission did not pass the checks.
 */
export function suggestModal(form: SuggestFormReply): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(SUGGEST_FORM_ID).setTitle(shorten('Suggest a question', LIMITS.modalTitle));
  for (const input of INPUTS) {
    const problem = form.problems.find((p) => fieldsOf(input).includes(p.field))?.message;
    const value = valueOf(form.values, input).slice(0, Math.min(MAX[input], LIMITS.textInput));
    modal.addLabelComponents((label) =>
      label
        .setLabel(shorten(LABEL[input], LIMITS.label))
        .setDescription(shorten(problem ? `To fix: ${problem}` : HELP[input], LIMITS.labelDescription))
        .setTextInputComponent((t) => {
          t.setCustomId(SUGGEST_INPUT_IDS[input]).setStyle(STYLE[input]).setRequired(input !== 'details' && input !== 'hint').setMaxLength(Math.min(MAX[input], LIMITS.textInput));
          return value ? t.setValue(value) : t;
        }),
    );
  }
  return modal;
}

/** The fields of a submitted suggestion modal. */
export function suggestionFieldsOf(i: ModalSubmitInteraction): SuggestionFields {
  const read = (input: Input) => {
    try {
      return i.fields.getTextInputValue(SUGGEST_INPUT_IDS[input]) ?? '';
    } catch {
      return '';
    }
  };
  return { question: read('question'), reference: read('reference'), keyPoints: read('keyPoints'), ...splitTopicAndDifficulty(read('details')), hint: read('hint') };
}

/**
 * The form where a modal cannot open (the reply to a modal submission, which Discord closes): what
 * to fix, and a button that opens the modal again with the text kept.
 */
export function suggestFormMessages(form: SuggestFormReply): DiscordMessage[] {
  const messages = splitText(suggestFormText(form), LIMITS.content).map((content): DiscordMessage => ({ content }));
  messages[messages.length - 1]!.components = [
    { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: SUGGEST_EDIT_ID, label: form.problems.length ? 'Fix the suggestion' : 'Open the form' }] },
  ];
  return messages;
}
