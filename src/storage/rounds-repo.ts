import type { Round, RoundStatus } from '../core/model.js';
import { postNonce, ROUND_POST, SUMMARY_POST } from '../core/post-identity.js';
import type { PostLease } from '../core/stores/post-store.js';
import type { NewRound, RoundStore } from '../core/stores/round-store.js';
import { insertPostIntent } from './posts-repo.js';
import { toRound, type RoundRow } from './rows.js';
import { type Statements, writeTransaction } from './statements.js';
import { recomputeUserPoints } from './user-points.js';

/** Rounds: one question posted to one channel on one local date. */
export class RoundsRepo implements RoundStore {
  private readonly closeTx: (roundId: number, at: number, status: Exclude<RoundStatus, 'open'>) => boolean;
  private readonly claimTx: (r: NewRound, lease?: PostLease) => Round | null;

  constructor(private readonly s: Statements) {
    this.claimTx = writeTransaction(s.db, (r: NewRound, lease?: PostLease) => {
      const res = this.s.run(
        `INSERT INTO rounds (channel_id, scope_id, local_date, question_id, cycle, posted_at, closes_at, delivery)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT(channel_id, local_date) DO NOTHING`,
        r.channelId, r.scopeId, r.localDate, r.questionId, r.cycle, r.postedAt, r.closesAt,
      );
      if (res.changes !== 1) return null;
      const key = String(res.lastInsertRowid);
      insertPostIntent(this.s, { kind: ROUND_POST, key, channelId: r.channelId, nonce: postNonce(ROUND_POST, key, r.postedAt), at: r.postedAt }, lease);
      return this.getRound(Number(res.lastInsertRowid));
    });
    this.closeTx = writeTransaction(s.db, (roundId: number, at: number, status: Exclude<RoundStatus, 'open'>) => {
      const closed = this.s.run("UPDATE rounds SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'", status, at, roundId).changes === 1;
      const round = closed ? this.getRound(roundId) : null;
      // The summary goes in the thread of the question: only a question that reached the channel gets one.
      if (round && round.delivery !== 'pending' && round.delivery !== 'failed') {
        const key = String(roundId);
        insertPostIntent(this.s, { kind: SUMMARY_POST, key, channelId: round.channelId, nonce: postNonce(SUMMARY_POST, key, at), at });
      }
      // A skipped round earns nothing: its members' totals are rebuilt without it in the same transaction.
      if (closed && status === 'skipped') {
        const users = this.s.all<{ user_id: string; scope_id: string }>(
          'SELECT DISTINCT user_id, scope_id FROM answers WHERE round_id = ? AND counts = 1',
          roundId,
        );
        for (const u of users) recomputeUserPoints(this.s, u.user_id, u.scope_id);
      }
      return closed;
    });
  }

  /** Claims the slot with the intent of its post; the round's post is `pending` until delivered. */
  claimRound(r: NewRound, lease?: PostLease): Round | null {
    return this.claimTx(r, lease);
  }

  getRound(id: number): Round | null {
    const row = this.s.one<RoundRow>('SELECT * FROM rounds WHERE id = ?', id);
    return row ? toRound(row) : null;
  }

  getRoundByDate(channelId: string, localDate: string): Round | null {
    const row = this.s.one<RoundRow>('SELECT * FROM rounds WHERE channel_id = ? AND local_date = ?', channelId, localDate);
    return row ? toRound(row) : null;
  }

  getOpenRound(channelId: string): Round | null {
    const row = this.s.one<RoundRow>(
      "SELECT * FROM rounds WHERE channel_id = ? AND status = 'open' ORDER BY posted_at DESC LIMIT 1",
      channelId,
    );
    return row ? toRound(row) : null;
  }

  listOpenRounds(): Round[] {
    return this.s.all<RoundRow>("SELECT * FROM rounds WHERE status = 'open' ORDER BY closes_at").map(toRound);
  }

  setRoundMessage(roundId: number, ref: string): void {
    this.s.run('UPDATE rounds SET message_ref = ? WHERE id = ?', ref, roundId);
  }

  closeRound(roundId: number, at: number, status: Exclude<RoundStatus, 'open'>): boolean {
    return this.closeTx(roundId, at, status);
  }

  askedQuestionIds(channelId: string, cycle: number): string[] {
    return this.s
      .all<{ question_id: string }>('SELECT question_id FROM rounds WHERE channel_id = ? AND cycle = ?', channelId, cycle)
      .map((r) => r.question_id);
  }

  streakRounds(channelId: string): Round[] {
    return this.s
      .all<RoundRow>("SELECT * FROM rounds WHERE channel_id = ? AND status <> 'skipped' ORDER BY local_date", channelId)
      .map(toRound);
  }

  latestRound(channelId: string): Round | null {
    const row = this.s.one<RoundRow>('SELECT * FROM rounds WHERE channel_id = ? ORDER BY local_date DESC, id DESC LIMIT 1', channelId);
    return row ? toRound(row) : null;
  }

  roundDelivered(roundId: number, ref: string | null): void {
    this.s.run(
      "UPDATE rounds SET delivery = 'sent', message_ref = COALESCE(?, message_ref), delivery_next_at = NULL, delivery_error = NULL WHERE id = ?",
      ref, roundId,
    );
  }

  roundDeliveryFailed(roundId: number, error: string, nextAt: number): void {
    this.s.run(
      "UPDATE rounds SET delivery = 'pending', delivery_attempts = delivery_attempts + 1, delivery_error = ?, delivery_next_at = ? WHERE id = ?",
      error.slice(0, 500), nextAt, roundId,
    );
  }

  giveUpDelivery(roundId: number): void {
    this.s.run("UPDATE rounds SET delivery = 'failed', delivery_next_at = NULL WHERE id = ? AND delivery = 'pending'", roundId);
  }

  markDeliveryReported(roundId: number, at: number): boolean {
    return this.s.run('UPDATE rounds SET delivery_reported_at = ? WHERE id = ? AND delivery_reported_at IS NULL', at, roundId).changes === 1;
  }
}
