import { describe, expect, it } from 'vitest';
import { createGrader, defaultConcurrency, GraderUnavailableError, isGraderName } from '../../src/eval/graders.js';
import { formatReport, runEval } from '../../src/eval/run.js';
import { nextTurn } from '../fakes/turns.js';

describe('grader factory', () => {
  it('makes the offline grader', async () => {
    expect((await createGrader('offline')).id).toBe('offline');
  });

  it('refuses the LLM grader until it is wired in', async () => {
    await expect(createGrader('llm')).rejects.toBeInstanceOf(GraderUnavailableError);
  });

  it('knows its grader names and their default concurrency', () => {
    expect(isGraderName('offline')).toBe(true);
    expect(isGraderName('gpt')).toBe(false);
    expect(defaultConcurrency('llm')).toBeGreaterThan(1);
  });
});

describe('runEval', () => {
  it('halves the 0-10 grades to the 0-5 scale, keeps item order under concurrency', async () => {
    const grader = {
      id: 'fake',
      version: '1',
      grade: async (req: { answer: string }) => {
        // The slow answer finishes last: a few more turns of the event loop than the others.
        for (let i = 0; i < (req.answer === 'slow' ? 5 : 1); i += 1) await nextTurn();
        return { score: req.answer === 'slow' ? 10 : 4, covered: [], missed: [], feedback: '', grader: 'fake', flags: [] };
      },
    };
    const item = (answer: string, score: number, line: number) => ({ line, question: 'Q', reference: 'R', answer, score });
    const report = await runEval([item('slow', 5, 1), item('fast', 2, 2), item('fast', 2, 3)], grader, { concurrency: 3 });
    expect(report.predicted).toEqual([5, 2, 2]);
    expect(report.rmse).toBe(0);
    expect(report.pearson).toBeCloseTo(1, 12);
    expect(formatReport(report, 'fake').split('\n').slice(0, 3)).toEqual(['Pearson 1.000', 'Spearman 1.000', 'RMSE 0.000']);
  });
});
