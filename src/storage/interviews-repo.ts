import type { Interview, InterviewStatus, InterviewStep, InterviewStore } from '../core/stores/interview-store.js';
import type { Statements } from './statements.js';

interface InterviewRow {
  id: number;
  user_id: string;
  scope_id: string;
  channel_id: string;
  topic: string | null;
  count: number;
  status: InterviewStatus;
  started_at: number;
  ended_at: number | null;
}

const toInterview = (r: InterviewRow): Interview => ({
  id: r.id,
  userId: r.user_id,
  scopeId: r.scope_id,
  channelId: r.channel_id,
  topic: r.topic,
  count: r.count,
  status: r.status,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

/** Mock interviews and the grades of their questions. */
export class InterviewsRepo implements InterviewStore {
  constructor(private readonly s: Statements) {}

  startInterview(i: Omit<Interview, 'id' | 'status' | 'endedAt'>): Interview | null {
    const res = this.s.run(
      `INSERT INTO interviews (user_id, scope_id, channel_id, topic, count, started_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      i.userId, i.scopeId, i.channelId, i.topic, i.count, i.startedAt,
    );
    return res.changes === 1 ? this.getInterview(Number(res.lastInsertRowid)) : null;
  }

  activeInterview(userId: string): Interview | null {
    const row = this.s.one<InterviewRow>("SELECT * FROM interviews WHERE user_id = ? AND status = 'active'", userId);
    return row ? toInterview(row) : null;
  }

  getInterview(id: number): Interview | null {
    const row = this.s.one<InterviewRow>('SELECT * FROM interviews WHERE id = ?', id);
    return row ? toInterview(row) : null;
  }

  endInterview(id: number, status: 'finished' | 'stopped', at: number): boolean {
    return this.s.run("UPDATE interviews SET status = ?, ended_at = ? WHERE id = ? AND status = 'active'", status, at, id).changes === 1;
  }

  interviewSteps(id: number): InterviewStep[] {
    return this.s
      .all<{
        id: number;
        question_id: string;
        shown_at: number;
        answered_at: number | null;
        score: number | null;
        fu_score: number | null;
        fu_status: InterviewStep['followUpStatus'];
      }>(
        `SELECT p.id, p.question_id, p.shown_at, p.answered_at,
           (SELECT COALESCE(g.override_score, g.score) FROM answers a JOIN grades g ON g.answer_id = a.id
             WHERE a.practice_id = p.id ORDER BY a.id LIMIT 1) AS score,
           f.status AS fu_status,
           (SELECT g2.score FROM answers a2 JOIN grades g2 ON g2.answer_id = a2.id WHERE a2.follow_up_id = f.id ORDER BY a2.id LIMIT 1) AS fu_score
         FROM practice_prompts p
         LEFT JOIN follow_ups f ON f.source_answer_id = (SELECT a3.id FROM answers a3 WHERE a3.practice_id = p.id ORDER BY a3.id LIMIT 1)
         WHERE p.interview_id = ? ORDER BY p.shown_at, p.id`,
        id,
      )
      .map((r) => ({
        promptId: r.id,
        questionId: r.question_id,
        shownAt: r.shown_at,
        answeredAt: r.answered_at,
        score: r.score,
        followUpScore: r.fu_score,
        followUpStatus: r.fu_status ?? null,
      }));
  }
}
