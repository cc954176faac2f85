import type { DepsWith } from './context.js';
import { postMark, postNonce } from './post-identity.js';
import { asDeliveryError, retryDelay, type PostKind, type PostOutcome, type RecoveryReport } from './post-kind.js';
import type { MessageRef, Target } from './ports.js';
import type { PostIntent } from './stores/post-store.js';

const MINUTE = 60_000;
/** Outcomes after which an attempt leaves nothing new for the recovery timer to wake for. */
const SETTLED = new Set<PostOutcome['status']>(['sent', 'adopted', 'done', 'dropped', 'failed']);
/** The longest the recovery timer sleeps: a due post is looked at again within this. */
const MAX_SLEEP_MS = MINUTE;

/**
 * Posts that know whether they were made. Every post of a registered kind is an intent stored before
 * it is sent; each attempt holds a lease (renewed while it waits in a platform's queue), carries the
 * post's mark (Slack metadata, Discord nonce and footer tag), and, when an earlier attempt may have
 * posted (it crashed, or timed out), first looks in the channel and adopts what it finds: one post
 * per intent after a crash, a restart or a second process. Failures retry with back-off until the deadline.
 */
export class Posts {
  private readonly kinds = new Map<string, PostKind>();
  /** Attempts this process runs now, so a sweep never starts a second one beside them. */
  private readonly inFlight = new Set<string>();
  private sweeping: Promise<RecoveryReport> | null = null;
  /** Intents the last sweep found due but could not move (kind not registered here, channel paused). */
  private stuck = new Set<string>();
  private cancelTimer: (() => void) | null = null;
  /** When the armed timer fires (epoch ms); null when none is armed. */
  private armedAt: number | null = null;
  /** The timer runs between start and stop only (the app starts it; core tests sweep by hand). */
  private stopped = true;

  constructor(private readonly d: DepsWith<'posts'>) {}

  register(kind: string, handler: PostKind): void {
    this.kinds.set(kind, handler);
  }

  /** Records the intent of a post (once per kind and key); true when it is new. */
  plan(kind: string, key: string, channelId: string): boolean {
    const at = this.d.clock.now();
    return this.d.store.posts.planPost({ kind, key, channelId, nonce: postNonce(kind, key, at), at });
  }

  /**
   * One attempt at the post now: looks first when an earlier attempt may have made it, else sends
   * it. `force` ignores the back-off (an admin asked); a live lease is never ignored.
   */
  async deliver(kind: string, key: string, o: { force?: boolean } = {}): Promise<PostOutcome> {
    const name = `${kind}:${key}`;
    const handler = this.kinds.get(kind);
    if (!handler) throw new Error(`no post kind ${kind} is registered`);
    if (this.inFlight.has(name)) return { status: 'busy' };
    this.inFlight.add(name);
    let outcome: PostOutcome | null = null;
    try {
      outcome = await this.attempt(kind, key, handler, o.force ?? false);
      return outcome;
    } finally {
      this.inFlight.delete(name);
      // A post made, given up or backing off (its attempt set the timer by its next try) leaves
      // nothing new to wake for. Reading every pending post after each one would cost the
      // thousands of posts due at the same minute a read of thousands each.
      if (!outcome || !SETTLED.has(outcome.status)) this.arm();
    }
  }

  /** Finishes every due pending post of a registered kind; concurrent calls share one sweep. */
  recover(): Promise<RecoveryReport> {
    this.sweeping ??= this.sweep().finally(() => {
      this.sweeping = null;
      this.arm();
    });
    return this.sweeping;
  }

  /** Starts the timer that runs the sweep when the next pending post is due (a lease run out included). */
  start(): void {
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.armedAt = null;
  }

  /**
   * Every pending post of a registered kind: past its deadline it is given up, while it backs off
   * or another attempt holds it, it waits, else it gets an attempt now.
   */
  private async sweep(): Promise<RecoveryReport> {
    const { clock } = this.d;
    const report: RecoveryReport = { delivered: 0, waiting: 0, gaveUp: 0 };
    const stuck = new Set<string>();
    for (const intent of this.pending()) {
      const handler = this.kinds.get(intent.kind);
      if (!handler) {
        stuck.add(`${intent.kind}:${intent.key}`);
        continue;
      }
      const now = clock.now();
      if (now > handler.deadline(intent)) {
        this.abandon(intent, handler, 'its time to be posted has passed');
        report.gaveUp += 1;
        continue;
      }
      const held = intent.leaseUntil !== null && intent.leaseUntil > now;
      if (intent.nextAt > now || held) {
        report.waiting += 1;
        continue;
      }
      const outcome = await this.deliver(intent.kind, intent.key);
      if (outcome.status === 'sent' || outcome.status === 'adopted') report.delivered += 1;
      else if (outcome.status === 'dropped') report.gaveUp += 1;
      else if (outcome.status !== 'done') report.waiting += 1;
      if (outcome.status === 'waiting') stuck.add(`${intent.kind}:${intent.key}`);
    }
    this.stuck = stuck;
    return report;
  }

  /** Pending posts of the channels this process serves (another shard's are its own to finish). */
  private pending(): PostIntent[] {
    const { store, chat } = this.d;
    const all = store.posts.pendingPosts();
    return chat.serves ? all.filter((p) => chat.serves!(p.channelId)) : all;
  }

  private abandon(intent: PostIntent, handler: PostKind, reason: string): void {
    this.d.store.posts.abandonPost(intent.kind, intent.key, reason, this.d.clock.now());
    handler.abandoned?.(intent, reason);
  }

  private async attempt(kind: string, key: string, handler: PostKind, force: boolean): Promise<PostOutcome> {
    const { store, clock, logger, options } = this.d;
    const seen = store.posts.getPost(kind, key);
    if (!seen || seen.status !== 'pending') return { status: 'done' };
    const now = clock.now();
    const late = now > handler.deadline(seen);
    const rendered = late ? null : await handler.render(seen);
    if (rendered === null) {
      this.abandon(seen, handler, late ? 'its time to be posted has passed' : 'it is no longer wanted');
      return { status: 'dropped' };
    }
    // Looked at again by the next sweep (a minute), so a resumed channel gets its post at once.
    if (rendered === 'wait') return { status: 'waiting' };
    const lease = { owner: options.instanceId, until: now + options.leaseMs };
    const intent = store.posts.beginPostAttempt(kind, key, lease, now, force);
    if (!intent) return { status: 'busy' };
    const stopRenewing = this.renewWhileRunning(kind, key);
    const mark = postMark(kind, key, intent.nonce);
    try {
      if (intent.uncertain && intent.window) {
        const found = await this.lookFor(rendered.target, intent, mark);
        if (found === 'later') return { status: 'busy' };
        if (found) {
          store.posts.postSent(kind, key, found, clock.now());
          logger.info({ kind, key, channelId: intent.channelId, attempts: intent.attempts }, 'found the post an earlier attempt made; adopted it');
          handler.delivered?.(intent, found, true);
          return { status: 'adopted', ref: found };
        }
      }
      const ref = await this.d.chat.send({ ...rendered.target, post: mark }, rendered.reply);
      store.posts.postSent(kind, key, ref, clock.now());
      handler.delivered?.(intent, ref, false);
      return { status: 'sent', ref };
    } catch (err) {
      const error = asDeliveryError(err);
      const nextAt = clock.now() + retryDelay(intent.attempts, error);
      store.posts.postFailed(kind, key, lease.owner, { error: error.message, uncertain: error.uncertain, nextAt, now: clock.now() });
      this.wakeBy(nextAt);
      await handler.failed?.(intent, error, nextAt);
      return { status: 'failed', error };
    } finally {
      stopRenewing();
    }
  }

  /**
   * Looks for the post an earlier attempt may have made. Null when it is not there (or the platform
   * cannot tell: the post is then made); `'later'` when the platform asks to wait before reading.
   */
  private async lookFor(target: Target, intent: PostIntent, mark: ReturnType<typeof postMark>): Promise<MessageRef | null | 'later'> {
    const { chat, store, clock, logger, options } = this.d;
    if (!chat.findPost || !intent.window) return null;
    try {
      return await chat.findPost(target, mark, intent.window);
    } catch (err) {
      const error = asDeliveryError(err);
      if (error.code === 'rate_limited') {
        const nextAt = clock.now() + Math.max(1_000, error.retryAfterMs ?? MINUTE);
        store.posts.postFailed(intent.kind, intent.key, options.instanceId, { error: error.message, uncertain: true, nextAt, now: clock.now() });
        this.wakeBy(nextAt);
        return 'later';
      }
      logger.warn({ err: error, kind: intent.kind, key: intent.key, channelId: intent.channelId }, 'could not look for an earlier attempt of a post; posting it');
      return null;
    }
  }

  /** Renews the attempt's lease every third of it while the send waits or runs. */
  private renewWhileRunning(kind: string, key: string): () => void {
    const { clock, store, options } = this.d;
    let cancel: (() => void) | null = null;
    const tick = () => {
      store.posts.renewPost(kind, key, { owner: options.instanceId, until: clock.now() + options.leaseMs });
      cancel = clock.setTimeout(tick, options.leaseMs / 3);
    };
    cancel = clock.setTimeout(tick, options.leaseMs / 3);
    return () => cancel?.();
  }

  /**
   * Wakes the sweep when the next pending post is due (a back-off or a lease running out), at the latest
   * in a minute; a post the last sweep could not move (kind not registered here, channel paused) too.
   */
  private arm(): void {
    if (this.stopped) return;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.armedAt = null;
    const now = this.d.clock.now();
    let wait = Infinity;
    for (const p of this.pending()) {
      const due = Math.max(p.nextAt, p.leaseUntil ?? 0);
      wait = Math.min(wait, this.stuck.has(`${p.kind}:${p.key}`) ? MAX_SLEEP_MS : Math.max(50, due - now));
    }
    if (wait !== Infinity) this.setTimer(wait);
  }

  /** Makes the sweep run by `at` at the latest (a failed attempt's next try), keeping an earlier timer. */
  private wakeBy(at: number): void {
    if (this.stopped || (this.armedAt !== null && this.armedAt <= at)) return;
    this.cancelTimer?.();
    this.setTimer(Math.max(50, at - this.d.clock.now()));
  }

  private setTimer(wait: number): void {
    const ms = Math.min(MAX_SLEEP_MS, wait);
    this.armedAt = this.d.clock.now() + ms;
    this.cancelTimer = this.d.clock.setTimeout(() => {
      this.cancelTimer = null;
      this.armedAt = null;
      void this.recover().catch((err: unknown) => this.d.logger.error({ err }, 'post recovery failed'));
    }, ms);
  }
}
