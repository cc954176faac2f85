/**
 * Behavioural questions (`rubric: star`): the offline grader reads the story's structure from cues
 * (a situation told in the past with detail, the member's own actions, a result with numbers, a
 * reflection) and matches the question's own key points by their words.
 */
import { describe, expect, it } from 'vitest';
import type { GradeRequest } from '../../src/core/ports.js';
import { OfflineGrader, STORY_NOTE } from '../../src/grading/offline-grader.js';
import { readText } from '../../src/grading/text/nlp.js';
import { starCues, starParts } from '../../src/grading/text/star.js';

const conflict: Omit<GradeRequest, 'answer'> = {
  questionId: 'beh-conflict',
  question: 'Tell me about a time you had a conflict with a colleague. How did you handle it?',
  reference: 'Interviewers look for a specific disagreement, the other view sought first, concrete steps and a result.',
  keyPoints: [
    'Describes a specific disagreement with a colleague, what was at stake and their own role',
    'Sought the colleague\'s view and underlying concerns before proposing a solution',
    'Describes concrete steps they personally took, such as a private conversation or gathering data',
    'States the outcome for the project and for the working relationship',
    'Reflects on what they learned about handling disagreement',
  ].map((text) => ({ text, weight: 1 })),
  rubric: 'star',
};

const strong =
  'Last spring I owned the new search API, and Marco, our front-end lead, wanted it to return every product field while I wanted a small response. ' +
  'The release was at risk. I asked him for a call and first asked what problem he was solving; the app made four requests per page. ' +
  'I showed him our payload sizes, proposed a compact default with an include parameter, and wrote the decision down. ' +
  'We shipped on time, page loads dropped from four calls to one, and we have reviewed each other\'s designs since. ' +
  'I learned to take a disagreement off the comment thread early and ask about the need first.';
const vague = 'I once disagreed with a coworker about some code. We both had strong opinions. In the end we talked it through. I think communication is key.';
const denied = 'I did not own the API. I did not ask him for a call and I did not show him our payload sizes. We did not ship on time.';

const grader = new OfflineGrader();
const grade = (answer: string) => grader.gradeNow({ ...conflict, answer });
const cues = (text: string) => starCues(readText(text, { story: true }).tokenView!);

describe('a STAR rubric', () => {
  it('reads which part of the story each structure key point asks for, and leaves question-specific points alone', () => {
    expect(conflict.keyPoints.map((k, i) => starParts(k.text, i === 0))).toEqual([['situation', 'task'], [], ['action'], ['result'], ['reflection']]);
  });

  it('sees a specific story, the member\'s own actions, a measured result and a reflection', () => {
    expect(cues(strong)).toEqual({ situation: 1, task: 1, action: expect.any(Number), result: 1, reflection: 1 });
    expect(cues(strong).action).toBeGreaterThanOrEqual(0.8);
  });

  it('sees little in a vague story, and nothing in denied actions', () => {
    const v = cues(vague);
    expect(v.result).toBe(0);
    expect(v.reflection).toBe(0);
    expect(v.action).toBeLessThan(0.4);
    expect(cues(denied)).toEqual({ situation: 0, task: 0, action: 0, result: 0, reflection: 0 });
  });

  it('ranks a specific story above a vague one, and gives nothing to an answer that tells none', () => {
    expect(grade(strong).score).toBeGreaterThanOrEqual(8);
    expect(grade(vague).score).toBeLessThanOrEqual(4);
    expect(grade('I am not sure about this one; I have not studied it yet.').score).toBe(0);
    expect(grade(conflict.question).score).toBe(0);
  });

  it('says in its feedback what offline grading can know of a story', () => {
    expect(grade(strong).feedback).toContain(STORY_NOTE);
    expect(grade(vague).feedback).toMatch(/^Mentions \d of 5 key ideas/);
  });
});
