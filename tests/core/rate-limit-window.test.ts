import { describe, expect, it } from 'vitest';
import { RateLimitWindow } from '../../src/core/rate-limit-window.js';

describe('the grading window under a rate limit', () => {
  it('allows the full concurrency until the server says to wait', () => {
    const w = new RateLimitWindow(8);
    expect(w.allows(0, 7)).toBe(true);
    expect(w.allows(0, 8)).toBe(false);
  });

  it('pauses every job until retry-after, then allows half of what was in flight', () => {
    const w = new RateLimitWindow(8);
    w.limited(100, 200, 1_200, 8);
    expect(w.allows(1_199, 0)).toBe(false);
    expect(w.resumesAt).toBe(1_200);
    expect(w.allows(1_200, 3)).toBe(true);
    expect(w.allows(1_200, 4)).toBe(false);
  });

  it('grows back by one per grade the server accepts, up to the concurrency', () => {
    const w = new RateLimitWindow(4);
    w.limited(100, 200, 300, 2); // window 1
    expect(w.allows(300, 1)).toBe(false);
    w.accepted(300);
    expect(w.allows(400, 1)).toBe(true);
    for (let i = 0; i < 10; i += 1) w.accepted(300);
    expect(w.allows(400, 3)).toBe(true);
    expect(w.allows(400, 4)).toBe(false);
  });

  it('is cut once for the requests that were already out when the limit was hit', () => {
    const w = new RateLimitWindow(16);
    w.limited(100, 200, 300, 16); // 8
    w.limited(150, 210, 320, 15); // started before the cut: no second halving
    w.accepted(190); // answered, but sent before the cut: says nothing about the limit now
    expect(w.allows(320, 7)).toBe(true);
    expect(w.allows(320, 8)).toBe(false);
    expect(w.resumesAt).toBe(320);
    w.limited(400, 500, 600, 8); // started after the cut: 4
    expect(w.allows(600, 4)).toBe(false);
  });

  it('never closes entirely', () => {
    const w = new RateLimitWindow(4);
    w.limited(0, 0, 10, 1);
    w.limited(20, 20, 30, 1);
    expect(w.allows(30, 0)).toBe(true);
  });
});
