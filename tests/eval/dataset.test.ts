import { describe, expect, it } from 'vitest';
import { EvalSetError, isEmptyAnswer, parseEvalSet } from '../../src/eval/dataset.js';

const line = (o: Record<string, unknown>) => JSON.stringify({ question: 'Q?', reference: 'R.', answer: 'A.', score_avg: 4, ...o });

describe('parseEvalSet', () => {
  it('reads the fields it needs, ignores the others and skips blank lines', () => {
    const items = parseEvalSet(`${line({ id: '1.1-00', score_me: 4 })}\n\n${line({ answer: '', score_avg: 0 })}\n`, 'set.jsonl');
    expect(items).toEqual([
      { line: 1, question: 'Q?', reference: 'R.', answer: 'A.', score: 4 },
      { line: 3, question: 'Q?', reference: 'R.', answer: '', score: 0 },
    ]);
  });

  it('names every bad line with its number and the reason', () => {
    const text = [line({}), '{not json', line({ score_avg: 9 }), line({ answer: 3 }), '[1]', line({ reference: ' ' })].join('\n');
    let error: unknown;
    try {
      parseEvalSet(text, 'set.jsonl');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EvalSetError);
    expect((error as EvalSetError).problems).toEqual([
      expect.stringMatching(/^set\.jsonl:2: not valid JSON/),
      'set.jsonl:3: "score_avg" must be a number from 0 to 5 (got 9)',
      'set.jsonl:4: "answer" must be a string',
      'set.jsonl:5: expected a JSON object',
      'set.jsonl:6: "reference" is empty',
    ]);
  });

  it('reads the rubric of a set in the product format: key points (strings or with weights), hint and question id', () => {
    const [item] = parseEvalSet(line({ question_id: 'k1', key_points: ['One idea', { text: 'Another', weight: 2 }], hint: 'Think.' }), 'set.jsonl');
    expect(item).toMatchObject({ questionId: 'k1', keyPoints: [{ text: 'One idea', weight: 1 }, { text: 'Another', weight: 2 }], hint: 'Think.' });
    expect(() => parseEvalSet(line({ key_points: 'one idea' }), 'set.jsonl')).toThrow(/"key_points" must be a list/);
  });

  it('knows an empty answer: blank, or a placeholder such as "No submission"', () => {
    for (const empty of ['', '  ', 'No submission', 'NO ANSWER.', 'n/a', '-']) expect(isEmptyAnswer(empty)).toBe(true);
    for (const answer of ['No', 'None of the keys move', 'A stack']) expect(isEmptyAnswer(answer)).toBe(false);
  });

  it('refuses a file without answers', () => {
    expect(() => parseEvalSet('\n\n', 'empty.jsonl')).toThrow(/no answers/);
  });
});
