import type { LeaderboardEntry } from '../model.js';

/** One member's result in a round, best first. */
export interface RoundResult {
  userId: string;
  name: string;
  privacy: boolean;
  score: number;
  answeredAt: number;
}

export interface UserTotals {
  /** Leaderboard points: the scoring answers of rounds. */
  points: number;
  /** Scoring answers of rounds that have been graded, and the sum of their scores. */
  answers: number;
  dailyScoreSum: number;
  /** Graded practice answers, and the sum of their scores. */
  practiceAnswers: number;
  practiceScoreSum: number;
  practicePoints: number;
  hintedAnswers: number;
}

/**
 * The figures members read: leaderboards, ranks, totals, averages, round results. Read-only; the
 * totals behind leaderboards are kept up to date by the writes that change them (a grade, a
 * resolved dispute), so reading a board of 100,000 members never adds up their answers.
 * `periodKey` is `all`, an ISO week (`2026-W48`) or a month (`2026-11`).
 */
export interface FigureStore {
  leaderboard(scopeId: string, channelId: string | null, periodKey: string, limit: number): LeaderboardEntry[];
  rankOf(userId: string, scopeId: string, channelId: string | null, periodKey: string): LeaderboardEntry | null;
  userTotals(userId: string, scopeId: string): UserTotals;
  /** The member's average score per question in the scope (the core groups them by topic). */
  topicAverages(userId: string, scopeId: string): { questionId: string; average: number; answers: number }[];
  roundResults(roundId: number): RoundResult[];
  /** The member's score in each round of the channel, by round id (for streaks). */
  userStreakScores(userId: string, channelId: string): Map<number, number>;
  /** The channel of the user's latest answer to a round in this scope, or null. */
  latestRoundChannel(userId: string, scopeId: string): string | null;
}
