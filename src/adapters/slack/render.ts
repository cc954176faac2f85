import { displayName } from '../../core/display.js';
import type { GradeReply, LeaderboardReply, QuestionReply, Reply, StatsReply, SummaryReply } from '../../core/replies.js';
import { dailyLine, practiceLine, renderPlain, streakLine } from '../shared/plain-text.js';
import { button, capBlocks, context, fallbackText, header, sections, type Block } from './blocks.js';
import { escapeMrkdwn as esc } from './escape.js';
import { digestBlocks, reportBlocks, summaryExtras } from './render-coaching.js';

/** Action and view ids prepbot's Block Kit carries; the listeners match on them. */
export const ACTION_ANSWER = 'prepbot_answer';
export const ACTION_PRACTICE = 'prepbot_practice';
export const ACTION_DISPUTE = 'prepbot_dispute';
export const VIEW_ANSWER = 'prepbot_answer_modal';
export const VIEW_HOME = 'prepbot_home';
export const VIEW_DISPUTE = 'prepbot_dispute_modal';

/** A message ready for `chat.postMessage`, `chat.postEphemeral`, `chat.update` or `respond`. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const bullets = (items: string[]) => items.map((i) => `• ${esc(i)}`).join('\n');

/**
 * The opt-in ping role of a daily post as a Slack user-group mention. Only a user group id is
 * accepted (`slack-group:S...` as `settings ping-role` stores it, `S...`, `<!subteam^S...>`), so no
 * setting can make the post ping everyone or a person.
 */
export function pingMention(pingRole: string | null | undefined): string | null {
  const m = /^(?:<!subteam\^|slack-group:)?(S[A-Z0-9]{2,})>?$/.exec(pingRole ?? '');
  return m ? `<!subteam^${m[1]}>` : null;
}

function slackDate(epochMs: number): string {
  const sec = Math.floor(epochMs / 1000);
  return `<!date^${sec}^{date_short_pretty} at {time}|${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

function questionBlocks(r: QuestionReply): Block[] {
  const blocks: Block[] = [header(r.title ?? (r.mode === 'daily' ? 'Question of the day' : 'Practice question'))];
  const ping = r.mode === 'daily' && r.visibility === 'public' ? pingMention(r.pingRole) : null;
  if (ping) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: ping } });
  blocks.push(...sections(`*${esc(r.prompt)}*`));
  blocks.push(context(`Topic: *${esc(r.topic)}*   ·   Difficulty: *${esc(r.difficulty)}*   ·   Pack: ${esc(r.pack)}`));
  if (r.mode === 'daily') {
    const count = `${r.answerCount.toLocaleString('en-US')} answered so far`;
    if (r.closed) blocks.push(context(`${count}. This round is closed; the Answer button still works, as practice.`));
    else blocks.push(context(r.closesAt ? `${count}   ·   closes ${slackDate(r.closesAt)}` : count));
  }
  if (r.footer) blocks.push(context(esc(r.footer)));
  blocks.push({ type: 'actions', block_id: 'answer', elements: [button('Answer', ACTION_ANSWER, r.answerRef, 'primary')] });
  return blocks;
}

export function gradeBlocks(r: GradeReply): Block[] {
  const extra = r.mode === 'daily' && r.points !== r.score ? ` (${r.points} points)` : '';
  const blocks: Block[] = [header(`Score: ${r.score}/10${extra}`), ...sections(`*Question:* ${esc(r.questionPrompt)}`)];
  if (r.covered.length) blocks.push(...sections(`*${r.labels.covered}*\n${bullets(r.covered)}`));
  if (r.partly.length) blocks.push(...sections(`*${r.labels.partly}*\n${bullets(r.partly)}`));
  if (r.missed.length) blocks.push(...sections(`*${r.labels.missed}*\n${bullets(r.missed)}`));
  if (r.feedback) blocks.push(...sections(`*Advice:* ${esc(r.feedback)}`));
  for (const note of r.notes) blocks.push(context(esc(note)));
  blocks.push(context(`Graded by ${esc(r.grader)}`));
  if (r.followUp) blocks.push(...sections(`*Follow-up question:* ${esc(r.followUp.prompt)}`), context(esc(r.followUp.how)));
  const buttons = [];
  if (r.followUp) buttons.push(button('Answer the follow-up', ACTION_ANSWER, r.followUp.answerRef, 'primary'));
  if (r.disputable) buttons.push(button('Dispute', ACTION_DISPUTE, `answer:${r.answerId}`));
  if (buttons.length) blocks.push({ type: 'actions', block_id: r.disputable ? 'dispute' : 'follow-up', elements: buttons });
  return blocks;
}

function leaderboardBlocks(r: LeaderboardReply): Block[] {
  const lines = r.entries.map((e) => `${e.rank}. ${esc(displayName(e.name, e.privacy))}: *${e.points}* pts (${e.answers} answered)`);
  const blocks: Block[] = [header(r.title), ...sections(lines.length ? lines.join('\n') : 'Nobody has points in this period yet.')];
  blocks.push(context(r.you ? `Your rank: ${r.you.rank} with ${r.you.points} pts` : 'You have no points in this period yet.'));
  return blocks;
}

export function statsBlocks(r: StatsReply): Block[] {
  const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${value}` });
  const blocks: Block[] = [
    header(`Stats for ${r.name}`),
    {
      type: 'section',
      fields: [
        field('Daily', dailyLine(r)),
        field('Practice', practiceLine(r)),
        field('Streak', esc(streakLine(r))),
      ],
    },
  ];
  if (r.weakestTopics.length) {
    blocks.push(...sections(`*Weakest topics*\n${r.weakestTopics.map((t) => `• ${esc(t.topic)}: ${t.average}/10 over ${t.answers}`).join('\n')}`));
  }
  if (r.hintedAnswers) blocks.push(context(`Answers after a hint: ${r.hintedAnswers}`));
  return blocks;
}

function summaryBlocks(r: SummaryReply): Block[] {
  const blocks: Block[] = [header(r.skipped ? 'Round skipped' : 'Round closed'), ...sections(`*${esc(r.questionPrompt)}*`)];
  const extras = summaryExtras(r);
  blocks.push(...extras.points);
  if (!r.skipped) {
    const avg = r.averageScore === null ? '' : `, average ${r.averageScore}/10`;
    blocks.push(...sections(`${r.answered.toLocaleString('en-US')} answered${avg}.`));
    if (r.top.length) blocks.push(...sections(`*Top*\n${r.top.map((t) => `${t.rank}. ${esc(t.name)} (${t.score}/10)`).join('\n')}`));
  }
  blocks.push(...extras.after);
  return blocks;
}

const TONE: Record<string, string> = { error: ':warning: ', success: ':white_check_mark: ', info: '' };

/** Any reply as a Block Kit message with a plain `text` fallback; all user and content text escaped. */
export function renderMessage(reply: Reply): SlackMessage {
  // An attached file (export) is uploaded on its own; the fallback text carries only the message.
  const text = fallbackText(renderPlain(reply.kind === 'text' ? { ...reply, file: undefined } : reply));
  let blocks: Block[];
  switch (reply.kind) {
    case 'question': {
      blocks = questionBlocks(reply);
      // The opt-in group mention also goes in the notification text, where Slack reads mentions.
      const ping = reply.mode === 'daily' && reply.visibility === 'public' ? pingMention(reply.pingRole) : null;
      if (ping) return { text: `${ping} ${text}`, blocks: capBlocks(blocks) };
      break;
    }
    case 'grade':
      blocks = gradeBlocks(reply);
      break;
    case 'leaderboard':
      blocks = leaderboardBlocks(reply);
      break;
    case 'stats':
      blocks = statsBlocks(reply);
      break;
    case 'summary':
      blocks = summaryBlocks(reply);
      break;
    case 'text':
      blocks = sections(`${TONE[reply.tone ?? 'info'] ?? ''}${esc(reply.text)}`);
      if (reply.file) blocks.push(context(`File: ${esc(reply.file.name)}`));
      if (reply.folder) blocks.push(context(`File: ${esc(reply.folder.name)}.zip`));
      break;
    case 'ack':
      blocks = sections(`:inbox_tray: ${esc(reply.text)}`);
      break;
    case 'form':
    case 'suggest-form':
      blocks = sections(esc(renderPlain(reply)));
      break;
    case 'report':
      blocks = reportBlocks(reply);
      break;
    case 'digest':
      blocks = digestBlocks(reply);
      break;
  }
  return { text, blocks: capBlocks(blocks) };
}
