import { gradingFor } from './coaching/grade-request.js';
import type { DepsWith } from './context.js';
import { GraderBreaker } from './grader-breaker.js';
import type { Answer, GradeFlag, GradeResult, Question } from './model.js';
import { answerHash } from './normalize.js';
import { GraderRateLimited, GraderReplyRejected, type GradeRequest } from './ports.js';
import type { GradingJob } from './stores/answer-store.js';

export type Outcome = { grade: GradeResult; fresh: boolean } | { deferred: number; reason: string; rateLimited: boolean };

/** Why a grader call was cut short: the answer's deadline, the breaker opening, or shutdown. */
class CutShort extends Error {
  constructor(readonly why: 'deadline' | 'breaker' | 'shutdown') {
    super(why === 'deadline' ? 'the grading deadline passed' : why === 'breaker' ? 'the LLM grader went offline' : 'shutting down');
  }
}

/** A probe may take at most this long (or the grading deadline, when shorter). */
const PROBE_TIMEOUT_MS = 15_000;

/**
 * One grading attempt of one answer: the cached grade of the same answer when there is one, else
 * the configured grader within the answer's deadline (retries included), else the offline grader,
 * labelled with why. A breaker takes a failing LLM offline for a cool-down: answers are then graded
 * offline at once. Rate limits are not failures: the job waits in the queue (up to the patience).
 */
export class GradingAttempts {
  readonly breaker: GraderBreaker | null;
  /** The grader calls in flight, cut short at shutdown or when the breaker opens. */
  private readonly calls = new Set<AbortController>();
  private shuttingDown = false;

  constructor(private readonly d: DepsWith<'answers' | 'followUps'>) {
    const { grader, fallbackGrader, clock, logger, options } = d;
    this.breaker =
      fallbackGrader && fallbackGrader !== grader
        ? new GraderBreaker({
            clock,
            logger,
            failures: options.breakerFailures,
            cooldownMs: options.breakerCooldownMs,
            probe: grader.probe?.bind(grader),
            probeTimeoutMs: Math.min(PROBE_TIMEOUT_MS, options.gradingDeadlineMs),
            onOpen: () => this.cutAll('breaker'),
          })
        : null;
  }

  /** Aborts every grader call in flight (shutdown's grace ran out); their jobs go back to the queue. */
  shutdown(): void {
    this.shuttingDown = true;
    this.breaker?.stop();
    this.cutAll('shutdown');
  }

  async grade(job: GradingJob, answer: Answer, question: Question): Promise<Outcome> {
    const { grader, fallbackGrader, store, clock, options, logger } = this.d;
    const hash = answerHash(answer.text);
    const { req, cacheId } = gradingFor(this.d, answer, question);
    const cached = store.answers.findCachedGrade(cacheId, hash, grader.id, grader.version);
    if (cached) return { grade: { ...cached, flags: [...cached.flags.filter((f) => f !== 'cached'), 'cached'] }, fresh: false };
    if (this.breaker?.isOpen && fallbackGrader) return this.offline(req, ['grader_offline']);
    try {
      const grade = await this.withDeadline((signal) => grader.grade(req, signal));
      this.breaker?.succeeded();
      store.answers.saveCachedGrade(cacheId, hash, grader.id, grader.version, grade);
      return { grade, fresh: true };
    } catch (err) {
      if (this.shuttingDown || (err instanceof CutShort && err.why === 'shutdown')) throw err;
      const now = clock.now();
      if (err instanceof GraderRateLimited) {
        const until = now + err.retryAfterMs;
        if (!fallbackGrader || until - job.createdAt <= options.rateLimitPatienceMs) return { deferred: until, reason: 'rate limited', rateLimited: true };
      }
      // The server answered, badly: not a sign it is down.
      if (err instanceof GraderReplyRejected) this.breaker?.succeeded();
      else if (!(err instanceof CutShort && err.why === 'breaker')) this.breaker?.failed();
      if (!fallbackGrader) throw err;
      logger.warn({ err, answerId: answer.id }, 'grader failed; using the offline grader');
      return this.offline(req, whyOffline(err));
    }
  }

  private async offline(req: GradeRequest, why: GradeFlag[]): Promise<Outcome> {
    const grade = await this.d.fallbackGrader!.grade(req);
    return { grade: { ...grade, flags: [...grade.flags, 'offline_fallback', ...why] }, fresh: false };
  }

  /**
   * Runs one grader call with its own signal, aborted when the answer's deadline passes, the
   * breaker opens or shutdown's grace runs out; the call also loses the race at that moment even
   * if the grader ignores its signal. Its own signal, not a shared one: an HTTP client that adds an
   * abort listener per request and never removes it (openai's does) would otherwise pile them up.
   */
  private async withDeadline<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { clock, options } = this.d;
    const job = new AbortController();
    this.calls.add(job);
    const cancel = clock.setTimeout(() => job.abort(new CutShort('deadline')), options.gradingDeadlineMs);
    try {
      const cut = new Promise<never>((_, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason as Error), { once: true }));
      return await Promise.race([call(job.signal), cut]);
    } finally {
      cancel();
      this.calls.delete(job);
    }
  }

  private cutAll(why: 'breaker' | 'shutdown'): void {
    for (const call of this.calls) call.abort(new CutShort(why));
  }
}

/** The flags that tell the member why an LLM grade became an offline one. */
function whyOffline(err: unknown): GradeFlag[] {
  if (err instanceof GraderReplyRejected) return [err.reason === 'unusable' ? 'reply_unusable' : 'evidence_unsupported'];
  if (err instanceof CutShort) return [err.why === 'deadline' ? 'grader_timeout' : 'grader_offline'];
  return [];
}
