import type { Statements } from './statements.js';

/**
 * Rebuilds one user's leaderboard totals in one scope from their scoring answers: per channel and
 * scope-wide (channel ''), for 'all', each ISO week and each month. Derived, so a dispute or a
 * re-grade only has to call this again. Runs inside the caller's transaction.
 */
export function recomputeUserPoints(s: Statements, userId: string, scopeId: string): void {
  s.run('DELETE FROM user_points WHERE scope_id = ? AND user_id = ?', scopeId, userId);
  s.run(
    `WITH mine AS (
       SELECT a.channel_id, a.week_key, a.month_key, g.points
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = @user AND a.scope_id = @scope AND a.counts = 1
     ), expanded AS (
       SELECT channel_id AS ch, 'all' AS pk, points FROM mine
       UNION ALL SELECT channel_id, week_key, points FROM mine
       UNION ALL SELECT channel_id, month_key, points FROM mine
       UNION ALL SELECT '', 'all', points FROM mine
       UNION ALL SELECT '', week_key, points FROM mine
       UNION ALL SELECT '', month_key, points FROM mine
     )
     INSERT INTO user_points (scope_id, channel_id, period_key, user_id, points, answers)
     SELECT @scope, ch, pk, @user, SUM(points), COUNT(*) FROM expanded GROUP BY ch, pk`,
    { user: userId, scope: scopeId },
  );
}
