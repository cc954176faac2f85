import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const GOOD =
  'A large language model is a deep neural network, usually a transformer, trained with self-supervised next-token prediction on huge amounts of text from the internet; it can then be fine-tuned for tasks such as question answering or translation.';

function run(input: string, db: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_PATH: db, CONTENT_DIR: join(ROOT, 'tests/fixtures/content-llm'), ...env },
    timeout: 60_000,
  });
}

describe('the console, piped', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'prepbot-console-')), 'bot.sqlite');

  it('plays a full round from stdin and exits 0 once grading is done', () => {
    const session = [
      '/daily',
      '/as alice',
      `/answer ${GOOD}`,
      '/as bob',
      '/answer It is a spreadsheet for storing words.',
      '/leaderboard',
      '/stats',
      '',
    ].join('\n');
    const res = run(session, db);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^prepbot console/);
    expect(res.stdout).toMatch(/\[#main\] Question of the day/);
    expect(res.stdout).toMatch(/\[to alice\] Score: ([5-9]|10)\/10/);
    expect(res.stdout).toMatch(/\[to bob\] Score: [0-2]\/10/);
    // The offline grader can only say what an answer mentions.
    expect(res.stdout).toMatch(/Mentioned:/);
    expect(res.stdout).not.toMatch(/Covered:/);
    expect(res.stdout).toMatch(/Not mentioned:/);
    expect(res.stdout).toMatch(/1\. alice: \d+ pts/);
    expect(res.stderr).toBe('');
  });

  it('keeps points across a restart and posts nothing new the same day', () => {
    const res = run('/daily\n/as alice\n/leaderboard all\n', db);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/already posted/);
    expect(res.stdout).not.toMatch(/Question of the day/);
    expect(res.stdout).toMatch(/Your rank: 1 with \d+ pts/);
  });

  it('answers unknown verbs, missing arguments and stray text clearly', () => {
    const res = run('/frobnicate\n/schedule\n/privacy\nhello there\n/answer\n', db);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/"frobnicate" is not a command/);
    expect(res.stdout).toMatch(/Say when to post/);
    expect(res.stdout).toMatch(/Use privacy on or privacy off/);
    expect(res.stdout).toMatch(/Commands start with "\/"/);
    expect(res.stdout).toMatch(/Your answer is empty/);
  });

  it('refuses to start on invalid settings, naming each variable', () => {
    const res = run('', db, { GRADER: 'magic', REVEAL_AFTER_HOURS: '-1' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/GRADER must be auto, llm or offline/);
    expect(res.stderr).toMatch(/REVEAL_AFTER_HOURS must be more than 0/);
  });

  it('refuses to start on invalid content, naming the file', () => {
    const res = run('', db, { CONTENT_DIR: join(ROOT, 'tests/fixtures/content-broken') });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/content .* is invalid/);
    expect(res.stderr).toMatch(/01-broken\.md/);
  });
});
