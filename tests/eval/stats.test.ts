import { describe, expect, it } from 'vitest';
import { averageRanks, pearson, rmse, spearman } from '../../src/eval/stats.js';

describe('pearson', () => {
  it('is 1 for a perfect line and -1 for a reversed one', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('matches a value worked out by hand', () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
  });

  it('is NaN when a series is constant', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('refuses series of different lengths or no values', () => {
    expect(() => pearson([1, 2], [1])).toThrow(/length/);
    expect(() => pearson([], [])).toThrow(/no values/);
  });
});

describe('averageRanks', () => {
  it('gives tied values the average of their ranks', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
  });

  it('uses average ranks for ties', () => {
    // y ranks: 1, 2.5, 4.5, 2.5, 4.5 against 1..5 gives 7 / sqrt(10 * 9).
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(7 / Math.sqrt(90), 12);
  });
});

describe('rmse', () => {
  it('is 0 for identical series and the root mean square otherwise', () => {
    expect(rmse([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(rmse([1, 2, 3], [1, 2, 5])).toBeCloseTo(Math.sqrt(4 / 3), 12);
  });
});
