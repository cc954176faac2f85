import type { DailyScore, DigestStore } from '../core/stores/digest-store.js';
import type { Statements } from './statements.js';

/** The weekly digest's (channel, week) slots and the daily scores it summarises. */
export class DigestsRepo implements DigestStore {
  constructor(private readonly s: Statements) {}

  claimDigest(channelId: string, weekKey: string, now: number, leaseUntil: number): boolean {
    const res = this.s.run(
      `INSERT INTO digests (channel_id, week_key, lease_until, claimed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (channel_id, week_key) DO UPDATE SET lease_until = excluded.lease_until, claimed_at = excluded.claimed_at
       WHERE digests.status = 'pending' AND digests.lease_until <= ?`,
      channelId, weekKey, leaseUntil, now, now,
    );
    return res.changes === 1;
  }

  digestDone(channelId: string, weekKey: string, status: 'sent' | 'empty', at: number): void {
    this.s.run('UPDATE digests SET status = ?, sent_at = ? WHERE channel_id = ? AND week_key = ?', status, at, channelId, weekKey);
  }

  releaseDigest(channelId: string, weekKey: string): void {
    this.s.run("DELETE FROM digests WHERE channel_id = ? AND week_key = ? AND status = 'pending'", channelId, weekKey);
  }

  digestSentAt(channelId: string, weekKey: string): number | null {
    return this.s.one<{ t: number | null }>("SELECT sent_at AS t FROM digests WHERE channel_id = ? AND week_key = ? AND status = 'sent'", channelId, weekKey)?.t ?? null;
  }

  dailyScores(channelId: string, from: string, to: string): DailyScore[] {
    return this.s
      .all<{ user_id: string; name: string; privacy: number; local_date: string; question_id: string; score: number }>(
        `SELECT a.user_id, u.name, u.privacy, a.local_date, a.question_id, COALESCE(g.override_score, g.score) AS score
         FROM answers a JOIN grades g ON g.answer_id = a.id JOIN users u ON u.id = a.user_id
         WHERE a.channel_id = ? AND a.counts = 1 AND a.local_date BETWEEN ? AND ? ORDER BY a.local_date, a.id`,
        channelId, from, to,
      )
      .map((r) => ({ userId: r.user_id, name: r.name, privacy: r.privacy === 1, localDate: r.local_date, questionId: r.question_id, score: r.score }));
  }
}
