export type InterviewStatus = 'active' | 'finished' | 'stopped';

/** A mock interview: `count` practice questions in a row for one member. */
export interface Interview {
  id: number;
  userId: string;
  scopeId: string;
  channelId: string;
  /** A topic or pack, or null for any. */
  topic: string | null;
  count: number;
  status: InterviewStatus;
  startedAt: number;
  endedAt: number | null;
}

/** One question of an interview as asked, with the grades of its answer and of its follow-up. */
export interface InterviewStep {
  promptId: number;
  questionId: string;
  shownAt: number;
  answeredAt: number | null;
  /** The answer's score (after a dispute), or null while not answered or not graded. */
  score: number | null;
  followUpScore: number | null;
  followUpStatus: 'open' | 'answered' | 'passed' | 'superseded' | null;
}

/**
 * Mock interviews. The session lives in the database (its questions are practice prompts that
 * name it), so it survives a restart; one active session per member is enforced by a unique index,
 * so two quick `interview` commands cannot start two.
 */
export interface InterviewStore {
  /** Starts a session; null when the member already has an active one. */
  startInterview(i: Omit<Interview, 'id' | 'status' | 'endedAt'>): Interview | null;
  activeInterview(userId: string): Interview | null;
  getInterview(id: number): Interview | null;
  /** Ends an active session; true only for the call that ended it. */
  endInterview(id: number, status: 'finished' | 'stopped', at: number): boolean;
  /** The session's questions in the order asked, with their grades. */
  interviewSteps(id: number): InterviewStep[];
}
