import { writeTransaction } from './statements.js';
import { recomputeUserPoints } from './user-points.js';
const toDispute = (r) => ({
    id: r.id,
    answerId: r.answer_id,
    scopeId: r.scope_id,
    channelId: r.channel_id,
    userId: r.user_id,
    reason: r.reason,
    status: r.status,
    oldScore: r.old_score,
    newScore: r.new_score,
    note: r.note,
    resolvedBy: r.resolved_by,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
});
/** Disputes of grades, and their resolution: a new score that flows into points and streaks. */
export class DisputesRepo {
    s;
    resolveTx;
    constructor(s, db) {
        this.s = s;
        this.resolveTx = writeTransaction(db, (id, r) => {
            const d = this.getDispute(id);
            if (!d || d.status !== 'open')
                return null;
            this.s.run('UPDATE grades SET override_score = ?, points = ? WHERE answer_id = ?', r.score, r.points, d.answerId);
            this.s.run("UPDATE disputes SET status = 'resolved', new_score = ?, note = ?, resolved_by = ?, resolved_at = ? WHERE id = ?", r.score, r.note, r.by, r.at, id);
            const a = this.s.one('SELECT user_id, scope_id FROM answers WHERE id = ?', d.answerId);
            recomputeUserPoints(this.s, a.user_id, a.scope_id);
            return this.getDispute(id);
        });
    }
    createDispute(d) {
        const res = this.s.run(`INSERT INTO disputes (answer_id, scope_id, channel_id, user_id, reason, old_score, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(answer_id) DO NOTHING`, d.answerId, d.scopeId, d.channelId, d.userId, d.reason, d.oldScore, d.createdAt);
        return res.changes === 1 ? this.getDispute(Number(res.lastInsertRowid)) : null;
    }
    getDispute(id) {
        const row = this.s.one('SELECT * FROM disputes WHERE id = ?', id);
        return row ? toDispute(row) : null;
    }
    disputeOfAnswer(answerId) {
        const row = this.s.one('SELECT * FROM disputes WHERE answer_id = ?', answerId);
        return row ? toDispute(row) : null;
    }
    openDisputes(scopeId) {
        return this.s.all("SELECT * FROM disputes WHERE scope_id = ? AND status = 'open' ORDER BY created_at, id", scopeId).map(toDispute);
    }
    resolveDispute(id, r) {
        return this.resolveTx(id, r);
    }
}
