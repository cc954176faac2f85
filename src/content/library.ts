/**
 * The loaded questions, indexed for the game: by id, by pack and by topic.
 */
import type { Question } from '../core/model.js';

/** A pack (a folder of the content directory) and how many questions it holds. */
export interface PackSummary {
  name: string;
  count: number;
}

/** A topic, the packs it appears in, and how many questions it has. */
export interface TopicSummary {
  topic: string;
  packs: string[];
  count: number;
}

/** Read-only access to the question packs, in load order (pack, then file name). */
export class ContentLibrary {
  readonly #questions: readonly Question[];
  readonly #byId = new Map<string, Question>();

  /** @throws Error when two questions share an id (the loader never lets that happen). */
  constructor(questions: readonly Question[]) {
    this.#questions = [...questions];
    for (const question of questions) {
      const other = this.#byId.get(question.id);
      if (other) throw new Error(`Duplicate question id "${question.id}" in ${other.file} and ${question.file}.`);
      this.#byId.set(question.id, question);
    }
  }

  /** Every question. */
  all(): readonly Question[] {
    return this.#questions;
  }

  /** The question with this id, if any. */
  get(id: string): Question | undefined {
    return this.#byId.get(id);
  }

  /** Whether a question with this id exists. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** The packs with their question counts, sorted by name. */
  packs(): PackSummary[] {
    const counts = new Map<string, number>();
    for (const q of this.#questions) counts.set(q.pack, (counts.get(q.pack) ?? 0) + 1);
    return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The topics with the packs they appear in and their question counts, sorted by topic. */
  topics(): TopicSummary[] {
    const topics = new Map<string, TopicSummary>();
    for (const q of this.#questions) {
      const entry = topics.get(q.topic) ?? { topic: q.topic, packs: [], count: 0 };
      if (!entry.packs.includes(q.pack)) entry.packs.push(q.pack);
      entry.count++;
      topics.set(q.topic, entry);
    }
    return [...topics.values()]
      .map((entry) => ({ ...entry, packs: [...entry.packs].sort() }))
      .sort((a, b) => a.topic.localeCompare(b.topic));
  }

  /** The questions of these packs; an empty list means every pack. Unknown names match nothing. */
  byPacks(packs: readonly string[]): Question[] {
    if (packs.length === 0) return [...this.#questions];
    const wanted = new Set(packs);
    return this.#questions.filter((q) => wanted.has(q.pack));
  }

  /** The questions of one topic, across packs. */
  byTopic(topic: string): Question[] {
    return this.#questions.filter((q) => q.topic === topic);
  }
}
