/**
 * Grades every answer of an eval set with one grader, a few at a time, and compares the grades
 * (0-10, halved to the set's 0-5 scale) with the human scores: on all rows, and on the rows with
 * an answer (blank and "No submission" rows left out, since spotting those is not grading), each
 * beside the RMSE of always guessing the human mean.
 */
import pLimit from 'p-limit';
import type { Grader } from '../core/ports.js';
import { isEmptyAnswer, type EvalItem } from './dataset.js';
import { pearson, rmse, spearman } from './stats.js';

export interface EvalOptions {
  /** Answers graded at once (useful for network graders). */
  concurrency: number;
  /** Called after each graded answer with the number done so far. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** Agreement figures on one set of rows. */
export interface Figures {
  count: number;
  pearson: number;
  spearman: number;
  rmse: number;
  /** RMSE of a grader that always says the human mean of these rows. */
  constantRmse: number;
  /** Mean of the grader's and of the humans' scores (0-5). */
  meanPredicted: number;
  meanHuman: number;
}

export interface EvalReport extends Figures {
  /** The same figures without the empty answers; null when there are fewer than two. */
  answered: Figures | null;
  /** Rows whose answer is blank or a placeholder such as "No submission". */
  empty: number;
  /** Seconds spent grading. */
  seconds: number;
  gradesPerSecond: number;
  /** Grader scores on the 0-5 scale, in item order. */
  predicted: number[];
}

export async function runEval(items: readonly EvalItem[], grader: Grader, opts: EvalOptions): Promise<EvalReport> {
  const predicted = new Array<number>(items.length);
  const limit = pLimit(Math.max(1, opts.concurrency));
  let done = 0;
  const gradeOne = async (item: EvalItem, i: number): Promise<void> => {
    const result = await grader.grade(
      {
        questionId: item.questionId ?? `line-${item.line}`,
        question: item.question,
        reference: item.reference,
        keyPoints: item.keyPoints ?? [],
        answer: item.answer,
        ...(item.hint ? { hint: item.hint } : {}),
      },
      opts.signal,
    );
    predicted[i] = result.score / 2;
    opts.onProgress?.(++done);
  };
  const start = performance.now();
  await Promise.all(items.map((item, i) => limit(() => gradeOne(item, i))));
  const seconds = (performance.now() - start) / 1000;
  const truth = items.map((it) => it.score);
  const keep = items.map((it) => !isEmptyAnswer(it.answer));
  const answeredCount = keep.filter(Boolean).length;
  return {
    ...figures(predicted, truth),
    answered: answeredCount >= 2 ? figures(predicted.filter((_, i) => keep[i]), truth.filter((_, i) => keep[i])) : null,
    empty: items.length - answeredCount,
    seconds,
    gradesPerSecond: seconds > 0 ? items.length / seconds : Number.POSITIVE_INFINITY,
    predicted,
  };
}

function figures(predicted: readonly number[], truth: readonly number[]): Figures {
  const meanHuman = mean(truth);
  return {
    count: truth.length,
    pearson: pearson(predicted, truth),
    spearman: spearman(predicted, truth),
    rmse: rmse(predicted, truth),
    constantRmse: rmse(truth.map(() => meanHuman), truth),
    meanPredicted: mean(predicted),
    meanHuman,
  };
}

function mean(v: readonly number[]): number {
  let s = 0;
  for (const n of v) s += n;
  return v.length === 0 ? Number.NaN : s / v.length;
}

const corr = (v: number): string => (Number.isNaN(v) ? 'n/a (constant scores)' : v.toFixed(3));

function figureLine(f: Figures): string {
  return `Pearson ${corr(f.pearson)}, Spearman ${corr(f.spearman)}, RMSE ${f.rmse.toFixed(3)} (constant-mean RMSE ${f.constantRmse.toFixed(3)}), mean ${f.meanPredicted.toFixed(2)} against the humans' ${f.meanHuman.toFixed(2)}`;
}

/**
 * The report as printed: Pearson, Spearman, RMSE on all rows, one per line; the count and speed;
 * then the constant-mean RMSE and the figures without empty answers.
 */
export function formatReport(r: EvalReport, graderLabel: string): string {
  const rate = Number.isFinite(r.gradesPerSecond) ? Math.round(r.gradesPerSecond).toString() : 'n/a';
  const lines = [
    `Pearson ${corr(r.pearson)}`,
    `Spearman ${corr(r.spearman)}`,
    `RMSE ${r.rmse.toFixed(3)}`,
    `${r.count} answers, ${rate} grades/s, grader ${graderLabel}`,
    `All ${r.count} rows: ${figureLine(r)}`,
  ];
  if (r.answered && r.empty > 0) lines.push(`Without the ${r.empty === 1 ? "empty answer" : `${r.empty} empty answers`} (${r.answered.count} rows): ${figureLine(r.answered)}`);
  else if (r.empty === 0) lines.push('No empty answers (blank or "No submission") in the set.');
  return lines.join('\n');
}
