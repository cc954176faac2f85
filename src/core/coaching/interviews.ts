import { cmd, platformOf } from '../command-text.js';
import type { DepsWith } from '../context.js';
import { plural } from '../display.js';
import type { Actor, Place, Question } from '../model.js';
import { practiceQuestionReply, type Practice } from '../practice.js';
import { error, text, type QuestionReply, type Reply } from '../replies.js';
import { hiddenQuestionIds } from '../rubric-guard.js';
import type { Interview } from '../stores/interview-store.js';
import { reportCard } from './report-card.js';

type InterviewDeps = DepsWith<'interviews' | 'practice' | 'followUps' | 'rounds' | 'answers' | 'channels', 'content' | 'clock' | 'logger'>;

export const DEFAULT_QUESTIONS = 5;
export const MAX_QUESTIONS = 10;

/**
 * Mock interviews: a private run of practice questions, one at a time, each answered with `answer`
 * and probed with a follow-up, ending in a report card. Everything lives in the database (the
 * session, its questions as practice prompts, their grades), so a restart loses nothing: `interview`
 * alone picks the session up where it was.
 */
export class Interviews {
  constructor(
    private readonly d: InterviewDeps,
    private readonly practice: Practice,
  ) {}

  /** Starts a session of `count` questions on `topic` (a topic or pack, or any), and asks the first. */
  start(actor: Actor, place: Place, topic: string | null, count: number): Reply[] {
    const { store, clock } = this.d;
    const pool = this.pool(topic, place.scopeId);
    if (pool.length === 0) {
      const known = this.d.content.topics(place.scopeId).map((t) => t.topic);
      return [error(`There is no topic or pack "${topic}". Topics: ${known.join(', ')}. ${cmd(place.platform, 'topics')} lists them by pack.`)];
    }
    const session = store.interviews.startInterview({ userId: actor.id, scopeId: place.scopeId, channelId: place.channelId, topic, count, startedAt: clock.now() });
    if (!session) return this.resume(store.interviews.activeInterview(actor.id)!, place);
    this.d.logger.info({ interviewId: session.id, userId: actor.id, topic, count }, 'interview started');
    const about = topic ? ` on ${topic}` : '';
    const intro = text(
      `Mock interview${about}: ${plural(count, 'question')}, one at a time. Answer each with ${cmd(place.platform, 'answer <your answer>')}; I may ask a follow-up, as an interviewer would. ${cmd(place.platform, 'interview stop')} ends it early. Your report card comes at the end.`,
    );
    return [intro, ...this.next(session)];
  }

  /** What the member sees when they ask again during a session: where it stands, and its open question. */
  resume(session: Interview, place: Place): Reply[] {
    const steps = this.d.store.interviews.interviewSteps(session.id);
    const note = text(`Your mock interview is still on: question ${Math.max(1, steps.length)} of ${session.count}. ${cmd(place.platform, 'interview stop')} ends it.`);
    const followUp = this.d.store.followUps.openFollowUp(session.userId, session.scopeId);
    if (followUp?.interviewId === session.id) return [note, text(`Your follow-up question is open: ${followUp.prompt}`)];
    const last = this.d.store.practice.latestInterviewPrompt(session.id);
    if (last && last.answeredAt !== null && steps.at(-1)?.score === null) return [note, text('Your last answer is being graded; the next question follows its grade.')];
    return [note, ...this.next(session)];
  }

  /** Ends the member's session early, with the report card of what was answered. */
  stop(actor: Actor, place: Place): Reply[] {
    const session = this.d.store.interviews.activeInterview(actor.id);
    if (!session) return [error(`You have no mock interview running. Start one with ${cmd(place.platform, 'interview [topic] [count]')}.`)];
    return this.finish(session, 'stopped');
  }

  /**
   * The session's next step after an answer was graded or a follow-up passed: its current question
   * again if it is still unanswered, the next question, or the report card after the last one.
   * Idempotent, so a repeated call never asks two questions.
   */
  next(session: Interview): Reply[] {
    const { store } = this.d;
    if (store.interviews.getInterview(session.id)?.status !== 'active') return [];
    const last = store.practice.latestInterviewPrompt(session.id);
    if (last && last.answeredAt === null) {
      const question = this.d.content.get(last.questionId);
      if (question) return [this.questionReply(session, last.id, question)];
    }
    const asked = store.interviews.interviewSteps(session.id);
    if (asked.length >= session.count) return this.finish(session, 'finished');
    const used = new Set(asked.map((s) => s.questionId));
    const hidden = hiddenQuestionIds(this.d, session.userId, session.scopeId);
    let pool = this.pool(session.topic, session.scopeId).filter((q) => !used.has(q.id));
    if (pool.some((q) => !hidden.has(q.id))) pool = pool.filter((q) => !hidden.has(q.id));
    const question = this.practice.pick(session.userId, session.scopeId, pool);
    if (!question) return this.finish(session, 'finished');
    const prompt = store.practice.createPracticePrompt({
      userId: session.userId,
      scopeId: session.scopeId,
      channelId: session.channelId,
      questionId: question.id,
      shownAt: this.d.clock.now(),
      interviewId: session.id,
    });
    return [this.questionReply(session, prompt.id, question)];
  }

  private finish(session: Interview, status: 'finished' | 'stopped'): Reply[] {
    const { store, clock } = this.d;
    if (!store.interviews.endInterview(session.id, status, clock.now())) return [];
    const followUp = store.followUps.openFollowUp(session.userId, session.scopeId);
    if (followUp?.interviewId === session.id) store.followUps.closeFollowUp(followUp.id, 'passed', clock.now());
    this.d.logger.info({ interviewId: session.id, status }, 'interview ended');
    return [reportCard(this.d, this.practice, session, status === 'stopped')];
  }

  private pool(topic: string | null, scopeId: string): readonly Question[] {
    const all = this.d.content.all(scopeId);
    return topic ? all.filter((q) => q.topic === topic || q.pack === topic) : all;
  }

  private questionReply(session: Interview, promptId: number, question: Question): QuestionReply {
    const n = this.d.store.interviews.interviewSteps(session.id).findIndex((s) => s.promptId === promptId) + 1;
    return {
      ...practiceQuestionReply(promptId, question),
      title: `Interview question ${n} of ${session.count}`,
      footer: `Answer with ${cmd(platformOf(session.channelId), 'answer <your answer>')}.`,
    };
  }
}
