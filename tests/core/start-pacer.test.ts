import { describe, expect, it } from 'vitest';
import { StartPacer } from '../../src/core/start-pacer.js';

/** A pacer on a hand-moved clock. */
function pacer(concurrency: number, maxGapMs?: number) {
  let t = 0;
  const p = new StartPacer(concurrency, maxGapMs, () => t);
  return { p, advance: (ms: number) => (t += ms) };
}

describe('spacing out grading starts', () => {
  it('lets jobs start back to back until a grader call has been timed', () => {
    const { p } = pacer(64);
    p.started();
    expect(p.gapMs).toBe(0);
    expect(p.waitMs()).toBe(0);
  });

  it('spaces starts at half of what the slots can finish: latency / concurrency / 2', () => {
    const { p, advance } = pacer(64);
    p.measured(1_000);
    expect(p.gapMs).toBeCloseTo(7.8125);
    p.started();
    expect(p.waitMs()).toBeCloseTo(7.8125);
    advance(5);
    expect(p.waitMs()).toBeCloseTo(2.8125);
    advance(3);
    expect(p.waitMs()).toBe(0);
  });

  it('follows the grader as it gets slower or faster, as a moving average', () => {
    const { p } = pacer(10);
    p.measured(1_000);
    for (let i = 0; i < 30; i += 1) p.measured(200);
    expect(p.gapMs).toBeCloseTo(10, 0);
    for (let i = 0; i < 30; i += 1) p.measured(600);
    expect(p.gapMs).toBeCloseTo(30, 0);
  });

  it('never waits longer than its cap between two starts, however slow the grader', () => {
    const { p } = pacer(2, 50);
    p.measured(30_000);
    expect(p.gapMs).toBe(50);
  });
});
