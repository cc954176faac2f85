/**
 * What operations (extra admins, the admin log, disputes, reports, duplicate answers, delivery of
 * posts, history and export) need from the store. Kept apart from the game's own Store methods so
 * each stays readable; `Store` extends this interface.
 */
import type { AnswerKind, GradeFlag, Round, RoundStatus } from './model.js';

/** A user, a Discord role or a Slack user group. */
export type AdminKind = 'user' | 'role' | 'group';

/**
 * Someone given admin rights in one server/workspace with `admins add`. `subject` is platform-qualified:
 * `discord:123`, `slack:T1:U1`, `console:alice` (users), `discord-role:456`, `slack-group:S123`
 * (groups): the same strings as `Actor.id` and `Actor.groups`, so a check is a lookup.
 */
export interface AdminEntry {
  scopeId: string;
  subject: string;
  kind: AdminKind;
  addedBy: string;
  addedAt: number;
}

/** One recorded admin action: who did what, when, where. */
export interface AdminAction {
  id: number;
  scopeId: string;
  channelId: string;
  actorId: string;
  actorName: string;
  /** The verb, e.g. `schedule`, `settings`, `admins`, `resolve`. */
  action: string;
  detail: string;
  at: number;
}

export type NewAdminAction = Omit<AdminAction, 'id'>;

export interface Dispute {
  id: number;
  answerId: number;
  scopeId: string;
  channelId: string;
  userId: string;
  reason: string;
  status: 'open' | 'resolved';
  /** The score in effect when the member disputed it. */
  oldScore: number;
  newScore: number | null;
  note: string | null;
  resolvedBy: string | null;
  createdAt: number;
  resolvedAt: number | null;
}

export type NewDispute = Pick<Dispute, 'answerId' | 'scopeId' | 'channelId' | 'userId' | 'reason' | 'oldScore' | 'createdAt'>;

export interface Resolution {
  score: number;
  /** Points the answer earns with the new score (the core applies the hint cap). */
  points: number;
  by: string;
  at: number;
  note: string | null;
}

/** A member's report that a question's reference answer is wrong. */
export interface QuestionReport {
  id: number;
  scopeId: string;
  channelId: string;
  questionId: string;
  roundId: number | null;
  userId: string;
  reason: string;
  createdAt: number;
}

/** One of a member's own answers with its grade, for `history`. */
export interface HistoryEntry {
  answerId: number;
  kind: AnswerKind;
  channelId: string;
  questionId: string;
  roundId: number | null;
  roundStatus: RoundStatus | null;
  createdAt: number;
  /** The score in effect (an admin's override, else the grader's); null while not graded. */
  score: number | null;
  /** The grader's own score, when an admin changed it. */
  gradedScore: number | null;
  /** Leaderboard points it earned: 0 for practice, later answers and skipped rounds. */
  points: number;
  covered: string[];
  missed: string[];
  grader: string | null;
  flags: GradeFlag[];
}

/** One scoring answer as `export` writes it; never the answer's text. */
export interface ExportRow {
  userId: string;
  name: string;
  privacy: boolean;
  channelId: string;
  roundDate: string;
  questionId: string;
  score: number;
  points: number;
  grader: string;
  gradedAt: number;
}

export interface OperationsStore {
  // admins and the admin log
  /** False when the subject is already an admin of the scope. */
  addAdmin(entry: AdminEntry): boolean;
  /** False when the subject was not an admin of the scope. */
  removeAdmin(scopeId: string, subject: string): boolean;
  listAdmins(scopeId: string): AdminEntry[];
  /** Whether any of these subjects (a user id and its groups) was made admin of the scope. */
  isListedAdmin(scopeId: string, subjects: readonly string[]): boolean;
  recordAction(action: NewAdminAction): void;
  /** The scope's latest actions, newest first. */
  recentActions(scopeId: string, limit: number): AdminAction[];

  // delivery of round posts
  /** Open rounds whose post has not reached the channel yet. */
  undeliveredRounds(): Round[];
  /**
   * Takes the next delivery attempt of a pending round until `leaseUntil`; false when it is not
   * pending, not open, or not due yet (backing off, or another attempt holds it).
   */
  claimDeliveryAttempt(roundId: number, now: number, leaseUntil: number): boolean;
  /** The post reached the channel: stores its reference and ends retries. */
  roundDelivered(roundId: number, ref: string | null): void;
  /** An attempt failed: counts it, keeps the reason and waits until `nextAt` before the next. */
  roundDeliveryFailed(roundId: number, error: string, nextAt: number): void;
  /** Retries gave up; the round stays, undelivered. */
  giveUpDelivery(roundId: number): void;
  /** True only the first time, so admins hear of a failed post once. */
  markDeliveryReported(roundId: number, at: number): boolean;
  /** The channel's latest round, open or closed. */
  latestRound(channelId: string): Round | null;

  // disputes
  /** Null when the answer was already disputed (one dispute per answer). */
  createDispute(d: NewDispute): Dispute | null;
  getDispute(id: number): Dispute | null;
  disputeOfAnswer(answerId: number): Dispute | null;
  openDisputes(scopeId: string): Dispute[];
  /**
   * Sets the answer's override score and points, closes the dispute and rebuilds the member's
   * leaderboard totals, in one transaction. Null when the dispute is not open.
   */
  resolveDispute(id: number, r: Resolution): Dispute | null;

  // reports and duplicates
  /** Null when this user already reported this question in this scope. */
  createReport(r: Omit<QuestionReport, 'id'>): QuestionReport | null;
  /** Other users' earlier answers in the round with the same normalised text. */
  sameAnswerInRound(roundId: number, normHash: string, userId: string, beforeAnswerId: number): { userId: string; answerId: number }[];
  /** Records a pair of users with the same answer in a round; true only the first time. */
  recordDuplicate(roundId: number, userA: string, userB: string, answerId: number, at: number): boolean;

  // history and export
  /** The user's latest answers in the scope, newest first. */
  answerHistory(userId: string, scopeId: string, limit: number): HistoryEntry[];
  /** Every graded scoring answer of the scope's rounds, oldest first. */
  exportRows(scopeId: string): ExportRow[];
}

/**
 * How long one delivery attempt of a round's post may take before another attempt may start (a send
 * waiting in a rate-limited queue included). A crash mid-send leaves the round pending; it is retried
 * once this has passed.
 */
export const DELIVERY_LEASE_MS = 10 * 60_000;
