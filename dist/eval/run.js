/**
 * Grades every answer of an eval set with one grader, a few at a time, and compares the grades
 * (0-10, halved to the set's 0-5 scale) with the human scores.
 */
import pLimit from 'p-limit';
import { pearson, rmse, spearman } from './stats.js';
export async function runEval(items, grader, opts) {
    const predicted = new Array(items.length);
    const limit = pLimit(Math.max(1, opts.concurrency));
    let done = 0;
    const gradeOne = async (item, i) => {
        const result = await grader.grade({ questionId: `line-${item.line}`, question: item.question, reference: item.reference, keyPoints: [], answer: item.answer }, opts.signal);
        predicted[i] = result.score / 2;
        opts.onProgress?.(++done);
    };
    const start = performance.now();
    await Promise.all(items.map((item, i) => limit(() => gradeOne(item, i))));
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
export function formatReport(r, graderLabel) {
    const corr = (v) => (Number.isNaN(v) ? 'n/a (constant scores)' : v.toFixed(3));
    const rate = Number.isFinite(r.gradesPerSecond) ? Math.round(r.gradesPerSecond).toString() : 'n/a';
    return [
        `Pearson ${corr(r.pearson)}`,
        `Spearman ${corr(r.spearman)}`,
        `RMSE ${r.rmse.toFixed(3)}`,
        `${r.count} answers, ${rate} grades/s, grader ${graderLabel}`,
    ].join('\n');
}
