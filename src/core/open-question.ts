import type { DepsWith } from './context.js';
import type { Place, Question, Round } from './model.js';
import type { FollowUp } from './stores/follow-up-store.js';
import type { PracticePrompt } from './stores/practice-store.js';

export type OpenQuestion =
  | { kind: 'round'; round: Round; question: Question }
  | { kind: 'practice'; prompt: PracticePrompt; question: Question }
  | { kind: 'followup'; followUp: FollowUp; question: Question };

type OpenQuestionDeps = DepsWith<'rounds' | 'practice' | 'answers' | 'followUps', 'content'>;

/**
 * The question `answer` and `hint` act on: the latest question shown to the user that they have not
 * answered — an open follow-up, a practice question, or the channel's open round, whichever came
 * last; with none of them fresh, the open round (answered again, it is graded as practice).
 */
export function findOpenQuestion(d: OpenQuestionDeps, userId: string, place: Place): OpenQuestion | null {
  const round = d.store.rounds.getOpenRound(place.channelId);
  const roundQuestion = round ? d.content.get(round.questionId) : undefined;
  const fresh: { at: number; rank: number; open: OpenQuestion }[] = [];
  if (round && roundQuestion && !d.store.answers.hasAnsweredRound(userId, round.id)) {
    fresh.push({ at: round.postedAt, rank: 1, open: { kind: 'round', round, question: roundQuestion } });
  }
  const practice = d.store.practice.latestOpenPractice(userId, place.scopeId);
  const practiceQuestion = practice ? d.content.get(practice.questionId) : undefined;
  if (practice && practiceQuestion) fresh.push({ at: practice.shownAt, rank: 2, open: { kind: 'practice', prompt: practice, question: practiceQuestion } });
  const followUp = d.store.followUps.openFollowUp(userId, place.scopeId);
  const followUpQuestion = followUp ? d.content.get(followUp.questionId) : undefined;
  if (followUp && followUpQuestion) fresh.push({ at: followUp.createdAt, rank: 0, open: { kind: 'followup', followUp, question: followUpQuestion } });
  // At the same instant a follow-up came first: it is asked after an answer, so what else shows then came after it.
  const latest = fresh.sort((a, b) => b.at - a.at || b.rank - a.rank)[0];
  if (latest) return latest.open;
  return round && roundQuestion ? { kind: 'round', round, question: roundQuestion } : null;
}

/** The reference an Answer button carries for an open question. */
export function answerRefOf(open: OpenQuestion): string {
  if (open.kind === 'round') return `round:${open.round.id}`;
  if (open.kind === 'practice') return `practice:${open.prompt.id}`;
  return `followup:${open.followUp.id}`;
}

/**
 * Resolves an Answer button's reference (`round:<id>`, `practice:<id>`, `followup:<id>`) for this
 * user and place. A reference to another channel's round, to another user's practice question or
 * follow-up, or to a follow-up already answered or passed resolves to null.
 */
export function resolveAnswerRef(d: OpenQuestionDeps, ref: string, userId: string, place: Place): OpenQuestion | null {
  const m = /^(round|practice|followup):(\d{1,15})$/.exec(ref);
  if (!m) return null;
  const id = Number(m[2]);
  if (m[1] === 'round') {
    const round = d.store.rounds.getRound(id);
    if (!round || round.channelId !== place.channelId || round.scopeId !== place.scopeId) return null;
    const question = d.content.get(round.questionId);
    return question ? { kind: 'round', round, question } : null;
  }
  if (m[1] === 'followup') {
    const followUp = d.store.followUps.getFollowUp(id);
    if (!followUp || followUp.userId !== userId || followUp.scopeId !== place.scopeId || followUp.status !== 'open') return null;
    const question = d.content.get(followUp.questionId);
    return question ? { kind: 'followup', followUp, question } : null;
  }
  const prompt = d.store.practice.getPracticePrompt(id);
  if (!prompt || prompt.userId !== userId || prompt.scopeId !== place.scopeId) return null;
  const question = d.content.get(prompt.questionId);
  return question ? { kind: 'practice', prompt, question } : null;
}
