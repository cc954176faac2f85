const toPrompt = (r) => ({
    id: r.id,
    userId: r.user_id,
    scopeId: r.scope_id,
    channelId: r.channel_id,
    questionId: r.question_id,
    shownAt: r.shown_at,
    answeredAt: r.answered_at,
    hinted: r.hinted === 1,
});
/** Practice questions shown to a person, hints taken, and the review history behind spaced repetition. */
export class PracticeRepo {
    s;
    constructor(s) {
        this.s = s;
    }
    createPracticePrompt(p) {
        const res = this.s.run('INSERT INTO practice_prompts (user_id, scope_id, channel_id, question_id, shown_at) VALUES (?, ?, ?, ?, ?)', p.userId, p.scopeId, p.channelId, p.questionId, p.shownAt);
        return this.getPracticePrompt(Number(res.lastInsertRowid));
    }
    latestOpenPractice(userId, scopeId) {
        const row = this.s.one(`SELECT * FROM practice_prompts WHERE user_id = ? AND scope_id = ? AND answered_at IS NULL
       ORDER BY shown_at DESC, id DESC LIMIT 1`, userId, scopeId);
        return row ? toPrompt(row) : null;
    }
    getPracticePrompt(id) {
        const row = this.s.one('SELECT * FROM practice_prompts WHERE id = ?', id);
        return row ? toPrompt(row) : null;
    }
    markPracticeHinted(id) {
        this.s.run('UPDATE practice_prompts SET hinted = 1 WHERE id = ?', id);
    }
    markRoundHinted(userId, roundId) {
        this.s.run('INSERT INTO round_hints (round_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', roundId, userId, Date.now());
    }
    hasHintedRound(userId, roundId) {
        return !!this.s.one('SELECT 1 FROM round_hints WHERE round_id = ? AND user_id = ?', roundId, userId);
    }
    reviewHistory(userId, scopeId) {
        return this.s.all(`SELECT a.question_id AS questionId, COALESCE(g.override_score, g.score) AS score, g.graded_at AS at
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.scope_id = ? ORDER BY g.graded_at, a.id`, userId, scopeId);
    }
}
