import { displayName } from '../display.js';
import type { QuestionBank, LineChart } from '../ports.js';
import type { DigestReply } from '../replies.js';
import type { DailyScore } from '../stores/digest-store.js';
import { addDays, formatDay, weekKey } from '../time.js';

/** Weeks the chart shows, the covered week last. */
const CHART_WEEKS = 6;
/** Weeks before the covered one that "most improved" compares with. */
const BASELINE_WEEKS = 4;
/** Answers a member needs in each period to be compared. */
const MIN_ANSWERS = 2;
/** Topics drawn at most (the most answered); more lines would be unreadable. */
const CHART_TOPICS = 6;

const avg = (xs: readonly number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** The local dates a digest through `through` reads: its seven days, and the chart's weeks ending with them. */
export function digestRange(through: string): { from: string; to: string; weekFrom: string } {
  return { from: addDays(through, 1 - 7 * CHART_WEEKS), to: through, weekFrom: addDays(through, -6) };
}

/**
 * The digest's text figures for the seven days through `through`: members per day, averages by topic,
 * and the member whose average rose most against the four weeks before (named as they chose:
 * "anonymous" with privacy on). No answer text.
 */
export function digestFigures(scores: readonly DailyScore[], through: string, content: QuestionBank): Omit<DigestReply, 'kind' | 'visibility' | 'chart'> {
  const { to, weekFrom } = digestRange(through);
  const week = scores.filter((s) => s.localDate >= weekFrom && s.localDate <= to);
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekFrom, i)).map((date) => ({
    label: formatDay(date),
    members: new Set(week.filter((s) => s.localDate === date).map((s) => s.userId)).size,
  }));
  const byTopic = new Map<string, number[]>();
  for (const s of week) {
    const topic = content.get(s.questionId)?.topic ?? 'retired questions';
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), s.score]);
  }
  const topics = [...byTopic].map(([topic, xs]) => ({ topic, average: avg(xs)!, answers: xs.length })).sort((a, b) => b.answers - a.answers || a.topic.localeCompare(b.topic));
  return {
    title: `Weekly digest: ${formatDay(weekFrom)} to ${formatDay(to)}`,
    days,
    topics,
    answers: week.length,
    members: new Set(week.map((s) => s.userId)).size,
    average: avg(week.map((s) => s.score)),
    mostImproved: mostImproved(scores, weekFrom, to),
  };
}

function mostImproved(scores: readonly DailyScore[], weekFrom: string, to: string): DigestReply['mostImproved'] {
  const baselineFrom = addDays(weekFrom, -7 * BASELINE_WEEKS);
  const people = new Map<string, { name: string; privacy: boolean; before: number[]; after: number[] }>();
  for (const s of scores) {
    const p = people.get(s.userId) ?? { name: s.name, privacy: s.privacy, before: [], after: [] };
    if (s.localDate >= weekFrom && s.localDate <= to) p.after.push(s.score);
    else if (s.localDate >= baselineFrom && s.localDate < weekFrom) p.before.push(s.score);
    people.set(s.userId, p);
  }
  let best: DigestReply['mostImproved'] = null;
  let gain = 0;
  for (const p of [...people.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (p.before.length < MIN_ANSWERS || p.after.length < MIN_ANSWERS) continue;
    const before = avg(p.before)!;
    const after = avg(p.after)!;
    if (after - before > gain) {
      gain = after - before;
      best = { name: displayName(p.name, p.privacy), before, after };
    }
  }
  return best;
}

/** The chart: average score per topic for each of the last weeks (a gap where a topic had no answer). */
export function digestChart(scores: readonly DailyScore[], through: string, content: QuestionBank): LineChart | null {
  const { from, to } = digestRange(through);
  const weeks = Array.from({ length: CHART_WEEKS }, (_, i) => weekKey(addDays(from, 7 * i + 6)));
  const cells = new Map<string, Map<string, number[]>>();
  const counts = new Map<string, number>();
  for (const s of scores) {
    if (s.localDate < from || s.localDate > to) continue;
    const topic = content.get(s.questionId)?.topic ?? 'retired questions';
    const row = cells.get(topic) ?? new Map<string, number[]>();
    const w = weekKey(s.localDate);
    row.set(w, [...(row.get(w) ?? []), s.score]);
    cells.set(topic, row);
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  if (cells.size === 0) return null;
  const topics = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CHART_TOPICS).map(([t]) => t);
  return {
    title: `Average score by topic, last ${CHART_WEEKS} weeks`,
    labels: weeks.map((w) => `week ${Number(w.slice(-2))}`),
    yMax: 10,
    series: topics.map((topic) => ({ name: topic, values: weeks.map((w) => avg(cells.get(topic)?.get(w) ?? [])) })),
  };
}
