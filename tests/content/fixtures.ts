/** Writes throwaway content directories for the content tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Front matter lines of a valid question, keyed so a test can drop or replace one. */
export function frontMatter(id = 'demo-question', overrides: Record<string, string | null> = {}): string {
  const fields: Record<string, string | null> = {
    id: `id: ${id}`,
    topic: 'topic: demo-topic',
    difficulty: 'difficulty: easy',
    tags: 'tags: [demo]',
    key_points: [
      'key_points:',
      '  - First idea a grader can check',
      '  - Second idea a grader can check',
      '  - { text: "Third idea, the central one", weight: 2 }',
      '  - text: Fourth idea a grader can check',
      '    weight: 0.5',
    ].join('\n'),
    hint: 'hint: Think about the ideas.',
    ...overrides,
  };
  return Object.values(fields).filter((line) => line !== null).join('\n');
}

/** A complete, valid question file. */
export function questionFile(id = 'demo-question', overrides: Record<string, string | null> = {}): string {
  return `---\n${frontMatter(id, overrides)}\n---\n# What is the demo question?\n\nThe reference answer.\n`;
}

/** A temporary content directory; `write` adds files by relative path. */
export function tempContent(): { dir: string; write: (file: string, text: string) => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-content-'));
  return {
    dir,
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A question that also passes the library-wide quality checks: its reference supports each key
 * point, and questions on different `subject`s do not look alike.
 */
export function supportedQuestionFile(id: string, subject: string, extra: Record<string, string | null> = {}): string {
  const points = [`${subject} keeps records in order`, `${subject} answers lookups quickly`, `${subject} grows when full`, `${subject} costs memory`];
  const front = frontMatter(id, { key_points: ['key_points:', ...points.map((p) => `  - ${p}`)].join('\n'), ...extra });
  return `---\n${front}\n---\n# What is a ${subject}?\n\nA ${subject} keeps records in order, answers lookups quickly, grows when full and costs memory.\n`;
}
