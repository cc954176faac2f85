import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli-args.js';
import { loadConfig, SETTING_NAMES } from '../../src/config.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the settings as documented', () => {
  it('are all in .env.example, each commented out with a comment above it, in the order the config reads them', () => {
    const example = read('.env.example');
    const lines = example.split('\n');
    const found = SETTING_NAMES.map((name) => {
      const at = lines.findIndex((l) => l.startsWith(`# ${name}=`));
      expect(at, `${name} in .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1], `a comment above ${name}`).toMatch(/^# \S/);
      return at;
    });
    expect(found).toEqual([...found].sort((a, b) => a - b));
    // Uncommented as printed, the example is valid settings (placeholders aside).
    const env = Object.fromEntries(lines.filter((l) => /^# [A-Z_]+=/.test(l)).map((l) => l.slice(2).split('=') as [string, string]));
    const filled = { ...env, OPENAI_API_KEY: 'sk-test', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test' };
    expect(() => loadConfig(filled)).not.toThrow();
  });

  it('are all in the README settings table and in npm start -- --help', () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
    for (const name of SETTING_NAMES) {
      expect(table, `${name} in the README's settings`).toMatch(new RegExp(`^\\| [^|]*\`${name}\``, 'm'));
      expect(USAGE, `${name} in --help`).toContain(name);
    }
  });
});
