import { cmd } from '../command-text.js';
import { plural, quote } from '../display.js';
import type { HistoryEntry } from '../stores/record-store.js';
import { labelsFor, text } from '../replies.js';
import { guardingRounds, hiddenQuestionIds, keyIdea } from '../rubric-guard.js';
import { formatShort } from '../time.js';
import type { Command, CommandContext } from './command.js';

const LIMIT = 10;

/**
 * Whether the key points of an answer's question may be shown: not while a round asking it is open
 * in this scope (its own round, or the same question in another channel), so history never gives
 * away an open round.
 */
function keyPointsVisible(e: HistoryEntry, openQuestions: Set<string>): boolean {
  if (e.roundStatus === 'open') return false;
  return !openQuestions.has(e.questionId);
}

function entryLines(ctx: CommandContext, e: HistoryEntry, openQuestions: Set<string>, hidden: Set<string>): string[] {
  const { deps, channel } = ctx;
  const question = deps.content.get(e.questionId);
  const kind = e.kind === 'daily' ? 'question of the day' : 'practice';
  const head = `#${e.answerId} ${formatShort(e.createdAt, channel.timezone)}, ${kind}: "${quote(question?.prompt ?? e.questionId, 120)}"`;
  if (e.score === null) return [head, '  Not graded yet; the score arrives privately.'];
  let score = `  Score: ${e.score}/10`;
  if (e.gradedScore !== null && e.gradedScore !== e.score) score += ` (set by an admin after a dispute; graded ${e.gradedScore}/10)`;
  if (e.kind === 'daily') score += e.roundStatus === 'skipped' ? ', no points (the round was skipped)' : `, ${plural(e.points, 'point')}`;
  const lines = [head, score];
  const labels = labelsFor(e.grader ?? 'offline');
  const show = (t: string) => (hidden.has(e.questionId) ? keyIdea(question, t) : quote(t, 120));
  if (e.covered.length) lines.push(`  ${labels.covered}: ${e.covered.map(show).join('; ')}`);
  if (e.missed.length) lines.push(`  ${labels.missed}: ${e.missed.map(show).join('; ')}`);
  if (question && keyPointsVisible(e, openQuestions)) {
    lines.push(`  Key points: ${question.keyPoints.map((k) => quote(k.text, 120)).join('; ')}`);
  } else if (question) {
    lines.push('  Key points: shown once the round closes.');
  }
  return lines;
}

/** `history`: privately, the member's own latest answers, daily and practice, with their grades. */
export const history: Command = {
  verb: 'history',
  admin: false,
  usage: 'history',
  summary: 'privately, your past answers with scores, covered and missed points, and key points once closed',
  options: [],
  run(ctx) {
    const { deps, actor, place, channel } = ctx;
    const entries = deps.store.records.answerHistory(actor.id, place.scopeId, LIMIT);
    if (entries.length === 0) return [text(`You have no answers here yet. Answer the question of the day, or ask for a practice question with ${cmd(place.platform, 'quiz')}.`)];
    const openQuestions = new Set(guardingRounds(deps, actor.id, place.scopeId).map((r) => r.questionId));
    // Past grades of a question open here that this member has not answered name no key points.
    const hidden = hiddenQuestionIds(deps, actor.id, place.scopeId);
    const lines = [`Your last ${entries.length === 1 ? 'answer' : `${entries.length} answers`}, newest first (times in ${channel.timezone}):`];
    for (const e of entries) lines.push(...entryLines(ctx, e, openQuestions, hidden));
    if (entries.some((e) => e.kind === 'daily' && e.score !== null && e.roundStatus !== 'skipped')) lines.push(`Think a grade was unfair? ${cmd(place.platform, 'dispute <answer number> <reason>')}.`);
    return [text(lines.join('\n'))];
  },
};
