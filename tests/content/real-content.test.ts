import { describe, expect, it } from 'vitest';
import { loadContent, loadContentOrThrow } from '../../src/content/load-content.js';

const CONTENT_DIR = new URL('../../content', import.meta.url).pathname;

describe('the shipped content directory', () => {
  it('loads with no errors', () => {
    const { errors } = loadContent(CONTENT_DIR);
    expect(errors).toEqual([]);
  });

  it('has the ten llm-interview questions, in file order, each with 4-7 key points', () => {
    const questions = loadContentOrThrow(CONTENT_DIR).byPacks(['llm-interview']);
    expect(questions.map((q) => q.file)).toEqual([
      'llm-interview/01-what-is-an-llm.md',
      'llm-interview/02-transformer-architecture.md',
      'llm-interview/03-why-transformers.md',
      'llm-interview/04-fine-tuning.md',
      'llm-interview/05-training-vs-fine-tuning.md',
      'llm-interview/06-rag-vs-fine-tuning.md',
      'llm-interview/07-transfer-learning.md',
      'llm-interview/08-llm-limitations.md',
      'llm-interview/09-attention-mechanisms.md',
      'llm-interview/10-hallucination.md',
    ]);
    for (const question of questions) {
      expect(question.keyPoints.length, question.file).toBeGreaterThanOrEqual(4);
      expect(question.keyPoints.length, question.file).toBeLessThanOrEqual(7);
      expect(question.id, question.file).toMatch(/^llm-/);
      expect(question.prompt.endsWith('?') || question.prompt.endsWith('.'), question.file).toBe(true);
      expect(question.reference.length, question.file).toBeGreaterThan(200);
      expect(question.hint, question.file).toBeTruthy();
    }
  });

  it('gives every llm-interview key point a short, checkable text and a positive weight', () => {
    for (const question of loadContentOrThrow(CONTENT_DIR).byPacks(['llm-interview'])) {
      for (const point of question.keyPoints) {
        const words = point.text.split(/\s+/).length;
        expect(words, `${question.file}: ${point.text}`).toBeGreaterThanOrEqual(5);
        expect(words, `${question.file}: ${point.text}`).toBeLessThanOrEqual(18);
        expect(point.weight).toBeGreaterThan(0);
      }
    }
  });

  it('starts with "What is a large language model (LLM)?" as in the product page', () => {
    const question = loadContentOrThrow(CONTENT_DIR).get('llm-what-is-an-llm');
    expect(question).toMatchObject({ pack: 'llm-interview', topic: 'llm-basics', difficulty: 'easy' });
    expect(question?.prompt).toBe('What is a large language model (LLM)?');
  });

  it('names each concept once: no topic is another topic behind a pack prefix', () => {
    const library = loadContentOrThrow(CONTENT_DIR);
    const topics = new Set(library.topics().map((t) => t.topic));
    const prefixes = new Set(library.packs().flatMap((p) => library.byPacks([p.name]).map((q) => q.id.split('-')[0]!)));
    for (const topic of topics) {
      for (const prefix of prefixes) {
        if (topic.startsWith(`${prefix}-`)) expect(topics, topic).not.toContain(topic.slice(prefix.length + 1));
      }
    }
  });

  it('gathers a concept from every pack that covers it under one topic', () => {
    const packs = (topic: string) => loadContentOrThrow(CONTENT_DIR).topics().find((t) => t.topic === topic)?.packs;
    expect(packs('attention')).toEqual(expect.arrayContaining(['llm-interview', 'transformer-internals']));
    expect(packs('fine-tuning')).toEqual(expect.arrayContaining(['llm-engineering', 'llm-interview']));
    expect(packs('transformer-architecture')).toEqual(expect.arrayContaining(['llm-interview', 'transformer-internals']));
  });
});
