/** Where an intent stands: still to be posted, in the channel, or given up. */
export type PostStatus = 'pending' | 'sent' | 'abandoned';

/**
 * A post the bot means to make (a round's question, its summary, a weekly digest), as stored
 * before it is sent. `kind` + `key` name it: one intent per name, ever.
 */
export interface PostIntent {
  kind: string;
  key: string;
  channelId: string;
  status: PostStatus;
  /** Discord's nonce for this post, the same on every attempt (at most 25 characters). */
  nonce: string;
  /** The process holding the current attempt, and until when. */
  owner: string | null;
  leaseUntil: number | null;
  /** An earlier attempt may have posted (it crashed, or failed without a clear answer): look first. */
  uncertain: boolean;
  /** When the attempts that may have posted ran (epoch ms): where to look. */
  window: { from: number; to: number } | null;
  /** Not before this instant (the back-off after a failed attempt). */
  nextAt: number;
  attempts: number;
  messageRef: string | null;
  error: string | null;
  createdAt: number;
}

export interface NewPostIntent {
  kind: string;
  key: string;
  channelId: string;
  nonce: string;
  at: number;
}

/** An attempt's hold on an intent: one process (`owner`), until an instant it renews while it works. */
export interface PostLease {
  owner: string;
  until: number;
}

/** What a failed attempt leaves behind. */
export interface PostFailure {
  error: string;
  /** The platform may have taken the post all the same (a timeout, a dropped connection). */
  uncertain: boolean;
  nextAt: number;
  now: number;
}

/**
 * Post intents: the bot records what it is about to post before it sends it, so that after a
 * crash at any point of a post (before the send, after the platform took it but before its id was
 * stored) the next attempt knows to look in the channel first and adopt what it finds, or post
 * once. Attempts are leased, so two processes on one database never send the same post at once, and
 * a crashed process's attempt is taken over as soon as its lease (under a minute) runs out.
 * Generic by design: any post that must appear once per key (a round, a summary, a weekly digest
 * per channel and week) is an intent of its own kind.
 */
export interface PostStore {
  /**
   * Records the intent unless its (kind, key) exists already; true when it was new. With a lease
   * the caller holds the first attempt from the start (no other process may begin it meanwhile).
   */
  planPost(p: NewPostIntent, lease?: PostLease): boolean;
  getPost(kind: string, key: string): PostIntent | null;
  /**
   * Starts an attempt for `lease.owner`: the intent must be pending, due (or `force`), and not held
   * by another owner's live lease. An attempt that began and never ended (its process died) makes
   * the intent uncertain, with that attempt's time in the window. Null when it may not start.
   */
  beginPostAttempt(kind: string, key: string, lease: PostLease, now: number, force?: boolean): PostIntent | null;
  /** Extends the owner's lease while its attempt runs; false when it no longer holds the intent. */
  renewPost(kind: string, key: string, lease: PostLease): boolean;
  /** The post is in the channel (sent now, or found from an earlier attempt). */
  postSent(kind: string, key: string, ref: string | null, now: number): void;
  /** The owner's attempt failed; the intent waits until `nextAt`, uncertain if the post may exist. */
  postFailed(kind: string, key: string, owner: string, f: PostFailure): void;
  /** No more attempts: the post is no longer wanted, or its retries gave up. */
  abandonPost(kind: string, key: string, error: string, now: number): void;
  /** Every pending intent (due, backing off or held), oldest first. */
  pendingPosts(): PostIntent[];
}
