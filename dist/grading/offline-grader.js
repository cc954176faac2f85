import { assess, COVERED_AT, PARTLY_AT } from './text/assess.js';
import { buildRubric } from './text/rubric.js';
export { coverage } from './text/coverage.js';
/** Raw coverage at which the score reaches 10, and the curve's bend (below 1: concave). */
const CURVE = {
    derived: { full: 0.5, power: 0.7 },
    keyed: { full: 0.85, power: 0.8 },
};
/**
 * Maps raw coverage 0..1 to the integer score 0..10 along a fixed monotone curve, then scales it
 * by the answer's penalty factor (1 for a written answer).
 */
export function calibrate(raw, derived, factor = 1) {
    const c = derived ? CURVE.derived : CURVE.keyed;
    const x = Math.min(1, Math.max(0, raw) / c.full);
    return Math.round(10 * x ** c.power * factor);
}
export class OfflineGrader {
    id = 'offline';
    version = 'offline-1';
    rubrics = new Map();
    async grade(req, signal) {
        signal?.throwIfAborted();
        return this.gradeNow(req);
    }
    /** The same as `grade`, synchronously (for the eval loop and tests). */
    gradeNow(req) {
        const rubric = this.rubricFor(req);
        const result = assess(rubric, req.answer);
        const score = calibrate(result.raw, rubric.derived, result.factor);
        const covered = [];
        const partly = [];
        const missed = [];
        rubric.points.forEach((p, i) => {
            const share = result.restatesQuestion ? 0 : result.points[i];
            (share >= COVERED_AT ? covered : share >= PARTLY_AT ? partly : missed).push(p.text);
        });
        const text = feedback(result, score, covered, partly, missed);
        return { score, covered, missed, partly, feedback: text, grader: this.id, flags: [] };
    }
    rubricFor(req) {
        const key = JSON.stringify([req.question, req.reference, req.keyPoints]);
        let rubric = this.rubrics.get(key);
        if (!rubric) {
            rubric = buildRubric(req.question, req.reference, req.keyPoints);
            if (this.rubrics.size >= 500)
                this.rubrics.clear();
            this.rubrics.set(key, rubric);
        }
        return rubric;
    }
}
function feedback(a, score, covered, partly, missed) {
    const total = covered.length + partly.length + missed.length;
    let first;
    if (a.empty)
        first = 'No answer to grade.';
    else if (a.restatesQuestion)
        first = 'The answer only restates the question.';
    else if (total === 0)
        first = `Score ${score}/10.`;
    else if (covered.length === total)
        first = `All ${total} key ideas are mentioned.`;
    else {
        const gap = missed[0] ?? partly[0];
        const part = partly.length > 0 ? `, ${partly.length} partly` : '';
        first = `Mentions ${covered.length} of ${total} key ideas${part}. Next time, ${missed.length > 0 ? 'also explain' : 'say more about'}: ${gap}.`;
    }
    if (a.listLike && !a.empty && !a.restatesQuestion)
        first += ' A list of words scores less than explaining in sentences.';
    // The reply adds that offline grading checks presence, not correctness, and how to switch on the LLM grader.
    return first;
}
