import { cmd, platformOf } from '../command-text.js';
import type { DepsWith } from '../context.js';
import type { Practice } from '../practice.js';
import type { ReportCardReply } from '../replies.js';
import type { Interview } from '../stores/interview-store.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A mock interview's report card: each question with its score (and its follow-up's), the average,
 * the strongest and weakest topics of the session, and what spaced repetition now has due (the
 * session's grades are reviews like any other).
 */
export function reportCard(d: DepsWith<'interviews' | 'channels', 'content' | 'clock'>, practice: Practice, session: Interview, stopped: boolean): ReportCardReply {
  const steps = d.store.interviews.interviewSteps(session.id);
  const items = steps.map((s) => {
    const q = d.content.get(s.questionId);
    const followUp = s.followUpStatus === null || s.followUpStatus === 'superseded' ? null : { score: s.followUpScore, passed: s.followUpStatus === 'passed' };
    return { prompt: q?.prompt ?? s.questionId, topic: q?.topic ?? 'retired questions', score: s.score, followUp };
  });
  const scored = items.filter((i) => i.score !== null);
  const byTopic = new Map<string, number[]>();
  for (const i of scored) byTopic.set(i.topic, [...(byTopic.get(i.topic) ?? []), i.score!]);
  const topics = [...byTopic].map(([topic, s]) => ({ topic, average: round1(s.reduce((a, b) => a + b, 0) / s.length) })).sort((a, b) => b.average - a.average || a.topic.localeCompare(b.topic));
  const now = d.clock.now();
  const cards = practice.cards(session.userId, session.scopeId);
  const due = [...cards.values()].filter((c) => c.due <= now).sort((a, b) => a.due - b.due);
  const upcoming = steps.map((s) => cards.get(s.questionId)?.due).filter((t): t is number => t !== undefined && t > now);
  const p = platformOf(session.channelId);
  return {
    kind: 'report',
    visibility: 'private',
    stopped,
    items,
    average: scored.length ? round1(scored.reduce((a, i) => a + i.score!, 0) / scored.length) : null,
    topics,
    strongest: topics.length > 1 && topics[0]!.average > topics.at(-1)!.average ? topics[0]! : null,
    weakest: topics.length > 1 && topics[0]!.average > topics.at(-1)!.average ? topics.at(-1)! : null,
    dueNow: due.length,
    dueExamples: due.slice(0, 3).map((c) => d.content.get(c.questionId)?.prompt ?? c.questionId),
    nextReview: upcoming.length ? Math.min(...upcoming) : null,
    timezone: d.store.channels.getChannel(session.channelId)?.timezone ?? 'UTC',
    footer: `${cmd(p, 'quiz')} practises what is due; ${cmd(p, 'interview [topic] [count]')} starts another interview.`,
  };
}
