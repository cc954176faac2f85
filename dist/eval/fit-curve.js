/**
 * `npm run eval:fit -- FILE.jsonl [--part fit|report]`
 *
 * Fits the offline grader's points-to-score curve (full, power, floor) for rubrics guessed from the
 * reference (sets without key points) to the human scores of a set: a grid search for the highest
 * Pearson among the curves whose RMSE is at least 5% below the constant-mean RMSE. Prints the curve
 * and its figures on those rows; the grader's CURVE is set from this on the Mohler `fit` part, and
 * `npm run eval -- FILE --part report` checks it on the questions it was not fitted on.
 */
import { parseArgs } from 'node:util';
import { readEvalSet } from './dataset.js';
import { isPart, partOf } from './split.js';
import { pearson, rmse } from './stats.js';
import { calibrate } from '../grading/offline-grader.js';
import { assess } from '../grading/text/assess.js';
import { buildClaimRubric } from '../grading/text/claim-rubric.js';
export function fitCurve(assessed, truth) {
    const mean = truth.reduce((s, v) => s + v, 0) / truth.length;
    const constantRmse = rmse(truth.map(() => mean), truth);
    let best = { curve: { full: 1, power: 1, floor: 0 }, pearson: -1, rmse: Infinity, constantRmse };
    for (let floor = 0; floor <= 8; floor += 0.5) {
        for (let full = 0.3; full <= 1.0001; full += 0.05) {
            for (let power = 0.2; power <= 1.5001; power += 0.05) {
                const curve = { full: round2(full), power: round2(power), floor };
                const predicted = assessed.map((x) => calibrate(x.a, x.derived ? curve : { ...curve, floor: 0 }) / 2);
                const e = rmse(predicted, truth);
                const p = pearson(predicted, truth);
                if (e < MARGIN * constantRmse && p > best.pearson)
                    best = { curve, pearson: p, rmse: e, constantRmse };
            }
        }
    }
    return best;
}
/** A curve must beat guessing the mean by this much (RMSE at most 95% of it). */
const MARGIN = 0.95;
const round2 = (v) => Math.round(v * 100) / 100;
async function main() {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { part: { type: 'string' } } });
    if (positionals.length !== 1 || (values.part !== undefined && !isPart(values.part))) {
        process.stderr.write('usage: npm run eval:fit -- FILE.jsonl [--part fit|report]\n');
        process.exitCode = 2;
        return;
    }
    const all = await readEvalSet(positionals[0]);
    const items = values.part !== undefined && isPart(values.part) ? partOf(all, values.part) : all;
    const assessed = items.map((it) => {
        const rubric = buildClaimRubric(it.question, it.reference, it.keyPoints ?? [], it.hint);
        return { a: assess(rubric, it.answer), derived: rubric.derived };
    });
    const fit = fitCurve(assessed, items.map((it) => it.score));
    process.stdout.write(`${items.length} answers: curve full ${fit.curve.full}, power ${fit.curve.power}, floor ${fit.curve.floor}: Pearson ${fit.pearson.toFixed(3)}, RMSE ${fit.rmse.toFixed(3)} (constant-mean RMSE ${fit.constantRmse.toFixed(3)})\n`);
}
if (process.argv[1]?.endsWith('fit-curve.ts'))
    await main();
