import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionFile, supportedQuestionFile, tempContent } from './fixtures.js';

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
    content.write('pack-a/01-one.md', supportedQuestionFile('one', 'heap'));
    content.write('pack-a/02-two.md', supportedQuestionFile('two', 'trie'));
    content.write('pack-b/01-three.md', supportedQuestionFile('three', 'bloom filter'));
    const { code, output } = check([content.dir]);
    expect(output.trim().split('\n')).toEqual([
      'OK: 3 questions in 2 packs (pack-a: 2, pack-b: 1)',
      expect.stringMatching(/^Most alike: pack-a\/0\d-\w+\.md and pack-\w\/0\d-\w+\.md \(similarity 0\.\d\d\)$/),
    ]);
    expect(code).toBe(0);
  });

  it('names a key point its reference does not support', () => {
    content.write('pack-a/01-one.md', questionFile('one'));
    const { code, output } = check([content.dir]);
    expect(code).toBe(1);
    expect(output).toMatch(/pack-a\/01-one\.md: key_points\[0\]: The reference does not support this key point: \d+% of its words occur there/);
  });

  it('reports two questions that ask nearly the same thing, with their similarity', () => {
    content.write('pack-a/01-one.md', supportedQuestionFile('one', 'hash table'));
    content.write('pack-b/01-two.md', supportedQuestionFile('two', 'hash table'));
    content.write('pack-b/02-three.md', supportedQuestionFile('three', 'skip list'));
    const { code, output } = check([content.dir]);
    expect(code).toBe(1);
    expect(output).toMatch(/pack-a\/01-one\.md: heading: Nearly the same question as pack-b\/01-two\.md \(similarity 1\.00\)/);
  });

  it('reports texts too long for the platforms and an example the offline grader scores far from its stated score', () => {
    const long = 'x'.repeat(320);
    content.write('pack-a/01-one.md', supportedQuestionFile('one', 'heap', { hint: `hint: ${long}` }));
    content.write(
      'pack-a/02-two.md',
      supportedQuestionFile('two', 'trie', { examples: 'examples:\n  - answer: I like turtles very much.\n    score: 9' }),
    );
    const { code, output } = check([content.dir]);
    expect(code).toBe(1);
    expect(output).toContain('pack-a/01-one.md: hint: Too long for the chat platforms: 320 characters, at most 300.');
    expect(output).toMatch(/pack-a\/02-two\.md: examples\[0\]: The offline grader gives this example \d+\/10, not 9\/10/);
  });

  it('asks a pack of six or more questions to mix difficulties', () => {
    for (const [i, subject] of ['heap', 'trie', 'stack', 'queue', 'graph', 'deque'].entries()) {
      content.write(`pack-a/0${i + 1}-q.md`, supportedQuestionFile(`q${i}`, subject));
    }
    const { code, output } = check([content.dir]);
    expect(code).toBe(1);
    expect(output).toContain('pack-a/: difficulty: The pack has no medium or hard question (6 easy, 0 medium, 0 hard).');
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

  it('passes the shipped content by default: at least 260 questions in at least 12 packs, every example within tolerance', () => {
    const { code, output } = check([]);
    expect(output).toMatch(/^OK: \d+ questions in \d+ packs? \(.*behavioural: 22.*llm-interview: 10.*\)\nMost alike: .+\n$/);
    const [, questions, packs] = /^OK: (\d+) questions in (\d+) packs/.exec(output)!;
    expect(Number(questions)).toBeGreaterThanOrEqual(260);
    expect(Number(packs)).toBeGreaterThanOrEqual(12);
    expect(code).toBe(0);
  });
});
