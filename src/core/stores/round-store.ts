import type { Round, RoundStatus } from '../model.js';

/**
 * How long one delivery attempt of a round's post may take before another attempt may start (a send
 * waiting in a rate-limited queue included). A crash mid-send leaves the round pending; it is retried
 * once this has passed.
 */
export const DELIVERY_LEASE_MS = 10 * 60_000;

/** A round about to be claimed: the store decides its id and starts it open, not yet delivered. */
export type NewRound = Omit<Round, 'id' | 'status' | 'closedAt' | 'messageRef'>;

/**
 * Rounds (one question of the day per channel and local date) and the delivery of their posts.
 * Claiming a round and closing it are decided inside the store's transaction, so a repeated tick,
 * a restart or a second process on the same database never posts a day twice or summarises a
 * round twice. A round's post is delivered under a lease, so a crash mid-send is retried, once.
 */
export interface RoundStore {
  /** Creates the round for (channel, localDate), or returns null when that slot is already taken. */
  claimRound(r: NewRound): Round | null;
  getRound(id: number): Round | null;
  getRoundByDate(channelId: string, localDate: string): Round | null;
  getOpenRound(channelId: string): Round | null;
  listOpenRounds(): Round[];
  /** The channel's latest round, open or closed. */
  latestRound(channelId: string): Round | null;
  /** Closes an open round; true only for the call that closed it (so the summary posts once). */
  closeRound(roundId: number, at: number, status: Exclude<RoundStatus, 'open'>): boolean;
  /** Questions already asked in the channel in this cycle of its packs. */
  askedQuestionIds(channelId: string, cycle: number): string[];
  /** Rounds of a channel that count for streaks (not skipped), oldest first. */
  streakRounds(channelId: string): Round[];

  /** Open rounds whose post has not reached the channel yet. */
  undeliveredRounds(): Round[];
  /**
   * Takes the next delivery attempt of a pending round until `leaseUntil`; false when it is not
   * pending, not open, or not due yet (backing off, or another attempt holds it).
   */
  claimDeliveryAttempt(roundId: number, now: number, leaseUntil: number): boolean;
  /** The post reached the channel: stores its reference and ends retries. */
  roundDelivered(roundId: number, ref: string | null): void;
  /** An attempt failed: counts it, keeps the reason and waits until `nextAt` before the next. */
  roundDeliveryFailed(roundId: number, error: string, nextAt: number): void;
  /** Retries gave up; the round stays, undelivered. */
  giveUpDelivery(roundId: number): void;
  /** True only the first time, so admins hear of a failed post once. */
  markDeliveryReported(roundId: number, at: number): boolean;
}
