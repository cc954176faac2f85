import { describe, expect, it } from 'vitest';
import { fitKeyedCurve, GAMED_MAX, splitPacks, type ExampleRow } from '../../src/eval/fit-examples.js';
import { calibrate } from '../../src/grading/offline-grader.js';
import type { Assessment } from '../../src/grading/text/assess.js';

const assessed = (share: number): Assessment => ({ share, pointsShare: share, breadth: 0, states: [], credits: [], restatesQuestion: false, listLike: false, empty: false });
const row = (share: number, expected: number): ExampleRow => ({ pack: 'p', file: 'p/01.md', expected, assessment: assessed(share) });

describe('fitting the key-point curve to graded examples', () => {
  it('splits packs by name, alternately to fit and report', () => {
    expect(splitPacks(['d', 'b', 'a', 'c', 'a'])).toEqual({ fit: ['a', 'c'], report: ['b', 'd'] });
  });

  it('finds the curve that puts the examples within tolerance', () => {
    const rows = [row(0, 0), row(0.25, 4), row(0.5, 7), row(0.75, 9), row(1, 10)];
    const curve = fitKeyedCurve(rows);
    for (const r of rows) expect(Math.abs(calibrate(r.assessment, curve) - r.expected)).toBeLessThanOrEqual(2);
  });

  it('keeps answers made to game the grader at the bound, even when the examples would pull the curve up', () => {
    const generous = [row(0.1, 6), row(0.2, 8), row(0.4, 10)];
    const gamed = [[assessed(0.1), assessed(0.15)]];
    const curve = fitKeyedCurve(generous, gamed);
    const mean = gamed[0]!.reduce((s, a) => s + calibrate(a, curve), 0) / gamed[0]!.length;
    expect(mean).toBeLessThanOrEqual(GAMED_MAX);
    expect(calibrate(assessed(0.1), fitKeyedCurve(generous))).toBeGreaterThan(calibrate(assessed(0.1), curve));
  });
});
