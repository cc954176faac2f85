import { existsSync } from 'node:fs';
import { readEvalSet } from '../src/eval/dataset.js';
import { OfflineGrader } from '../src/grading/offline-grader.js';
import { round, type BenchContext } from './lib.js';

const MOHLER = '../shared/eval/mohler.jsonl';

/** Offline grader throughput over the Mohler set, single-threaded, best of three passes. */
export async function offlineBench(ctx: BenchContext): Promise<Record<string, number>> {
  const file = existsSync(MOHLER) ? MOHLER : 'tests/eval/fixtures/holdout.jsonl';
  const items = await readEvalSet(file);
  const passes = ctx.quick ? 1 : 3;
  let best = 0;
  for (let p = 0; p < passes; p += 1) {
    const fresh = new OfflineGrader(); // rubric cache starts empty each pass, as for a new question
    const t = performance.now();
    for (const it of items) fresh.gradeNow({ questionId: '', question: it.question, reference: it.reference, keyPoints: [], answer: it.answer });
    best = Math.max(best, items.length / ((performance.now() - t) / 1000));
    ctx.progress(`offline pass ${p + 1}/${passes}`);
  }
  return { answers: items.length, grades_per_s: Math.round(best), ms_per_grade: round(1000 / best, 4) };
}
