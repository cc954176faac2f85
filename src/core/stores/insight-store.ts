/** What the grader said of one scoring answer of a round, key point by key point. */
export interface PointVerdicts {
  covered: string[];
  partly: string[];
  missed: string[];
  grader: string;
}

/** A round's best answer whose author agreed to have it quoted. */
export interface ShowcaseAnswer {
  answerId: number;
  userId: string;
  name: string;
  privacy: boolean;
  score: number;
  text: string;
}

/** A scoring answer that missed or partly covered a key point, for the model's "most common wrong idea". */
export interface MissedAnswer {
  text: string;
  partly: string[];
  missed: string[];
}

/**
 * What a round's summary teaches: how the team did on each key point, the best answer a member
 * agreed to share, and the answers that fell short (read only by the model that names the most
 * common wrong idea, never shown). Answer text leaves the store only here, and only for a
 * member who set `showcase on` or for that model.
 */
export interface InsightStore {
  /** The stored verdicts of the round's graded scoring answers. */
  roundVerdicts(roundId: number): PointVerdicts[];
  /**
   * The best-scoring graded scoring answer of the round whose author set `showcase on`, scoring at
   * least `minScore`, not flagged (duplicate, injection); ties go to the earlier answer.
   */
  showcaseAnswer(roundId: number, minScore: number): ShowcaseAnswer | null;
  /** Up to `limit` scoring answers of the round that missed or partly covered a key point. */
  missedAnswers(roundId: number, limit: number): MissedAnswer[];
}
