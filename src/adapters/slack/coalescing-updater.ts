interface Slot<T> {
  latest: T | null;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  lastAt: number;
}

/**
 * Coalesces updates of the same thing (a message's live answer count): at most one call per key per
 * `intervalMs`, always with the latest value. A burst of answers becomes a couple of `chat.update`
 * calls instead of one per answer, which would run into Slack's rate limit for the method.
 */
export class CoalescingUpdater<T> {
  private readonly slots = new Map<string, Slot<T>>();
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: string, value: T) => Promise<void>,
    private readonly onError: (key: string, err: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  push(key: string, value: T): void {
    if (this.stopped) return;
    const slot = this.slots.get(key) ?? { latest: null, timer: null, running: null, lastAt: -Infinity };
    this.slots.set(key, slot);
    slot.latest = value;
    this.schedule(key, slot);
  }

  /** Sends whatever is waiting now and stops taking updates (at shutdown). */
  async flush(): Promise<void> {
    this.stopped = true;
    const work: Promise<void>[] = [];
    for (const [key, slot] of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (slot.running) work.push(slot.running);
      if (slot.latest !== null) work.push(this.fire(key, slot));
    }
    await Promise.all(work);
  }

  private schedule(key: string, slot: Slot<T>): void {
    if (slot.timer || slot.running || slot.latest === null) return;
    const wait = slot.lastAt + this.intervalMs - this.now();
    if (wait <= 0) {
      void this.fire(key, slot);
      return;
    }
    slot.timer = setTimeout(() => {
      slot.timer = null;
      void this.fire(key, slot);
    }, wait);
    slot.timer.unref();
  }

  private fire(key: string, slot: Slot<T>): Promise<void> {
    const value = slot.latest;
    if (value === null) return Promise.resolve();
    slot.latest = null;
    slot.lastAt = this.now();
    const p = this.run(key, value)
      .catch((err: unknown) => this.onError(key, err))
      .finally(() => {
        slot.running = null;
        if (slot.latest !== null && !this.stopped) this.schedule(key, slot);
        else if (slot.latest === null) this.prune();
      });
    slot.running = p;
    return p;
  }

  private prune(): void {
    if (this.slots.size < 500) return;
    const cutoff = this.now() - this.intervalMs;
    for (const [key, slot] of this.slots) if (!slot.running && !slot.timer && slot.latest === null && slot.lastAt < cutoff) this.slots.delete(key);
  }
}
