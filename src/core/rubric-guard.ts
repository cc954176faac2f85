/**
 * No path to the rubric before the scored answer: while a round asking a question is open in a
 * server or workspace, a member who has not answered that round sees none of the question's key
 * points or reference, through any verb (a practice grade, history, hint, a dispute list). Key
 * points in such a reply become numbered key ideas ("Key idea 2 of 5"), and advice that would
 * name them is replaced. Once the member has answered the round, or it closes, everything shows.
 */
import type { DepsWith } from './context.js';
import type { Question, Round } from './model.js';
import { isPersonal } from './personal-place.js';
import type { GradeReply } from './replies.js';

type Deps = DepsWith<'rounds' | 'answers', never>;

/**
 * The open rounds that guard their rubric from this scope: the scope's own; from a member's own
 * space (DMs, a user install), those of every server or workspace where the member has answered,
 * so practising in DMs is no way round a round open there.
 */
export function guardingRounds(d: Deps, userId: string, scopeId: string): Round[] {
  const open = d.store.rounds.listOpenRounds();
  if (!isPersonal(scopeId)) return open.filter((r) => r.scopeId === scopeId);
  const played = new Set(d.store.answers.answeredScopes(userId));
  return open.filter((r) => played.has(r.scopeId));
}

/** True while a round of this question guards the scope and the member has not answered it. */
export function rubricHidden(d: Deps, userId: string, scopeId: string, questionId: string): boolean {
  return guardingRounds(d, userId, scopeId).some((r) => r.questionId === questionId && !d.store.answers.hasAnsweredRound(userId, r.id));
}

/** Questions whose rubric the member may not see yet in the scope (for the practice picker). */
export function hiddenQuestionIds(d: Deps, userId: string, scopeId: string): Set<string> {
  const ids = new Set<string>();
  for (const r of guardingRounds(d, userId, scopeId)) {
    if (!d.store.answers.hasAnsweredRound(userId, r.id)) ids.add(r.questionId);
  }
  return ids;
}

const HIDDEN_NOTE =
  "This question is today's question here and you have not answered it yet, so its key points stay hidden until you do (or the round closes).";

/** A key point's text as a numbered idea, for a member who may not see it yet. */
export function keyIdea(question: Question | undefined, text: string): string {
  const points = question?.keyPoints ?? [];
  const i = points.findIndex((k) => k.text === text);
  return i >= 0 ? `Key idea ${i + 1} of ${points.length}` : 'A key idea';
}

/** The grade reply with its key points numbered, not named, and neutral advice. */
export function withRubricHidden(reply: GradeReply, question: Question | undefined): GradeReply {
  const hide = (list: string[]) => list.map((t) => keyIdea(question, t));
  return {
    ...reply,
    covered: hide(reply.covered),
    partly: hide(reply.partly),
    missed: hide(reply.missed),
    feedback: `${reply.covered.length} of ${reply.covered.length + reply.partly.length + reply.missed.length} key ideas.`,
    notes: [...reply.notes, HIDDEN_NOTE],
  };
}
