/**
 * Spaces out the starts of grading jobs. When a batch of grades comes back from the model at once,
 * each finished job frees a slot and the next job would start in the same instant: the batch of
 * requests goes out together, comes back together a model's latency later, and so on, every
 * second, each time storing, delivering and starting a whole batch while members' answers wait
 * for their acknowledgements. Starting jobs at most one per `gap` breaks the batches up.
 *
 * The gap is half of what the slots can use: with `concurrency` slots and grades taking `latency`
 * ms, jobs can finish at most `concurrency / latency` a second, and starts are allowed at twice
 * that rate, so the pacer never limits throughput. The latency is learned from the grader's own
 * calls (a moving average); until one has finished there is no gap. Times are real time
 * (`performance.now()` by default), since what is spread is work on the event loop.
 */
export class StartPacer {
  private latencyMs: number | null = null;
  private nextAt = 0;

  constructor(
    private readonly concurrency: number,
    private readonly maxGapMs = 50,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The current gap between two starts, ms. */
  get gapMs(): number {
    if (this.latencyMs === null) return 0;
    return Math.min(this.maxGapMs, this.latencyMs / this.concurrency / 2);
  }

  /** Ms until the next job may start (0: now). */
  waitMs(): number {
    return Math.max(0, this.nextAt - this.now());
  }

  /** A job starts now. */
  started(): void {
    this.nextAt = this.now() + this.gapMs;
  }

  /** A grader call took `ms`. */
  measured(ms: number): void {
    this.latencyMs = this.latencyMs === null ? ms : this.latencyMs * 0.8 + ms * 0.2;
  }
}
