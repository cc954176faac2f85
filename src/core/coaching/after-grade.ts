import type { DepsWith } from '../context.js';
import { gradeReply } from '../grade-reply.js';
import type { Answer, Question, StoredGrade } from '../model.js';
import type { GradeReply, Reply } from '../replies.js';
import { rubricHidden, withRubricHidden } from '../rubric-guard.js';
import { FollowUps } from './follow-ups.js';
import type { Interviews } from './interviews.js';

type AfterGradeDeps = DepsWith<'rounds' | 'answers' | 'followUps' | 'interviews', 'chat' | 'logger'>;

/**
 * What a member receives once an answer is graded: the grade, ending with a follow-up question on
 * its weakest key point when it calls for one, and in a mock interview the next question or the
 * report card. A follow-up's own grade says which key point it was on. Nothing here fails the
 * grading job: the grade is stored before any of it is sent.
 */
export class GradeReplies {
  constructor(
    private readonly d: AfterGradeDeps,
    private readonly followUps: FollowUps,
    private readonly interviews: Interviews,
  ) {}

  async deliver(answer: Answer, question: Question | undefined, stored: StoredGrade): Promise<void> {
    const target = { channelId: answer.channelId, userId: answer.userId, replyRoute: answer.replyRoute };
    let then: Reply[] = [];
    try {
      const round = answer.roundId !== null ? this.d.store.rounds.getRound(answer.roundId) : null;
      let reply = this.asFollowUpGrade(answer, gradeReply(answer, question, stored, round));
      const hidden = rubricHidden(this.d, answer.userId, answer.scopeId, answer.questionId);
      if (hidden) reply = withRubricHidden(reply, question);
      // A follow-up names its key point, so none while the rubric must stay hidden.
      const busy = this.d.store.answers.pendingJobCount() > 0;
      const followUp = question && !hidden ? await this.followUps.ask(answer, question, stored, busy) : null;
      if (followUp) reply = { ...reply, followUp: { answerRef: `followup:${followUp.id}`, prompt: followUp.prompt, how: FollowUps.how(answer.channelId) } };
      const interviewId = this.followUps.interviewOf(answer);
      if (interviewId !== null && !followUp) {
        const session = this.d.store.interviews.getInterview(interviewId);
        if (session?.status === 'active') then = this.interviews.next(session);
      }
      await this.d.chat.send(target, reply);
    } catch (err) {
      this.d.logger.error({ err, answerId: answer.id }, 'could not deliver the grade');
    }
    for (const r of then) {
      try {
        await this.d.chat.send({ ...target, append: true }, r);
      } catch (err) {
        this.d.logger.error({ err, answerId: answer.id, kind: r.kind }, 'could not deliver the next interview step');
      }
    }
  }

  /** A follow-up answer's grade: titled by the follow-up, naming its key point, never disputable. */
  private asFollowUpGrade(answer: Answer, reply: GradeReply): GradeReply {
    if (answer.followUpId == null) return reply;
    const followUp = this.d.store.followUps.getFollowUp(answer.followUpId);
    if (!followUp) return reply;
    const notes = reply.notes.filter((n) => !n.startsWith('Practice answer'));
    notes.push(`Follow-up on key point ${followUp.point}: graded against that point alone; it counts toward your practice, not the leaderboard.`);
    return { ...reply, questionPrompt: followUp.prompt, notes, disputable: false };
  }
}
