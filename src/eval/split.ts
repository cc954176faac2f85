/**
 * Splitting an eval set by question, so a grader's curve can be fitted on some questions and
 * reported on the others: the set's questions in order of first appearance, alternately to the
 * `fit` part (1st, 3rd, ...) and the `report` part (2nd, 4th, ...). Every answer to a question
 * lands in the same part.
 */
import type { EvalItem } from './dataset.js';

export const PARTS = ['fit', 'report'] as const;
export type Part = (typeof PARTS)[number];

export function isPart(name: string): name is Part {
  return (PARTS as readonly string[]).includes(name);
}

const questionKey = (it: EvalItem): string => it.questionId ?? it.question;

export function partOf(items: readonly EvalItem[], part: Part): EvalItem[] {
  const order = new Map<string, number>();
  for (const it of items) if (!order.has(questionKey(it))) order.set(questionKey(it), order.size);
  const want = part === 'fit' ? 0 : 1;
  return items.filter((it) => order.get(questionKey(it))! % 2 === want);
}
