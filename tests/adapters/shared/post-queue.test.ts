import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostQueue } from '../../../src/adapters/shared/post-queue.js';
import { DeliveryError, type ChatPort, type MessageRef, type Target } from '../../../src/core/ports.js';
import { text, type Reply } from '../../../src/core/replies.js';
import { systemClock } from '../../../src/system-clock.js';
import { MemoryLogger } from '../../fakes/silent-logger.js';

/** The real clock, whose timers vitest's fake timers move. */
const opts = () => ({ clock: systemClock, logger: new MemoryLogger() });

/**
 * A platform that accepts `capacity` sends per fixed window and answers the rest with a 429 whose
 * Retry-After is the time left in the window (as Discord's and Slack's buckets do).
 */
class LimitedPort implements ChatPort {
  readonly delivered: { channelId: string; text: string; at: number }[] = [];
  readonly retryAfters: number[] = [];
  calls = 0;
  private windowStart = Date.now();
  private used = 0;

  constructor(
    private readonly capacity: number,
    private readonly windowMs: number,
  ) {}

  async send(target: Target, reply: Reply): Promise<MessageRef | null> {
    this.calls += 1;
    await Promise.resolve(); // a network hop
    const now = Date.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now - ((now - this.windowStart) % this.windowMs);
      this.used = 0;
    }
    if (this.used >= this.capacity) {
      const retryAfter = this.windowStart + this.windowMs - now;
      this.retryAfters.push(retryAfter);
      throw new DeliveryError('rate_limited', 'You are being rate limited.', retryAfter);
    }
    this.used += 1;
    this.delivered.push({ channelId: target.channelId, text: reply.kind === 'text' ? reply.text : reply.kind, at: now });
    return `m${this.delivered.length}`;
  }

  async edit(): Promise<void> {}
}

describe('the per-platform post queue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers a burst of 50 posts through 429s, in order of arrival per channel, waiting as Retry-After says', async () => {
    const port = new LimitedPort(10, 1_000);
    const queue = new PostQueue(port, { ...opts(), concurrency: 4 });
    const start = Date.now();
    const sends: Promise<MessageRef | null>[] = [];
    for (let i = 0; i < 50; i += 1) {
      const channelId = `discord:g1:c${i % 5}`;
      sends.push(queue.send({ channelId }, text(`post ${i}`)));
    }
    await vi.runAllTimersAsync();
    const refs = await Promise.all(sends);

    expect(refs.every((r) => typeof r === 'string')).toBe(true);
    expect(port.delivered).toHaveLength(50);
    for (let c = 0; c < 5; c += 1) {
      const got = port.delivered.filter((d) => d.channelId === `discord:g1:c${c}`).map((d) => Number(d.text.split(' ')[1]));
      expect(got).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => k * 5 + c));
    }
    // 50 posts at 10 per second need five windows: four waits of about a second, no more.
    const elapsed = port.delivered.at(-1)!.at - start;
    expect(elapsed).toBeGreaterThanOrEqual(4_000);
    expect(elapsed).toBeLessThan(5_000);
    expect(queue.stats.rateLimited).toBe(port.retryAfters.length);
    expect(queue.stats.rateLimited).toBeGreaterThan(0);
    // The whole queue holds after a 429, so refusals stay few: at most one per send in flight per window.
    expect(queue.stats.rateLimited).toBeLessThanOrEqual(4 * 4);
    expect(queue.stats.heldMs).toBeLessThanOrEqual(elapsed);
    expect(queue.stats.heldMs).toBeGreaterThanOrEqual(Math.max(...port.retryAfters));
    expect(queue.pending()).toBe(0);
  });

  it('never drops a post however long the platform keeps refusing', async () => {
    let refusals = 7;
    const sent: string[] = [];
    const port: ChatPort = {
      async send(_t, reply) {
        if (refusals > 0) {
          refusals -= 1;
          throw new DeliveryError('rate_limited', 'slow down', 30_000);
        }
        sent.push(reply.kind === 'text' ? reply.text : '');
        return 'ok';
      },
      async edit() {},
    };
    const queue = new PostQueue(port, opts());
    const p = queue.send({ channelId: 'slack:T1:C1' }, text('question of the day'));
    await vi.runAllTimersAsync();
    await expect(p).resolves.toBe('ok');
    expect(sent).toEqual(['question of the day']);
    expect(queue.stats).toMatchObject({ rateLimited: 7, heldMs: 7 * 30_000 });
  });

  it('passes other failures through at once, and keeps going with the next post', async () => {
    const calls: string[] = [];
    const port: ChatPort = {
      async send(t, reply) {
        calls.push(t.channelId);
        if (reply.kind === 'text' && reply.text === 'boom') throw new DeliveryError('forbidden', 'Missing Permissions');
        return 'ok';
      },
      async edit() {},
    };
    const queue = new PostQueue(port, opts());
    const failed = queue.send({ channelId: 'discord:g1:c1' }, text('boom'));
    const next = queue.send({ channelId: 'discord:g1:c1' }, text('fine'));
    await expect(failed).rejects.toMatchObject({ code: 'forbidden' });
    await expect(next).resolves.toBe('ok');
    expect(calls).toEqual(['discord:g1:c1', 'discord:g1:c1']);
  });

  it('keeps an edit behind the send it follows, and lets private replies pass a held channel post', async () => {
    const log: string[] = [];
    let first = true;
    const port: ChatPort = {
      async send(t, reply) {
        const label = `${t.userId ? 'private' : 'public'}:${reply.kind === 'text' ? reply.text : ''}`;
        if (first && !t.userId) {
          first = false;
          throw new DeliveryError('rate_limited', 'slow down', 2_000);
        }
        log.push(label);
        return 'ref';
      },
      async edit(_t, ref) {
        log.push(`edit:${ref}`);
      },
    };
    const queue = new PostQueue(port, { ...opts(), concurrency: 2 });
    const post = queue.send({ channelId: 'discord:g1:c1' }, text('question'));
    const edit = queue.edit({ channelId: 'discord:g1:c1' }, 'ref', text('question, 1 answered'));
    await vi.advanceTimersByTimeAsync(0);
    const grade = queue.send({ channelId: 'discord:g1:c1', userId: 'discord:ann' }, text('score'));
    await vi.runAllTimersAsync();
    await Promise.all([post, edit, grade]);
    // The whole platform holds after a 429, so the private reply also waits, but it is not queued behind the post.
    expect(log.indexOf('public:question')).toBeLessThan(log.indexOf('edit:ref'));
    expect(log).toHaveLength(3);
  });

  it('forwards the permission check of the port it wraps, and has none when that port has none', async () => {
    const plain: ChatPort = { send: async () => null, edit: async () => {} };
    expect(new PostQueue(plain, opts()).checkPermissions).toBeUndefined();
    const checked = new PostQueue({ ...plain, checkPermissions: async () => ['Embed Links'] }, opts());
    await expect(checked.checkPermissions!('discord:g1:c1')).resolves.toEqual(['Embed Links']);
  });
});
