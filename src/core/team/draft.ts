import type { Difficulty } from '../model.js';
import type { QuestionDraft } from '../ports.js';
import type { Suggestion } from '../stores/suggestion-store.js';
import { DEFAULT_DIFFICULTY, DEFAULT_TOPIC, keyPointList, type SuggestionFields } from './form.js';

/** The form's fields as the question they describe: one-line question, key points as a list, defaults filled in. */
export function draftOf(fields: SuggestionFields): QuestionDraft {
  const topic = fields.topic.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return {
    prompt: fields.question.replace(/\s+/g, ' ').trim(),
    reference: fields.reference.replace(/\r\n?/g, '\n').trim(),
    keyPoints: keyPointList(fields.keyPoints),
    topic: topic || DEFAULT_TOPIC,
    difficulty: fields.difficulty.trim().toLowerCase() || DEFAULT_DIFFICULTY,
    hint: fields.hint.replace(/\s+/g, ' ').trim() || null,
  };
}

/** A stored suggestion as a draft again (to check it once more on approval, perhaps at another difficulty). */
export function draftOfSuggestion(s: Suggestion, difficulty: Difficulty = s.difficulty): QuestionDraft {
  return { prompt: s.prompt, reference: s.reference, keyPoints: s.keyPoints, topic: s.topic, difficulty, hint: s.hint };
}

const FILLER = new Set(['what', 'whats', 'is', 'are', 'the', 'a', 'an', 'how', 'why', 'does', 'do', 'of', 'in', 'to', 'and', 'or', 'you', 'your', 'explain', 'describe', 'when', 'which', 'would', 'should', 'can', 'between']);

/** A short kebab-case name from a question's words, for its id and file name ('' when none is Latin). */
export function slugOf(prompt: string): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !FILLER.has(w));
  return words.slice(0, 5).join('-').slice(0, 40).replace(/-+$/, '');
}

/** The id an approved suggestion has in its team pack: unique across every scope (it carries the suggestion's number). */
export function teamQuestionId(s: Pick<Suggestion, 'id' | 'prompt'>): string {
  const slug = slugOf(s.prompt);
  return slug ? `team-${s.id}-${slug}` : `team-${s.id}`;
}
