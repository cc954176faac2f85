import type { NewPostIntent, PostFailure, PostIntent, PostLease, PostStatus, PostStore } from '../core/stores/post-store.js';
import type { Statements } from './statements.js';

interface PostRow {
  kind: string;
  key: string;
  channel_id: string;
  status: PostStatus;
  nonce: string;
  owner: string | null;
  lease_until: number | null;
  uncertain: number;
  window_from: number | null;
  window_to: number | null;
  next_at: number;
  attempts: number;
  message_ref: string | null;
  error: string | null;
  created_at: number;
}

const toIntent = (r: PostRow): PostIntent => ({
  kind: r.kind,
  key: r.key,
  channelId: r.channel_id,
  status: r.status,
  nonce: r.nonce,
  owner: r.owner,
  leaseUntil: r.lease_until,
  uncertain: r.uncertain === 1,
  window: r.window_from !== null && r.window_to !== null ? { from: r.window_from, to: r.window_to } : null,
  nextAt: r.next_at,
  attempts: r.attempts,
  messageRef: r.message_ref,
  error: r.error,
  createdAt: r.created_at,
});

/**
 * Records an intent unless (kind, key) exists; true when new. Shared with the rounds repository,
 * which plans a round's post and its summary inside its own transactions.
 */
export function insertPostIntent(s: Statements, p: NewPostIntent, lease?: PostLease): boolean {
  return (
    s.run(
      `INSERT INTO post_intents (kind, key, channel_id, nonce, owner, lease_until, next_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO NOTHING`,
      p.kind, p.key, p.channelId, p.nonce, lease?.owner ?? null, lease?.until ?? null, p.at, p.at, p.at,
    ).changes === 1
  );
}

/** Post intents: what the bot is about to post, its attempts, leases and outcome. */
export class PostsRepo implements PostStore {
  constructor(private readonly s: Statements) {}

  planPost(p: NewPostIntent, lease?: PostLease): boolean {
    return insertPostIntent(this.s, p, lease);
  }

  getPost(kind: string, key: string): PostIntent | null {
    const row = this.s.one<PostRow>('SELECT * FROM post_intents WHERE kind = ? AND key = ?', kind, key);
    return row ? toIntent(row) : null;
  }

  /**
   * One UPDATE decides it, so two processes cannot both begin. In SQLite's SET clause every column
   * reads its value from before the update: an attempt still marked `sending` never finished (its
   * process died), so the post may exist, somewhere between that attempt's start and its lease's end.
   */
  beginPostAttempt(kind: string, key: string, lease: PostLease, now: number, force = false): PostIntent | null {
    const row = this.s.one<PostRow>(
      `UPDATE post_intents SET
         uncertain = CASE WHEN sending = 1 THEN 1 ELSE uncertain END,
         window_from = CASE WHEN sending = 1 THEN COALESCE(window_from, last_attempt_at, created_at) ELSE window_from END,
         window_to = CASE WHEN sending = 1 THEN MAX(COALESCE(window_to, 0), COALESCE(lease_until, last_attempt_at, created_at)) ELSE window_to END,
         owner = ?, lease_until = ?, sending = 1, attempts = attempts + 1, last_attempt_at = ?, updated_at = ?
       WHERE kind = ? AND key = ? AND status = 'pending'
         AND (owner = ? OR lease_until IS NULL OR lease_until <= ?)
         AND (? = 1 OR next_at <= ?)
       RETURNING *`,
      lease.owner, lease.until, now, now, kind, key, lease.owner, now, force ? 1 : 0, now,
    );
    return row ? toIntent(row) : null;
  }

  renewPost(kind: string, key: string, lease: PostLease): boolean {
    return (
      this.s.run(
        "UPDATE post_intents SET lease_until = ? WHERE kind = ? AND key = ? AND owner = ? AND status = 'pending'",
        lease.until, kind, key, lease.owner,
      ).changes === 1
    );
  }

  postSent(kind: string, key: string, ref: string | null, now: number): void {
    this.s.run(
      `UPDATE post_intents SET status = 'sent', message_ref = COALESCE(?, message_ref), owner = NULL, lease_until = NULL,
         sending = 0, error = NULL, updated_at = ? WHERE kind = ? AND key = ? AND status = 'pending'`,
      ref, now, kind, key,
    );
  }

  postFailed(kind: string, key: string, owner: string, f: PostFailure): void {
    this.s.run(
      `UPDATE post_intents SET
         uncertain = CASE WHEN ? = 1 THEN 1 ELSE uncertain END,
         window_from = CASE WHEN ? = 1 THEN COALESCE(window_from, last_attempt_at) ELSE window_from END,
         window_to = CASE WHEN ? = 1 THEN MAX(COALESCE(window_to, 0), ?) ELSE window_to END,
         owner = NULL, lease_until = NULL, sending = 0, next_at = ?, error = ?, updated_at = ?
       WHERE kind = ? AND key = ? AND owner = ? AND status = 'pending'`,
      f.uncertain ? 1 : 0, f.uncertain ? 1 : 0, f.uncertain ? 1 : 0, f.now, f.nextAt, f.error.slice(0, 500), f.now, kind, key, owner,
    );
  }

  abandonPost(kind: string, key: string, error: string, now: number): void {
    this.s.run(
      "UPDATE post_intents SET status = 'abandoned', owner = NULL, lease_until = NULL, sending = 0, error = ?, updated_at = ? WHERE kind = ? AND key = ? AND status = 'pending'",
      error.slice(0, 500), now, kind, key,
    );
  }

  pendingPosts(): PostIntent[] {
    return this.s.all<PostRow>("SELECT * FROM post_intents WHERE status = 'pending' ORDER BY created_at, kind, key").map(toIntent);
  }
}
