import type { Question } from '../model.js';
import type { QuestionBank } from '../ports.js';
import type { Suggestion, SuggestionStore } from '../stores/suggestion-store.js';

/** The pack a server's or workspace's approved suggestions make, and the folder `export pack` writes. */
export const TEAM_PACK = 'team';

/** An approved suggestion as a question of its scope's team pack. */
export function teamQuestion(s: Suggestion): Question {
  return {
    id: s.questionId!,
    pack: TEAM_PACK,
    topic: s.topic,
    difficulty: s.difficulty,
    tags: [],
    keyPoints: s.keyPoints.map((text) => ({ text, weight: 1 })),
    ...(s.hint ? { hint: s.hint } : {}),
    prompt: s.prompt,
    reference: s.reference,
    file: `${TEAM_PACK}/suggestion-${s.id}`,
  };
}

/**
 * The content directory's packs plus each scope's own pack, read from the store on each call, so a
 * question approved in one process is asked by another on the same database. A team question whose
 * id the files also have (the team moved its exported pack into the content directory) is the
 * file's from then on.
 */
export class TeamQuestionBank implements QuestionBank {
  constructor(
    private readonly files: QuestionBank,
    private readonly store: Pick<SuggestionStore, 'teamQuestions' | 'teamQuestion'>,
  ) {}

  get(id: string): Question | undefined {
    const file = this.files.get(id);
    if (file) return file;
    const s = this.store.teamQuestion(id);
    return s?.status === 'approved' ? teamQuestion(s) : undefined;
  }

  /** The scope's own questions that the files do not also have. */
  own(scopeId: string): Question[] {
    return this.store.teamQuestions(scopeId).filter((s) => !this.files.get(s.questionId!)).map(teamQuestion);
  }

  all(scopeId: string): readonly Question[] {
    return [...this.files.all(scopeId), ...this.own(scopeId)];
  }

  byPacks(packs: readonly string[], scopeId: string): readonly Question[] {
    const files = this.files.byPacks(packs, scopeId);
    const own = packs.length === 0 || packs.includes(TEAM_PACK) ? this.own(scopeId) : [];
    return [...files, ...own];
  }

  packs(scopeId: string): { name: string; count: number }[] {
    const packs = this.files.packs(scopeId).map((p) => ({ ...p }));
    const own = this.own(scopeId).length;
    if (own === 0) return packs;
    const team = packs.find((p) => p.name === TEAM_PACK);
    if (team) team.count += own;
    else packs.push({ name: TEAM_PACK, count: own });
    return packs.sort((a, b) => a.name.localeCompare(b.name));
  }

  topics(scopeId: string): { topic: string; packs: string[]; count: number }[] {
    const topics = new Map(this.files.topics(scopeId).map((t) => [t.topic, { ...t, packs: [...t.packs] }]));
    for (const q of this.own(scopeId)) {
      const t = topics.get(q.topic) ?? { topic: q.topic, packs: [], count: 0 };
      if (!t.packs.includes(TEAM_PACK)) t.packs = [...t.packs, TEAM_PACK].sort();
      t.count += 1;
      topics.set(q.topic, t);
    }
    return [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic));
  }
}
