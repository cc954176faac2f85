/** Where a follow-up question came from: the question's `follow_ups:` map, a template, or the model. */
export type FollowUpOrigin = 'content' | 'template' | 'llm';
export type FollowUpStatus = 'open' | 'answered' | 'passed' | 'superseded';

/** A follow-up question on one key point of a graded answer, asked of its author. */
export interface FollowUp {
  id: number;
  sourceAnswerId: number;
  userId: string;
  scopeId: string;
  channelId: string;
  questionId: string;
  /** 1-based key point number. */
  point: number;
  pointText: string;
  prompt: string;
  origin: FollowUpOrigin;
  interviewId: number | null;
  status: FollowUpStatus;
  createdAt: number;
  closedAt: number | null;
}

export type NewFollowUp = Omit<FollowUp, 'id' | 'status' | 'closedAt'>;

/**
 * Follow-up questions. Kept apart from practice prompts because a follow-up belongs to an answer
 * (at most one each) and grades one key point, not a question. A member has at most one open
 * follow-up in a scope: creating one supersedes the older, in the same transaction, so `answer`
 * and `pass` always know which one they act on.
 */
export interface FollowUpStore {
  /** Stores the follow-up, superseding the member's open one; null when the answer already has one. */
  createFollowUp(f: NewFollowUp): FollowUp | null;
  getFollowUp(id: number): FollowUp | null;
  /** The member's open follow-up in the scope, or null. */
  openFollowUp(userId: string, scopeId: string): FollowUp | null;
  /** Closes an open follow-up; true only for the call that closed it. */
  closeFollowUp(id: number, status: 'answered' | 'passed', at: number): boolean;
  /** The follow-up asked after this answer, if any. */
  followUpOfAnswer(answerId: number): FollowUp | null;
}
