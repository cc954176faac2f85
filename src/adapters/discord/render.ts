import { ButtonStyle, ComponentType, escapeMarkdown, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { displayName } from '../../core/display.js';
import type { GradeReply, LeaderboardReply, QuestionReply, Reply, StatsReply, SummaryReply } from '../../core/replies.js';
import { zipFolder } from '../shared/zip-folder.js';
import { dailyLine, pointCountText, practiceLine, renderPlain, streakLine } from '../shared/plain-text.js';
import { answerButtonId, disputeButtonId } from './ids.js';
import { suggestFormMessages } from './suggest-modal.js';
import { bulletList, LIMITS, shorten, splitText } from './limits.js';
import { digestMessage, reportEmbed, showcaseEmbed } from './render-coaching.js';

/** One Discord message as discord.js sends it; `files` become attachments. */
export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  files?: { attachment: Buffer; name: string; description?: string }[];
}

const COLOR = { daily: 0x5865f2, practice: 0x3ba55c, good: 0x57f287, middling: 0xfee75c, poor: 0xed4245, info: 0x99aab5 };

/** The server channel a reply belongs to, for buttons that must name it (Dispute works from a DM too). */
export interface RenderPlace {
  guildId: string;
  channelId: string;
}

/**
 * A core reply as Discord messages: embeds and buttons where they help, plain content otherwise.
 * Usually one message; long text becomes several, each inside Discord's limits. Forms are shown
 * as modals by the interaction handler; here they fall back to text.
 */
export function renderReply(reply: Reply, where?: RenderPlace): DiscordMessage[] {
  switch (reply.kind) {
    case 'text': {
      const pieces = splitText(reply.text, LIMITS.content).map((content): DiscordMessage => ({ content }));
      if (reply.file) pieces[0]!.files = [{ attachment: Buffer.from(reply.file.content, 'utf8'), name: reply.file.name }];
      if (reply.folder) pieces[0]!.files = [{ attachment: zipFolder(reply.folder), name: `${reply.folder.name}.zip` }];
      return pieces;
    }
    case 'ack':
      return splitText(reply.text, LIMITS.content).map((content) => ({ content }));
    case 'form':
      return splitText(renderPlain(reply), LIMITS.content).map((content) => ({ content }));
    case 'suggest-form':
      return suggestFormMessages(reply);
    case 'question':
      return [questionMessage(reply)];
    case 'grade':
      return [gradeMessage(reply, where)];
    case 'leaderboard':
      return [{ embeds: [fitEmbed(leaderboardEmbed(reply))] }];
    case 'stats':
      return [{ embeds: [fitEmbed(statsEmbed(reply))] }];
    case 'summary':
      // A quoted answer goes in a message of its own: with the summary it could pass 6,000 characters.
      return [{ embeds: [fitEmbed(summaryEmbed(reply))] }, ...(reply.showcase ? [{ embeds: [fitEmbed(showcaseEmbed(reply.showcase))] }] : [])];
    case 'report':
      return [{ embeds: [fitEmbed(reportEmbed(reply))] }];
    case 'digest': {
      const message = digestMessage(reply);
      return [{ ...message, embeds: message.embeds?.map(fitEmbed) }];
    }
  }
}

/** The daily post or a practice question: the question embed with its Answer button. */
function questionMessage(q: QuestionReply): DiscordMessage {
  const daily = q.mode === 'daily';
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Topic', value: shorten(q.topic, LIMITS.fieldValue), inline: true },
    { name: 'Difficulty', value: q.difficulty, inline: true },
  ];
  if (daily) {
    fields.push({ name: 'Answers', value: `${q.answerCount.toLocaleString('en-US')} so far`, inline: true });
    if (q.closed) fields.push({ name: 'Status', value: 'Closed: answers now count as practice.', inline: false });
    else if (q.closesAt) fields.push({ name: 'Closes', value: `<t:${Math.floor(q.closesAt / 1000)}:R>`, inline: true });
  }
  const footer = q.footer ?? 'Press Answer to reply privately. Answers never appear in the channel.';
  const button: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    custom_id: answerButtonId(q.answerRef),
    label: q.closed ? 'Answer (practice)' : 'Answer',
  };
  const message: DiscordMessage = {
    embeds: [
      fitEmbed({
        title: q.title ?? (daily ? 'Question of the day' : 'Practice question'),
        description: q.prompt,
        color: daily ? COLOR.daily : COLOR.practice,
        fields,
        footer: { text: footer },
      }),
    ],
    components: [{ type: ComponentType.ActionRow, components: [button] }],
  };
  const role = pingRoleId(q.pingRole);
  if (daily && role && !q.closed) message.content = `<@&${role}>`;
  return message;
}

/** The role id of a ping role setting (`discord-role:<id>`, `<@&id>` or the bare id), or null. */
export function pingRoleId(pingRole: string | null | undefined): string | null {
  if (!pingRole) return null;
  const m = /^(?:discord-role:|<@&)?(\d{5,25})>?$/.exec(pingRole.trim());
  return m ? m[1]! : null;
}

function scoreColor(score: number): number {
  if (score >= 8) return COLOR.good;
  if (score >= 5) return COLOR.middling;
  return COLOR.poor;
}

function gradeMessage(g: GradeReply, where: RenderPlace | undefined): DiscordMessage {
  const message: DiscordMessage = { embeds: [fitEmbed(gradeEmbed(g))] };
  const buttons: APIButtonComponent[] = [];
  if (g.followUp) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: answerButtonId(g.followUp.answerRef), label: 'Answer the follow-up' });
  if (g.disputable && where) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: disputeButtonId({ ...where, answerId: g.answerId }), label: 'Dispute' });
  }
  if (buttons.length) message.components = [{ type: ComponentType.ActionRow, components: buttons }];
  return message;
}

function gradeEmbed(g: GradeReply): APIEmbed {
  const points = g.mode === 'daily' && g.points !== g.score ? ` (${g.points} points)` : '';
  const fields: NonNullable<APIEmbed['fields']> = [];
  const list = (name: string, items: string[]) => {
    if (items.length) fields.push({ name, value: bulletList(items, LIMITS.fieldValue) });
  };
  list(g.labels.covered, g.covered);
  list(g.labels.partly, g.partly);
  list(g.labels.missed, g.missed);
  if (!g.covered.length && !g.partly.length && !g.missed.length) fields.push({ name: 'Key points', value: 'No key point was matched.' });
  if (g.feedback) fields.push({ name: 'Advice', value: shorten(g.feedback, LIMITS.fieldValue) });
  if (g.notes.length) fields.push({ name: 'Notes', value: shorten(g.notes.join('\n'), LIMITS.fieldValue) });
  if (g.followUp) fields.push({ name: 'Follow-up question', value: shorten(`${g.followUp.prompt}\n${g.followUp.how}`, LIMITS.fieldValue) });
  return {
    title: `Score: ${g.score}/10${points}`,
    description: `**${g.mode === 'daily' ? 'Question of the day' : 'Practice'}:** ${shorten(g.questionPrompt, 1000)}`,
    color: scoreColor(g.score),
    fields,
    footer: { text: `Graded by ${g.grader}` },
  };
}

const who = (name: string, privacy: boolean) => escapeMarkdown(displayName(name, privacy));

function leaderboardEmbed(l: LeaderboardReply): APIEmbed {
  const lines = l.entries.map((e) => `**${e.rank}.** ${who(e.name, e.privacy)}: ${e.points} pts (${e.answers} answered)`);
  const you = l.you ? `#${l.you.rank} with ${l.you.points} pts` : 'No points in this period yet.';
  return {
    title: l.title,
    description: lines.length ? lines.join('\n') : 'Nobody has points in this period yet.',
    color: COLOR.daily,
    fields: [{ name: 'Your rank', value: you }],
  };
}

function statsEmbed(s: StatsReply): APIEmbed {
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Daily', value: dailyLine(s) },
    { name: 'Practice', value: practiceLine(s) },
    { name: 'Streak', value: streakLine(s) },
  ];
  if (s.hintedAnswers) fields.push({ name: 'Answers after a hint', value: String(s.hintedAnswers), inline: true });
  if (s.weakestTopics.length) {
    fields.push({ name: 'Weakest topics', value: bulletList(s.weakestTopics.map((t) => `${t.topic}: ${t.average}/10 over ${t.answers}`), LIMITS.fieldValue) });
  }
  return { title: `Stats for ${escapeMarkdown(s.name)}`, color: COLOR.practice, fields };
}

function summaryEmbed(s: SummaryReply): APIEmbed {
  const head = `**${shorten(s.questionPrompt, 1000)}**`;
  const room = LIMITS.embedDescription - head.length - 20;
  const points = s.pointCounts?.length && s.labels ? s.pointCounts.map((c) => `${c.point} (${pointCountText(c, s.labels!)})`) : s.keyPoints;
  const mistake = s.commonMistake ? `\n\n__Most common wrong idea__\n${shorten(s.commonMistake, 400)}` : '';
  const keyPoints = points.length ? `\n\n__Key points__\n${bulletList(points, room - mistake.length)}` : '';
  const fields: NonNullable<APIEmbed['fields']> = [];
  if (!s.skipped) {
    fields.push({ name: 'Answered', value: String(s.answered), inline: true });
    fields.push({ name: 'Average score', value: s.averageScore === null ? 'no grades yet' : `${s.averageScore}/10`, inline: true });
    // Everyone tied at the cut is listed; a long tie ends in "… and N more" within the field's limit.
    if (s.top.length) fields.push({ name: 'Top', value: bulletList(s.top.map((t) => `${t.rank}. ${escapeMarkdown(t.name)} (${t.score}/10)`), LIMITS.fieldValue, '') });
  }
  return {
    title: s.skipped ? 'Round skipped' : 'Round closed',
    description: `${head}${keyPoints}${mistake}`,
    color: COLOR.info,
    fields,
  };
}

/** An embed cut to Discord's limits: per-part lengths, 25 fields, and 6,000 characters in all. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title) out.title = shorten(out.title, LIMITS.embedTitle);
  if (out.description) out.description = shorten(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: shorten(out.footer.text, LIMITS.footer) };
  out.fields = (out.fields ?? [])
    .slice(0, LIMITS.embedFields)
    .map((f) => ({ ...f, name: shorten(f.name, LIMITS.fieldName), value: shorten(f.value || '-', LIMITS.fieldValue) }));
  const over = embedLength(out) - LIMITS.embedTotal;
  if (over > 0 && out.description) out.description = shorten(out.description, Math.max(100, out.description.length - over));
  while (embedLength(out) > LIMITS.embedTotal && out.fields.length) out.fields.pop();
  return out;
}

/** Characters Discord counts toward an embed's 6,000 total. */
export function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}
