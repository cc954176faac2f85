import type { AnswerKind, GradeFlag, RoundStatus } from '../model.js';

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

/**
 * Records kept for members and admins rather than for the game: reports of wrong reference
 * answers, pairs of members who sent the same answer in a round (told to the admins once), a
 * member's own history, and the scope's export. Each "true only the first time" method lets the
 * core notify once however often the same thing is seen.
 */
export interface RecordStore {
  /** Null when this user already reported this question in this scope. */
  createReport(r: Omit<QuestionReport, 'id'>): QuestionReport | null;
  /** Other users' earlier answers in the round with the same normalised text. */
  sameAnswerInRound(roundId: number, normHash: string, userId: string, beforeAnswerId: number): { userId: string; answerId: number }[];
  /** Records a pair of users with the same answer in a round; true only the first time. */
  recordDuplicate(roundId: number, userA: string, userB: string, answerId: number, at: number): boolean;
  /** The user's latest answers in the scope, newest first. */
  answerHistory(userId: string, scopeId: string, limit: number): HistoryEntry[];
  /** Every graded scoring answer of the scope's rounds, oldest first. */
  exportRows(scopeId: string): ExportRow[];
}
