import type { LeaderboardEntry } from '../core/model.js';
import type { FigureStore, RoundResult, UserTotals } from '../core/stores/figure-store.js';
import type { Statements } from './statements.js';
import { EARNS_POINTS } from './user-points.js';

interface BoardRow {
  user_id: string;
  name: string;
  privacy: number;
  points: number;
  answers: number;
}

const EFFECTIVE = 'COALESCE(g.override_score, g.score)';

/** Read-only figures: leaderboards, totals, round results. */
export class FiguresRepo implements FigureStore {
  constructor(private readonly s: Statements) {}

  leaderboard(scopeId: string, channelId: string | null, periodKey: string, limit: number): LeaderboardEntry[] {
    const rows = this.s.all<BoardRow>(
      `SELECT up.user_id, u.name, u.privacy, up.points, up.answers
       FROM user_points up JOIN users u ON u.id = up.user_id
       WHERE up.scope_id = ? AND up.channel_id = ? AND up.period_key = ?
       ORDER BY up.points DESC, up.user_id LIMIT ?`,
      scopeId, channelId ?? '', periodKey, limit,
    );
    const entries: LeaderboardEntry[] = [];
    rows.forEach((r, i) => {
      const prev = entries[i - 1];
      const rank = prev && prev.points === r.points ? prev.rank : i + 1;
      entries.push({ rank, userId: r.user_id, name: r.name, privacy: r.privacy === 1, points: r.points, answers: r.answers });
    });
    return entries;
  }

  rankOf(userId: string, scopeId: string, channelId: string | null, periodKey: string): LeaderboardEntry | null {
    const ch = channelId ?? '';
    const row = this.s.one<BoardRow>(
      `SELECT up.user_id, u.name, u.privacy, up.points, up.answers
       FROM user_points up JOIN users u ON u.id = up.user_id
       WHERE up.scope_id = ? AND up.channel_id = ? AND up.period_key = ? AND up.user_id = ?`,
      scopeId, ch, periodKey, userId,
    );
    if (!row) return null;
    const above = this.s.one<{ n: number }>(
      'SELECT COUNT(*) AS n FROM user_points WHERE scope_id = ? AND channel_id = ? AND period_key = ? AND points > ?',
      scopeId, ch, periodKey, row.points,
    )!.n;
    return { rank: above + 1, userId, name: row.name, privacy: row.privacy === 1, points: row.points, answers: row.answers };
  }

  userTotals(userId: string, scopeId: string): UserTotals {
    const r = this.s.one<Record<keyof UserTotals, number | null>>(
      `SELECT
         SUM(CASE WHEN ${EARNS_POINTS} THEN g.points ELSE 0 END) AS points,
         SUM(CASE WHEN ${EARNS_POINTS} THEN 1 ELSE 0 END) AS answers,
         SUM(CASE WHEN ${EARNS_POINTS} THEN ${EFFECTIVE} ELSE 0 END) AS dailyScoreSum,
         SUM(a.kind = 'practice') AS practiceAnswers,
         SUM(CASE WHEN a.kind = 'practice' THEN ${EFFECTIVE} ELSE 0 END) AS practiceScoreSum,
         SUM(CASE WHEN a.kind = 'practice' THEN g.points ELSE 0 END) AS practicePoints,
         SUM(a.hinted) AS hintedAnswers
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.scope_id = ?`,
      userId, scopeId,
    )!;
    return {
      points: r.points ?? 0,
      answers: r.answers ?? 0,
      dailyScoreSum: r.dailyScoreSum ?? 0,
      practiceAnswers: r.practiceAnswers ?? 0,
      practiceScoreSum: r.practiceScoreSum ?? 0,
      practicePoints: r.practicePoints ?? 0,
      hintedAnswers: r.hintedAnswers ?? 0,
    };
  }

  topicAverages(userId: string, scopeId: string): { questionId: string; average: number; answers: number }[] {
    return this.s.all(
      `SELECT a.question_id AS questionId, AVG(${EFFECTIVE}) AS average, COUNT(*) AS answers
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.scope_id = ? GROUP BY a.question_id`,
      userId, scopeId,
    );
  }

  roundResults(roundId: number): RoundResult[] {
    return this.s
      .all<{ user_id: string; name: string; privacy: number; score: number; created_at: number }>(
        `SELECT a.user_id, u.name, u.privacy, ${EFFECTIVE} AS score, a.created_at
         FROM answers a JOIN grades g ON g.answer_id = a.id JOIN users u ON u.id = a.user_id
         WHERE a.round_id = ? AND a.counts = 1 ORDER BY score DESC, a.created_at, a.id`,
        roundId,
      )
      .map((r) => ({ userId: r.user_id, name: r.name, privacy: r.privacy === 1, score: r.score, answeredAt: r.created_at }));
  }

  userStreakScores(userId: string, channelId: string): Map<number, number> {
    const rows = this.s.all<{ round_id: number; score: number }>(
      `SELECT a.round_id, ${EFFECTIVE} AS score FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.channel_id = ? AND a.counts = 1`,
      userId, channelId,
    );
    return new Map(rows.map((r) => [r.round_id, r.score]));
  }

  latestRoundChannel(userId: string, scopeId: string): string | null {
    const row = this.s.one<{ channel_id: string }>(
      'SELECT channel_id FROM answers WHERE user_id = ? AND scope_id = ? AND round_id IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1',
      userId,
      scopeId,
    );
    return row?.channel_id ?? null;
  }
}
