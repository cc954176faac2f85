import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { DepsWith } from './context.js';
import type { Question } from './model.js';
import type { QuestionReply } from './replies.js';
import type { ReviewRecord } from './stores/practice-store.js';

/** A graded answer as a review: 0-3 Again, 4-5 Hard, 6-8 Good, 9-10 Easy. */
export function ratingFor(score: number): Grade {
  if (score <= 3) return Rating.Again;
  if (score <= 5) return Rating.Hard;
  if (score <= 8) return Rating.Good;
  return Rating.Easy;
}

export interface CardState {
  questionId: string;
  due: number;
  reviews: number;
  lastScore: number;
}

/**
 * Spaced repetition (FSRS, via ts-fsrs) over a person's graded answers: every graded answer, daily or
 * practice, is a review of its question. Picks the question that person most needs.
 */
export class Practice {
  private readonly scheduler = fsrs({ enable_fuzz: false });

  constructor(private readonly d: DepsWith<'practice'>) {}

  /** The FSRS card of each question this person has answered, replayed from their history. */
  cards(userId: string, scopeId: string): Map<string, CardState> {
    const byQuestion = new Map<string, ReviewRecord[]>();
    for (const r of this.d.store.practice.reviewHistory(userId, scopeId)) {
      const list = byQuestion.get(r.questionId) ?? [];
      list.push(r);
      byQuestion.set(r.questionId, list);
    }
    const out = new Map<string, CardState>();
    for (const [questionId, reviews] of byQuestion) {
      let card: Card = createEmptyCard(new Date(reviews[0]!.at));
      for (const r of reviews) card = this.scheduler.next(card, new Date(r.at), ratingFor(r.score)).card;
      out.set(questionId, { questionId, due: card.due.getTime(), reviews: reviews.length, lastScore: reviews.at(-1)!.score });
    }
    return out;
  }

  /** How many answered questions are due for review now. */
  dueCount(userId: string, scopeId: string): number {
    const now = this.d.clock.now();
    return [...this.cards(userId, scopeId).values()].filter((c) => c.due <= now).length;
  }

  /**
   * The question to practise: the most overdue review first; else a question never answered, from the
   * person's weakest topics first; else the review coming due soonest. `topic` limits the choice.
   */
  pick(userId: string, scopeId: string, pool: readonly Question[], exclude?: string): Question | null {
    const candidates = pool.filter((q) => q.id !== exclude);
    if (candidates.length === 0) return pool[0] ?? null;
    const now = this.d.clock.now();
    const cards = this.cards(userId, scopeId);
    const due = candidates
      .filter((q) => (cards.get(q.id)?.due ?? Infinity) <= now)
      .sort((a, b) => cards.get(a.id)!.due - cards.get(b.id)!.due);
    if (due[0]) return due[0];
    const fresh = candidates.filter((q) => !cards.has(q.id));
    if (fresh.length > 0) {
      const weakness = this.topicWeakness(cards, candidates);
      return fresh.sort((a, b) => (weakness.get(b.topic) ?? 0) - (weakness.get(a.topic) ?? 0) || a.id.localeCompare(b.id))[0]!;
    }
    return candidates.sort((a, b) => cards.get(a.id)!.due - cards.get(b.id)!.due)[0]!;
  }

  /** Higher for topics the person scores worse on; unknown topics sit in the middle. */
  private topicWeakness(cards: Map<string, CardState>, pool: readonly Question[]): Map<string, number> {
    const sums = new Map<string, { total: number; n: number }>();
    for (const q of pool) {
      const c = cards.get(q.id);
      if (!c) continue;
      const s = sums.get(q.topic) ?? { total: 0, n: 0 };
      s.total += c.lastScore;
      s.n += 1;
      sums.set(q.topic, s);
    }
    const out = new Map<string, number>();
    for (const q of pool) {
      const s = sums.get(q.topic);
      out.set(q.topic, s ? 10 - s.total / s.n : 5);
    }
    return out;
  }
}

/** A practice question as the member sees it, answered through its prompt (`practice:<id>`). */
export function practiceQuestionReply(promptId: number, question: Question): QuestionReply {
  return {
    kind: 'question',
    visibility: 'private',
    answerRef: `practice:${promptId}`,
    mode: 'practice',
    questionId: question.id,
    prompt: question.prompt,
    topic: question.topic,
    difficulty: question.difficulty,
    pack: question.pack,
    answerCount: 0,
  };
}
