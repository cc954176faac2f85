import { describe, expect, it } from 'vitest';
import { checkExamples, EXAMPLE_TOLERANCE } from '../../src/content/example-check.js';
import type { Question } from '../../src/core/model.js';
import type { Grader, GradeRequest } from '../../src/core/ports.js';

const question: Question = {
  id: 'beh-demo', pack: 'behavioural', topic: 'demo', difficulty: 'easy', tags: [], rubric: 'star',
  keyPoints: [{ text: 'Describes a specific situation', weight: 1 }], hint: 'Pick a real story.',
  prompt: 'Tell me about a time...', reference: 'A model story.', file: 'behavioural/01-demo.md',
  examples: [{ answer: 'A story.', score: 8 }, { answer: 'Another story.', score: 2 }],
};

/** Scores every answer 5 and keeps the requests. */
function recording(): Grader & { requests: GradeRequest[] } {
  const requests: GradeRequest[] = [];
  return { id: 'offline', version: 't', requests, grade: async (req) => (requests.push(req), { score: 5, covered: [], missed: [], feedback: '', grader: 'offline', flags: [] }) };
}

describe('the example check', () => {
  it('grades each example as production grades an answer: with the hint and the rubric kind', async () => {
    const grader = recording();
    await checkExamples([question], grader);
    expect(grader.requests).toHaveLength(2);
    expect(grader.requests[0]).toMatchObject({ questionId: 'beh-demo', answer: 'A story.', hint: 'Pick a real story.', rubric: 'star' });
  });

  it(`names each example more than ${EXAMPLE_TOLERANCE} points from its score`, async () => {
    const errors = await checkExamples([question], recording());
    expect(errors).toEqual([
      { file: 'behavioural/01-demo.md', field: 'examples[0]', message: 'The offline grader gives this example 5/10, not 8/10 (within 2 expected).' },
      { file: 'behavioural/01-demo.md', field: 'examples[1]', message: 'The offline grader gives this example 5/10, not 2/10 (within 2 expected).' },
    ]);
  });
});
