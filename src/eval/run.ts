/**
 * Grades every answer of an eval set with one grader, a few at a time, and compares the grades
 * (0-10, halved to the set's 0-5 scale) with the human scores.
 */
import type { Grader } from '../core/ports.js';
import type { EvalItem } from './dataset.js';
import { pearson, rmse, spearman } from './stats.js';

export interface EvalOptions {
  /** Answers graded at once (useful for network graders). */
  concurrency: number;
  /** Called after each graded answer with the number done so far. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

export interface EvalReport {
  count: number;
  pearson: number;
  spearman: number;
  rmse: number;
  /** Seconds spent grading. */
  seconds: number;
  gradesPerSecond: number;
  /** Grader scores on the 0-5 scale, in item order. */
  predicted: number[];
}

export async function runEval(items: readonly EvalItem[], grader: Grader, opts: EvalOptions): Promise<EvalReport> {
  const predicted = new Array<number>(items.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i]!;
      const result = await grader.grade(
        { questionId: `line-${item.line}`, question: item.question, reference: item.reference, keyPoints: [], answer: item.answer },
        opts.signal,
      );
      predicted[i] = result.score / 2;
      opts.onProgress?.(++done);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, items.length)) }, worker));
  const seconds = (performance.now() - start) / 1000;
  const truth = items.map((it) => it.score);
  return {
    count: items.length,
    pearson: pearson(predicted, truth),
    spearman: spearman(predicted, truth),
    rmse: rmse(predicted, truth),
    seconds,
    gradesPerSecond: seconds > 0 ? items.length / seconds : Number.POSITIVE_INFINITY,
    predicted,
  };
}

/** The report as printed: Pearson, Spearman, RMSE, then count and speed, one per line. */
export function formatReport(r: EvalReport, graderLabel: string): string {
  const corr = (v: number): string => (Number.isNaN(v) ? 'n/a (constant scores)' : v.toFixed(3));
  const rate = Number.isFinite(r.gradesPerSecond) ? Math.round(r.gradesPerSecond).toString() : 'n/a';
  return [
    `Pearson ${corr(r.pearson)}`,
    `Spearman ${corr(r.spearman)}`,
    `RMSE ${r.rmse.toFixed(3)}`,
    `${r.count} answers, ${rate} grades/s, grader ${graderLabel}`,
  ].join('\n');
}
