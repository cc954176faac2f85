import type Database from 'better-sqlite3';
import type { Dispute, DisputeStore, NewDispute, Resolution } from '../core/stores/dispute-store.js';
import { type Statements, writeTransaction } from './statements.js';
import { recomputeUserPoints } from './user-points.js';

interface DisputeRow {
  id: number;
  answer_id: number;
  scope_id: string;
  channel_id: string;
  user_id: string;
  reason: string;
  status: 'open' | 'resolved';
  old_score: number;
  new_score: number | null;
  note: string | null;
  resolved_by: string | null;
  created_at: number;
  resolved_at: number | null;
}

const toDispute = (r: DisputeRow): Dispute => ({
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
export class DisputesRepo implements DisputeStore {
  private readonly resolveTx: (id: number, r: Resolution) => Dispute | null;

  constructor(
    private readonly s: Statements,
    db: Database.Database,
  ) {
    this.resolveTx = writeTransaction(db, (id: number, r: Resolution) => {
      const d = this.getDispute(id);
      if (!d || d.status !== 'open') return null;
      this.s.run('UPDATE grades SET override_score = ?, points = ? WHERE answer_id = ?', r.score, r.points, d.answerId);
      this.s.run(
        "UPDATE disputes SET status = 'resolved', new_score = ?, note = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
        r.score, r.note, r.by, r.at, id,
      );
      const a = this.s.one<{ user_id: string; scope_id: string }>('SELECT user_id, scope_id FROM answers WHERE id = ?', d.answerId)!;
      recomputeUserPoints(this.s, a.user_id, a.scope_id);
      return this.getDispute(id);
    });
  }

  createDispute(d: NewDispute): Dispute | null {
    const res = this.s.run(
      `INSERT INTO disputes (answer_id, scope_id, channel_id, user_id, reason, old_score, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(answer_id) DO NOTHING`,
      d.answerId, d.scopeId, d.channelId, d.userId, d.reason, d.oldScore, d.createdAt,
    );
    return res.changes === 1 ? this.getDispute(Number(res.lastInsertRowid)) : null;
  }

  getDispute(id: number): Dispute | null {
    const row = this.s.one<DisputeRow>('SELECT * FROM disputes WHERE id = ?', id);
    return row ? toDispute(row) : null;
  }

  disputeOfAnswer(answerId: number): Dispute | null {
    const row = this.s.one<DisputeRow>('SELECT * FROM disputes WHERE answer_id = ?', answerId);
    return row ? toDispute(row) : null;
  }

  openDisputes(scopeId: string): Dispute[] {
    return this.s.all<DisputeRow>("SELECT * FROM disputes WHERE scope_id = ? AND status = 'open' ORDER BY created_at, id", scopeId).map(toDispute);
  }

  resolveDispute(id: number, r: Resolution): Dispute | null {
    return this.resolveTx(id, r);
  }
}
