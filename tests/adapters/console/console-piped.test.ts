import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiStandIn } from '../../stand-ins/openai-server.js';

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
    expect(res.stdout).toMatch(/"frobnicate" is not a command\. Use \/help to see them all\./);
    expect(res.stdout).toMatch(/Say when to post: \/schedule HH:MM \[IANA zone\] \[weekdays\|daily\], for example: \/schedule 09:00 Europe\/Berlin weekdays\./);
    expect(res.stdout).toMatch(/Say when to post/);
    expect(res.stdout).toMatch(/Use \/privacy on or \/privacy off/);
    expect(res.stdout).toMatch(/Commands start with "\/"/);
    expect(res.stdout).toMatch(/Your answer is empty\. Write your answer after the command, for example: \/answer Attention/);
  });

  it('names every verb as typed on the console, and lists /as and /quit in /help', () => {
    const res = run('/help\n/hint\n/dispute\n', join(mkdtempSync(join(tmpdir(), 'prepbot-console-')), 'bot.sqlite'));
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^    \/quiz \[topic\]: a private practice question/m);
    expect(res.stdout).toMatch(/^    \/schedule HH:MM \[IANA zone\] \[weekdays\|daily\]: /m);
    expect(res.stdout).toMatch(/On the console:\n    \/as NAME: the next lines come from user NAME/);
    expect(res.stdout).toMatch(/^    \/quit: /m);
    expect(res.stdout).toMatch(/\[to you\] You have no open question to give a hint for\. Ask for one with \/quiz\./);
    expect(res.stdout).toMatch(/for example: \/dispute 12 I covered the second key point\. \/history shows your answers/);
  });

  it('says what a streak needs and shows daily and practice answers apart in /stats', () => {
    const res = run('/as alice\n/stats\n', db);
    expect(res.stdout).toMatch(/Daily: \d+ points from 1 answer, average \d+(\.\d)?\/10/);
    expect(res.stdout).toMatch(/Streak: [01] \(best [01]\): rounds in a row answered with a score of 6 or more/);
    expect(res.stdout).toMatch(/Practice: 0 answers, 0 practice points, 0 due for review/);
  });

  it('writes /export to a CSV file beside the database and prints its path', () => {
    const res = run('/export\n', db);
    const path = /Saved to (\S+)/.exec(res.stdout)?.[1];
    expect(path).toMatch(new RegExp(`^${db.slice(0, db.lastIndexOf('/')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/prepbot-scores-console-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(readFileSync(path!, 'utf8')).toMatch(/^user,channel,round_date,question_id,score,points,grader,graded_at\r?\nalice,main,/);
    expect(res.stdout).not.toMatch(/user,channel,round_date/);
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

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The console fed `input` and closed, run to its end without blocking the event loop (a stand-in serves it). */
function runAsync(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, CONTENT_DIR: join(ROOT, 'tests/fixtures/content-llm'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((r) => child.on('exit', (code) => (clearTimeout(timer), r({ code, stdout, stderr }))));
}

describe('the console when grading falls back or waits', () => {
  let llm: OpenAiStandIn | null = null;
  afterEach(async () => {
    await llm?.close();
    llm = null;
  });

  it('keeps the logs in a file beside the database, named in the banner, and tells the member in one sentence that grading fell back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-console-'));
    const res = await runAsync(`/daily\n/answer ${GOOD}\n`, {
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      GRADER: 'llm',
      OPENAI_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1`,
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^prepbot console\. .*\nLogs go to \/.*\/bot\.log\.\n/);
    expect(res.stdout).toContain(`Logs go to ${join(dir, 'bot.log')}.`);
    expect(res.stdout).toMatch(/\[to you\] Score: \d+\/10/);
    expect(res.stdout).toMatch(/^  The LLM grader could not be reached, so this grade is offline: .*\.$/m);
    expect(res.stdout).not.toMatch(/"level"|stack|Error:/);
    expect(res.stderr).toBe('');
    const log = readFileSync(join(dir, 'bot.log'), 'utf8');
    expect(log).toMatch(/"msg":"grader failed; using the offline grader"/);
  });

  it('tells the member in one sentence that grading waits when the LLM server rate-limits, then gives the score', async () => {
    llm = await OpenAiStandIn.start();
    llm.queue({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-console-'));
    const res = await runAsync(`/daily\n/answer ${GOOD}\n`, { DATABASE_PATH: join(dir, 'bot.sqlite'), GRADER: 'llm', OPENAI_BASE_URL: llm.baseURL, OPENAI_API_KEY: 'test' });
    expect(res.code).toBe(0);
    const waits = res.stdout.match(/\[to you\] The grading server is busy, so your answer waits its turn; your score follows within 15 minutes\./g);
    expect(waits).toHaveLength(1);
    expect(res.stdout.indexOf('The grading server is busy')).toBeLessThan(res.stdout.indexOf('Score:'));
    expect(res.stdout).toMatch(/\[to you\] Score: \d+\/10/);
    expect(res.stderr).toBe('');
    expect(existsSync(join(dir, 'bot.log'))).toBe(true);
  });

  it('sends the logs to stderr instead when LOG_LEVEL asks for them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-console-'));
    const res = await runAsync('/daily\n', { DATABASE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'info' });
    expect(res.code).toBe(0);
    expect(res.stdout).not.toMatch(/Logs go to/);
    expect(res.stderr).toMatch(/"msg":"round posted"/);
    expect(existsSync(join(dir, 'bot.log'))).toBe(false);
  });
});
