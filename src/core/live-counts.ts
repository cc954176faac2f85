import type { Clock } from './ports.js';

/** How long after an answer its round's count is refreshed, so the acknowledgement goes out first. */
const AFTER_ACK_MS = 250;

interface Entry {
  /** When the last refresh started (ms). */
  last: number;
  /** Cancels the refresh waiting to run, when one is. */
  cancel: (() => void) | null;
}

/**
 * Live answer counts on round posts, for every platform. Each answer changes its round's count,
 * but a platform lets a bot edit a message about once every two seconds; so a round's post is
 * refreshed at most once per `intervalMs`, a moment after the answer that changed it, and always
 * with the count at that moment (the refresh reads it then). A burst of answers becomes one or two
 * edits instead of one per answer.
 */
export class LiveCounts {
  private readonly rounds = new Map<number, Entry>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly refresh: (roundId: number) => Promise<void>,
  ) {}

  /** The round's count changed: its post is refreshed soon. */
  changed(roundId: number): void {
    const entry = this.rounds.get(roundId) ?? { last: -Infinity, cancel: null };
    this.rounds.set(roundId, entry);
    if (entry.cancel) return;
    const now = this.clock.now();
    const wait = Math.max(AFTER_ACK_MS, entry.last + this.intervalMs - now);
    entry.cancel = this.clock.setTimeout(() => this.fire(roundId, entry), wait);
  }

  /** The round's post was just refreshed another way (closing it): no refresh is waiting any more. */
  forget(roundId: number): void {
    this.rounds.get(roundId)?.cancel?.();
    this.rounds.delete(roundId);
  }

  /** Runs every waiting refresh now and waits for those in flight (at shutdown). */
  async flush(): Promise<void> {
    for (const [roundId, entry] of this.rounds) {
      if (!entry.cancel) continue;
      entry.cancel();
      this.fire(roundId, entry);
    }
    await Promise.all([...this.running]);
  }

  private fire(roundId: number, entry: Entry): void {
    entry.cancel = null;
    entry.last = this.clock.now();
    const p = this.refresh(roundId).finally(() => this.running.delete(p));
    this.running.add(p);
    this.prune();
  }

  /** Rounds not refreshed for a while are dropped, so the map holds only busy ones. */
  private prune(): void {
    if (this.rounds.size < 256) return;
    const cutoff = this.clock.now() - this.intervalMs;
    for (const [id, e] of this.rounds) if (!e.cancel && e.last < cutoff) this.rounds.delete(id);
  }
}
