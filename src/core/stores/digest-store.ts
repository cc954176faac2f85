/** One graded scoring answer of a channel's round, for the weekly digest (never its text). */
export interface DailyScore {
  userId: string;
  name: string;
  privacy: boolean;
  /** The round's local date. */
  localDate: string;
  questionId: string;
  /** The score in effect (an admin's override, else the grader's). */
  score: number;
}

/**
 * The weekly digest: its (channel, ISO week) slot and the figures it is made of. The slot is
 * claimed before the digest is sent, like a round's (channel, local date), so a repeated sweep, a
 * restart or a second process never posts a week twice; a claim whose send did not finish is
 * taken again once its lease has run out.
 */
export interface DigestStore {
  /**
   * Takes the week's slot until `leaseUntil`: true when it was free, or claimed by a send that
   * did not finish and whose lease has run out; false when sent or held.
   */
  claimDigest(channelId: string, weekKey: string, now: number, leaseUntil: number): boolean;
  /** The digest was posted (`sent`), or there was nothing to post (`empty`): the week is done. */
  digestDone(channelId: string, weekKey: string, status: 'sent' | 'empty', at: number): void;
  /** Lets the slot be claimed again at once (the send failed). */
  releaseDigest(channelId: string, weekKey: string): void;
  /** When the week's digest was posted, or null. */
  digestSentAt(channelId: string, weekKey: string): number | null;
  /** The channel's graded scoring answers of rounds dated `from` to `to` (inclusive), oldest first. */
  dailyScores(channelId: string, from: string, to: string): DailyScore[];
}
