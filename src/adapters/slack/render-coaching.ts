import type { DigestReply, ReportCardReply, SummaryReply } from '../../core/replies.js';
import { formatLocal } from '../../core/time.js';
import { pointCountText, topicLines } from '../shared/plain-text.js';
import { context, header, sections, type Block } from './blocks.js';
import { escapeMrkdwn as esc } from './escape.js';

const scoreText = (s: number | null) => (s === null ? 'not graded' : `${s}/10`);

/** The summary's key points with how the answers did, the common wrong idea and the consented quote. */
export function summaryExtras(r: SummaryReply): { points: Block[]; after: Block[] } {
  const counted = r.pointCounts?.length && r.labels;
  const points = counted
    ? sections(`*Key points, and how the answers did*\n${r.pointCounts!.map((c) => `• ${esc(c.point)} _(${pointCountText(c, r.labels!)})_`).join('\n')}`)
    : r.keyPoints.length
      ? sections(`*Key points*\n${r.keyPoints.map((k) => `• ${esc(k)}`).join('\n')}`)
      : [];
  const after: Block[] = [];
  if (r.commonMistake) after.push(...sections(`*Most common wrong idea:* ${esc(r.commonMistake)}`));
  if (r.showcase) {
    // Quoted line by line; split over sections of at most 3,000 characters, escaped so it pings no one.
    const quoted = r.showcase.text.split('\n').map((l) => `>${esc(l)}`).join('\n');
    after.push(...sections(`*Best answer shared by ${esc(r.showcase.name)}* (${r.showcase.score}/10)\n${quoted}`));
  }
  return { points, after };
}

export function reportBlocks(r: ReportCardReply): Block[] {
  const blocks: Block[] = [header(r.stopped ? 'Mock interview ended early: report card' : 'Mock interview: report card')];
  const lines = r.items.map((i, n) => {
    const follow = i.followUp ? (i.followUp.passed ? ', follow-up passed' : `, follow-up ${scoreText(i.followUp.score)}`) : '';
    return `${n + 1}. ${esc(i.prompt)} _(${esc(i.topic)})_: *${scoreText(i.score)}*${follow}`;
  });
  blocks.push(...sections(lines.length ? lines.join('\n') : 'No question was answered.'));
  const topics = [r.average !== null ? `*Average:* ${r.average}/10` : '', ...topicLines(r).map(esc)].filter(Boolean);
  if (topics.length) blocks.push(...sections(topics.join('\n')));
  const due = [`*Due for review now:* ${r.dueNow}`, ...r.dueExamples.map((p) => `• ${esc(p)}`)];
  if (r.nextReview !== null) due.push(`These questions come up again from ${esc(formatLocal(r.nextReview, r.timezone))}.`);
  blocks.push(...sections(due.join('\n')), context(esc(r.footer)));
  return blocks;
}

/** The digest's text; the chart is uploaded after it with files.uploadV2. */
export function digestBlocks(r: DigestReply): Block[] {
  const blocks: Block[] = [header(r.title)];
  blocks.push(...sections(`${r.answers} answers from ${r.members} members${r.average === null ? '' : `, average *${r.average}/10*`}.`));
  blocks.push(...sections(`*Answered per day*\n${r.days.map((d) => `${esc(d.label)}: ${d.members}`).join('\n')}`));
  if (r.topics.length) blocks.push(...sections(`*Average score by topic*\n${r.topics.map((t) => `• ${esc(t.topic)}: ${t.average}/10 (${t.answers})`).join('\n')}`));
  if (r.mostImproved) blocks.push(...sections(`*Most improved:* ${esc(r.mostImproved.name)} (${r.mostImproved.before} → ${r.mostImproved.after} average)`));
  return blocks;
}
