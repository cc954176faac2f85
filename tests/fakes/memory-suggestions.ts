import type { Approval, NewSuggestion, Rejection, Suggestion, SuggestionStore } from '../../src/core/stores/suggestion-store.js';
import type { SuggestionFields } from '../../src/core/team/form.js';

/** The SuggestionStore in memory: the same contract as the SQLite one (tests/contracts). */
export class MemorySuggestions implements SuggestionStore {
  private readonly rows: Suggestion[] = [];
  private readonly drafts = new Map<string, SuggestionFields>();

  addSuggestion(n: NewSuggestion): Suggestion {
    const s: Suggestion = { ...n, keyPoints: [...n.keyPoints], id: this.rows.length + 1, status: 'pending', decidedBy: null, decidedAt: null, reason: null, questionId: null };
    this.rows.push(s);
    this.clearDraft(n.scopeId, n.userId);
    return { ...s };
  }

  getSuggestion(id: number): Suggestion | null {
    const s = this.rows.find((r) => r.id === id);
    return s ? { ...s } : null;
  }

  pendingSuggestions(scopeId: string): Suggestion[] {
    return this.rows.filter((r) => r.scopeId === scopeId && r.status === 'pending').sort((a, b) => a.createdAt - b.createdAt || a.id - b.id).map((r) => ({ ...r }));
  }

  approveSuggestion(id: number, a: Approval): Suggestion | null {
    const s = this.rows.find((r) => r.id === id);
    if (!s || s.status !== 'pending' || this.rows.some((r) => r.questionId === a.questionId)) return null;
    Object.assign(s, { status: 'approved', questionId: a.questionId, difficulty: a.difficulty, decidedBy: a.by, decidedAt: a.at });
    return { ...s };
  }

  rejectSuggestion(id: number, r: Rejection): Suggestion | null {
    const s = this.rows.find((x) => x.id === id);
    if (!s || s.status !== 'pending') return null;
    Object.assign(s, { status: 'rejected', decidedBy: r.by, decidedAt: r.at, reason: r.reason });
    return { ...s };
  }

  teamQuestions(scopeId: string): Suggestion[] {
    return this.rows.filter((r) => r.scopeId === scopeId && r.status === 'approved').sort((a, b) => a.decidedAt! - b.decidedAt! || a.id - b.id).map((r) => ({ ...r }));
  }

  teamQuestion(questionId: string): Suggestion | null {
    const s = this.rows.find((r) => r.questionId === questionId);
    return s ? { ...s } : null;
  }

  saveDraft(scopeId: string, userId: string, fields: SuggestionFields): void {
    this.drafts.set(`${scopeId}|${userId}`, { ...fields });
  }

  draft(scopeId: string, userId: string): SuggestionFields | null {
    const d = this.drafts.get(`${scopeId}|${userId}`);
    return d ? { ...d } : null;
  }

  clearDraft(scopeId: string, userId: string): void {
    this.drafts.delete(`${scopeId}|${userId}`);
  }
}
