import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/config.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The README's tour: its shell block, and the text block of what it prints. */
function tour(): { script: string; expected: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A short tour (console)'), readme.indexOf('\n## ', readme.indexOf('## A short tour (console)') + 1));
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2]! }));
  return { script: blocks.find((b) => b.lang === 'sh')!.body, expected: blocks.find((b) => b.lang === 'text')!.body };
}

describe("the README's tour", () => {
  it('gives the replies it shows when run as printed in a fresh clone', () => {
    const { script, expected } = tour();
    expect(script).toMatch(/^rm -f data\/tour\.\*\nDATABASE_PATH=data\/tour\.sqlite npm start <<'TOUR'\n/);
    // A fresh clone: no tokens, no keys and no settings, whatever this machine's environment or .env holds.
    const blank = Object.fromEntries(SETTING_NAMES.map((k) => [k, '']));
    const res = spawnSync('bash', ['-c', script], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...blank }, encoding: 'utf8', timeout: 120_000 });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    // npm announces the script it runs ("> prepbot@0.1.0 start", the command) before prepbot speaks.
    const printed = res.stdout.replace(/^(\n|> [^\n]*\n)*/, '');
    expect(printed).toBe(expected);
  });
});
