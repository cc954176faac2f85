/**
 * The offline grader: whether each key point is stated in the answer, read with wink-nlp
 * (sentences, lemmas, negation scope): the key point's words standing together, with its polarity,
 * beyond what the question and hint already say. No network, no key, deterministic, a fraction of
 * a millisecond per answer. It tells which key ideas an answer mentions, not whether what it says
 * about them is right, so its replies say "Mentioned", never "Covered".
 */
import type { GradeResult } from '../core/model.js';
import type { Grader, GradeRequest } from '../core/ports.js';
import { assess, type Assessment } from './text/assess.js';
import { buildClaimRubric, type ClaimRubric } from './text/claim-rubric.js';

export { coverage } from './text/coverage.js';

/**
 * A points-to-score curve: the rubric share at which the score reaches 10, the curve's bend (below
 * 1: concave), and the score an answer with something to grade starts from.
 */
export interface Curve {
  full: number;
  power: number;
  floor: number;
}

/**
 * With key points (every shipped question): floor 0, so an answer that mentions none of them scores
 * 0, and the whole rubric's weight earns 10, concavely (power below 1). Fitted by
 * `npm run eval:examples -- --fit` to the graded examples of half the shipped packs (every other
 * pack by name), among the curves that keep the gamed answers of
 * tests/grading/offline-adversarial.test.ts within bounds; the other packs' examples and the
 * held-out key-point set (tests/eval/fixtures/keypoints-holdout.jsonl) check it.
 */
export const KEYED_CURVE: Curve = { full: 1, power: 0.7, floor: 0 };

/**
 * Without key points (eval sets), the rubric is guessed from the reference's clauses, and a lexical
 * grader cannot see a correct answer in other words, to which human graders give most of the marks:
 * so an answer with words of its own starts at the floor, even one that shares none with the
 * reference. Give key points to grade strictly. The shape (full, power) is fitted on the Mohler
 * `fit` questions (`npm run eval:fit -- ../shared/eval/mohler.jsonl --part fit`); the floor is held
 * at the middle of the scale rather than at Mohler's best fit (6), which follows one set's lenient
 * graders and overshoots stricter ones.
 */
export const DERIVED_CURVE: Curve = { full: 0.9, power: 0.5, floor: 5 };

/** Maps the earned share 0..1 to the integer score 0..10 (0 for an answer with nothing to grade). */
export function calibrate(a: Pick<Assessment, 'share' | 'empty' | 'restatesQuestion'>, curve: Curve): number {
  if (a.empty || a.restatesQuestion) return 0;
  const x = Math.min(1, Math.max(0, a.share) / curve.full);
  if (x === 0 && curve.floor === 0) return 0;
  return Math.round(curve.floor + (10 - curve.floor) * x ** curve.power);
}

export class OfflineGrader implements Grader {
  readonly id = 'offline';
  readonly version = 'offline-4';
  private readonly rubrics = new Map<string, ClaimRubric>();

  constructor(private readonly curves: { keyed: Curve; derived: Curve } = { keyed: KEYED_CURVE, derived: DERIVED_CURVE }) {}

  async grade(req: GradeRequest, signal?: AbortSignal): Promise<GradeResult> {
    signal?.throwIfAborted();
    return this.gradeNow(req);
  }

  /** The same as `grade`, synchronously (for the eval loop and tests). */
  gradeNow(req: GradeRequest): GradeResult {
    const rubric = this.rubricFor(req);
    const a = assess(rubric, req.answer);
    const score = calibrate(a, rubric.derived ? this.curves.derived : this.curves.keyed);
    const covered: string[] = [];
    const partly: string[] = [];
    const missed: string[] = [];
    const reversed: string[] = [];
    rubric.points.forEach((p, i) => {
      const state = a.states[i]!;
      if (state === 'mentioned') covered.push(p.text);
      else if (state === 'partly') partly.push(p.text);
      else {
        missed.push(p.text);
        if (state === 'reversed') reversed.push(p.text);
      }
    });
    let text = feedback(a, score, covered, partly, missed, reversed);
    if (rubric.story && !a.empty && !a.restatesQuestion) text += ` ${STORY_NOTE}`;
    return { score, covered, missed, partly, feedback: text, grader: this.id, flags: [] };
  }

  private rubricFor(req: GradeRequest): ClaimRubric {
    const key = JSON.stringify([req.question, req.reference, req.keyPoints, req.hint ?? '', req.rubric ?? '']);
    let rubric = this.rubrics.get(key);
    if (!rubric) {
      rubric = buildClaimRubric(req.question, req.reference, req.keyPoints, req.hint, req.rubric);
      if (this.rubrics.size >= 500) this.rubrics.clear();
      this.rubrics.set(key, rubric);
    }
    return rubric;
  }
}

/** What offline grading can know of a behavioural story, said with every grade of one. */
export const STORY_NOTE =
  'Offline grading reads a story\'s shape (a specific situation, what you did yourself, a result with numbers, what you learned), not whether it is true or a good example.';

function feedback(a: Assessment, score: number, covered: string[], partly: string[], missed: string[], reversed: string[]): string {
  const total = covered.length + partly.length + missed.length;
  let first: string;
  if (a.empty) first = 'No answer to grade.';
  else if (a.restatesQuestion) first = 'The answer only restates the question.';
  else if (total === 0) first = `Score ${score}/10.`;
  else if (covered.length === total) first = `All ${total} key ideas are mentioned.`;
  else {
    const part = partly.length > 0 ? `, ${partly.length} partly` : '';
    first = `Mentions ${covered.length} of ${total} key ideas${part}.`;
    if (reversed.length > 0) first += ` It seems to say the opposite of: ${reversed[0]}.`;
    else first += ` Next time, ${missed.length > 0 ? 'also explain' : 'say more about'}: ${missed[0] ?? partly[0]!}.`;
  }
  if (a.listLike && !a.empty && !a.restatesQuestion) first += ' A list of words scores less than explaining in sentences.';
  // The reply adds that offline grading checks presence, not correctness, and how to switch on the LLM grader.
  return first;
}
