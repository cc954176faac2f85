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
 * The grading jobs are the queue itself: the worker claims due jobs from here.
 */
export interface AnswerStore {
  /** Stores the answer and its pending grading job in one transaction. */
  insertAnswer(a: NewAnswer): { answer: Answer; jobId: number };
  getAnswer(id: number): Answer | null;
  /** Creation instants of the user's answers after `since`, oldest first (for the hourly limit). */
  answerTimesSince(userId: string, since: number): number[];
  hasAnsweredRound(userId: string, roundId: number): boolean;
  /** Members who answered the round (the live count on its post). */
  roundAnswerCount(roundId: number): number;

  /** The next due pending job, now marked running; null when none is due. */
  claimNextJob(now: number): GradingJob | null;
  /** Jobs left running by a crash go back to pending; returns how many. */
  resetRunningJobs(): number;
  /** Puts a job back to pending until `notBefore`, counting the attempt and keeping the reason. */
  deferJob(jobId: number, notBefore: number, error: string): void;
  pendingJobCount(): number;
  /** Next instant a pending job becomes due, or null. */
  nextJobDue(): number | null;
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
