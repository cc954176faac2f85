/**
 * How the offline grader reads an answer: the hint, negation scope, word forms and notation, each
 * shown on a small question of its own.
 */
import { describe, expect, it } from 'vitest';
import type { GradeRequest } from '../../src/core/ports.js';
import { OfflineGrader } from '../../src/grading/offline-grader.js';
import { readText } from '../../src/grading/text/nlp.js';

const grader = new OfflineGrader();
const ask = (keyPoints: string[], extra: Partial<GradeRequest> = {}) => (answer: string) =>
  grader.gradeNow({ questionId: 'q', question: 'What is this about?', reference: '', keyPoints: keyPoints.map((text) => ({ text, weight: 1 })), answer, ...extra });
const negatedWords = (text: string) => readText(text).words.filter((w) => w.negated).map((w) => w.key);

describe('the hint', () => {
  const points = ['A fine-tuned model starts from pre-trained weights', 'Training uses a smaller learning rate', 'Freeze early layers to limit overfitting', 'Replace the output layer for the new classes'];
  const hint = 'Start from a model that already knows a lot, and think about how gently you train it.';

  it('takes nothing from a key point whose words it shares, when the answer states the claim', () => {
    const answer = 'You train with a smaller learning rate so the weights only move a little.';
    expect(ask(points, { hint })(answer).score).toBe(ask(points)(answer).score);
    expect(ask(points, { hint })(answer).covered).toContain('Training uses a smaller learning rate');
  });

  it('gives nothing for the hint copied back', () => {
    expect(ask(points, { hint })(hint).score).toBe(0);
  });
});

describe('negation scope', () => {
  it('reads "rather than X" and "instead of X" as agreeing with "not X"', () => {
    const question = 'What is dependency injection, and how does it differ from the dependency inversion principle?';
    const inversion = ask(['Dependency inversion is a design principle about depending on abstractions, not concrete implementations'], { question });
    expect(inversion('Dependency inversion is the principle of depending on abstractions rather than concrete implementations.').covered).toHaveLength(1);
    expect(inversion('Dependency inversion is the principle of depending on abstractions instead of concrete implementations.').covered).toHaveLength(1);
    expect(inversion('Dependency inversion is not about abstractions; it means depending on concrete implementations.').covered).toHaveLength(0);
  });

  it('ends a denial inside a relative clause where the clause ends', () => {
    expect(negatedWords('A user that does not exist is an expected outcome.')).not.toContain('outcom');
  });

  it('denies both halves of "it is not true that X and Y"', () => {
    expect(negatedWords('It is not true that the cache evicts entries and the database slows down.')).toEqual(expect.arrayContaining(['evict', 'slow']));
  });

  it('keeps a denial in an if-clause there', () => {
    expect(negatedWords('If the pods do not fit, the cluster autoscaler adds a node.')).not.toContain('add');
  });

  it('lets "without" deny its noun phrase, not the predicate after it', () => {
    expect(negatedWords('An update without a usable index can lock far more rows.')).not.toContain('lock');
  });

  it('reads "no matter how deep" as no denial', () => {
    expect(negatedWords('Each page costs the same no matter how deep it is.')).toEqual([]);
  });
});

describe('word forms and notation', () => {
  it('reads a possessive the same whatever was read before (wink-nlp remembers words it has seen)', () => {
    const text = "Each thread waits for the other's mutex.";
    const before = readText(text).words.map((w) => w.key);
    readText("They reviewed each other's designs and the client's logs.");
    expect(readText(text).words.map((w) => w.key)).toEqual(before);
  });

  it('matches complexity notation as a word', () => {
    const grade = ask(['Sorting by comparisons needs O(n log n) time in the worst case', 'Heaps', 'Tries', 'Graphs']);
    expect(grade('Any comparison sort needs O(n log n) time in the worst case.').covered).toContain('Sorting by comparisons needs O(n log n) time in the worst case');
    expect(readText('It needs O(n log n) time, not O(n²).').words.map((w) => w.key)).toEqual(expect.arrayContaining(['bigonlogn', 'bigon2']));
  });

  it('needs only one of the examples a key point lists after "such as"', () => {
    const point = 'Scale on a metric that tracks load, such as CPU, queue depth or requests per instance';
    const r = ask([point, 'Scale-down needs a stabilisation window', 'The cluster autoscaler adds nodes', 'Scaling moves the bottleneck'])('Scale on a metric that tracks the load, for example CPU.');
    expect(r.covered).toContain(point);
  });

  it('reads "untested" as "not tested" and "plain text" as "plaintext"', () => {
    const grade = ask(['Low coverage reveals code that no test exercises', 'Never store passwords in plaintext', 'Use a slow hash', 'Salt each password']);
    expect(grade('Low coverage shows you code that is untested.').covered).toContain('Low coverage reveals code that no test exercises');
    expect(grade('Never keep passwords in plain text.').covered).toContain('Never store passwords in plaintext');
  });
});
