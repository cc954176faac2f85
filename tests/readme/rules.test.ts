import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STREAK_MIN_SCORE } from '../../src/core/scoring.js';

const readme = readFileSync(join(resolve(import.meta.dirname, '../..'), 'README.md'), 'utf8').replace(/\s+/g, ' ');

describe("the README's rules and figures", () => {
  it('says what a streak needs, as the core counts it', () => {
    expect(readme).toContain(`answered with a daily score of ${STREAK_MIN_SCORE} or more`);
  });

  it('documents npm run eval and the scale of its RMSE', () => {
    expect(readme).toContain('npm run eval -- FILE.jsonl');
    expect(readme).toMatch(/RMSE is on the set's 0-5 scale \(prepbot's 0-10 score is halved first\): an RMSE of 1\.0 means a grade is typically about one point out of five away from the human score/);
  });
});
