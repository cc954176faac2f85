import type { Answer, GradeResult, StoredGrade } from '../model.js';

/** An answer about to be stored: the store decides its id and whether it counts. */
export interface NewAnswer extends Omit<Answer, 'id' | 'counts'> {
  normHash: string;
  practiceId: number | null;
  /** Local date of the period the points belong to (the round's date, or today in the channel's zone). */
  localDate: string;
  weekKey: string;
  monthKey: string;
  /** The author's display name: recorded, or updated, in the same write as the answer. */
  userName?: string;
  /**
   * The platform delivery that carried the answer, remembered in the same write until `expiresAt`:
   * the same delivery again returns the answer it stored instead of storing a second one.
   */
  delivery?: { id: string; expiresAt: number };
  /**
   * The process that took the answer, which holds its pending job under this lease: only it (it holds
   * the member's interaction to reply through) claims the job while it renews, another process once
   * the lease has run out (it died). Without, any process may claim the job at once.
   */
  queuedBy?: JobLease;
}

/** What storing an answer did: `repeated` when its delivery had stored it already (nothing new). */
export interface StoredAnswer {
  answer: Answer;
  jobId: number;
  repeated: boolean;
}

/** A running job's hold: the process that grades it and until when, renewed while it works. */
export interface JobLease {
  owner: string;
  until: number;
}

/** One answer waiting for its grade. */
export interface GradingJob {
  id: number;
  answerId: number;
  attempts: number;
  createdAt: number;
  notBefore: number;
}

/**
 * Answers, their grading jobs and their grades. An answer is stored with its job in one
 * transaction before it is acknowledged, and a grade is stored with its points in one transaction
 * that also finishes the job, so a crash at any moment loses no answer and scores none twice.
 * The grading jobs are the queue itself: the worker claims due jobs from here, each under a lease
 * its process renews, so a second process never grades a job whose owner is alive, and takes over
 * a crashed owner's jobs once their lease has run out.
 */
export interface AnswerStore {
  /**
   * Stores the answer and its pending grading job in one transaction, with its delivery when
   * given; a delivery that stored an answer already gets that answer back, `repeated`.
   */
  insertAnswer(a: NewAnswer): StoredAnswer;
  getAnswer(id: number): Answer | null;
  /** Creation instants of the user's answers after `since`, oldest first (for the hourly limit). */
  answerTimesSince(userId: string, since: number): number[];
  hasAnsweredRound(userId: string, roundId: number): boolean;
  /** The scopes (servers, workspaces, a member's own space) the member has answered in. */
  answeredScopes(userId: string): string[];
  /** Members who answered the round (the live count on its post). */
  roundAnswerCount(roundId: number): number;

  /**
   * The next due job, now running under `lease`: a pending job (one queued by another process only
   * once that process's lease on it has run out), or a running one whose lease has run out (its
   * process died). Null when none is due.
   */
  claimNextJob(now: number, lease: JobLease): GradingJob | null;
  /** Extends the lease of every job `lease.owner` runs or queued; returns how many it holds. */
  renewJobs(lease: JobLease): number;
  /** Running jobs of other owners whose lease is still live at `now` (for the start-up log). */
  jobsHeldByOthers(owner: string, now: number): number;
  /** Puts the owner's running job back to pending until `notBefore`, keeping the reason. */
  deferJob(jobId: number, owner: string, notBefore: number, error: string): void;
  /** Jobs not done yet: pending, or running in any process. */
  pendingJobCount(): number;
  /**
   * Next instant a job becomes claimable by `owner`: a pending job's due time (for a job another
   * process queued, not before its lease ends), or the end of another owner's lease. Null when
   * there is none.
   */
  nextJobDue(owner: string): number | null;
  /**
   * Stores the grade with the points the core computed, marks the job done and brings the
   * leaderboard totals up to date, all in one transaction. A job already done is left alone (null).
   */
  completeJob(jobId: number, grade: GradeResult, points: number, gradedAt: number): StoredGrade | null;
  getGrade(answerId: number): StoredGrade | null;

  /** A grade given earlier to the same normalised answer by the same grader version, or null. */
  findCachedGrade(questionId: string, normHash: string, grader: string, version: string): GradeResult | null;
  saveCachedGrade(questionId: string, normHash: string, grader: string, version: string, grade: GradeResult): void;
}
