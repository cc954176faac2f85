import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEvalSet } from '../../src/eval/dataset.js';
import { runEval } from '../../src/eval/run.js';
import { OfflineGrader } from '../../src/grading/offline-grader.js';

const holdout = fileURLToPath(new URL('./fixtures/holdout.jsonl', import.meta.url));
// The Mohler set lives in the shared folder beside the repository; it is not shipped with the code.
const mohler = fileURLToPath(new URL('../../../shared/eval/mohler.jsonl', import.meta.url));

describe('offline grader agreement with human scores', () => {
  it('keeps a Pearson of at least 0.65 on the held-out set', async () => {
    const report = await runEval(await readEvalSet(holdout), new OfflineGrader(), { concurrency: 1 });
    expect(report.pearson).toBeGreaterThanOrEqual(0.65);
  });

  it.skipIf(!existsSync(mohler))('keeps a Pearson of at least 0.55 on Mohler et al. 2011', async () => {
    const report = await runEval(await readEvalSet(mohler), new OfflineGrader(), { concurrency: 1 });
    expect(report.pearson).toBeGreaterThanOrEqual(0.55);
    expect(report.spearman).toBeGreaterThanOrEqual(0.55);
  });
});
