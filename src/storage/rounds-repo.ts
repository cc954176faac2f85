import type { Round, RoundStatus } from '../core/model.js';
import { toRound, type RoundRow } from './rows.js';
import type { Statements } from './statements.js';

/** Rounds: one question posted to one channel on one local date. */
export class RoundsRepo {
  constructor(private readonly s: Statements) {}

  claimRound(r: Omit<Round, 'id' | 'status' | 'closedAt' | 'messageRef'>): Round | null {
    const res = this.s.run(
      `INSERT INTO rounds (channel_id, scope_id, local_date, question_id, cycle, posted_at, closes_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(channel_id, local_date) DO NOTHING`,
      r.channelId,
      r.scopeId,
      r.localDate,
      r.questionId,
      r.cycle,
      r.postedAt,
      r.closesAt,
    );
    return res.changes === 1 ? this.getRound(Number(res.lastInsertRowid)) : null;
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
    return this.s.run("UPDATE rounds SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'", status, at, roundId).changes === 1;
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
}
