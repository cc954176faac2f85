/**
 * Graded examples as regression cases: the offline grader must score each example answer within
 * {@link EXAMPLE_TOLERANCE} points of the score its author gave it, graded as production grades a
 * member's answer (with the question's hint, whose words an answer only echoes earn nothing).
 */
import type { Question } from '../core/model.js';
import type { Grader } from '../core/ports.js';
import type { ContentError } from './errors.js';

/** How far (in points of 10) the offline grade of an example may sit from its author's score. */
export const EXAMPLE_TOLERANCE = 2;

export async function checkExamples(questions: readonly Question[], grader: Grader): Promise<ContentError[]> {
  const errors: ContentError[] = [];
  for (const q of questions) {
    for (const [index, example] of (q.examples ?? []).entries()) {
      const { score } = await grader.grade({
        questionId: q.id,
        question: q.prompt,
        reference: q.reference,
        keyPoints: q.keyPoints,
        answer: example.answer,
        ...(q.hint ? { hint: q.hint } : {}),
        ...(q.rubric ? { rubric: q.rubric } : {}),
      });
      if (Math.abs(score - example.score) > EXAMPLE_TOLERANCE) {
        errors.push({
          file: q.file,
          field: `examples[${index}]`,
          message: `The offline grader gives this example ${score}/10, not ${example.score}/10 (within ${EXAMPLE_TOLERANCE} expected).`,
        });
      }
    }
  }
  return errors;
}
