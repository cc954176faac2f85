import type { Question } from '../model.js';
import type { FollowUpOrigin } from '../stores/follow-up-store.js';
import type { WeakPoint } from './weakest-point.js';

/** Longest follow-up question kept, in characters (what the content check allows too). */
const FOLLOW_UP_MAX = 300;

/**
 * A follow-up question without a model: the question's own `follow_ups:` entry for that key point
 * when the content has one, else a template on the key point's text.
 */
export function offlineFollowUp(question: Question, weak: WeakPoint): { prompt: string; origin: FollowUpOrigin } {
  const written = question.followUps?.[weak.point]?.trim();
  if (written) return { prompt: written, origin: 'content' };
  const point = weak.text.replace(/[.\s]+$/, '');
  const lead = weak.verdict === 'partly' ? 'You touched on this key point but did not complete it' : 'Your answer left out this key point';
  return { prompt: `${lead}: "${point}". How would you explain it to an interviewer, and why does it matter here?`, origin: 'template' };
}

/**
 * A follow-up question as the model wrote it, made safe to show: one line, no mention syntax, at
 * most {@link FOLLOW_UP_MAX} characters; null when nothing usable is left (the caller falls back).
 */
export function cleanFollowUp(text: string): string | null {
  const line = text
    .replace(/[<>]/g, '')
    .replace(/@(everyone|here|channel)\b/gi, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length < 10 || line.length > FOLLOW_UP_MAX || !line.includes('?')) return null;
  return line;
}
