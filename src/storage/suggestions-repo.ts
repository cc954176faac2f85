import type Database from 'better-sqlite3';
import type { Difficulty } from '../core/model.js';
import type { Approval, NewSuggestion, Rejection, Suggestion, SuggestionStatus, SuggestionStore } from '../core/stores/suggestion-store.js';
import { emptyFields, type SuggestionFields } from '../core/team/form.js';
import { type Statements, writeTransaction } from './statements.js';

interface SuggestionRow {
  id: number;
  scope_id: string;
  channel_id: string;
  user_id: string;
  status: SuggestionStatus;
  prompt: string;
  reference: string;
  key_points: string;
  topic: string;
  difficulty: Difficulty;
  hint: string | null;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
  reason: string | null;
  question_id: string | null;
}

const toSuggestion = (r: SuggestionRow): Suggestion => ({
  id: r.id,
  scopeId: r.scope_id,
  channelId: r.channel_id,
  userId: r.user_id,
  status: r.status,
  prompt: r.prompt,
  reference: r.reference,
  keyPoints: JSON.parse(r.key_points) as string[],
  topic: r.topic,
  difficulty: r.difficulty,
  hint: r.hint,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  reason: r.reason,
  questionId: r.question_id,
});

/** Suggested questions, their decisions, the team packs they make, and members' drafts. */
export class SuggestionsRepo implements SuggestionStore {
  private readonly addTx: (s: NewSuggestion) => Suggestion;
  private readonly approveTx: (id: number, a: Approval) => Suggestion | null;

  constructor(
    private readonly s: Statements,
    db: Database.Database,
  ) {
    this.addTx = writeTransaction(db, (n: NewSuggestion) => {
      const res = this.s.run(
        `INSERT INTO suggestions (scope_id, channel_id, user_id, prompt, reference, key_points, topic, difficulty, hint, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        n.scopeId, n.channelId, n.userId, n.prompt, n.reference, JSON.stringify(n.keyPoints), n.topic, n.difficulty, n.hint, n.createdAt,
      );
      this.clearDraft(n.scopeId, n.userId);
      return this.getSuggestion(Number(res.lastInsertRowid))!;
    });
    this.approveTx = writeTransaction(db, (id: number, a: Approval) => {
      if (this.s.one('SELECT 1 FROM suggestions WHERE question_id = ?', a.questionId)) return null;
      const res = this.s.run(
        "UPDATE suggestions SET status = 'approved', question_id = ?, difficulty = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
        a.questionId, a.difficulty, a.by, a.at, id,
      );
      return res.changes === 1 ? this.getSuggestion(id) : null;
    });
  }

  addSuggestion(n: NewSuggestion): Suggestion {
    return this.addTx(n);
  }

  getSuggestion(id: number): Suggestion | null {
    const row = this.s.one<SuggestionRow>('SELECT * FROM suggestions WHERE id = ?', id);
    return row ? toSuggestion(row) : null;
  }

  pendingSuggestions(scopeId: string): Suggestion[] {
    return this.s.all<SuggestionRow>("SELECT * FROM suggestions WHERE scope_id = ? AND status = 'pending' ORDER BY created_at, id", scopeId).map(toSuggestion);
  }

  approveSuggestion(id: number, a: Approval): Suggestion | null {
    return this.approveTx(id, a);
  }

  rejectSuggestion(id: number, r: Rejection): Suggestion | null {
    const res = this.s.run(
      "UPDATE suggestions SET status = 'rejected', decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'",
      r.by, r.at, r.reason, id,
    );
    return res.changes === 1 ? this.getSuggestion(id) : null;
  }

  teamQuestions(scopeId: string): Suggestion[] {
    return this.s.all<SuggestionRow>("SELECT * FROM suggestions WHERE scope_id = ? AND status = 'approved' ORDER BY decided_at, id", scopeId).map(toSuggestion);
  }

  teamQuestion(questionId: string): Suggestion | null {
    const row = this.s.one<SuggestionRow>('SELECT * FROM suggestions WHERE question_id = ?', questionId);
    return row ? toSuggestion(row) : null;
  }

  saveDraft(scopeId: string, userId: string, fields: SuggestionFields, at: number): void {
    this.s.run(
      `INSERT INTO suggestion_drafts (scope_id, user_id, fields, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(scope_id, user_id) DO UPDATE SET fields = excluded.fields, saved_at = excluded.saved_at`,
      scopeId, userId, JSON.stringify(fields), at,
    );
  }

  draft(scopeId: string, userId: string): SuggestionFields | null {
    const row = this.s.one<{ fields: string }>('SELECT fields FROM suggestion_drafts WHERE scope_id = ? AND user_id = ?', scopeId, userId);
    return row ? { ...emptyFields(), ...(JSON.parse(row.fields) as Partial<SuggestionFields>) } : null;
  }

  clearDraft(scopeId: string, userId: string): void {
    this.s.run('DELETE FROM suggestion_drafts WHERE scope_id = ? AND user_id = ?', scopeId, userId);
  }
}
