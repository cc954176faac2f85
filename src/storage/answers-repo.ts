import type Database from 'better-sqlite3';
import type { Answer, GradeResult, StoredGrade } from '../core/model.js';
import type { AnswerStore, GradingJob, JobLease, NewAnswer, StoredAnswer } from '../core/stores/answer-store.js';
import { recordUser } from './channels-repo.js';
import { answerOfDelivery, recordDelivery } from './deliveries-repo.js';
import { gradeColumns, toAnswer, toGrade, type AnswerRow, type GradeRow } from './rows.js';
import { type Statements, writeTransaction } from './statements.js';
import { addUserPoints } from './user-points.js';

interface JobRow {
  id: number;
  answer_id: number;
  attempts: number;
  created_at: number;
  not_before: number;
}

const toJob = (r: JobRow): GradingJob => ({
  id: r.id,
  answerId: r.answer_id,
  attempts: r.attempts,
  createdAt: r.created_at,
  notBefore: r.not_before,
});

/** Answers, their grading jobs and their grades. */
export class AnswersRepo implements AnswerStore {
  private readonly insertTx: (a: NewAnswer) => StoredAnswer;
  private readonly completeTx: (jobId: number, grade: GradeResult, points: number, at: number) => StoredGrade | null;

  constructor(
    private readonly s: Statements,
    db: Database.Database,
  ) {
    this.insertTx = writeTransaction(db, (a: NewAnswer): StoredAnswer => {
      // The same delivery again (a retry, a replay, another process): the answer it stored, not a second one.
      const earlier = a.delivery ? answerOfDelivery(this.s, a.delivery.id, a.createdAt) : null;
      if (earlier !== null) {
        const job = this.s.one<{ id: number }>('SELECT id FROM grading_jobs WHERE answer_id = ?', earlier);
        return { answer: this.getAnswer(earlier)!, jobId: job?.id ?? 0, repeated: true };
      }
      if (a.userName !== undefined) recordUser(this.s, a.userId, a.userName);
      let kind = a.kind;
      if (kind === 'daily' && (a.roundId === null || this.hasCountingAnswer(a.userId, a.roundId))) kind = 'practice';
      const res = this.s.run(
        `INSERT INTO answers (user_id, scope_id, channel_id, question_id, round_id, practice_id, follow_up_id, kind, counts, hinted,
           text, norm_hash, reply_route, local_date, week_key, month_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        a.userId, a.scopeId, a.channelId, a.questionId, a.roundId, a.practiceId, a.followUpId ?? null, kind, kind === 'daily' ? 1 : 0,
        a.hinted ? 1 : 0, a.text, a.normHash, a.replyRoute, a.localDate, a.weekKey, a.monthKey, a.createdAt,
      );
      const answerId = Number(res.lastInsertRowid);
      if (a.practiceId !== null) {
        this.s.run('UPDATE practice_prompts SET answered_at = ? WHERE id = ? AND answered_at IS NULL', a.createdAt, a.practiceId);
      }
      if (a.followUpId != null) {
        this.s.run("UPDATE follow_ups SET status = 'answered', closed_at = ? WHERE id = ? AND status = 'open'", a.createdAt, a.followUpId);
      }
      const job = this.s.run(
        'INSERT INTO grading_jobs (answer_id, not_before, owner, lease_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        answerId, a.createdAt, a.queuedBy?.owner ?? null, a.queuedBy?.until ?? null, a.createdAt, a.createdAt,
      );
      if (a.delivery) recordDelivery(this.s, a.delivery.id, answerId, a.createdAt, a.delivery.expiresAt);
      return { answer: this.getAnswer(answerId)!, jobId: Number(job.lastInsertRowid), repeated: false };
    });

    this.completeTx = writeTransaction(db, (jobId: number, grade: GradeResult, points: number, at: number) => {
      const job = this.s.one<{ answer_id: number }>("SELECT answer_id FROM grading_jobs WHERE id = ? AND status <> 'done'", jobId);
      if (!job) return null;
      if (this.getGrade(job.answer_id)) {
        this.s.run("UPDATE grading_jobs SET status = 'done', updated_at = ? WHERE id = ?", at, jobId);
        return null;
      }
      const c = gradeColumns(grade);
      this.s.run(
        `INSERT INTO grades (answer_id, score, points, covered, partly, missed, feedback, grader, flags, graded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        job.answer_id, c.score, points, c.covered, c.partly, c.missed, c.feedback, c.grader, c.flags, at,
      );
      this.s.run("UPDATE grading_jobs SET status = 'done', last_error = NULL, lease_until = NULL, updated_at = ? WHERE id = ?", at, jobId);
      const answer = this.getAnswer(job.answer_id)!;
      if (answer.counts) addUserPoints(this.s, answer.id, points);
      return this.getGrade(job.answer_id);
    });
  }

  private hasCountingAnswer(userId: string, roundId: number): boolean {
    return !!this.s.one('SELECT 1 FROM answers WHERE round_id = ? AND user_id = ? AND counts = 1', roundId, userId);
  }

  insertAnswer(a: NewAnswer): StoredAnswer {
    return this.insertTx(a);
  }

  getAnswer(id: number): Answer | null {
    const row = this.s.one<AnswerRow>('SELECT * FROM answers WHERE id = ?', id);
    return row ? toAnswer(row) : null;
  }

  answerTimesSince(userId: string, since: number): number[] {
    return this.s
      .all<{ t: number }>('SELECT created_at AS t FROM answers WHERE user_id = ? AND created_at > ? ORDER BY created_at', userId, since)
      .map((r) => r.t);
  }

  answeredScopes(userId: string): string[] {
    return this.s.all<{ scope_id: string }>('SELECT DISTINCT scope_id FROM answers WHERE user_id = ?', userId).map((r) => r.scope_id);
  }

  hasAnsweredRound(userId: string, roundId: number): boolean {
    return !!this.s.one('SELECT 1 FROM answers WHERE round_id = ? AND user_id = ? LIMIT 1', roundId, userId);
  }

  /**
   * Members who answered the round while it was open: their scoring answers, one per member by the
   * `answers_one_scoring` index, which this counts without reading a row (the live count is
   * refreshed all through a busy round, so it must stay cheap in a round of thousands).
   */
  roundAnswerCount(roundId: number): number {
    return this.s.one<{ n: number }>('SELECT COUNT(*) AS n FROM answers WHERE round_id = ? AND counts = 1', roundId)!.n;
  }

  /**
   * Each UPDATE picks and takes a job in one statement, so two processes cannot both have it: first a
   * running job whose owner stopped renewing its lease (it died; NULL: left by a version without
   * leases), then the next due pending job that is nobody's, this process's own, or queued by a
   * process whose lease on it has run out.
   */
  claimNextJob(now: number, lease: JobLease): GradingJob | null {
    const take = (pick: string, ...args: unknown[]) =>
      this.s.one<JobRow>(
        `UPDATE grading_jobs SET status = 'running', owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = (${pick}) RETURNING id, answer_id, attempts, created_at, not_before`,
        lease.owner, lease.until, now, ...args,
      );
    const row =
      take("SELECT id FROM grading_jobs WHERE status = 'running' AND COALESCE(lease_until, 0) <= ? ORDER BY lease_until, id LIMIT 1", now) ??
      take(
        `SELECT id FROM grading_jobs WHERE status = 'pending' AND not_before <= ? AND (owner IS NULL OR owner = ? OR COALESCE(lease_until, 0) <= ?)
         ORDER BY not_before, id LIMIT 1`,
        now, lease.owner, now,
      );
    return row ? toJob(row) : null;
  }

  renewJobs(lease: JobLease): number {
    return this.s.run("UPDATE grading_jobs SET lease_until = ? WHERE owner = ? AND status IN ('pending', 'running')", lease.until, lease.owner).changes;
  }

  jobsHeldByOthers(owner: string, now: number): number {
    return this.s.one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM grading_jobs WHERE status = 'running' AND owner IS NOT ? AND lease_until > ?",
      owner, now,
    )!.n;
  }

  deferJob(jobId: number, owner: string, notBefore: number, error: string): void {
    this.s.run(
      `UPDATE grading_jobs SET status = 'pending', owner = NULL, lease_until = NULL, not_before = ?, last_error = ?, updated_at = ?
       WHERE id = ? AND status = 'running' AND owner = ?`,
      notBefore, error, Date.now(), jobId, owner,
    );
  }

  pendingJobCount(): number {
    return this.s.one<{ n: number }>("SELECT COUNT(*) AS n FROM grading_jobs WHERE status <> 'done'")!.n;
  }

  nextJobDue(owner: string): number | null {
    return this.s.one<{ t: number | null }>(
      `SELECT MIN(t) AS t FROM (
         SELECT MIN(CASE WHEN owner IS NULL OR owner = ? THEN not_before ELSE MAX(not_before, COALESCE(lease_until, 0)) END) AS t
           FROM grading_jobs WHERE status = 'pending'
         UNION ALL
         SELECT MIN(COALESCE(lease_until, 0)) FROM grading_jobs WHERE status = 'running' AND owner IS NOT ?)`,
      owner, owner,
    )!.t;
  }

  completeJob(jobId: number, grade: GradeResult, points: number, gradedAt: number): StoredGrade | null {
    return this.completeTx(jobId, grade, points, gradedAt);
  }

  getGrade(answerId: number): StoredGrade | null {
    const row = this.s.one<GradeRow>('SELECT * FROM grades WHERE answer_id = ?', answerId);
    return row ? toGrade(row) : null;
  }

  findCachedGrade(questionId: string, normHash: string, grader: string, version: string): GradeResult | null {
    const row = this.s.one<{ result: string }>(
      'SELECT result FROM grade_cache WHERE question_id = ? AND norm_hash = ? AND grader = ? AND version = ?',
      questionId, normHash, grader, version,
    );
    return row ? (JSON.parse(row.result) as GradeResult) : null;
  }

  saveCachedGrade(questionId: string, normHash: string, grader: string, version: string, grade: GradeResult): void {
    this.s.run(
      `INSERT INTO grade_cache (question_id, norm_hash, grader, version, result, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      questionId, normHash, grader, version, JSON.stringify(grade), Date.now(),
    );
  }
}
