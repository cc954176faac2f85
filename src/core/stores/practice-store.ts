/** A practice question shown to one member (`quiz`), answered or not. */
export interface PracticePrompt {
  id: number;
  userId: string;
  scopeId: string;
  channelId: string;
  questionId: string;
  shownAt: number;
  answeredAt: number | null;
  hinted: boolean;
  /** The mock interview this question belongs to, or null for a `quiz` question. */
  interviewId?: number | null;
}

/** A graded answer of one user to one question, oldest first: the review history for practice. */
export interface ReviewRecord {
  questionId: string;
  score: number;
  at: number;
}

/**
 * Practice questions and hints. Kept apart from rounds because practice is private and earns no
 * leaderboard points; what it needs is each member's review history, from which spaced repetition
 * picks the next question, and which questions a member was given a hint for (a hinted daily
 * answer earns fewer points).
 */
export interface PracticeStore {
  createPracticePrompt(p: Omit<PracticePrompt, 'id' | 'answeredAt' | 'hinted'>): PracticePrompt;
  /** The interview's latest question, answered or not. */
  latestInterviewPrompt(interviewId: number): PracticePrompt | null;
  /** The member's latest practice question in the scope that has no answer yet. */
  latestOpenPractice(userId: string, scopeId: string): PracticePrompt | null;
  getPracticePrompt(id: number): PracticePrompt | null;
  markPracticeHinted(id: number): void;
  markRoundHinted(userId: string, roundId: number): void;
  hasHintedRound(userId: string, roundId: number): boolean;
  reviewHistory(userId: string, scopeId: string): ReviewRecord[];
}
