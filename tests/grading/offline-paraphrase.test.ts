import { describe, expect, it } from 'vitest';
import { OfflineGrader } from '../../src/grading/offline-grader.js';
import { PAIRS } from './paraphrase-pairs.js';

const grader = new OfflineGrader();
const grade = (p: (typeof PAIRS)[number], answer: string) =>
  grader.gradeNow({ questionId: 'pair', question: p.question, reference: '', keyPoints: p.keyPoints, answer }).score;

describe('offline grader: a correct answer in other words against a confident wrong one', () => {
  it('scores the correct paraphrase higher in at least 5 of the 10 pairs', () => {
    const wins = PAIRS.filter((p) => grade(p, p.paraphrase) > grade(p, p.wrong)).length;
    expect(PAIRS).toHaveLength(10);
    expect(wins).toBeGreaterThanOrEqual(5);
  });
});
