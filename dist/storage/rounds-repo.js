import { DELIVERY_LEASE_MS } from '../core/stores/round-store.js';
import { toRound } from './rows.js';
import { writeTransaction } from './statements.js';
import { recomputeUserPoints } from './user-points.js';
/** Rounds: one question posted to one channel on one local date. */
export class RoundsRepo {
    s;
    closeTx;
    constructor(s) {
        this.s = s;
        this.closeTx = writeTransaction(s.db, (roundId, at, status) => {
            const closed = this.s.run("UPDATE rounds SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'", status, at, roundId).changes === 1;
            // A skipped round earns nothing: its members' totals are rebuilt without it in the same transaction.
            if (closed && status === 'skipped') {
                const users = this.s.all('SELECT DISTINCT user_id, scope_id FROM answers WHERE round_id = ? AND counts = 1', roundId);
                for (const u of users)
                    recomputeUserPoints(this.s, u.user_id, u.scope_id);
            }
            return closed;
        });
    }
    /** Claims the slot; the new round's post is `pending` (held for one attempt) until delivered. */
    claimRound(r) {
        const res = this.s.run(`INSERT INTO rounds (channel_id, scope_id, local_date, question_id, cycle, posted_at, closes_at, delivery, delivery_next_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT(channel_id, local_date) DO NOTHING`, r.channelId, r.scopeId, r.localDate, r.questionId, r.cycle, r.postedAt, r.closesAt, r.postedAt + DELIVERY_LEASE_MS);
        return res.changes === 1 ? this.getRound(Number(res.lastInsertRowid)) : null;
    }
    getRound(id) {
        const row = this.s.one('SELECT * FROM rounds WHERE id = ?', id);
        return row ? toRound(row) : null;
    }
    getRoundByDate(channelId, localDate) {
        const row = this.s.one('SELECT * FROM rounds WHERE channel_id = ? AND local_date = ?', channelId, localDate);
        return row ? toRound(row) : null;
    }
    getOpenRound(channelId) {
        const row = this.s.one("SELECT * FROM rounds WHERE channel_id = ? AND status = 'open' ORDER BY posted_at DESC LIMIT 1", channelId);
        return row ? toRound(row) : null;
    }
    listOpenRounds() {
        return this.s.all("SELECT * FROM rounds WHERE status = 'open' ORDER BY closes_at").map(toRound);
    }
    setRoundMessage(roundId, ref) {
        this.s.run('UPDATE rounds SET message_ref = ? WHERE id = ?', ref, roundId);
    }
    closeRound(roundId, at, status) {
        return this.closeTx(roundId, at, status);
    }
    askedQuestionIds(channelId, cycle) {
        return this.s
            .all('SELECT question_id FROM rounds WHERE channel_id = ? AND cycle = ?', channelId, cycle)
            .map((r) => r.question_id);
    }
    streakRounds(channelId) {
        return this.s
            .all("SELECT * FROM rounds WHERE channel_id = ? AND status <> 'skipped' ORDER BY local_date", channelId)
            .map(toRound);
    }
    latestRound(channelId) {
        const row = this.s.one('SELECT * FROM rounds WHERE channel_id = ? ORDER BY local_date DESC, id DESC LIMIT 1', channelId);
        return row ? toRound(row) : null;
    }
    undeliveredRounds() {
        return this.s.all("SELECT * FROM rounds WHERE delivery = 'pending' AND status = 'open' ORDER BY posted_at, id").map(toRound);
    }
    claimDeliveryAttempt(roundId, now, leaseUntil) {
        return (this.s.run(`UPDATE rounds SET delivery_next_at = ? WHERE id = ? AND status = 'open' AND delivery = 'pending'
         AND (delivery_next_at IS NULL OR delivery_next_at <= ?)`, leaseUntil, roundId, now).changes === 1);
    }
    roundDelivered(roundId, ref) {
        this.s.run("UPDATE rounds SET delivery = 'sent', message_ref = COALESCE(?, message_ref), delivery_next_at = NULL, delivery_error = NULL WHERE id = ?", ref, roundId);
    }
    roundDeliveryFailed(roundId, error, nextAt) {
        this.s.run("UPDATE rounds SET delivery = 'pending', delivery_attempts = delivery_attempts + 1, delivery_error = ?, delivery_next_at = ? WHERE id = ?", error.slice(0, 500), nextAt, roundId);
    }
    giveUpDelivery(roundId) {
        this.s.run("UPDATE rounds SET delivery = 'failed', delivery_next_at = NULL WHERE id = ? AND delivery = 'pending'", roundId);
    }
    markDeliveryReported(roundId, at) {
        return this.s.run('UPDATE rounds SET delivery_reported_at = ? WHERE id = ? AND delivery_reported_at IS NULL', at, roundId).changes === 1;
    }
}
