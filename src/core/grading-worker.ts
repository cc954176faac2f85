import type { DepsWith } from './context.js';
import type { Answer, GradeFlag, GradeResult, Question } from './model.js';
import { gradeOfCopy, reportSameAnswers, sameAnswers } from './duplicates.js';
import { answerHash } from './normalize.js';
import { GraderRateLimited, GraderReplyRejected } from './ports.js';
import { gradeReply } from './grade-reply.js';
import { tellGradingWaits } from './grading-waits.js';
import { rubricHidden, withRubricHidden } from './rubric-guard.js';
import { pointsFor } from './scoring.js';
import { RateLimitWindow } from './rate-limit-window.js';
import type { GradingJob } from './stores/answer-store.js';
import { Turns } from './turns.js';

type Outcome = { grade: GradeResult; fresh: boolean } | { deferred: number; reason: string; rateLimited: boolean };

/**
 * Grades queued answers: claims due jobs from the store (so a crash leaves them to resume),
 * grades with the configured grader, falls back to the offline grader on failure or after waiting
 * out rate limits too long, stores the grade with its points, and replies to the author. It is the
 * one owner of grading's limits: `GRADER_CONCURRENCY` jobs at once, and a server's 429 pausing
 * them all (the graders themselves only report it).
 */
export class GradingWorker {
  private readonly inFlight = new Set<Promise<void>>();
  /** Cancels the timer that wakes the worker for the next due job. */
  private cancelTimer: (() => void) | null = null;
  private timerAt = 0;
  private stopped = false;
  /** Aborted when shutdown's grace runs out, so slow grader calls give up and their jobs stay queued. */
  private readonly shutdown = new AbortController();
  /** The signals of the grader calls in flight, aborted with `shutdown`. */
  private readonly calls = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];
  private readonly turns = new Turns();
  /** Jobs in flight at once: the concurrency, narrowed while the grader's server rate-limits. */
  private readonly window: RateLimitWindow;

  constructor(private readonly d: DepsWith<'answers' | 'rounds' | 'records' | 'channels' | 'admins'>) {
    this.window = new RateLimitWindow(d.options.gradingConcurrency);
  }

  /** Resumes jobs a crash left running and starts on whatever is due. Returns the jobs resumed. */
  start(): number {
    const resumed = this.d.store.answers.resetRunningJobs();
    if (resumed > 0) this.d.logger.info({ resumed }, 'resuming grading jobs left by a previous run');
    this.kick();
    return resumed;
  }

  /** Claims due jobs up to the concurrency limit. Safe to call any time. */
  kick(): void {
    if (this.stopped) return;
    const { store, clock } = this.d;
    const now = clock.now();
    while (this.window.allows(now, this.inFlight.size)) {
      const job = store.answers.claimNextJob(now);
      if (!job) break;
      const p: Promise<void> = this.run(job, now).finally(() => {
        this.inFlight.delete(p);
        this.kick();
      });
      this.inFlight.add(p);
    }
    this.armTimer();
    if (this.inFlight.size === 0 && store.answers.pendingJobCount() === 0) this.notifyIdle();
  }

  /** Stops claiming new jobs; in-flight ones finish. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Waits for in-flight grading, at most `timeoutMs`. True when nothing was left running. */
  async settle(timeoutMs: number): Promise<boolean> {
    const { clock } = this.d;
    const all = Promise.all([...this.inFlight]).then(() => true);
    const settled = await Promise.race([all, clock.sleep(timeoutMs).then(() => false)]);
    if (!settled) {
      this.shutdown.abort();
      for (const call of this.calls) call.abort(this.shutdown.signal.reason);
      // Aborted jobs go back to the queue; give them a moment to record that.
      await Promise.race([all, clock.sleep(500)]);
    }
    return settled;
  }

  /** Resolves once no job is pending or running (used at the end of console input). */
  idle(): Promise<void> {
    if (this.inFlight.size === 0 && this.d.store.answers.pendingJobCount() === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.kick();
    });
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Wakes the worker when the next pending job is due (or a rate-limit pause ends), at the latest in a minute. */
  private armTimer(): void {
    if (this.stopped) return;
    const due = this.d.store.answers.nextJobDue();
    if (due === null) return;
    const now = this.d.clock.now();
    const at = now + Math.max(50, Math.min(Math.max(due, this.window.resumesAt) - now, 60_000));
    if (this.cancelTimer && this.timerAt <= at) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.d.clock.setTimeout(() => {
      this.cancelTimer = null;
      this.kick();
    }, at - now);
  }

  private async run(job: GradingJob, startedAt: number): Promise<void> {
    const { store, content, logger, clock } = this.d;
    // Grading is background work: each step waits its turn, so acknowledgements never queue behind a batch of grades.
    await this.turns.take();
    const answer = store.answers.getAnswer(job.answerId);
    if (!answer) return;
    const question = content.get(answer.questionId);
    try {
      const outcome = question ? await this.grade(job, answer, question) : { grade: missingQuestion(answer), fresh: false };
      // A rate limit holds every job, not just this one: claiming others now would only defer them again.
      if ('deferred' in outcome) {
        if (outcome.rateLimited && this.window.limited(startedAt, clock.now(), outcome.deferred, this.inFlight.size)) {
          logger.warn({ until: outcome.deferred }, 'grading server rate limit; grading waits');
        }
      } else if (outcome.fresh) this.window.accepted(startedAt);
      await this.turns.take();
      if (this.shutdown.signal.aborted) {
        store.answers.deferJob(job.id, clock.now(), 'interrupted by shutdown');
        return;
      }
      if ('deferred' in outcome) {
        store.answers.deferJob(job.id, outcome.deferred, outcome.reason);
        logger.info({ jobId: job.id, until: outcome.deferred, reason: outcome.reason }, 'grading deferred');
        if (outcome.rateLimited && job.attempts === 1) await tellGradingWaits(this.d, answer, job);
        return;
      }
      const same = sameAnswers(this.d, answer);
      const grade = same.length ? gradeOfCopy(outcome.grade, answer) : outcome.grade;
      const points = pointsFor(answer, grade.score);
      const stored = store.answers.completeJob(job.id, grade, points, clock.now());
      if (!stored) return;
      logger.info({ answerId: answer.id, score: stored.score, grader: stored.grader, flags: stored.flags }, 'answer graded');
      await this.turns.take();
      await this.reply(answer, question, stored);
      if (same.length) await reportSameAnswers(this.d, answer, question, same);
    } catch (err) {
      if (this.shutdown.signal.aborted) {
        store.answers.deferJob(job.id, clock.now(), 'interrupted by shutdown');
        return;
      }
      const delay = Math.min(300_000, 2_000 * 2 ** Math.min(job.attempts, 8));
      logger.error({ err, jobId: job.id, answerId: answer.id }, 'grading failed; the job will be retried');
      store.answers.deferJob(job.id, clock.now() + delay, String(err));
    }
  }

  private async grade(job: GradingJob, answer: Answer, question: Question): Promise<Outcome> {
    const { grader, fallbackGrader, store, clock, options } = this.d;
    const hash = answerHash(answer.text);
    const cached = store.answers.findCachedGrade(question.id, hash, grader.id, grader.version);
    if (cached) return { grade: { ...cached, flags: [...cached.flags.filter((f) => f !== 'cached'), 'cached'] }, fresh: false };
    const req = {
      questionId: question.id,
      question: question.prompt,
      reference: question.reference,
      keyPoints: question.keyPoints,
      answer: answer.text,
      ...(question.hint ? { hint: question.hint } : {}),
      ...(question.examples?.length ? { examples: question.examples } : {}),
      ...(question.rubric ? { rubric: question.rubric } : {}),
    };
    try {
      const grade = await this.withJobSignal((signal) => grader.grade(req, signal));
      store.answers.saveCachedGrade(question.id, hash, grader.id, grader.version, grade);
      return { grade, fresh: true };
    } catch (err) {
      if (this.shutdown.signal.aborted) throw err;
      const now = clock.now();
      if (err instanceof GraderRateLimited) {
        const until = now + err.retryAfterMs;
        if (!fallbackGrader || until - job.createdAt <= options.rateLimitPatienceMs) return { deferred: until, reason: 'rate limited', rateLimited: true };
      }
      if (!fallbackGrader) throw err;
      this.d.logger.warn({ err, answerId: answer.id }, 'grader failed; using the offline grader');
      const grade = await fallbackGrader.grade(req);
      const why: GradeFlag[] = err instanceof GraderReplyRejected ? [err.reason === 'unusable' ? 'reply_unusable' : 'evidence_unsupported'] : [];
      return { grade: { ...grade, flags: [...grade.flags, 'offline_fallback', ...why] }, fresh: false };
    }
  }

  /**
   * Runs one grader call with its own signal, aborted at shutdown with the others in flight: an
   * HTTP client that adds an abort listener per request and never removes it (openai's does) would
   * otherwise pile one up per grade on the long-lived shutdown signal, and keep each alive.
   */
  private async withJobSignal<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const job = new AbortController();
    if (this.shutdown.signal.aborted) job.abort(this.shutdown.signal.reason);
    this.calls.add(job);
    try {
      return await call(job.signal);
    } finally {
      this.calls.delete(job);
    }
  }

  private async reply(answer: Answer, question: Question | undefined, stored: Parameters<typeof gradeReply>[2]): Promise<void> {
    try {
      const round = answer.roundId !== null ? this.d.store.rounds.getRound(answer.roundId) : null;
      let reply = gradeReply(answer, question, stored, round);
      if (rubricHidden(this.d, answer.userId, answer.scopeId, answer.questionId)) reply = withRubricHidden(reply, question);
      await this.d.chat.send({ channelId: answer.channelId, userId: answer.userId, replyRoute: answer.replyRoute }, reply);
    } catch (err) {
      this.d.logger.error({ err, answerId: answer.id }, 'could not deliver the grade');
    }
  }
}

function missingQuestion(answer: Answer): GradeResult {
  return {
    score: 0,
    covered: [],
    missed: [],
    feedback: `The question ${answer.questionId} is no longer in the content, so this answer could not be graded.`,
    grader: 'none',
    flags: [],
  };
}
