/**
 * Grades every answer of an eval set with one grader, a few at a time, and compares the grades
 * (0-10, halved to the set's 0-5 scale) with the human scores: on all rows, and on the rows with
 * an answer (blank and "No submission" rows left out, since spotting those is not grading), each
 * beside the RMSE of always guessing the human mean.
 */
import pLimit from 'p-limit';
import { isEmptyAnswer } from './dataset.js';
import { pearson, rmse, spearman } from './stats.js';
export async function runEval(items, grader, opts) {
    const predicted = new Array(items.length);
    const limit = pLimit(Math.max(1, opts.concurrency));
    let done = 0;
    const gradeOne = async (item, i) => {
        const result = await grader.grade({
            questionId: item.questionId ?? `line-${item.line}`,
            question: item.question,
            reference: item.reference,
            keyPoints: item.keyPoints ?? [],
            answer: item.answer,
            ...(item.hint ? { hint: item.hint } : {}),
        }, opts.signal);
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
function figures(predicted, truth) {
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
function mean(v) {
    let s = 0;
    for (const n of v)
        s += n;
    return v.length === 0 ? Number.NaN : s / v.length;
}
const corr = (v) => (Number.isNaN(v) ? 'n/a (constant scores)' : v.toFixed(3));
function figureLine(f) {
    return `Pearson ${corr(f.pearson)}, Spearman ${corr(f.spearman)}, RMSE ${f.rmse.toFixed(3)} (constant-mean RMSE ${f.constantRmse.toFixed(3)}), mean ${f.meanPredicted.toFixed(2)} against the humans' ${f.meanHuman.toFixed(2)}`;
}
/**
 * The report as printed: Pearson, Spearman, RMSE on all rows, one per line; the count and speed;
 * then the constant-mean RMSE and the figures without empty answers.
 */
export function formatReport(r, graderLabel) {
    const rate = Number.isFinite(r.gradesPerSecond) ? Math.round(r.gradesPerSecond).toString() : 'n/a';
    const lines = [
        `Pearson ${corr(r.pearson)}`,
        `Spearman ${corr(r.spearman)}`,
        `RMSE ${r.rmse.toFixed(3)}`,
        `${r.count} answers, ${rate} grades/s, grader ${graderLabel}`,
        `All ${r.count} rows: ${figureLine(r)}`,
    ];
    if (r.answered && r.empty > 0)
        lines.push(`Without the ${r.empty === 1 ? "empty answer" : `${r.empty} empty answers`} (${r.answered.count} rows): ${figureLine(r.answered)}`);
    else if (r.empty === 0)
        lines.push('No empty answers (blank or "No submission") in the set.');
    return lines.join('\n');
}
