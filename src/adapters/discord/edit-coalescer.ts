type Apply = () => Promise<void>;

interface Slot {
  lastStart: number;
  pending: { apply: Apply; waiters: { resolve: () => void; reject: (e: unknown) => void }[] } | null;
  timer: NodeJS.Timeout | null;
  running: boolean;
}

/**
 * Coalesces edits of one message: at most one edit per message every `intervalMs`, always the
 * latest content. A burst of answers updates the live count once or twice instead of once per
 * answer, which keeps the bot clear of Discord's per-channel edit rate limits. Each caller's
 * promise settles when an edit at least as new as theirs has been applied.
 */
export class EditCoalescer {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(
    private readonly intervalMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  submit(key: string, apply: Apply): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const slot = this.slots.get(key) ?? { lastStart: -Infinity, pending: null, timer: null, running: false };
    this.slots.set(key, slot);
    const done = new Promise<void>((resolve, reject) => {
      const waiters = slot.pending?.waiters ?? [];
      waiters.push({ resolve, reject });
      slot.pending = { apply, waiters };
    });
    this.schedule(key, slot);
    return done;
  }

  /** Applies every pending edit now (at shutdown) and stops taking new ones. */
  async flush(): Promise<void> {
    this.stopped = true;
    const runs: Promise<void>[] = [];
    for (const slot of this.slots.values()) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (slot.pending && !slot.running) runs.push(this.run(slot));
    }
    await Promise.all(runs);
  }

  private schedule(key: string, slot: Slot): void {
    if (slot.running || slot.timer || !slot.pending) return;
    const wait = slot.lastStart + this.intervalMs - this.now();
    if (wait <= 0) {
      void this.run(slot).then(() => this.afterRun(key, slot));
      return;
    }
    slot.timer = setTimeout(() => {
      slot.timer = null;
      void this.run(slot).then(() => this.afterRun(key, slot));
    }, wait);
    slot.timer.unref();
  }

  private async run(slot: Slot): Promise<void> {
    const job = slot.pending;
    if (!job) return;
    slot.pending = null;
    slot.running = true;
    slot.lastStart = this.now();
    try {
      await job.apply();
      for (const w of job.waiters) w.resolve();
    } catch (err) {
      for (const w of job.waiters) w.reject(err);
    } finally {
      slot.running = false;
    }
  }

  private afterRun(key: string, slot: Slot): void {
    if (slot.pending) this.schedule(key, slot);
    else if (this.slots.size > 500) this.prune();
  }

  private prune(): void {
    const cutoff = this.now() - this.intervalMs;
    for (const [key, slot] of this.slots) if (!slot.pending && !slot.running && !slot.timer && slot.lastStart < cutoff) this.slots.delete(key);
  }
}
