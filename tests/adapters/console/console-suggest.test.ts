import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../../src/content/check-cli.js';

const ROOT = join(import.meta.dirname, '../../..');

function run(input: string, db: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_PATH: db, CONTENT_DIR: join(ROOT, 'tests/fixtures/content-llm') },
    timeout: 60_000,
  });
}

const FORM = [
  '/as alice',
  '/suggest',
  'question: What is a covering index in a relational database?',
  'reference: A covering index holds every column a query reads, so the database answers the query from the index alone without reading the table rows.',
  '',
  'It saves a lookup into the table for each matching row, which makes reads faster. The cost is a larger index and slower writes.',
  'key points:',
  '- A covering index holds every column the query reads',
  '- The database answers the query from the index alone without reading table rows',
  '- It saves lookups into the table, so reads are faster',
  'topic: databases',
  '.',
];

describe('suggesting a question on the console, piped', () => {
  it('takes the form as labelled lines, keeps it when it does not pass, and once approved asks it and exports it as a pack content:check accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-suggest-'));
    const db = join(dir, 'bot.sqlite');
    const session = [
      ...FORM,
      '/suggest',
      'key points:',
      '- A covering index holds every column the query reads',
      '- The database answers the query from the index alone without reading table rows',
      '- It saves lookups into the table, so reads are faster',
      '- The cost is a larger index and slower writes',
      '.',
      '/as you',
      '/suggestions',
      '/approve 1 hard',
      '/settings packs team',
      '/daily',
      '/export pack',
      '/help',
      '',
    ].join('\n');
    const res = run(session, db);
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');
    const out = res.stdout;
    expect(out).toMatch(/\[to alice\] Suggest a question for this console's own pack\./);
    expect(out).toMatch(/then a line with a single "\." to send/);
    expect(out).toMatch(/To fix:\n {4}Key points: Give 4 to 7 key points; found 3\./);
    expect(out).toMatch(/Your draft so far \(lines you send replace these fields\):\n {4}question: What is a covering index/);
    expect(out).toMatch(/\[to admins\] Suggestion #1 from alice/);
    expect(out).toMatch(/\[to alice\] Thanks: suggestion #1 is with the admins/);
    expect(out).toMatch(/#1 from alice \[databases, medium\]: What is a covering index in a relational database\?/);
    expect(out).toMatch(/\[to alice\] Your suggested question "What is a covering index in a relational database\?" was approved/);
    expect(out).toMatch(/\[#main\] Question of the day \[databases, hard\]\n {2}What is a covering index in a relational database\?/);
    expect(out).toMatch(/\/suggest opens the suggestion form/);

    const saved = /Saved 1 file to (\S+); check them with: npm run content:check -- (\S+)/.exec(out);
    expect(saved).not.toBeNull();
    const folder = readdirSync(dir).find((f) => f.startsWith('prepbot-pack-console-'))!;
    const file = join(dir, folder, 'team', '01-covering-index-relational-database.md');
    expect(readFileSync(file, 'utf8')).toMatch(/^---\nid: team-1-covering-index-relational-database\ntopic: databases\ndifficulty: hard\n/);
    const lines: string[] = [];
    expect(await runContentCheck([join(dir, folder)], {}, (l) => lines.push(l), (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('OK: 1 question in 1 pack (team: 1)');
  });

  it('sends what was typed when input ends inside the form, and /cancel leaves it', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'prepbot-suggest-')), 'bot.sqlite');
    const cancelled = run('/suggest\nquestion: Half a thought\n/cancel\n/suggestions\n', db);
    expect(cancelled.stdout).toMatch(/The suggestion form is closed; nothing was sent/);
    expect(cancelled.stdout).toMatch(/No suggestions are waiting/);
    const ended = run(['/suggest', ...FORM.slice(2, -1)].join('\n'), db);
    expect(ended.status).toBe(0);
    expect(ended.stdout).toMatch(/Key points: Give 4 to 7 key points; found 3\./);
  });
});
