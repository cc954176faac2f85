import type { DepsWith } from '../context.js';
import type { Answer, Question } from '../model.js';
import type { GradeRequest } from '../ports.js';
import { referencePart } from './reference-part.js';

/** What to grade an answer against, and the id its cached grade is kept under. */
export interface AnswerGrading {
  req: GradeRequest;
  cacheId: string;
}

/**
 * The grading request for an answer: the question's rubric, reference, hint and examples; for an
 * answer to a follow-up, its one key point and that point's part of the reference, asked by the
 * follow-up's own words (its cache id names the follow-up, so it never reuses a whole-question grade).
 */
export function gradingFor(d: DepsWith<'followUps', never>, answer: Answer, question: Question): AnswerGrading {
  const followUp = answer.followUpId != null ? d.store.followUps.getFollowUp(answer.followUpId) : null;
  if (followUp) {
    const keyPoint = question.keyPoints[followUp.point - 1]?.text === followUp.pointText ? question.keyPoints[followUp.point - 1]! : { text: followUp.pointText, weight: 1 };
    return {
      cacheId: `follow-up:${followUp.id}`,
      req: { questionId: question.id, question: followUp.prompt, reference: referencePart(question.reference, keyPoint.text), keyPoints: [keyPoint], answer: answer.text },
    };
  }
  return {
    cacheId: question.id,
    req: {
      questionId: question.id,
      question: question.prompt,
      reference: question.reference,
      keyPoints: question.keyPoints,
      answer: answer.text,
      ...(question.hint ? { hint: question.hint } : {}),
      ...(question.examples?.length ? { examples: question.examples } : {}),
      ...(question.rubric ? { rubric: question.rubric } : {}),
    },
  };
}
