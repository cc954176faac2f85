import { EARNS_POINTS } from './user-points.js';
const EFFECTIVE = 'COALESCE(g.override_score, g.score)';
/** Read-only figures: leaderboards, totals, round results. */
export class FiguresRepo {
    s;
    constructor(s) {
        this.s = s;
    }
    leaderboard(scopeId, channelId, periodKey, limit) {
        const rows = this.s.all(`SELECT up.user_id, u.name, u.privacy, up.points, up.answers
       FROM user_points up JOIN users u ON u.id = up.user_id
       WHERE up.scope_id = ? AND up.channel_id = ? AND up.period_key = ?
       ORDER BY up.points DESC, up.user_id LIMIT ?`, scopeId, channelId ?? '', periodKey, limit);
        const entries = [];
        rows.forEach((r, i) => {
            const prev = entries[i - 1];
            const rank = prev && prev.points === r.points ? prev.rank : i + 1;
            entries.push({ rank, userId: r.user_id, name: r.name, privacy: r.privacy === 1, points: r.points, answers: r.answers });
        });
        return entries;
    }
    rankOf(userId, scopeId, channelId, periodKey) {
        const ch = channelId ?? '';
        const row = this.s.one(`SELECT up.user_id, u.name, u.privacy, up.points, up.answers
       FROM user_points up JOIN users u ON u.id = up.user_id
       WHERE up.scope_id = ? AND up.channel_id = ? AND up.period_key = ? AND up.user_id = ?`, scopeId, ch, periodKey, userId);
        if (!row)
            return null;
        const above = this.s.one('SELECT COUNT(*) AS n FROM user_points WHERE scope_id = ? AND channel_id = ? AND period_key = ? AND points > ?', scopeId, ch, periodKey, row.points).n;
        return { rank: above + 1, userId, name: row.name, privacy: row.privacy === 1, points: row.points, answers: row.answers };
    }
    userTotals(userId, scopeId) {
        const r = this.s.one(`SELECT
         SUM(CASE WHEN ${EARNS_POINTS} THEN g.points ELSE 0 END) AS points,
         SUM(CASE WHEN ${EARNS_POINTS} THEN 1 ELSE 0 END) AS answers,
         COUNT(*) AS graded,
         SUM(${EFFECTIVE}) AS scoreSum,
         SUM(a.kind = 'practice') AS practiceAnswers,
         SUM(CASE WHEN a.kind = 'practice' THEN g.points ELSE 0 END) AS practicePoints,
         SUM(a.hinted) AS hintedAnswers
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.scope_id = ?`, userId, scopeId);
        return {
            points: r.points ?? 0,
            answers: r.answers ?? 0,
            graded: r.graded ?? 0,
            scoreSum: r.scoreSum ?? 0,
            practiceAnswers: r.practiceAnswers ?? 0,
            practicePoints: r.practicePoints ?? 0,
            hintedAnswers: r.hintedAnswers ?? 0,
        };
    }
    topicAverages(userId, scopeId) {
        return this.s.all(`SELECT a.question_id AS questionId, AVG(${EFFECTIVE}) AS average, COUNT(*) AS answers
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.scope_id = ? GROUP BY a.question_id`, userId, scopeId);
    }
    roundResults(roundId) {
        return this.s
            .all(`SELECT a.user_id, u.name, u.privacy, ${EFFECTIVE} AS score, a.created_at
         FROM answers a JOIN grades g ON g.answer_id = a.id JOIN users u ON u.id = a.user_id
         WHERE a.round_id = ? AND a.counts = 1 ORDER BY score DESC, a.created_at, a.id`, roundId)
            .map((r) => ({ userId: r.user_id, name: r.name, privacy: r.privacy === 1, score: r.score, answeredAt: r.created_at }));
    }
    userStreakScores(userId, channelId) {
        const rows = this.s.all(`SELECT a.round_id, ${EFFECTIVE} AS score FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.channel_id = ? AND a.counts = 1`, userId, channelId);
        return new Map(rows.map((r) => [r.round_id, r.score]));
    }
    latestRoundChannel(userId, scopeId) {
        const row = this.s.one('SELECT channel_id FROM answers WHERE user_id = ? AND scope_id = ? AND round_id IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1', userId, scopeId);
        return row?.channel_id ?? null;
    }
}
