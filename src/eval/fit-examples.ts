/**
 * `npm run eval:examples [-- DIR] [--fit]`
 *
 * The graded examples of a content library as an eval set for the key-point curve, split by pack:
 * packs in name order go alternately to the `fit` part (1st, 3rd, ...) and the `report` part (2nd,
 * 4th, ...). Prints, for each part, the RMSE (points of 10), Pearson and the count of examples
 * within {@link EXAMPLE_TOLERANCE} points of their author's score, graded as production grades (with
 * the hint and the rubric kind). With `--fit`, first fits the curve (full, power; no floor) on the
 * fit packs only (most examples within the tolerance, then least squares), among the curves that keep the answers made to game the
 * grader (each question's reference with its claims negated, its key points' words joined by
 * filler) at {@link GAMED_MAX} or less on average, and prints it with the figures it would give;
 * the grader's KEYED_CURVE is set from that, and the report packs are the check.
 */
import { parseArgs } from 'node:util';
import { EXAMPLE_TOLERANCE } from '../content/example-check.js';
import { loadContent } from '../content/load-content.js';
import type { Question } from '../core/model.js';
import { calibrate, KEYED_CURVE, type Curve } from '../grading/offline-grader.js';
import { assess, type Assessment } from '../grading/text/assess.js';
import { buildClaimRubric } from '../grading/text/claim-rubric.js';
import { fillerStuffed, negatedReference } from './adversarial.js';
import { pearson, rmse } from './stats.js';

export interface ExampleRow {
  pack: string;
  file: string;
  expected: number;
  assessment: Assessment;
}

export interface ExampleFigures {
  count: number;
  rmse: number;
  pearson: number;
  within: number;
}

/** Packs in name order, alternately to fit and report. */
export function splitPacks(packs: Iterable<string>): { fit: string[]; report: string[] } {
  const sorted = [...new Set(packs)].sort();
  return { fit: sorted.filter((_, i) => i % 2 === 0), report: sorted.filter((_, i) => i % 2 === 1) };
}

/** Every graded example, assessed once (the curve is applied afterwards). */
export function assessExamples(questions: readonly Question[]): ExampleRow[] {
  return questions.flatMap((q) => {
    const rubric = buildClaimRubric(q.prompt, q.reference, q.keyPoints, q.hint ?? '', q.rubric);
    return (q.examples ?? []).map((e) => ({ pack: q.pack, file: q.file, expected: e.score, assessment: assess(rubric, e.answer) }));
  });
}

export function figures(rows: readonly ExampleRow[], curve: Curve): ExampleFigures {
  const got = rows.map((r) => calibrate(r.assessment, curve));
  const expected = rows.map((r) => r.expected);
  return {
    count: rows.length,
    rmse: rmse(got, expected),
    pearson: pearson(got, expected),
    within: got.filter((g, i) => Math.abs(g - expected[i]!) <= EXAMPLE_TOLERANCE).length,
  };
}

/** Mean score a curve may give the gamed answers: the adversarial test's bound (3), less a margin. */
export const GAMED_MAX = 2.85;

/** The answers made to game the grader, assessed once: each reference negated, and its key points' words joined by filler. */
export function assessGamed(questions: readonly Question[]): Assessment[][] {
  const negated: Assessment[] = [];
  const filler: Assessment[] = [];
  for (const q of questions) {
    const rubric = buildClaimRubric(q.prompt, q.reference, q.keyPoints, q.hint ?? '', q.rubric);
    negated.push(assess(rubric, negatedReference(q)));
    filler.push(assess(rubric, fillerStuffed(q, 'run-on')), assess(rubric, fillerStuffed(q, 'commas')));
  }
  return [negated, filler];
}

/**
 * The curve over a grid (full 0.40-1.00, power 0.30-1.50, floor 0) that puts the most examples
 * within the tolerance content:check uses, the least squared error among those, and keeps each set
 * of gamed answers at GAMED_MAX or less.
 */
export function fitKeyedCurve(rows: readonly ExampleRow[], gamed: readonly Assessment[][] = []): Curve {
  let best: { curve: Curve; rmse: number; within: number } = { curve: KEYED_CURVE, rmse: Infinity, within: -1 };
  for (let full = 0.4; full <= 1.0001; full += 0.05) {
    for (let power = 0.3; power <= 1.5001; power += 0.05) {
      const curve = { full: round2(full), power: round2(power), floor: 0 };
      if (gamed.some((set) => set.reduce((sum, a) => sum + calibrate(a, curve), 0) / set.length > GAMED_MAX)) continue;
      const f = figures(rows, curve);
      if (f.within > best.within || (f.within === best.within && f.rmse < best.rmse - 1e-9)) best = { curve, rmse: f.rmse, within: f.within };
    }
  }
  return best.curve;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function line(name: string, packs: readonly string[], f: ExampleFigures): string {
  return `${name} (${packs.join(', ')}): ${f.count} examples, RMSE ${f.rmse.toFixed(2)}, Pearson ${f.pearson.toFixed(3)}, within ${EXAMPLE_TOLERANCE} points ${f.within} of ${f.count}`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { fit: { type: 'boolean' } } });
  const { questions, errors } = loadContent(positionals[0] ?? './content');
  if (errors.length > 0) {
    process.stderr.write(`The content has ${errors.length} error(s); run npm run content:check first.\n`);
    process.exitCode = 1;
    return;
  }
  const rows = assessExamples(questions);
  const split = splitPacks(rows.map((r) => r.pack));
  const fitRows = rows.filter((r) => split.fit.includes(r.pack));
  const reportRows = rows.filter((r) => split.report.includes(r.pack));
  const curve = values.fit ? fitKeyedCurve(fitRows, assessGamed(questions)) : KEYED_CURVE;
  process.stdout.write(`${values.fit ? 'fitted' : 'current'} key-point curve: full ${curve.full}, power ${curve.power}\n`);
  process.stdout.write(`${line('fit', split.fit, figures(fitRows, curve))}\n`);
  process.stdout.write(`${line('report', split.report, figures(reportRows, curve))}\n`);
  process.stdout.write(`${line('all', ['every pack'], figures(rows, curve))}\n`);
}

if (process.argv[1]?.endsWith('fit-examples.ts')) await main();
