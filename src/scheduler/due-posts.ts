import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Due posts in one queue per platform (the channel id's prefix: `discord:`, `slack:`), each
 * platform claiming and sending `concurrency` at once. When thousands of channels are due at the
 * same minute, each platform goes at the pace its rate limits allow, instead of every post being
 * claimed at once and then held in memory (its lease renewed) while the platform's send queue
 * drains; and one platform never waits behind another's limits. A channel already queued is not
 * queued twice (its tick and the minute's sweep find it due together).
 */
export class DuePosts<T> {
  private readonly lanes = new Map<string, LimitFunction>();
  private readonly queued = new Map<string, Promise<T>>();

  constructor(
    private readonly o: {
      concurrency: number;
      now: () => number;
      /** Makes the channel's post if it was due at `at`, the instant it was queued. */
      run: (channelId: string, at: number) => Promise<T>;
    },
  ) {}

  /** Queues the channel's post (judged by when it is queued, not by when its turn comes). */
  queue(channelId: string): Promise<T> {
    const known = this.queued.get(channelId);
    if (known) return known;
    const platform = channelId.split(':', 1)[0]!;
    let lane = this.lanes.get(platform);
    if (!lane) this.lanes.set(platform, (lane = pLimit(this.o.concurrency)));
    const at = this.o.now();
    const done = lane(() => this.o.run(channelId, at)).finally(() => this.queued.delete(channelId));
    this.queued.set(channelId, done);
    return done;
  }
}
