import type { Answer, GradeResult, Question, Round, StoredGrade } from './model.js';
import { labelsFor, type GradeReply } from './replies.js';
import { HINT_CAP } from './scoring.js';

const OFFLINE_NOTE =
  'Graded offline: this checks which key ideas are mentioned, not whether they are right. Set OPENAI_API_KEY (or OPENAI_BASE_URL) to switch on LLM grading.';

/** Why an LLM grade became an offline one, in one sentence for the member. */
function fallbackNote(flags: readonly string[]): string {
  const rest = 'so this grade is offline: it checks which key ideas are mentioned, not whether they are right.';
  if (flags.includes('reply_unusable')) return `The grader's reply was unusable twice, ${rest}`;
  if (flags.includes('evidence_unsupported')) return `The grader quoted words that are not in your answer, twice, ${rest}`;
  if (flags.includes('grader_timeout')) return `The LLM grader did not answer in time, ${rest}`;
  if (flags.includes('grader_offline')) return `The LLM grader is not answering at the moment (prepbot checks on it every few minutes), ${rest}`;
  return `The LLM grader could not be reached, ${rest}`;
}

/**
 * The private score reply for a graded answer. A member's first answer to a round may be disputed
 * (the Dispute button), unless the round was skipped: then it earns nothing to dispute.
 */
export function gradeReply(answer: Answer, question: Question | undefined, grade: StoredGrade | GradeResult & { points: number }, round?: Round | null): GradeReply {
  const skipped = round?.status === 'skipped';
  const offline = grade.grader === 'offline';
  const notes: string[] = [];
  if (grade.flags.includes('offline_fallback')) {
    notes.push(fallbackNote(grade.flags));
  } else if (offline) {
    notes.push(OFFLINE_NOTE);
  }
  if (answer.kind === 'practice') notes.push('Practice answer: it counts toward your practice, not the leaderboard.');
  else if (!answer.counts) notes.push('Only your first answer to a round earns points.');
  else if (skipped) notes.push('An admin skipped this round, so it earns no points.');
  if (answer.kind === 'daily' && answer.hinted && !skipped && grade.score > HINT_CAP) {
    notes.push(`You took a hint on this round, so it earns at most ${HINT_CAP} points: ${grade.points} points.`);
  }
  if (grade.flags.includes('score_capped')) {
    notes.push('This answer spoke to the grader instead of answering the question, so its score was capped.');
  }
  return {
    kind: 'grade',
    visibility: 'private',
    answerId: answer.id,
    questionPrompt: question?.prompt ?? answer.questionId,
    score: grade.score,
    covered: grade.covered,
    partly: grade.partly ?? [],
    missed: grade.missed,
    feedback: grade.feedback,
    grader: grade.grader,
    offline: offline,
    labels: labelsFor(grade.grader),
    mode: answer.kind,
    points: answer.counts && !skipped ? grade.points : 0,
    notes,
    disputable: answer.counts && !skipped,
  };
}
