import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescingUpdater } from '../../../src/adapters/slack/coalescing-updater.js';

describe('live-count updates', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first update at once, coalesces a burst into one more with the latest value, per message', async () => {
    const sent: [string, number][] = [];
    const u = new CoalescingUpdater<number>(2000, async (key, v) => void sent.push([key, v]), () => undefined, () => Date.now());
    for (let n = 1; n <= 10; n += 1) u.push('C1:1.1', n);
    u.push('C2:2.2', 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([
      ['C1:1.1', 1],
      ['C2:2.2', 1],
    ]);
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      ['C1:1.1', 1],
      ['C2:2.2', 1],
      ['C1:1.1', 10],
    ]);
  });

  it('keeps going after a failed update and flushes what waits at shutdown', async () => {
    const sent: number[] = [];
    const errors: unknown[] = [];
    let fail = true;
    const u = new CoalescingUpdater<number>(
      1000,
      async (_k, v) => {
        if (fail) {
          fail = false;
          throw new Error('ratelimited');
        }
        sent.push(v);
      },
      (_k, err) => errors.push(err),
      () => Date.now(),
    );
    u.push('k', 1);
    await vi.advanceTimersByTimeAsync(0);
    u.push('k', 2);
    await u.flush();
    expect(errors).toHaveLength(1);
    expect(sent).toEqual([2]);
    u.push('k', 3);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([2]);
  });
});
