import type { Round, RoundStatus } from '../model.js';
import type { PostLease } from './post-store.js';

/** A round about to be claimed: the store decides its id and starts it open, not yet delivered. */
export type NewRound = Omit<Round, 'id' | 'status' | 'closedAt' | 'messageRef'>;

/**
 * Rounds (one question of the day per channel and local date) and the delivery of their posts.
 * Claiming a round and closing it are decided inside the store's transaction, so a repeated tick,
 * a restart or a second process on the same database never posts a day twice or summarises a
 * round twice. The posts themselves are post intents (PostStore) planned in those same
 * transactions: the round's question (kind `round`) when it is claimed, its summary (kind
 * `summary`) when it closes after its question reached the channel.
 */
export interface RoundStore {
  /**
   * Creates the round for (channel, localDate) with the intent of its post, held by `lease` for the
   * first attempt, in one transaction; null when that slot is already taken.
   */
  claimRound(r: NewRound, lease?: PostLease): Round | null;
  getRound(id: number): Round | null;
  getRoundByDate(channelId: string, localDate: string): Round | null;
  getOpenRound(channelId: string): Round | null;
  listOpenRounds(): Round[];
  /** The channel's latest round, open or closed. */
  latestRound(channelId: string): Round | null;
  /**
   * Closes an open round; true only for the call that closed it. In the same transaction, the
   * intent of its summary is planned when its question reached the channel (so the summary is
   * posted once, also when the process dies right after closing).
   */
  closeRound(roundId: number, at: number, status: Exclude<RoundStatus, 'open'>): boolean;
  /** Questions already asked in the channel in this cycle of its packs. */
  askedQuestionIds(channelId: string, cycle: number): string[];
  /** Rounds of a channel that count for streaks (not skipped), oldest first. */
  streakRounds(channelId: string): Round[];

  /** The post reached the channel: stores its reference and ends retries. */
  roundDelivered(roundId: number, ref: string | null): void;
  /** An attempt failed: counts it, keeps the reason and waits until `nextAt` before the next. */
  roundDeliveryFailed(roundId: number, error: string, nextAt: number): void;
  /** Retries gave up; the round stays, undelivered. */
  giveUpDelivery(roundId: number): void;
  /** True only the first time, so admins hear of a failed post once. */
  markDeliveryReported(roundId: number, at: number): boolean;
}
