import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionFile, tempContent } from './fixtures.js';

const ROOT = new URL('../..', import.meta.url).pathname;

function check(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync('npx', ['tsx', 'src/content/check-cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '', ...env },
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm run content:check', () => {
  let content: ReturnType<typeof tempContent>;
  beforeEach(() => {
    content = tempContent();
  });
  afterEach(() => content.cleanup());

  it('exits 1 and prints one "file: field: message" line per error', () => {
    content.write('pack-a/01-good.md', questionFile('good'));
    content.write('pack-a/02-bad.md', questionFile('bad', { difficulty: 'difficulty: expert' }));
    content.write('pack-b/01-worse.md', questionFile('good'));
    const { code, output } = check([content.dir]);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^pack-a\/02-bad\.md: difficulty: .+\.$/),
      expect.stringMatching(/^pack-b\/01-worse\.md: id: Duplicate id "good": pack-a\/01-good\.md already uses it\.$/),
    ]);
  });

  it('exits 0 with a summary per pack on good content', () => {
    content.write('pack-a/01-one.md', questionFile('one'));
    content.write('pack-a/02-two.md', questionFile('two'));
    content.write('pack-b/01-three.md', questionFile('three'));
    const { code, output } = check([content.dir]);
    expect(output.trim()).toBe('OK: 3 questions in 2 packs (pack-a: 2, pack-b: 1)');
    expect(code).toBe(0);
  });

  it('reads CONTENT_DIR when no path is given', () => {
    content.write('pack-a/01-one.md', questionFile('one', { key_points: 'key_points: [only, three, points]' }));
    const { code, output } = check([], { CONTENT_DIR: content.dir });
    expect(code).toBe(1);
    expect(output).toContain('pack-a/01-one.md: key_points: Give 4 to 7 key points; found 3.');
  });

  it('exits 1 naming the directory when it does not exist', () => {
    const { code, output } = check([`${content.dir}/missing`]);
    expect(code).toBe(1);
    expect(output).toContain(`${content.dir}/missing: directory: The content directory`);
  });

  it('validates the shipped content by default', () => {
    const { code, output } = check([]);
    expect(output).toMatch(/^OK: \d+ questions in \d+ packs? \(.*llm-interview: 10.*\)\n$/);
    expect(code).toBe(0);
  });
});
