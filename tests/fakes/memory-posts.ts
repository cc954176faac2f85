import type { NewPostIntent, PostFailure, PostIntent, PostLease, PostStore } from '../../src/core/stores/post-store.js';

interface Row extends PostIntent {
  sending: boolean;
  lastAttemptAt: number | null;
}

/** The PostStore in memory: the same contract as the SQLite one (tests/contracts). */
export class MemoryPosts implements PostStore {
  private readonly rows = new Map<string, Row>();

  planPost(p: NewPostIntent, lease?: PostLease): boolean {
    const key = `${p.kind}\u0000${p.key}`;
    if (this.rows.has(key)) return false;
    this.rows.set(key, {
      kind: p.kind, key: p.key, channelId: p.channelId, status: 'pending', nonce: p.nonce, owner: lease?.owner ?? null, leaseUntil: lease?.until ?? null,
      uncertain: false, window: null, nextAt: p.at, attempts: 0, messageRef: null, error: null, createdAt: p.at, sending: false, lastAttemptAt: null,
    });
    return true;
  }

  getPost(kind: string, key: string): PostIntent | null {
    const r = this.rows.get(`${kind}\u0000${key}`);
    return r ? this.view(r) : null;
  }

  beginPostAttempt(kind: string, key: string, lease: PostLease, now: number, force = false): PostIntent | null {
    const r = this.rows.get(`${kind}\u0000${key}`);
    if (!r || r.status !== 'pending') return null;
    if (!(r.owner === lease.owner || r.leaseUntil === null || r.leaseUntil <= now)) return null;
    if (!force && r.nextAt > now) return null;
    if (r.sending) {
      // The attempt that began before never ended: its process died, maybe after posting.
      r.uncertain = true;
      const from = r.window?.from ?? r.lastAttemptAt ?? r.createdAt;
      r.window = { from, to: Math.max(r.window?.to ?? 0, r.leaseUntil ?? r.lastAttemptAt ?? r.createdAt) };
    }
    Object.assign(r, { owner: lease.owner, leaseUntil: lease.until, sending: true, attempts: r.attempts + 1, lastAttemptAt: now });
    return this.view(r);
  }

  renewPost(kind: string, key: string, lease: PostLease): boolean {
    const r = this.rows.get(`${kind}\u0000${key}`);
    if (!r || r.status !== 'pending' || r.owner !== lease.owner) return false;
    r.leaseUntil = lease.until;
    return true;
  }

  postSent(kind: string, key: string, ref: string | null): void {
    const r = this.rows.get(`${kind}\u0000${key}`);
    if (!r || r.status !== 'pending') return;
    Object.assign(r, { status: 'sent', messageRef: ref ?? r.messageRef, owner: null, leaseUntil: null, sending: false, error: null });
  }

  postFailed(kind: string, key: string, owner: string, f: PostFailure): void {
    const r = this.rows.get(`${kind}\u0000${key}`);
    if (!r || r.status !== 'pending' || r.owner !== owner) return;
    if (f.uncertain) {
      r.uncertain = true;
      r.window = { from: r.window?.from ?? r.lastAttemptAt ?? r.createdAt, to: Math.max(r.window?.to ?? 0, f.now) };
    }
    Object.assign(r, { owner: null, leaseUntil: null, sending: false, nextAt: f.nextAt, error: f.error.slice(0, 500) });
  }

  abandonPost(kind: string, key: string, error: string): void {
    const r = this.rows.get(`${kind}\u0000${key}`);
    if (!r || r.status !== 'pending') return;
    Object.assign(r, { status: 'abandoned', owner: null, leaseUntil: null, sending: false, error: error.slice(0, 500) });
  }

  pendingPosts(): PostIntent[] {
    return [...this.rows.values()]
      .filter((r) => r.status === 'pending')
      .sort((a, b) => a.createdAt - b.createdAt || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key))
      .map((r) => this.view(r));
  }

  private view(r: Row): PostIntent {
    const { sending: _s, lastAttemptAt: _l, ...intent } = r;
    return { ...intent, window: intent.window ? { ...intent.window } : null };
  }
}
