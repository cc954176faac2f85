import { cmd, platformOf } from '../command-text.js';
import type { DepsWith } from '../context.js';
import type { Answer, GradeResult, Question } from '../model.js';
import type { FollowUp } from '../stores/follow-up-store.js';
import { cleanFollowUp, offlineFollowUp } from './follow-up-text.js';
import { referencePart } from './reference-part.js';
import { weakestPoint, type WeakPoint } from './weakest-point.js';

type FollowUpDeps = DepsWith<'followUps' | 'channels' | 'practice', 'coach' | 'clock' | 'logger'>;

/** How long the model may take to write a follow-up before the content's one is asked instead. */
const WRITE_TIMEOUT_MS = 20_000;

/**
 * Follow-up questions, the way an interviewer probes: after a graded answer that missed or partly
 * covered a key point, one question on the weakest such point becomes the member's open question.
 * The model writes it from the key point and the answer when there is one; else the question's
 * `follow_ups:` entry or a template. A channel may switch them off (`settings follow-ups off`);
 * a mock interview always asks them.
 */
export class FollowUps {
  constructor(private readonly d: FollowUpDeps) {}

  /** The interview an answer belongs to (through its question or its follow-up), or null. */
  interviewOf(answer: Answer): number | null {
    if (answer.followUpId != null) return this.d.store.followUps.getFollowUp(answer.followUpId)?.interviewId ?? null;
    if (answer.practiceId != null) return this.d.store.practice.getPracticePrompt(answer.practiceId)?.interviewId ?? null;
    return null;
  }

  /**
   * Asks the follow-up a graded answer calls for, or returns null: at most one per answer, never on
   * a follow-up's answer. `busy` (answers are waiting to be graded): the content's follow-up, not
   * the model's, so writing follow-ups never takes the model's rate limit or time from grades.
   */
  async ask(answer: Answer, question: Question, grade: GradeResult, busy = false): Promise<FollowUp | null> {
    if (answer.followUpId != null || grade.grader === 'none' || grade.flags.includes('score_capped')) return null;
    const interviewId = this.interviewOf(answer);
    if (interviewId === null && this.d.store.channels.getChannel(answer.channelId)?.followUps === false) return null;
    const weak = weakestPoint(question, grade);
    if (!weak) return null;
    const { prompt, origin } = busy ? offlineFollowUp(question, weak) : await this.write(question, weak, answer);
    return this.d.store.followUps.createFollowUp({
      sourceAnswerId: answer.id,
      userId: answer.userId,
      scopeId: answer.scopeId,
      channelId: answer.channelId,
      questionId: question.id,
      point: weak.point,
      pointText: weak.text,
      prompt,
      origin,
      interviewId,
      createdAt: this.d.clock.now(),
    });
  }

  /** The line under a follow-up saying how to answer or decline it, as typed where it is read. */
  static how(channelId: string): string {
    const p = platformOf(channelId);
    return `Answer it with ${cmd(p, 'answer <your answer>')}${p === 'console' ? '' : ' (or the button)'}, or skip it with ${cmd(p, 'pass')}.`;
  }

  private async write(question: Question, weak: WeakPoint, answer: Answer): Promise<ReturnType<typeof offlineFollowUp>> {
    const { coach, logger, clock } = this.d;
    if (coach) {
      const abort = new AbortController();
      const cancel = clock.setTimeout(() => abort.abort(new Error('the follow-up took too long to write')), WRITE_TIMEOUT_MS);
      try {
        const req = { questionId: question.id, question: question.prompt, keyPoint: weak.text, referencePart: referencePart(question.reference, weak.text), answer: answer.text, verdict: weak.verdict };
        const written = cleanFollowUp(await coach.followUp(req, abort.signal));
        if (written) return { prompt: written, origin: 'llm' };
        logger.warn({ answerId: answer.id }, 'the model wrote no usable follow-up; asking the content one');
      } catch (err) {
        logger.warn({ err, answerId: answer.id }, 'could not write a follow-up with the model; asking the content one');
      } finally {
        cancel();
      }
    }
    return offlineFollowUp(question, weak);
  }
}
