import type { DepsWith } from './context.js';
import type { Answer, GradeResult, Question, StoredGrade } from './model.js';
import { gradeOfCopy, reportSameAnswers, sameAnswers } from './duplicates.js';
import { GradingAttempts } from './grading-attempt.js';
import { tellGradingWaits } from './grading-waits.js';
import { pointsFor } from './scoring.js';
import { RateLimitWindow } from './rate-limit-window.js';
import type { GradingJob } from './stores/answer-store.js';
import { Turns } from './turns.js';

/**
 * Grades queued answers: claims due jobs from the store under a lease it renews while it works (so
 * a crash leaves them to another process, or the next start, once the lease runs out, and a live
 * owner's jobs are never graded twice), grades each ({@link GradingAttempts}: the configured grader
 * within the answer's deadline, else offline), stores the grade with its points, and replies.
 * It is the one owner of grading's limits: `GRADER_CONCURRENCY` jobs at once, and a server's 429
 * pausing them all (the graders themselves only report it).
 */
export class GradingWorker {
  private readonly inFlight = new Set<Promise<void>>();
  /** Cancels the timer that wakes the worker for the next due job. */
  private cancelTimer: (() => void) | null = null;
  private timerAt = 0;
  private stopped = false;
  /** Aborted when shutdown's grace runs out, so slow grader calls give up and their jobs stay queued. */
  private readonly shutdown = new AbortController();
  /** Grading one answer: deadline, breaker, offline fallback. */
  readonly attempts: GradingAttempts;
  /** Stops renewing the leases of the jobs in flight. */
  private cancelRenewal: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly turns = new Turns();
  /** Jobs in flight at once: the concurrency, narrowed while the grader's server rate-limits. */
  private readonly window: RateLimitWindow;

  constructor(
    private readonly d: DepsWith<'answers' | 'rounds' | 'records' | 'channels' | 'admins' | 'followUps'>,
    /** Sends the member what follows a stored grade (the grade itself, a follow-up, an interview's next step). */
    private readonly deliver: (answer: Answer, question: Question | undefined, grade: StoredGrade) => Promise<void>,
  ) {
    this.window = new RateLimitWindow(d.options.gradingConcurrency);
    this.attempts = new GradingAttempts(d);
  }

  private get owner(): string {
    return this.d.options.instanceId;
  }

  /**
   * Starts on whatever is due, jobs a crashed process left running included once their lease has
   * run out (those of a live process are left to it). Returns how many jobs other processes hold.
   */
  start(): number {
    const held = this.d.store.answers.jobsHeldByOthers(this.owner, this.d.clock.now());
    if (held > 0) this.d.logger.info({ held }, 'grading jobs held by another process (or one that just stopped) are left to it until their lease runs out');
    this.kick();
    return held;
  }

  /** Claims due jobs up to the concurrency limit. Safe to call any time. */
  kick(): void {
    if (this.stopped) return;
    const { store, clock, options } = this.d;
    const now = clock.now();
    while (this.window.allows(now, this.inFlight.size)) {
      const job = store.answers.claimNextJob(now, { owner: this.owner, until: now + options.leaseMs });
      if (!job) break;
      if (job.attempts > 1) this.d.logger.info({ jobId: job.id, attempts: job.attempts }, 'grading a job again (retried, or left by a stopped process)');
      const p: Promise<void> = this.run(job, now).finally(() => {
        this.inFlight.delete(p);
        this.kick();
      });
      this.inFlight.add(p);
    }
    this.renewLeases();
    this.armTimer();
    if (this.inFlight.size === 0 && store.answers.pendingJobCount() === 0) this.notifyIdle();
  }

  /** Stops claiming new jobs; in-flight ones finish. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /**
   * While jobs are in flight, renews their leases (and those of the jobs this process queued and
   * still holds) every third of a lease; stops when none is left.
   */
  private renewLeases(): void {
    if (this.inFlight.size === 0) {
      this.cancelRenewal?.();
      this.cancelRenewal = null;
      return;
    }
    if (this.cancelRenewal) return;
    const { clock, store, options } = this.d;
    const tick = () => {
      this.cancelRenewal = null;
      if (this.inFlight.size === 0) return;
      store.answers.renewJobs({ owner: this.owner, until: clock.now() + options.leaseMs });
      this.cancelRenewal = clock.setTimeout(tick, options.leaseMs / 3);
    };
    this.cancelRenewal = clock.setTimeout(tick, options.leaseMs / 3);
  }

  /** Waits for in-flight grading, at most `timeoutMs`. True when nothing was left running. */
  async settle(timeoutMs: number): Promise<boolean> {
    const { clock } = this.d;
    const all = Promise.all([...this.inFlight]).then(() => true);
    const settled = await Promise.race([all, clock.sleep(timeoutMs).then(() => false)]);
    if (!settled) {
      this.shutdown.abort();
      this.attempts.shutdown();
      // Aborted jobs go back to the queue; give them a moment to record that.
      await Promise.race([all, clock.sleep(500)]);
    }
    this.attempts.breaker?.stop();
    this.cancelRenewal?.();
    this.cancelRenewal = null;
    // What this process queued and will not grade now is free at once for the next start or another process.
    this.d.store.answers.renewJobs({ owner: this.owner, until: clock.now() });
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

  /**
   * Wakes the worker when the next job becomes claimable (a pending job due, another process's lease
   * running out) or a rate-limit pause ends, at the latest in a minute.
   */
  private armTimer(): void {
    if (this.stopped) return;
    const due = this.d.store.answers.nextJobDue(this.owner);
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
      const outcome = question ? await this.attempts.grade(job, answer, question) : { grade: missingQuestion(answer), fresh: false };
      // A rate limit holds every job, not just this one: claiming others now would only defer them again.
      if ('deferred' in outcome) {
        if (outcome.rateLimited && this.window.limited(startedAt, clock.now(), outcome.deferred, this.inFlight.size)) {
          logger.warn({ until: outcome.deferred }, 'grading server rate limit; grading waits');
        }
      } else if (outcome.fresh) this.window.accepted(startedAt);
      await this.turns.take();
      if (this.shutdown.signal.aborted) {
        store.answers.deferJob(job.id, this.owner, clock.now(), 'interrupted by shutdown');
        return;
      }
      if ('deferred' in outcome) {
        store.answers.deferJob(job.id, this.owner, outcome.deferred, outcome.reason);
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
      await this.deliver(answer, question, stored);
      if (same.length) await reportSameAnswers(this.d, answer, question, same);
    } catch (err) {
      if (this.shutdown.signal.aborted) {
        store.answers.deferJob(job.id, this.owner, clock.now(), 'interrupted by shutdown');
        return;
      }
      const delay = Math.min(300_000, 2_000 * 2 ** Math.min(job.attempts, 8));
      logger.error({ err, jobId: job.id, answerId: answer.id }, 'grading failed; the job will be retried');
      store.answers.deferJob(job.id, this.owner, clock.now() + delay, String(err));
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
