/**
 * Loading the question packs: `<dir>/<pack>/<NN>-<slug>.md`. Collects every error in every file
 * instead of stopping at the first, so one `content:check` run shows everything to fix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '../core/model.js';
import { ContentInvalidError, type ContentError } from './errors.js';
import { ContentLibrary } from './library.js';
import { parseQuestion } from './parse-question.js';
import { KEBAB_CASE } from './schema.js';

export { ContentLibrary } from './library.js';

/** What {@link loadContent} found: the valid questions, and every error (empty when all is well). */
export interface LoadResult {
  questions: Question[];
  errors: ContentError[];
}

/** A question file name: two or more digits, a dash, a kebab-case slug, `.md`. */
const QUESTION_FILE = /^\d{2,}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/**
 * Reads every pack folder of `dir`. Files not named like `NN-slug.md` (a README.md, notes, images)
 * and hidden folders are ignored. Questions come in pack order, then file order.
 */
export function loadContent(dir: string): LoadResult {
  const dirError = (message: string): LoadResult => ({ questions: [], errors: [{ file: dir, field: 'directory', message }] });
  let packs: string[];
  try {
    packs = readdirSync(dir)
      .filter((name) => !name.startsWith('.') && isDirectory(join(dir, name)))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return dirError(`The content directory ${dir} does not exist; set CONTENT_DIR or create it.`);
    if (code === 'ENOTDIR') return dirError(`${dir} is a file, not a content directory.`);
    return dirError(`Cannot read the content directory: ${(error as Error).message}.`);
  }

  const questions: Question[] = [];
  const errors: ContentError[] = [];
  const owners = new Map<string, string>();
  let files = 0;
  for (const pack of packs) {
    const names = readdirSync(join(dir, pack)).filter((name) => QUESTION_FILE.test(name)).sort();
    if (names.length > 0 && !KEBAB_CASE.test(pack)) {
      errors.push({
        file: pack,
        field: 'pack',
        message: 'A pack folder name must be kebab-case (lowercase letters, digits, hyphens), e.g. "llm-interview".',
      });
    }
    for (const name of names) {
      files++;
      const file = `${pack}/${name}`;
      const result = parseFile(join(dir, pack, name), { pack, file });
      errors.push(...result.errors);
      const question = result.question;
      if (!question) continue;
      const owner = owners.get(question.id);
      if (owner !== undefined) {
        errors.push({ file, field: 'id', message: `Duplicate id "${question.id}": ${owner} already uses it.` });
        continue;
      }
      owners.set(question.id, file);
      questions.push(question);
    }
  }
  if (files === 0) {
    return dirError(`No question files in ${dir}: expected <pack>/<NN>-<slug>.md files, e.g. llm-interview/01-what-is-an-llm.md.`);
  }
  return { questions, errors };
}

/**
 * Loads the content and returns it as a library, or throws when anything is wrong.
 * @throws {ContentInvalidError} listing every error as a `file: field: message` line.
 */
export function loadContentOrThrow(dir: string): ContentLibrary {
  const { questions, errors } = loadContent(dir);
  if (errors.length > 0) throw new ContentInvalidError(dir, errors);
  return new ContentLibrary(questions);
}

function parseFile(path: string, source: { pack: string; file: string }): ReturnType<typeof parseQuestion> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { errors: [{ file: source.file, field: 'file', message: `Cannot read the file: ${(error as Error).message}.` }] };
  }
  return parseQuestion(text, source);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
