import type { GradeResult, Question } from '../model.js';

/** A key point an answer fell short on: its 1-based number, its text, and how it fell short. */
export interface WeakPoint {
  point: number;
  text: string;
  verdict: 'missed' | 'partly';
}

/**
 * The key point a follow-up should probe: a missed point before a partly covered one (a missed
 * list also holds contradicted points), the heavier point first, then the earlier. Null when the
 * answer covered everything, or its grade names no key point of the question (retired content).
 */
export function weakestPoint(question: Question, grade: Pick<GradeResult, 'missed' | 'partly'>): WeakPoint | null {
  const candidates: (WeakPoint & { weight: number })[] = [];
  const add = (texts: readonly string[] | undefined, verdict: WeakPoint['verdict']) => {
    for (const text of texts ?? []) {
      const i = question.keyPoints.findIndex((k) => k.text === text);
      if (i >= 0 && !candidates.some((c) => c.point === i + 1)) candidates.push({ point: i + 1, text, verdict, weight: question.keyPoints[i]!.weight });
    }
  };
  add(grade.missed, 'missed');
  add(grade.partly, 'partly');
  candidates.sort((a, b) => Number(a.verdict === 'partly') - Number(b.verdict === 'partly') || b.weight - a.weight || a.point - b.point);
  const best = candidates[0];
  return best ? { point: best.point, text: best.text, verdict: best.verdict } : null;
}
