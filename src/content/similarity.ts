/**
 * Near-duplicate questions across packs: TF-IDF vectors over the content words of each question's
 * heading and key points, compared by cosine similarity.
 */
import type { Question } from '../core/model.js';
import { contentStems } from './words.js';

export interface SimilarPair {
  a: Question;
  b: Question;
  similarity: number;
}

type Vector = Map<string, number>;

/** Pairs of questions at or above `threshold`, most similar first; with `firstOnly`, only pairs with one of the first that many. */
export function nearDuplicates(questions: readonly Question[], threshold: number, firstOnly = questions.length): SimilarPair[] {
  const docs = questions.map((q) => contentStems([q.prompt, ...q.keyPoints.map((p) => p.text)].join(' ')));
  const df = new Map<string, number>();
  for (const doc of docs) for (const word of new Set(doc)) df.set(word, (df.get(word) ?? 0) + 1);
  const vectors = docs.map((doc) => weigh(doc, df, docs.length));
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < Math.min(firstOnly, questions.length); i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const similarity = cosine(vectors[i]!, vectors[j]!);
      if (similarity >= threshold) pairs.push({ a: questions[i]!, b: questions[j]!, similarity });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}

/** The questions of `others` at or above `threshold` from `q`, most similar first (weights over all of them). */
export function similarTo(q: Question, others: readonly Question[], threshold: number): SimilarPair[] {
  return nearDuplicates([q, ...others], threshold, 1);
}

/** The most similar other question for each question (for reports). */
export function closest(questions: readonly Question[]): SimilarPair[] {
  return nearDuplicates(questions, 0);
}

function weigh(doc: readonly string[], df: ReadonlyMap<string, number>, n: number): Vector {
  const tf = new Map<string, number>();
  for (const word of doc) tf.set(word, (tf.get(word) ?? 0) + 1);
  const vector: Vector = new Map();
  let norm = 0;
  for (const [word, count] of tf) {
    // Smoothed IDF (as scikit-learn's): a word every question uses still counts a little.
    const weight = (1 + Math.log(count)) * (1 + Math.log((1 + n) / (1 + df.get(word)!)));
    vector.set(word, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [word, weight] of vector) vector.set(word, weight / norm);
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, weight] of small) dot += weight * (large.get(word) ?? 0);
  return dot;
}
