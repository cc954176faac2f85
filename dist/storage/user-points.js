/**
 * SQL condition on answer `a`: it earns leaderboard points (the first answer of a round, and that
 * round was not skipped).
 */
export const EARNS_POINTS = "a.counts = 1 AND NOT EXISTS (SELECT 1 FROM rounds sr WHERE sr.id = a.round_id AND sr.status = 'skipped')";
/**
 * Rebuilds one user's leaderboard totals in one scope from their scoring answers: per channel and
 * scope-wide (channel ''), for 'all', each ISO week and each month. Derived, so a dispute or a
 * re-grade only has to call this again. Answers of skipped rounds earn nothing. Runs inside the
 * caller's transaction.
 */
export function recomputeUserPoints(s, userId, scopeId) {
    s.run('DELETE FROM user_points WHERE scope_id = ? AND user_id = ?', scopeId, userId);
    s.run(`WITH mine AS (
       SELECT a.channel_id, a.week_key, a.month_key, g.points
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = @user AND a.scope_id = @scope AND ${EARNS_POINTS}
     ), expanded AS (
       SELECT channel_id AS ch, 'all' AS pk, points FROM mine
       UNION ALL SELECT channel_id, week_key, points FROM mine
       UNION ALL SELECT channel_id, month_key, points FROM mine
       UNION ALL SELECT '', 'all', points FROM mine
       UNION ALL SELECT '', week_key, points FROM mine
       UNION ALL SELECT '', month_key, points FROM mine
     )
     INSERT INTO user_points (scope_id, channel_id, period_key, user_id, points, answers)
     SELECT @scope, ch, pk, @user, SUM(points), COUNT(*) FROM expanded GROUP BY ch, pk`, { user: userId, scope: scopeId });
}
/**
 * Adds one newly graded scoring answer to its user's totals: six upserts (channel and scope, for
 * 'all', its week and its month) instead of a rebuild, since a new grade only ever adds.
 */
export function addUserPoints(s, answerId, points) {
    const a = s.one(`SELECT scope_id, channel_id, user_id, week_key, month_key FROM answers a WHERE a.id = ? AND ${EARNS_POINTS}`, answerId);
    if (!a)
        return; // not a scoring answer, or its round was skipped before it was graded
    s.run(`INSERT INTO user_points (scope_id, channel_id, period_key, user_id, points, answers) VALUES
       (@scope, @channel, 'all', @user, @points, 1), (@scope, @channel, @week, @user, @points, 1),
       (@scope, @channel, @month, @user, @points, 1), (@scope, '', 'all', @user, @points, 1),
       (@scope, '', @week, @user, @points, 1), (@scope, '', @month, @user, @points, 1)
     ON CONFLICT (scope_id, channel_id, period_key, user_id)
     DO UPDATE SET points = points + excluded.points, answers = answers + 1`, { scope: a.scope_id, channel: a.channel_id, user: a.user_id, week: a.week_key, month: a.month_key, points });
}
