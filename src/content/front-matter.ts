/**
 * Splitting a question file into its YAML front matter and its Markdown body, and validating the
 * front matter against {@link FrontMatterSchema}. Every problem becomes a field-level message.
 */
import { parseDocument } from 'yaml';
import type * as z from 'zod';
import { FrontMatterSchema, type FrontMatter } from './schema.js';

/** A problem in one field of a file; the loader adds the file name. */
export interface FieldError {
  field: string;
  message: string;
}

/** A file cut at its `---` fences. Line numbers are 1-based and refer to the whole file. */
export interface SplitFile {
  yaml: string;
  yamlLine: number;
  body: string;
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const FRONT_MATTER = 'front matter';

/** Cuts `text` into front matter and body, or says why it cannot. Accepts a BOM and CRLF line ends. */
export function splitFrontMatter(text: string): SplitFile | FieldError {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      field: FRONT_MATTER,
      message: "Missing front matter: the file must start with a '---' line, the YAML keys, then another '---' line.",
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close < 0) {
    return { field: FRONT_MATTER, message: "The front matter is not closed: add a '---' line after the YAML keys." };
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** Parses and validates the YAML of the front matter. */
export function parseFrontMatter(
  yaml: string,
  firstLine: number,
): { data: FrontMatter; errors: [] } | { data?: undefined; errors: FieldError[] } {
  const doc = parseDocument(yaml, { prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      errors: problems.map((problem) => ({
        field: FRONT_MATTER,
        message: `Invalid YAML at line ${firstLine + lineOf(yaml, problem.pos[0])}: ${sentence(problem.message)}`,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    return { errors: [{ field: FRONT_MATTER, message: `Invalid YAML: ${sentence(String((error as Error).message))}` }] };
  }
  if (value === null || value === undefined) {
    return { errors: [{ field: FRONT_MATTER, message: 'The front matter is empty; it needs id, topic, difficulty and key_points.' }] };
  }
  const result = FrontMatterSchema.safeParse(value);
  if (result.success) return { data: result.data, errors: [] };
  return { errors: result.error.issues.flatMap(issueToErrors) };
}

const FRONT_MATTER_KEYS = Object.keys(FrontMatterSchema.shape);

/** Turns one zod issue into field errors; an unknown-keys issue gives one error per key. */
function issueToErrors(issue: z.core.$ZodIssue): FieldError[] {
  if (issue.code === 'unrecognized_keys') {
    const atRoot = issue.path.length === 0;
    const allowed = atRoot ? FRONT_MATTER_KEYS : ['text', 'weight'];
    return issue.keys.map((key) => {
      const guess = closest(key, allowed);
      const suggestion = guess ? ` Did you mean "${guess}"?` : '';
      return {
        field: fieldPath([...issue.path, key]),
        message: `Unknown key "${key}"; allowed keys are ${allowed.join(', ')}.${suggestion}`,
      };
    });
  }
  if (issue.code === 'invalid_union') {
    // A key point is a string or a mapping: report the mapping's own problems (say, a bad weight)
    // rather than "neither", when only that branch got past the type check.
    const relevant = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (relevant.length === 1) {
      return relevant[0]!.flatMap((inner) => issueToErrors({ ...inner, path: [...issue.path, ...inner.path] }));
    }
  }
  return [{ field: fieldPath(issue.path) || FRONT_MATTER, message: issue.message }];
}

/** `['key_points', 2, 'weight']` → `key_points[2].weight`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function sentence(message: string): string {
  const first = message.split('\n')[0]!.trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The allowed key within edit distance 2 of `key`, if any. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = distance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
