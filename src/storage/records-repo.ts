import type { AnswerKind, GradeFlag, RoundStatus } from '../core/model.js';
import type { ExportRow, HistoryEntry, QuestionReport, RecordStore } from '../core/stores/record-store.js';
import type { Statements } from './statements.js';

interface HistoryRow {
  id: number;
  kind: AnswerKind;
  channel_id: string;
  question_id: string;
  round_id: number | null;
  round_status: RoundStatus | null;
  created_at: number;
  counts: number;
  score: number | null;
  override_score: number | null;
  points: number | null;
  covered: string | null;
  missed: string | null;
  grader: string | null;
  flags: string | null;
}

interface ExportSqlRow {
  user_id: string;
  name: string;
  privacy: number;
  channel_id: string;
  local_date: string;
  question_id: string;
  score: number;
  points: number;
  grader: string;
  graded_at: number;
}

const json = <T>(text: string | null, empty: T): T => (text ? (JSON.parse(text) as T) : empty);

/** Reports of wrong reference answers, duplicate-answer pairs, a member's history, the scope's export. */
export class RecordsRepo implements RecordStore {
  constructor(private readonly s: Statements) {}

  createReport(r: Omit<QuestionReport, 'id'>): QuestionReport | null {
    const res = this.s.run(
      `INSERT INTO question_reports (scope_id, channel_id, question_id, round_id, user_id, reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      r.scopeId, r.channelId, r.questionId, r.roundId, r.userId, r.reason, r.createdAt,
    );
    return res.changes === 1 ? { id: Number(res.lastInsertRowid), ...r } : null;
  }

  sameAnswerInRound(roundId: number, normHash: string, userId: string, beforeAnswerId: number): { userId: string; answerId: number }[] {
    return this.s
      .all<{ user_id: string; answer_id: number }>(
        `SELECT user_id, MIN(id) AS answer_id FROM answers
         WHERE round_id = ? AND norm_hash = ? AND user_id <> ? AND id < ? GROUP BY user_id ORDER BY answer_id`,
        roundId, normHash, userId, beforeAnswerId,
      )
      .map((r) => ({ userId: r.user_id, answerId: r.answer_id }));
  }

  recordDuplicate(roundId: number, userA: string, userB: string, answerId: number, at: number): boolean {
    const [a, b] = userA < userB ? [userA, userB] : [userB, userA];
    return (
      this.s.run(
        'INSERT INTO duplicate_answers (round_id, user_a, user_b, answer_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        roundId, a, b, answerId, at,
      ).changes === 1
    );
  }

  answerHistory(userId: string, scopeId: string, limit: number): HistoryEntry[] {
    return this.s
      .all<HistoryRow>(
        `SELECT a.id, a.kind, a.channel_id, a.question_id, a.round_id, r.status AS round_status, a.created_at, a.counts,
           g.score, g.override_score, g.points, g.covered, g.missed, g.grader, g.flags
         FROM answers a LEFT JOIN grades g ON g.answer_id = a.id LEFT JOIN rounds r ON r.id = a.round_id
         WHERE a.user_id = ? AND a.scope_id = ? ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
        userId, scopeId, limit,
      )
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
        covered: json<string[]>(r.covered, []),
        missed: json<string[]>(r.missed, []),
        grader: r.grader,
        flags: json<GradeFlag[]>(r.flags, []),
      }));
  }

  exportRows(scopeId: string): ExportRow[] {
    return this.s
      .all<ExportSqlRow>(
        `SELECT a.user_id, u.name, u.privacy, a.channel_id, r.local_date, a.question_id,
           COALESCE(g.override_score, g.score) AS score,
           CASE WHEN r.status = 'skipped' THEN 0 ELSE g.points END AS points, g.grader, g.graded_at
         FROM answers a JOIN grades g ON g.answer_id = a.id JOIN rounds r ON r.id = a.round_id JOIN users u ON u.id = a.user_id
         WHERE a.scope_id = ? AND a.counts = 1
         ORDER BY r.local_date, a.channel_id, a.created_at, a.id`,
        scopeId,
      )
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
