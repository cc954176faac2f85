import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/model.js';
import { ContentInvalidError } from '../../src/content/errors.js';
import { ContentLibrary, loadContentOrThrow } from '../../src/content/load-content.js';
import { parseQuestion } from '../../src/content/parse-question.js';
import { questionFile, tempContent } from './fixtures.js';

function question(id: string, pack: string, topic: string): Question {
  return {
    id, pack, topic, difficulty: 'easy', tags: [], keyPoints: [{ text: 'x', weight: 1 }],
    prompt: `${id}?`, reference: 'r', file: `${pack}/01-${id}.md`,
  };
}

describe('parseQuestion', () => {
  it('turns a file into a Question with the pack, the relative file and weighted key points', () => {
    const result = parseQuestion(questionFile('demo'), { pack: 'pack-a', file: 'pack-a/01-demo.md' });
    expect(result.errors).toEqual([]);
    expect(result.question).toEqual<Question>({
      id: 'demo',
      pack: 'pack-a',
      topic: 'demo-topic',
      difficulty: 'easy',
      tags: ['demo'],
      keyPoints: [
        { text: 'First idea a grader can check', weight: 1 },
        { text: 'Second idea a grader can check', weight: 1 },
        { text: 'Third idea, the central one', weight: 2 },
        { text: 'Fourth idea a grader can check', weight: 0.5 },
      ],
      hint: 'Think about the ideas.',
      prompt: 'What is the demo question?',
      reference: 'The reference answer.',
      file: 'pack-a/01-demo.md',
    });
  });

  it('reads a rubric kind for behavioural questions, and none by default', () => {
    expect(parseQuestion(questionFile('demo', { rubric: 'rubric: star' }), { pack: 'p', file: 'p/01-demo.md' }).question).toMatchObject({ rubric: 'star' });
    expect(parseQuestion(questionFile('demo'), { pack: 'p', file: 'p/01-demo.md' }).question).not.toHaveProperty('rubric');
  });

  it('accepts Windows line ends and a byte-order mark, and defaults tags and hint', () => {
    const text = `\uFEFF${questionFile('demo', { tags: null, hint: null })}`.replace(/\n/g, '\r\n');
    const { question } = parseQuestion(text, { pack: 'p', file: 'p/01-demo.md' });
    expect(question).toMatchObject({ tags: [], prompt: 'What is the demo question?', reference: 'The reference answer.' });
    expect(question).not.toHaveProperty('hint');
  });
});

describe('ContentLibrary', () => {
  const library = new ContentLibrary([
    question('a1', 'pack-a', 'basics'),
    question('a2', 'pack-a', 'advanced'),
    question('b1', 'pack-b', 'basics'),
  ]);

  it('finds questions by id', () => {
    expect(library.get('b1')?.pack).toBe('pack-b');
    expect(library.get('nope')).toBeUndefined();
  });

  it('lists packs and topics with counts', () => {
    expect(library.packs()).toEqual([{ name: 'pack-a', count: 2 }, { name: 'pack-b', count: 1 }]);
    expect(library.topics()).toEqual([
      { topic: 'advanced', packs: ['pack-a'], count: 1 },
      { topic: 'basics', packs: ['pack-a', 'pack-b'], count: 2 },
    ]);
  });

  it('filters by packs, an empty list meaning every pack, and by topic', () => {
    expect(library.byPacks(['pack-b']).map((q) => q.id)).toEqual(['b1']);
    expect(library.byPacks([]).map((q) => q.id)).toEqual(['a1', 'a2', 'b1']);
    expect(library.byPacks(['unknown'])).toEqual([]);
    expect(library.byTopic('basics').map((q) => q.id)).toEqual(['a1', 'b1']);
  });

  it('refuses two questions with the same id', () => {
    expect(() => new ContentLibrary([question('a1', 'p', 't'), question('a1', 'q', 't')])).toThrow(/Duplicate/);
  });
});

describe('loadContentOrThrow', () => {
  let content: ReturnType<typeof tempContent>;
  beforeEach(() => {
    content = tempContent();
  });
  afterEach(() => content.cleanup());

  it('returns a library of the questions when the content is valid', () => {
    content.write('pack-a/01-one.md', questionFile('one'));
    expect(loadContentOrThrow(content.dir).all().map((q) => q.id)).toEqual(['one']);
  });

  it('throws a ContentInvalidError listing every error as a "file: field: message" line', () => {
    content.write('pack-a/01-one.md', questionFile('one', { difficulty: 'difficulty: expert' }));
    content.write('pack-a/02-two.md', questionFile('Two'));
    let thrown: unknown;
    try {
      loadContentOrThrow(content.dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentInvalidError);
    const error = thrown as ContentInvalidError;
    expect(error.errors).toHaveLength(2);
    expect(error.message.split('\n')).toEqual([
      `Invalid content in ${content.dir} (2 errors):`,
      expect.stringMatching(/^pack-a\/01-one\.md: difficulty: /),
      expect.stringMatching(/^pack-a\/02-two\.md: id: /),
    ]);
  });

  it('throws on an empty directory', () => {
    expect(() => loadContentOrThrow(content.dir)).toThrow(/No question files/);
  });
});

describe('the optional teaching fields', () => {
  it('reads examples, follow-ups by key point number and sources from the front matter', () => {
    const content = tempContent();
    content.write(
      'pack-a/01-demo.md',
      questionFile('demo', {
        examples: 'examples:\n  - answer: First idea, then the second.\n    score: 5',
        follow_ups: 'follow_ups:\n  2: What does the second idea change?',
        sources: 'sources: ["RFC 9110"]',
      }),
    );
    const question = loadContentOrThrow(content.dir).get('demo');
    content.cleanup();
    expect(question?.examples).toEqual([{ answer: 'First idea, then the second.', score: 5 }]);
    expect(question?.followUps).toEqual({ 2: 'What does the second idea change?' });
    expect(question?.sources).toEqual(['RFC 9110']);
  });
});
