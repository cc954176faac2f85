import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { QuestionBank } from '../../core/ports.js';
import { LIMITS, shorten } from './limits.js';

type Choice = ApplicationCommandOptionChoiceData<string>;

let zones: string[] | null = null;

/** Every IANA zone name this runtime knows, plus UTC (which `supportedValuesOf` may leave out). */
function allZones(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

/** Ranks names for what was typed: prefix matches first, then matches anywhere. */
function matching(names: readonly string[], typed: string): string[] {
  const q = typed.trim().toLowerCase();
  if (!q) return [...names];
  const starts = names.filter((n) => n.toLowerCase().startsWith(q) || n.toLowerCase().split('/').some((p) => p.startsWith(q)));
  const within = names.filter((n) => !starts.includes(n) && n.toLowerCase().includes(q));
  return [...starts, ...within];
}

/** IANA zones matching what was typed, for the `zone` option of `schedule`. */
export function zoneChoices(typed: string): Choice[] {
  return matching(allZones(), typed.trim().replace(/\s+/g, '_'))
    .slice(0, LIMITS.choices)
    .map((z) => ({ name: z, value: z }));
}

/** The content's topics (and packs) matching what was typed, for the `topic` option of `quiz`. */
export function topicChoices(content: QuestionBank, scopeId: string, typed: string): Choice[] {
  const counts = new Map<string, number>();
  for (const t of content.topics(scopeId)) counts.set(t.topic, t.count);
  for (const p of content.packs(scopeId)) if (!counts.has(p.name)) counts.set(p.name, p.count);
  return matching([...counts.keys()], typed)
    .slice(0, LIMITS.choices)
    .map((name) => ({ name: shorten(`${name} (${counts.get(name)} questions)`, LIMITS.choiceName), value: shorten(name, 100) }));
}
