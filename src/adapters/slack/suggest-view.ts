import type { types } from '@slack/bolt';
import type { SuggestFormReply } from '../../core/replies.js';
import { FIELD_LABELS, FIELD_MAX, SUGGESTION_FIELDS, type SuggestionField, type SuggestionFields } from '../../core/team/form.js';
import { context, LIMITS, type Block } from './blocks.js';
import { escapeMrkdwn as esc, plainText } from './escape.js';

/** The suggestion modal's callback id; each field's input block is named after the field, so errors land beside it. */
export const VIEW_SUGGEST = 'prepbot_suggest_modal';
const INPUT = 'value';

/** Where the form was opened (a `view_submission` names no channel); Slack signs it, the core checks it. */
export interface SuggestModalMeta {
  team: string;
  channel: string;
}

const HINTS: Record<SuggestionField, string> = {
  question: 'One question, as an interviewer would ask it.',
  reference: `What a strong answer says; the key points come from it. Up to ${LIMITS.inputMax.toLocaleString('en-US')} characters here (Slack's limit for this box).`,
  keyPoints: '4 to 7, one per line, each stated in the reference answer.',
  topic: 'Optional: one or two words, e.g. databases. "team" when left out.',
  difficulty: 'Optional: medium when left out.',
  hint: 'Optional: one sentence that nudges without giving the answer.',
};
const OPTIONAL = new Set<SuggestionField>(['topic', 'difficulty', 'hint']);
const DIFFICULTIES = ['easy', 'medium', 'hard'];

function option(value: string): types.PlainTextOption {
  return { text: { type: 'plain_text', text: value }, value };
}

function inputBlock(field: SuggestionField, value: string, problem: string | undefined): Block {
  const max = Math.min(FIELD_MAX[field], LIMITS.inputMax);
  const hint = { type: 'plain_text' as const, text: plainText(problem ? `To fix: ${problem}` : HINTS[field], 2_000) };
  const label = { type: 'plain_text' as const, text: FIELD_LABELS[field] };
  if (field === 'difficulty') {
    const initial = DIFFICULTIES.includes(value) ? { initial_option: option(value) } : {};
    return { type: 'input', block_id: field, optional: true, label, hint, element: { type: 'static_select', action_id: INPUT, options: DIFFICULTIES.map(option), ...initial } };
  }
  const initial = value ? { initial_value: value.slice(0, max) } : {};
  return {
    type: 'input',
    block_id: field,
    optional: OPTIONAL.has(field),
    label,
    hint,
    element: { type: 'plain_text_input', action_id: INPUT, multiline: field === 'reference' || field === 'keyPoints' || field === 'question', max_length: max, ...initial },
  };
}

/** The suggestion form: one input per field, filled with the kept draft, with what to fix in each field's hint. */
export function suggestModal(form: SuggestFormReply, meta: SuggestModalMeta): types.ModalView {
  const blocks: Block[] = [context(esc(form.intro))];
  for (const field of SUGGESTION_FIELDS) blocks.push(inputBlock(field, form.values[field], form.problems.find((p) => p.field === field)?.message));
  return {
    type: 'modal',
    callback_id: VIEW_SUGGEST,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Suggest a question' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null }>>;

/** The fields of a submitted suggestion modal. */
export function suggestionFieldsOf(values: StateValues): SuggestionFields {
  const read = (field: SuggestionField) => {
    const v = values[field]?.[INPUT];
    return (field === 'difficulty' ? v?.selected_option?.value : v?.value) ?? '';
  };
  return Object.fromEntries(SUGGESTION_FIELDS.map((f) => [f, read(f)])) as SuggestionFields;
}

/** Errors for `response_action: 'errors'`: each field's problems beside its input. */
export function fieldErrors(form: SuggestFormReply): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of form.problems) errors[p.field] = plainText(errors[p.field] ? `${errors[p.field]} ${p.message}` : p.message, 2_000);
  return errors;
}

export function parseSuggestMeta(raw: string | undefined): SuggestModalMeta | null {
  try {
    const m = JSON.parse(raw ?? '') as Partial<SuggestModalMeta>;
    if (typeof m.team === 'string' && typeof m.channel === 'string' && m.channel) return { team: m.team, channel: m.channel };
  } catch {
    // not ours
  }
  return null;
}
