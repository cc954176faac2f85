import type { DepsWith } from './context.js';
import { displayName } from './display.js';
import type { Round } from './model.js';
import { LLM_LABELS, labelsFor, type PointCount, type SummaryReply } from './replies.js';
import { STREAK_MIN_SCORE } from './scoring.js';
import type { PointVerdicts } from './stores/insight-store.js';

/** How many the round summary ranks (more when several share the last place). */
const TOP = 3;

type SummaryDeps = DepsWith<'figures' | 'insights', 'content'>;

/**
 * A closed round's summary: the key points with how many answers covered, partly covered or
 * missed each (from the stored verdicts), the answer count and average, the top three by name
 * (or "anonymous"), and the best answer of a member who set `showcase on`. No answer text
 * otherwise, and none at all for a skipped round.
 */
export function roundSummary(d: SummaryDeps, round: Round, skipped = false): SummaryReply {
  const question = d.content.get(round.questionId);
  const results = d.store.figures.roundResults(round.id);
  const average = results.length ? results.reduce((s, r) => s + r.score, 0) / results.length : null;
  // The top three, and everyone tied with the third: a tie at the cut leaves nobody out.
  const cut = results[TOP - 1]?.score;
  const top: SummaryReply['top'] = [];
  results.forEach((r, i) => {
    if (i >= TOP && r.score !== cut) return;
    const prev = top[i - 1];
    top.push({ rank: prev && prev.score === r.score ? prev.rank : i + 1, name: displayName(r.name, r.privacy), score: r.score });
  });
  const keyPoints = question?.keyPoints.map((k) => k.text) ?? [];
  const summary: SummaryReply = {
    kind: 'summary',
    visibility: 'public',
    roundId: round.id,
    questionPrompt: question?.prompt ?? round.questionId,
    keyPoints,
    answered: results.length,
    averageScore: average === null ? null : Math.round(average * 10) / 10,
    top: skipped ? [] : top,
    skipped,
  };
  if (skipped) return summary;
  const verdicts = d.store.insights.roundVerdicts(round.id);
  if (verdicts.length && keyPoints.length) {
    summary.pointCounts = pointCounts(keyPoints, verdicts);
    summary.labels = labelsOfMost(verdicts);
  }
  const best = d.store.insights.showcaseAnswer(round.id, STREAK_MIN_SCORE);
  if (best) summary.showcase = { name: displayName(best.name, best.privacy), score: best.score, text: best.text };
  return summary;
}

/** Per key point, how many graded answers covered, partly covered or missed it. */
function pointCounts(keyPoints: readonly string[], verdicts: readonly PointVerdicts[]): PointCount[] {
  return keyPoints.map((point) => {
    const c: PointCount = { point, covered: 0, partly: 0, missed: 0, of: verdicts.length };
    for (const v of verdicts) {
      if (v.covered.includes(point)) c.covered += 1;
      else if (v.partly.includes(point)) c.partly += 1;
      else c.missed += 1;
    }
    return c;
  });
}

/** The words of the grader that graded most of the answers ("mentioned" offline, "covered" by a model). */
function labelsOfMost(verdicts: readonly PointVerdicts[]) {
  const offline = verdicts.filter((v) => v.grader === 'offline').length;
  return offline * 2 > verdicts.length ? labelsFor('offline') : LLM_LABELS;
}
