/**
 * Quality checks over a whole loaded library, on top of per-file validation: every key point is
 * supported by its reference, texts fit the platforms, each pack mixes difficulties, and no two
 * questions ask nearly the same thing. Each problem names the file and the field.
 */
import type { Question } from '../core/model.js';
import type { ContentError } from './errors.js';
import { contentStems } from './words.js';
import { nearDuplicates, type SimilarPair } from './similarity.js';

/** Platform-driven limits on a question's texts, in characters. */
const LIMITS = {
  /** A Discord embed title holds 256. */
  prompt: 256,
  /** Discord's embed description holds 4,096; leave room for the key points and the footer. */
  reference: 3_800,
  keyPoint: 200,
  hint: 300,
  /** Slack's answer modal accepts 3,000. */
  example: 3_000,
  followUp: 300,
} as const;

/** Share of a key point's content words that must occur in the reference. */
const SUPPORT_MIN = 0.6;
/** Cosine similarity above which two questions count as near-duplicates. */
export const DUPLICATE_AT = 0.5;
/** A pack of this many questions or more must use every difficulty, none for more than 60%. */
const MIX_FROM = 6;
const MIX_MAX_SHARE = 0.6;

/** What `content:check` reports beyond file errors. */
export interface QualityReport {
  errors: ContentError[];
  duplicates: SimilarPair[];
}

export function checkQuality(questions: readonly Question[]): QualityReport {
  const errors: ContentError[] = [];
  for (const question of questions) errors.push(...questionErrors(question));
  errors.push(...mixErrors(questions));
  const duplicates = nearDuplicates(questions, DUPLICATE_AT);
  for (const pair of duplicates) {
    errors.push({
      file: pair.a.file,
      field: 'heading',
      message: `Nearly the same question as ${pair.b.file} (similarity ${pair.similarity.toFixed(2)}); ask something else or merge them.`,
    });
  }
  return { errors, duplicates };
}

/** One question's own problems: key points its reference does not support, texts too long for the platforms. */
export function questionErrors(question: Question): ContentError[] {
  return [...supportErrors(question), ...lengthErrors(question)];
}

/** The share of a key point's content words found in the reference (1 when it has none). */
function support(keyPoint: string, reference: string): number {
  const words = new Set(contentStems(keyPoint));
  if (words.size === 0) return 1;
  const found = new Set(contentStems(reference));
  let hits = 0;
  for (const word of words) if (found.has(word)) hits++;
  return hits / words.size;
}

function supportErrors(question: Question): ContentError[] {
  return question.keyPoints.flatMap((point, index) => {
    const share = support(point.text, question.reference);
    if (share >= SUPPORT_MIN) return [];
    return [
      {
        file: question.file,
        field: `key_points[${index}]`,
        message: `The reference does not support this key point: ${Math.round(share * 100)}% of its words occur there (at least ${SUPPORT_MIN * 100}% needed).`,
      },
    ];
  });
}

function lengthErrors(q: Question): ContentError[] {
  const checks: Array<[field: string, text: string, max: number]> = [
    ['heading', q.prompt, LIMITS.prompt],
    ['body', q.reference, LIMITS.reference],
    ...q.keyPoints.map((p, i): [string, string, number] => [`key_points[${i}]`, p.text, LIMITS.keyPoint]),
    ...(q.hint === undefined ? [] : [['hint', q.hint, LIMITS.hint] as [string, string, number]]),
    ...(q.examples ?? []).map((e, i): [string, string, number] => [`examples[${i}].answer`, e.answer, LIMITS.example]),
    ...Object.entries(q.followUps ?? {}).map(([k, v]): [string, string, number] => [`follow_ups.${k}`, v, LIMITS.followUp]),
  ];
  return checks
    .filter(([, text, max]) => text.length > max)
    .map(([field, text, max]) => ({
      file: q.file,
      field,
      message: `Too long for the chat platforms: ${text.length} characters, at most ${max}.`,
    }));
}

export function mixErrors(questions: readonly Question[]): ContentError[] {
  const packs = new Map<string, Question[]>();
  for (const q of questions) packs.set(q.pack, [...(packs.get(q.pack) ?? []), q]);
  const errors: ContentError[] = [];
  for (const [pack, list] of packs) {
    if (list.length < MIX_FROM) continue;
    const counts = { easy: 0, medium: 0, hard: 0 };
    for (const q of list) counts[q.difficulty]++;
    const missing = Object.entries(counts).filter(([, n]) => n === 0).map(([d]) => d);
    const heavy = Object.entries(counts).find(([, n]) => n / list.length > MIX_MAX_SHARE);
    const mix = `${counts.easy} easy, ${counts.medium} medium, ${counts.hard} hard`;
    if (missing.length > 0) {
      errors.push({ file: `${pack}/`, field: 'difficulty', message: `The pack has no ${missing.join(' or ')} question (${mix}).` });
    } else if (heavy) {
      errors.push({
        file: `${pack}/`,
        field: 'difficulty',
        message: `More than ${MIX_MAX_SHARE * 100}% of the pack is ${heavy[0]} (${mix}); mix the difficulties.`,
      });
    }
  }
  return errors;
}
