import type { Difficulty } from '../model.js';
import type { SuggestionFields } from '../team/form.js';

export type SuggestionStatus = 'pending' | 'approved' | 'rejected';

/** A question a member proposed for their server's or workspace's own pack, checked as a file is. */
export interface Suggestion {
  id: number;
  scopeId: string;
  channelId: string;
  userId: string;
  status: SuggestionStatus;
  prompt: string;
  reference: string;
  keyPoints: string[];
  topic: string;
  difficulty: Difficulty;
  hint: string | null;
  createdAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  /** Why it was rejected, when the admin said. */
  reason: string | null;
  /** The question id it has in the team pack, once approved. */
  questionId: string | null;
}

export type NewSuggestion = Pick<Suggestion, 'scopeId' | 'channelId' | 'userId' | 'prompt' | 'reference' | 'keyPoints' | 'topic' | 'difficulty' | 'hint' | 'createdAt'>;

export interface Approval {
  questionId: string;
  /** The difficulty the admin settled on (the member's unless the admin chose another). */
  difficulty: Difficulty;
  by: string;
  at: number;
}

export interface Rejection {
  by: string;
  at: number;
  reason: string | null;
}

/**
 * The team's own questions: suggestions waiting for an admin, the decisions, and the approved ones
 * that make up a server's or workspace's own pack (in the order they were approved). Per scope,
 * because one team's pack is never another's. A decision happens once: approving or rejecting a
 * suggestion that is no longer pending changes nothing, so two admins cannot both decide it.
 * Drafts keep what a member typed into a form that did not pass the checks, so nothing is lost.
 */
export interface SuggestionStore {
  /** Stores a checked suggestion as pending and clears the member's draft, together. */
  addSuggestion(s: NewSuggestion): Suggestion;
  getSuggestion(id: number): Suggestion | null;
  /** The scope's pending suggestions, oldest first. */
  pendingSuggestions(scopeId: string): Suggestion[];
  /** Null when the suggestion is not pending (already decided) or the question id is taken. */
  approveSuggestion(id: number, a: Approval): Suggestion | null;
  /** Null when the suggestion is not pending. */
  rejectSuggestion(id: number, r: Rejection): Suggestion | null;
  /** The scope's approved suggestions: its own pack, in the order they were approved. */
  teamQuestions(scopeId: string): Suggestion[];
  /** The approved suggestion known by this question id, whatever its scope. */
  teamQuestion(questionId: string): Suggestion | null;
  saveDraft(scopeId: string, userId: string, fields: SuggestionFields, at: number): void;
  draft(scopeId: string, userId: string): SuggestionFields | null;
  clearDraft(scopeId: string, userId: string): void;
}
