const json = (text, empty) => (text ? JSON.parse(text) : empty);
/** Reports of wrong reference answers, duplicate-answer pairs, a member's history, the scope's export. */
export class RecordsRepo {
    s;
    constructor(s) {
        this.s = s;
    }
    createReport(r) {
        const res = this.s.run(`INSERT INTO question_reports (scope_id, channel_id, question_id, round_id, user_id, reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, r.scopeId, r.channelId, r.questionId, r.roundId, r.userId, r.reason, r.createdAt);
        return res.changes === 1 ? { id: Number(res.lastInsertRowid), ...r } : null;
    }
    sameAnswerInRound(roundId, normHash, userId, beforeAnswerId) {
        return this.s
            .all(`SELECT user_id, MIN(id) AS answer_id FROM answers
         WHERE round_id = ? AND norm_hash = ? AND user_id <> ? AND id < ? GROUP BY user_id ORDER BY answer_id`, roundId, normHash, userId, beforeAnswerId)
            .map((r) => ({ userId: r.user_id, answerId: r.answer_id }));
    }
    recordDuplicate(roundId, userA, userB, answerId, at) {
        const [a, b] = userA < userB ? [userA, userB] : [userB, userA];
        return (this.s.run('INSERT INTO duplicate_answers (round_id, user_a, user_b, answer_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', roundId, a, b, answerId, at).changes === 1);
    }
    answerHistory(userId, scopeId, limit) {
        return this.s
            .all(`SELECT a.id, a.kind, a.channel_id, a.question_id, a.round_id, r.status AS round_status, a.created_at, a.counts,
           g.score, g.override_score, g.points, g.covered, g.missed, g.grader, g.flags
         FROM answers a LEFT JOIN grades g ON g.answer_id = a.id LEFT JOIN rounds r ON r.id = a.round_id
         WHERE a.user_id = ? AND a.scope_id = ? ORDER BY a.created_at DESC, a.id DESC LIMIT ?`, userId, scopeId, limit)
            .map((r) => ({
            answerId: r.id,
            kind: r.kind,
            channelId: r.channel_id,
            questionId: r.question_id,
            roundId: r.round_id,
            roundStatus: r.round_status,
            createdAt: r.created_at,
            score: r.score === null ? null : (r.override_score ?? r.score),
            gradedScore: r.override_score === null ? null : r.score,
            points: r.counts === 1 && r.round_status !== 'skipped' ? (r.points ?? 0) : 0,
            covered: json(r.covered, []),
            missed: json(r.missed, []),
            grader: r.grader,
            flags: json(r.flags, []),
        }));
    }
    exportRows(scopeId) {
        return this.s
            .all(`SELECT a.user_id, u.name, u.privacy, a.channel_id, r.local_date, a.question_id,
           COALESCE(g.override_score, g.score) AS score,
           CASE WHEN r.status = 'skipped' THEN 0 ELSE g.points END AS points, g.grader, g.graded_at
         FROM answers a JOIN grades g ON g.answer_id = a.id JOIN rounds r ON r.id = a.round_id JOIN users u ON u.id = a.user_id
         WHERE a.scope_id = ? AND a.counts = 1
         ORDER BY r.local_date, a.channel_id, a.created_at, a.id`, scopeId)
            .map((r) => ({
            userId: r.user_id,
            name: r.name,
            privacy: r.privacy === 1,
            channelId: r.channel_id,
            roundDate: r.local_date,
            questionId: r.question_id,
            score: r.score,
            points: r.points,
            grader: r.grader,
            gradedAt: r.graded_at,
        }));
    }
}
