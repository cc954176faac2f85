import { describe, expect, it } from 'vitest';
import { keyPointList, labelledText, parseLabelled, splitTopicAndDifficulty } from '../../src/core/team/form.js';
import { slugOf, teamQuestionId } from '../../src/core/team/draft.js';

describe('the suggestion form as labelled text', () => {
  it('reads labelled lines, a field running over several lines until the next label', () => {
    const text = 'Question: What is X?\nreference: First line.\nSecond line mentions topic: not a label here.\nKey points:\n- one\n* two\n3) three\n4. four\ndifficulty: Hard\nhint: A nudge.';
    expect(parseLabelled(text)).toEqual({
      question: 'What is X?',
      reference: 'First line.\nSecond line mentions topic: not a label here.',
      keyPoints: '- one\n* two\n3) three\n4. four',
      difficulty: 'Hard',
      hint: 'A nudge.',
    });
    expect(keyPointList('- one\n* two\n3) three\n4. four')).toEqual(['one', 'two', 'three', 'four']);
  });

  it('reads one line with inline labels and semicolon-separated key points, and bare text as the question', () => {
    expect(parseLabelled('question: What is X? reference: It is Y. key points: a; b; c; d topic: basics')).toEqual({
      question: 'What is X?',
      reference: 'It is Y.',
      keyPoints: 'a; b; c; d',
      topic: 'basics',
    });
    expect(keyPointList('a; b; c; d')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseLabelled('What is a B-tree?')).toEqual({ question: 'What is a B-tree?' });
    expect(parseLabelled('   ')).toEqual({});
  });

  it('writes fields back as the labelled lines it reads', () => {
    const fields = { question: 'Q?', reference: 'R one.\nR two.', keyPoints: 'a\nb', topic: 'db', difficulty: '', hint: '' };
    expect(labelledText(fields)).toBe('question: Q?\nreference: R one.\nR two.\nkey points:\n- a\n- b\ntopic: db');
    expect(parseLabelled(labelledText(fields))).toMatchObject({ question: 'Q?', reference: 'R one.\nR two.', keyPoints: '- a\n- b', topic: 'db' });
  });

  it("splits Discord's shared topic-and-difficulty input", () => {
    expect(splitTopicAndDifficulty('system design, Hard')).toEqual({ topic: 'system-design', difficulty: 'hard' });
    expect(splitTopicAndDifficulty('databases')).toEqual({ topic: 'databases', difficulty: '' });
    expect(splitTopicAndDifficulty('')).toEqual({ topic: '', difficulty: '' });
  });

  it('names an approved question after its words and number, in kebab case', () => {
    expect(slugOf('What is a covering index in a relational database?')).toBe('covering-index-relational-database');
    expect(slugOf('Что такое индекс?')).toBe('');
    expect(teamQuestionId({ id: 7, prompt: 'Explain CAP theorem' })).toBe('team-7-cap-theorem');
    expect(teamQuestionId({ id: 8, prompt: 'Что такое индекс?' })).toBe('team-8');
  });
});
