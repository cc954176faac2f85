import { ContentLibrary } from '../../src/content/index.js';
import type { Question } from '../../src/core/model.js';

/** A small question bank for core tests. */
export function question(id: string, over: Partial<Question> = {}): Question {
  return {
    id,
    pack: 'test-pack',
    topic: 'topic-a',
    difficulty: 'easy',
    tags: [],
    keyPoints: [
      { text: `${id} point one`, weight: 1 },
      { text: `${id} point two`, weight: 1 },
      { text: `${id} point three`, weight: 1 },
      { text: `${id} point four`, weight: 1 },
    ],
    hint: `Hint for ${id}.`,
    prompt: `Question ${id}?`,
    reference: `Reference answer for ${id}.`,
    file: `test-pack/${id}.md`,
    ...over,
  };
}

export function bank(questions: Question[] = [question('q1'), question('q2'), question('q3', { topic: 'topic-b' })]): ContentLibrary {
  return new ContentLibrary(questions);
}
