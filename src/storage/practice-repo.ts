import type { PracticePrompt, PracticeStore, ReviewRecord } from '../core/stores/practice-store.js';
import type { Statements } from './statements.js';

interface PromptRow {
  id: number;
  user_id: string;
  scope_id: string;
  channel_id: string;
  question_id: string;
  shown_at: number;
  answered_at: number | null;
  hinted: number;
  interview_id: number | null;
}

const toPrompt = (r: PromptRow): PracticePrompt => ({
  id: r.id,
  userId: r.user_id,
  scopeId: r.scope_id,
  channelId: r.channel_id,
  questionId: r.question_id,
  shownAt: r.shown_at,
  answeredAt: r.answered_at,
  hinted: r.hinted === 1,
  interviewId: r.interview_id,
});

/** Practice questions shown to a person, hints taken, and the review history behind spaced repetition. */
export class PracticeRepo implements PracticeStore {
  constructor(private readonly s: Statements) {}

  createPracticePrompt(p: Omit<PracticePrompt, 'id' | 'answeredAt' | 'hinted'>): PracticePrompt {
    const res = this.s.run(
      'INSERT INTO practice_prompts (user_id, scope_id, channel_id, question_id, shown_at, interview_id) VALUES (?, ?, ?, ?, ?, ?)',
      p.userId, p.scopeId, p.channelId, p.questionId, p.shownAt, p.interviewId ?? null,
    );
    return this.getPracticePrompt(Number(res.lastInsertRowid))!;
  }

  latestInterviewPrompt(interviewId: number): PracticePrompt | null {
    const row = this.s.one<PromptRow>('SELECT * FROM practice_prompts WHERE interview_id = ? ORDER BY shown_at DESC, id DESC LIMIT 1', interviewId);
    return row ? toPrompt(row) : null;
  }

  latestOpenPractice(userId: string, scopeId: string): PracticePrompt | null {
    const row = this.s.one<PromptRow>(
      `SELECT * FROM practice_prompts WHERE user_id = ? AND scope_id = ? AND answered_at IS NULL
       ORDER BY shown_at DESC, id DESC LIMIT 1`,
      userId, scopeId,
    );
    return row ? toPrompt(row) : null;
  }

  getPracticePrompt(id: number): PracticePrompt | null {
    const row = this.s.one<PromptRow>('SELECT * FROM practice_prompts WHERE id = ?', id);
    return row ? toPrompt(row) : null;
  }

  markPracticeHinted(id: number): void {
    this.s.run('UPDATE practice_prompts SET hinted = 1 WHERE id = ?', id);
  }

  markRoundHinted(userId: string, roundId: number): void {
    this.s.run('INSERT INTO round_hints (round_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', roundId, userId, Date.now());
  }

  hasHintedRound(userId: string, roundId: number): boolean {
    return !!this.s.one('SELECT 1 FROM round_hints WHERE round_id = ? AND user_id = ?', roundId, userId);
  }

  reviewHistory(userId: string, scopeId: string): ReviewRecord[] {
    return this.s.all<ReviewRecord>(
      `SELECT a.question_id AS questionId, COALESCE(g.override_score, g.score) AS score, g.graded_at AS at
       FROM answers a JOIN grades g ON g.answer_id = a.id
       WHERE a.user_id = ? AND a.scope_id = ? ORDER BY g.graded_at, a.id`,
      userId, scopeId,
    );
  }
}
