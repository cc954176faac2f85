import { escapeMarkdown, type APIEmbed } from 'discord.js';
import type { DigestReply, ReportCardReply, SummaryReply } from '../../core/replies.js';
import { formatLocal } from '../../core/time.js';
import { topicLines } from '../shared/plain-text.js';
import { bulletList, LIMITS, shorten } from './limits.js';
import type { DiscordMessage } from './render.js';

const COLOR = { report: 0x3ba55c, digest: 0x5865f2, showcase: 0xfee75c };
const scoreText = (s: number | null) => (s === null ? 'not graded' : `${s}/10`);

/** A mock interview's report card as one private embed. */
export function reportEmbed(r: ReportCardReply): APIEmbed {
  const lines = r.items.map((i, n) => {
    const follow = i.followUp ? (i.followUp.passed ? ', follow-up passed' : `, follow-up ${scoreText(i.followUp.score)}`) : '';
    return `**${n + 1}.** ${shorten(i.prompt, 200)} (${escapeMarkdown(i.topic)}): **${scoreText(i.score)}**${follow}`;
  });
  const fields: NonNullable<APIEmbed['fields']> = [];
  if (r.average !== null) fields.push({ name: 'Average', value: `${r.average}/10`, inline: true });
  const topics = topicLines(r);
  if (topics.length) fields.push({ name: 'Topics', value: shorten(escapeMarkdown(topics.join('\n')), LIMITS.fieldValue) });
  const due = [`${r.dueNow} due now`, ...r.dueExamples.map((p) => `• ${shorten(p, 200)}`)];
  if (r.nextReview !== null) due.push(`These questions come up again from ${formatLocal(r.nextReview, r.timezone)}.`);
  fields.push({ name: 'Due for review', value: shorten(due.join('\n'), LIMITS.fieldValue) });
  return {
    title: r.stopped ? 'Mock interview ended early: report card' : 'Mock interview: report card',
    description: lines.length ? bulletList(lines, LIMITS.embedDescription, '') : 'No question was answered.',
    color: COLOR.report,
    fields,
    footer: { text: r.footer },
  };
}

/** The weekly digest: one embed, with the chart attached and shown inside it. */
export function digestMessage(r: DigestReply): DiscordMessage {
  const summary = `${r.answers} answers from ${r.members} members${r.average === null ? '' : `, average ${r.average}/10`}.`;
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Answered per day', value: shorten(r.days.map((d) => `${d.label}: ${d.members}`).join('\n'), LIMITS.fieldValue), inline: true },
  ];
  if (r.topics.length) {
    fields.push({ name: 'Average by topic', value: bulletList(r.topics.map((t) => `${escapeMarkdown(t.topic)}: ${t.average}/10 (${t.answers})`), LIMITS.fieldValue, ''), inline: true });
  }
  if (r.mostImproved) fields.push({ name: 'Most improved', value: `${escapeMarkdown(r.mostImproved.name)}: ${r.mostImproved.before} → ${r.mostImproved.after} average` });
  const embed: APIEmbed = { title: shorten(r.title, LIMITS.embedTitle), description: summary, color: COLOR.digest, fields };
  if (!r.chart) return { embeds: [embed] };
  embed.image = { url: `attachment://${r.chart.name}` };
  return { embeds: [embed], files: [{ attachment: Buffer.from(r.chart.png), name: r.chart.name, description: shorten(r.chart.alt, 1024) }] };
}

/**
 * A consented best answer, quoted in its own embed under the summary (an answer may be 4,000
 * characters, more than a field holds): escaped, so its Markdown shows as typed; the client's
 * allowed mentions keep it from pinging anyone.
 */
export function showcaseEmbed(s: NonNullable<SummaryReply['showcase']>): APIEmbed {
  const head = `Best answer shared by ${escapeMarkdown(s.name)} (${s.score}/10)`;
  return { title: shorten(head, LIMITS.embedTitle), description: shorten(escapeMarkdown(s.text), LIMITS.embedDescription), color: COLOR.showcase };
}
