/**
 * The suggestion form: its fields as a member types them, on every platform. Slack and Discord
 * show it as a modal; the console and `suggest <text>` read it as labelled lines:
 *
 *     question: What is a covering index?
 *     reference: An index that holds every column a query reads, ...
 *     key points:
 *     - It holds every column the query needs
 *     - ...
 *     topic: databases
 *     difficulty: medium
 *     hint: Think about what the query must still read from the table.
 *
 * A label starts a line (or follows a space on a one-line `suggest`); a field runs until the next
 * label, so a reference may take several lines.
 */

export const SUGGESTION_FIELDS = ['question', 'reference', 'keyPoints', 'topic', 'difficulty', 'hint'] as const;
export type SuggestionField = (typeof SUGGESTION_FIELDS)[number];

/** The form's fields, as typed (key points one per line); empty strings for what was left out. */
export type SuggestionFields = Record<SuggestionField, string>;

/** What is wrong with one field of a suggested question, in a sentence the member can act on. */
export interface DraftProblem {
  field: SuggestionField;
  message: string;
}

/** How each field is named to the member, in messages and on the forms. */
export const FIELD_LABELS: Record<SuggestionField, string> = {
  question: 'Question',
  reference: 'Reference answer',
  keyPoints: 'Key points',
  topic: 'Topic',
  difficulty: 'Difficulty',
  hint: 'Hint',
};

/** The longest text each field may hold (the content checks' limits, which fit the platforms). */
export const FIELD_MAX: Record<SuggestionField, number> = {
  question: 256,
  reference: 3_800,
  keyPoints: 1_500,
  topic: 40,
  difficulty: 6,
  hint: 300,
};

/** What a suggestion gets when the member leaves these out. */
export const DEFAULT_TOPIC = 'team';
export const DEFAULT_DIFFICULTY = 'medium';

export const emptyFields = (): SuggestionFields => ({ question: '', reference: '', keyPoints: '', topic: '', difficulty: '', hint: '' });

const LABELS: [RegExp, SuggestionField][] = [
  [/^questions?$/, 'question'],
  [/^(reference|reference answer)$/, 'reference'],
  [/^key ?points?$/, 'keyPoints'],
  [/^topic$/, 'topic'],
  [/^difficulty$/, 'difficulty'],
  [/^hint$/, 'hint'],
];
const LABEL_WORDS = 'questions?|reference answer|reference|key ?points?|topic|difficulty|hint';
/** A label at the start of a line, or after a space (one-line input). */
const LABEL_AT = new RegExp(`(?:^|(?<=\\s))(${LABEL_WORDS})\\s*:`, 'gim');

function fieldOf(label: string): SuggestionField | undefined {
  const l = label.toLowerCase().replace(/\s+/g, ' ');
  return LABELS.find(([re]) => re.test(l))?.[1];
}

/**
 * The fields given in labelled text; fields without a label are absent. Text before the first
 * label, when there is no label at all, is taken as the question (`suggest What is X?`).
 */
export function parseLabelled(text: string): Partial<SuggestionFields> {
  const found: { field: SuggestionField; start: number; end: number }[] = [];
  const multiline = text.includes('\n');
  for (const m of text.matchAll(LABEL_AT)) {
    const at = m.index;
    // On several lines, only a label that starts its line counts: "answer:" inside a reference does not.
    if (multiline && at > 0 && text[at - 1] !== '\n' && !/^\s*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at))) continue;
    const field = fieldOf(m[1]!);
    if (field) found.push({ field, start: at, end: at + m[0].length });
  }
  if (found.length === 0) return text.trim() ? { question: text.trim() } : {};
  const out: Partial<SuggestionFields> = {};
  found.forEach((f, i) => {
    const value = text.slice(f.end, found[i + 1]?.start ?? text.length).trim();
    out[f.field] = out[f.field] ? `${out[f.field]}\n${value}` : value;
  });
  return out;
}

/** The key points of the form's text: one per line (bullets and numbers dropped); one line may use semicolons. */
export function keyPointList(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const items = lines.length === 1 && lines[0]!.includes(';') ? lines[0]!.split(';') : lines;
  return items.map((l) => l.trim().replace(/^(?:[-*•+]|\d{1,2}[.)])\s*/, '').trim()).filter(Boolean);
}

/** Topic and difficulty typed together ("databases hard"), as Discord's five-input modal takes them. */
export function splitTopicAndDifficulty(text: string): Pick<SuggestionFields, 'topic' | 'difficulty'> {
  const words = text.trim().split(/[\s,;/]+/).filter(Boolean);
  const difficulty = words.find((w) => /^(easy|medium|hard)$/i.test(w)) ?? '';
  return { topic: words.filter((w) => w !== difficulty).join('-'), difficulty: difficulty.toLowerCase() };
}

/** Labelled lines for these fields, the way the console and `suggest` read them back. */
export function labelledText(fields: SuggestionFields): string {
  const lines: string[] = [];
  for (const field of SUGGESTION_FIELDS) {
    const value = fields[field].trim();
    if (!value) continue;
    const label = field === 'keyPoints' ? 'key points' : field;
    if (field === 'keyPoints') lines.push(`${label}:`, ...keyPointList(value).map((p) => `- ${p}`));
    else lines.push(`${label}: ${value}`);
  }
  return lines.join('\n');
}
