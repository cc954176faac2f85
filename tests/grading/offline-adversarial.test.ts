/**
 * The offline grader against answers that try to win a grade without knowing the answer, on every
 * shipped question (loaded from content/ as it is, so the figures hold as packs grow).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import type { Question } from '../../src/core/model.js';
import { OfflineGrader } from '../../src/grading/offline-grader.js';
import { fillerStuffed, negatedReference, NOTHING, questionEchoes, strongAnswers } from '../../src/eval/adversarial.js';

const { questions } = loadContent(fileURLToPath(new URL('../../content', import.meta.url)));
const grader = new OfflineGrader();
const grade = (q: Question, answer: string) =>
  grader.gradeNow({ questionId: q.id, question: q.prompt, reference: q.reference, keyPoints: q.keyPoints, hint: q.hint, answer });
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const scores = (answers: (q: Question) => string[]) => questions.flatMap((q) => answers(q).map((a) => grade(q, a).score));

describe(`offline grader on the ${questions.length} shipped questions`, () => {
  it('loads the shipped packs', () => {
    expect(questions.length).toBeGreaterThanOrEqual(50);
  });

  it('gives the reference with its claims negated 3 or less on average', () => {
    expect(mean(scores((q) => [negatedReference(q)]))).toBeLessThanOrEqual(3);
  });

  it('gives the key points\' words joined by filler 3 or less on average, however they are punctuated', () => {
    for (const joint of ['run-on', 'commas', 'full stops'] as const) {
      expect(mean(scores((q) => [fillerStuffed(q, joint)]))).toBeLessThanOrEqual(3);
    }
  });

  it('gives an echo of the question 1 or less on average, and never more than 2', () => {
    const echoes = scores(questionEchoes);
    expect(mean(echoes)).toBeLessThanOrEqual(1);
    expect(Math.max(...echoes)).toBeLessThanOrEqual(2);
  });

  it('gives 0 to answers that mention nothing, and says so in the feedback', () => {
    expect(scores(() => NOTHING).every((s) => s === 0)).toBe(true);
    const r = grade(questions[0]!, NOTHING[0]!);
    expect(r.covered).toEqual([]);
    expect(r.feedback).toMatch(/^Mentions 0 of \d+ key ideas/);
  });

  it('gives honest strong answers (the reference, the key points restated in sentences) 8 or more on average', () => {
    expect(mean(scores((q) => [strongAnswers(q)[0]!]))).toBeGreaterThanOrEqual(8);
    expect(mean(scores((q) => [strongAnswers(q)[1]!]))).toBeGreaterThanOrEqual(8);
  });

  it('keeps score and feedback in agreement: nothing mentioned is 0, everything mentioned is at least 8', () => {
    for (const q of questions) {
      for (const answer of [negatedReference(q), fillerStuffed(q), ...strongAnswers(q)]) {
        const r = grade(q, answer);
        if (r.covered.length === 0 && (r.partly ?? []).length === 0) expect(r.score).toBe(0);
        if (r.missed.length === 0 && (r.partly ?? []).length === 0) expect(r.score).toBeGreaterThanOrEqual(8);
      }
    }
  });
});

describe('graded examples of the shipped questions as regression cases', () => {
  const examples = questions.flatMap((q) => (q.examples ?? []).map((e) => ({ q, e })));
  it.skipIf(examples.length < 10)('ranks the examples roughly as their expected scores do', () => {
    const offline = examples.map(({ q, e }) => grade(q, e.answer).score);
    const expected = examples.map(({ e }) => e.score);
    const mo = mean(offline);
    const me = mean(expected);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    offline.forEach((o, i) => {
      sxy += (o - mo) * (expected[i]! - me);
      sxx += (o - mo) ** 2;
      syy += (expected[i]! - me) ** 2;
    });
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThanOrEqual(0.3);
    // An example a careful grader gives 0 or 1 is never a near-perfect offline answer.
    examples.forEach(({ e }, i) => {
      if (e.score <= 1) expect(offline[i]).toBeLessThanOrEqual(8);
    });
  });
});
