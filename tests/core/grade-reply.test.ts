import { describe, expect, it } from 'vitest';
import { gradeReply } from '../../src/core/grade-reply.js';
import type { Answer } from '../../src/core/model.js';

const answer: Answer = {
  id: 1, userId: 'u', scopeId: 's', channelId: 'c', questionId: 'q', roundId: 1, kind: 'daily', counts: true,
  hinted: false, text: 't', createdAt: 0, replyRoute: null,
};
const grade = { score: 6, covered: ['a'], missed: ['b'], feedback: 'f', grader: 'offline', flags: [], points: 6 };

describe('score replies', () => {
  it('say an offline grade checks presence, not correctness, and how to switch on the LLM grader', () => {
    const notes = gradeReply(answer, undefined, grade).notes.join(' ');
    expect(notes).toMatch(/checks which key ideas are mentioned, not whether they are right/);
    expect(notes).toMatch(/OPENAI_API_KEY \(or OPENAI_BASE_URL\)/);
  });

  it('say so when the LLM grader failed and the grade fell back to offline', () => {
    const r = gradeReply(answer, undefined, { ...grade, flags: ['offline_fallback'] });
    expect(r.offline).toBe(true);
    expect(r.notes.join(' ')).toMatch(/LLM grader could not be reached/);
  });

  it('carry no offline note for an LLM grade', () => {
    expect(gradeReply(answer, undefined, { ...grade, grader: 'llm:gpt-4.1-mini' }).notes).toEqual([]);
  });
});
