import type Database from 'better-sqlite3';
import type { FollowUp, FollowUpOrigin, FollowUpStatus, FollowUpStore, NewFollowUp } from '../core/stores/follow-up-store.js';
import { type Statements, writeTransaction } from './statements.js';

interface FollowUpRow {
  id: number;
  source_answer_id: number;
  user_id: string;
  scope_id: string;
  channel_id: string;
  question_id: string;
  point: number;
  point_text: string;
  prompt: string;
  origin: FollowUpOrigin;
  interview_id: number | null;
  status: FollowUpStatus;
  created_at: number;
  closed_at: number | null;
}

const toFollowUp = (r: FollowUpRow): FollowUp => ({
  id: r.id,
  sourceAnswerId: r.source_answer_id,
  userId: r.user_id,
  scopeId: r.scope_id,
  channelId: r.channel_id,
  questionId: r.question_id,
  point: r.point,
  pointText: r.point_text,
  prompt: r.prompt,
  origin: r.origin,
  interviewId: r.interview_id,
  status: r.status,
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

/** Follow-up questions: at most one per answer, at most one open per member and scope. */
export class FollowUpsRepo implements FollowUpStore {
  private readonly createTx: (f: NewFollowUp) => FollowUp | null;

  constructor(
    private readonly s: Statements,
    db: Database.Database,
  ) {
    this.createTx = writeTransaction(db, (f: NewFollowUp) => {
      if (this.followUpOfAnswer(f.sourceAnswerId)) return null;
      this.s.run(
        "UPDATE follow_ups SET status = 'superseded', closed_at = ? WHERE user_id = ? AND scope_id = ? AND status = 'open'",
        f.createdAt, f.userId, f.scopeId,
      );
      const res = this.s.run(
        `INSERT INTO follow_ups (source_answer_id, user_id, scope_id, channel_id, question_id, point, point_text, prompt, origin, interview_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        f.sourceAnswerId, f.userId, f.scopeId, f.channelId, f.questionId, f.point, f.pointText, f.prompt, f.origin, f.interviewId, f.createdAt,
      );
      return this.getFollowUp(Number(res.lastInsertRowid));
    });
  }

  createFollowUp(f: NewFollowUp): FollowUp | null {
    return this.createTx(f);
  }

  getFollowUp(id: number): FollowUp | null {
    const row = this.s.one<FollowUpRow>('SELECT * FROM follow_ups WHERE id = ?', id);
    return row ? toFollowUp(row) : null;
  }

  openFollowUp(userId: string, scopeId: string): FollowUp | null {
    const row = this.s.one<FollowUpRow>(
      "SELECT * FROM follow_ups WHERE user_id = ? AND scope_id = ? AND status = 'open' ORDER BY created_at DESC, id DESC LIMIT 1",
      userId, scopeId,
    );
    return row ? toFollowUp(row) : null;
  }

  closeFollowUp(id: number, status: 'answered' | 'passed', at: number): boolean {
    return this.s.run("UPDATE follow_ups SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'", status, at, id).changes === 1;
  }

  followUpOfAnswer(answerId: number): FollowUp | null {
    const row = this.s.one<FollowUpRow>('SELECT * FROM follow_ups WHERE source_answer_id = ?', answerId);
    return row ? toFollowUp(row) : null;
  }
}
