export interface Dispute {
  id: number;
  answerId: number;
  scopeId: string;
  channelId: string;
  userId: string;
  reason: string;
  status: 'open' | 'resolved';
  /** The score in effect when the member disputed it. */
  oldScore: number;
  newScore: number | null;
  note: string | null;
  resolvedBy: string | null;
  createdAt: number;
  resolvedAt: number | null;
}

export type NewDispute = Pick<Dispute, 'answerId' | 'scopeId' | 'channelId' | 'userId' | 'reason' | 'oldScore' | 'createdAt'>;

export interface Resolution {
  score: number;
  /** Points the answer earns with the new score (the core applies the hint cap). */
  points: number;
  by: string;
  at: number;
  note: string | null;
}

/**
 * Members' disputes of their grades and the admins' resolutions. A resolution changes a score
 * that leaderboards already counted, so it rewrites the member's totals in the same transaction
 * that closes the dispute; one dispute per answer keeps a grade from being argued twice.
 */
export interface DisputeStore {
  /** Null when the answer was already disputed (one dispute per answer). */
  createDispute(d: NewDispute): Dispute | null;
  getDispute(id: number): Dispute | null;
  disputeOfAnswer(answerId: number): Dispute | null;
  openDisputes(scopeId: string): Dispute[];
  /**
   * Sets the answer's override score and points, closes the dispute and rebuilds the member's
   * leaderboard totals, in one transaction. Null when the dispute is not open.
   */
  resolveDispute(id: number, r: Resolution): Dispute | null;
}
