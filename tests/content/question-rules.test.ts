import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/content/parse-question.js';
import { ContentQuestionRules } from '../../src/content/question-rules.js';
import type { QuestionDraft } from '../../src/core/ports.js';
import { question } from '../fakes/questions.js';

const rules = new ContentQuestionRules();
const good: QuestionDraft & { difficulty: 'medium' } = {
  prompt: 'What is a covering index?',
  reference: 'A covering index holds every column a query reads. The query is answered from the index alone. It saves table lookups. The cost is slower writes.',
  keyPoints: ['A covering index holds every column a query reads', 'The query is answered from the index alone', 'It saves table lookups', 'The cost is slower writes'],
  topic: 'databases',
  difficulty: 'medium',
  hint: null,
};

describe('the content rules for suggested questions', () => {
  it('passes a draft that would pass content:check, and writes it as a file the loader reads back the same', () => {
    expect(rules.check(good, [question('q1')])).toEqual([]);
    const q = { ...question('team-3-covering-index'), ...good, pack: 'team', keyPoints: good.keyPoints.map((text) => ({ text, weight: 1 })), hint: 'Think about the table.' };
    const parsed = parseQuestion(rules.toMarkdown(q), { pack: 'team', file: 'team/01-covering-index.md' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.question).toMatchObject({ id: q.id, prompt: good.prompt, reference: good.reference, topic: 'databases', difficulty: 'medium', hint: 'Think about the table.', keyPoints: q.keyPoints });
  });

  it('names the form field of each problem, as the member typed it', () => {
    const problems = rules.check({ ...good, keyPoints: [...good.keyPoints, 'x'.repeat(201)], topic: 'data bases!', difficulty: 'tough', hint: 'h'.repeat(301) }, []);
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'topic', message: expect.stringMatching(/kebab-case/) },
        { field: 'difficulty', message: expect.stringMatching(/got "tough"/) },
      ]),
    );
    const lengths = rules.check({ ...good, keyPoints: [...good.keyPoints, `The cost ${'is slower writes '.repeat(14)}`], hint: 'h'.repeat(301) }, []);
    expect(lengths).toEqual(expect.arrayContaining([{ field: 'keyPoints', message: expect.stringMatching(/^Key point 5: Too long for the chat platforms: \d+ characters, at most 200\./) }, { field: 'hint', message: expect.stringMatching(/Too long.*at most 300/) }]));
    expect(rules.check({ ...good, prompt: ' ', reference: '' }, [])).toEqual([
      { field: 'question', message: expect.stringMatching(/^Write the question/) },
      { field: 'reference', message: expect.stringMatching(/^Write the reference answer/) },
    ]);
  });

  it('says what content:check would say of a pack of six that does not mix difficulties', () => {
    const six = Array.from({ length: 6 }, (_, i) => question(`t${i}`, { pack: 'team', difficulty: 'medium' }));
    expect(rules.packProblems(six)).toEqual(['The pack has no easy or hard question (0 easy, 6 medium, 0 hard).']);
    expect(rules.packProblems(six.slice(0, 5))).toEqual([]);
  });
});
