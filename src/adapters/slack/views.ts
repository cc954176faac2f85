import type { types } from '@slack/bolt';
import type { FormReply, StatsReply } from '../../core/replies.js';
import { button, capBlocks, context, header, LIMITS, sections, type Block } from './blocks.js';
import { escapeMrkdwn as esc, plainText } from './escape.js';
import { ACTION_PRACTICE, statsBlocks, VIEW_ANSWER, VIEW_DISPUTE, VIEW_HOME } from './render.js';

/** The answer modal's input: the block and action ids a submission is read from. */
export const ANSWER_BLOCK = 'answer';
export const ANSWER_INPUT = 'text';

/**
 * What a modal carries through Slack and back: the answerRef the core gave, and the place it was
 * opened from (a `view_submission` names no channel). Slack stores it server-side and the
 * submission is signed, so a member cannot rewrite it; the core still checks the ref belongs here.
 */
export interface AnswerModalMeta {
  ref: string;
  team: string;
  channel: string;
}

/** The answer form, with the question and the input the core asked for. */
export type AnswerForm = Pick<FormReply, 'title' | 'prompt' | 'maxLength' | 'answerRef'> & { note?: string };

function answerHint(maxLength: number): string {
  const max = Math.min(maxLength, LIMITS.inputMax);
  if (max >= maxLength) return `Up to ${max.toLocaleString('en-US')} characters.`;
  return `Up to ${max.toLocaleString('en-US')} characters: Slack's limit for this box. prepbot takes up to ${maxLength.toLocaleString('en-US')} with /prep answer <your answer>.`;
}

/** The modal an Answer button opens: the question, an optional note, a multi-line input. */
export function answerModal(form: AnswerForm, meta: AnswerModalMeta): types.ModalView {
  const blocks: Block[] = [...sections(`*${esc(form.prompt)}*`)];
  if (form.note) blocks.push(context(esc(form.note)));
  blocks.push({
    type: 'input',
    block_id: ANSWER_BLOCK,
    label: { type: 'plain_text', text: 'Your answer' },
    hint: { type: 'plain_text', text: answerHint(form.maxLength) },
    element: {
      type: 'plain_text_input',
      action_id: ANSWER_INPUT,
      multiline: true,
      max_length: Math.min(form.maxLength, LIMITS.inputMax),
      placeholder: { type: 'plain_text', text: 'Explain it as you would in an interview.' },
    },
  });
  return {
    type: 'modal',
    callback_id: VIEW_ANSWER,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: plainText(form.title, 24) },
    submit: { type: 'plain_text', text: 'Submit' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: capBlocks(blocks, LIMITS.modalBlocks),
  };
}

/** What the modal turns into once the answer is stored: the acknowledgement, and a Close button. */
export function savedModal(title: string, ackText: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: plainText(title, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: sections(`:inbox_tray: ${esc(ackText)}`),
  };
}

/** The dispute modal's input. */
export const REASON_BLOCK = 'reason';
export const REASON_INPUT = 'text';

/** What a dispute modal carries back: the answer disputed and where the grade was shown. */
export interface DisputeModalMeta {
  answerId: number;
  team: string;
  channel: string;
}

/** The Dispute button's form: why the grade seems unfair (the core keeps up to 1,000 characters). */
export function disputeModal(meta: DisputeModalMeta, questionPrompt?: string): types.ModalView {
  const blocks: Block[] = [];
  if (questionPrompt) blocks.push(...sections(`*${esc(questionPrompt)}*`));
  blocks.push(context('The admins will see your answer, its grade and your reason, and may set a new score.'));
  blocks.push({
    type: 'input',
    block_id: REASON_BLOCK,
    label: { type: 'plain_text', text: 'Why does the grade seem unfair?' },
    element: { type: 'plain_text_input', action_id: REASON_INPUT, multiline: true, max_length: 1000 },
  });
  return {
    type: 'modal',
    callback_id: VIEW_DISPUTE,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Dispute a grade' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

export function parseDisputeMeta(raw: string | undefined): DisputeModalMeta | null {
  try {
    const m = JSON.parse(raw ?? '') as Partial<DisputeModalMeta>;
    if (Number.isSafeInteger(m.answerId) && typeof m.team === 'string' && typeof m.channel === 'string') return { answerId: m.answerId!, team: m.team, channel: m.channel };
  } catch {
    // not ours
  }
  return null;
}

/** Reads the meta back; anything that is not prepbot's own shape is null. */
export function parseModalMeta(raw: string | undefined): AnswerModalMeta | null {
  try {
    const m = JSON.parse(raw ?? '') as Partial<AnswerModalMeta>;
    if (typeof m.ref === 'string' && typeof m.team === 'string' && typeof m.channel === 'string') return { ref: m.ref, team: m.team, channel: m.channel };
  } catch {
    // not ours
  }
  return null;
}

/**
 * The App Home tab: the member's figures in this workspace and a Practice button. The member's DM
 * channel with the app travels in `private_metadata`, since a Home button press names no channel.
 */
export function homeView(stats: StatsReply | null, dmChannel: string, problem?: string): types.HomeView {
  const blocks: Block[] = [header('prepbot: interview practice')];
  if (stats) blocks.push(...sections('*Your figures in this workspace*'), ...statsBlocks(stats).slice(1));
  else blocks.push(...sections(esc(problem ?? 'Your figures are not available right now.')));
  blocks.push({ type: 'actions', block_id: 'practice', elements: [button('Practice', ACTION_PRACTICE, 'quiz', 'primary')] });
  blocks.push(
    context(
      'Practice picks the question you most need to review. In a channel, `/prep help` lists every command; the question of the day has an Answer button.',
    ),
  );
  return { type: 'home', callback_id: VIEW_HOME, private_metadata: JSON.stringify({ channel: dmChannel }), blocks: capBlocks(blocks, LIMITS.modalBlocks) };
}
