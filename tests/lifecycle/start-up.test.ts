import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackWebApiStandIn } from '../stand-ins/slack-web-api.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = ['--import', 'tsx', 'src/main.ts'];

/** The environment of a fresh checkout: no tokens, no keys, a fresh database. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const db = join(mkdtempSync(join(tmpdir(), 'prepbot-start-')), 'bot.sqlite');
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: db, ...extra };
}

/** Runs the bot to completion with stdin as given ('ignore' is /dev/null, as in `docker run` without -i). */
function runBot(args: string[], o: { env?: Record<string, string>; stdin?: 'ignore' | 'pipe'; input?: string } = {}) {
  return spawnSync(process.execPath, [...MAIN, ...args], {
    cwd: ROOT,
    env: cleanEnv(o.env),
    encoding: 'utf8',
    timeout: 60_000,
    ...(o.input !== undefined ? { input: o.input } : { stdio: [o.stdin ?? 'ignore', 'pipe', 'pipe'] }),
  });
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('starting prepbot', () => {
  it('prints its usage for --help (and -h) and exits 0 without starting anything', () => {
    for (const flag of ['--help', '-h']) {
      const res = runBot([flag]);
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/^Usage: npm start \[-- --help \| --version\]/);
      expect(res.stdout).toMatch(/DISCORD_TOKEN/);
      expect(res.stdout).toMatch(/SLACK_BOT_TOKEN \+ SLACK_APP_TOKEN/);
      expect(res.stdout).toMatch(/printf '\/daily\\n\/answer \.\.\.\\n' \| npm start/);
      expect(res.stdout).not.toMatch(/prepbot console/);
      expect(res.stderr).toBe('');
    }
  });

  it('prints its version for --version', () => {
    const res = runBot(['--version']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(`prepbot ${pkg.version}\n`);
  });

  it('refuses an unknown option, naming it, with exit code 1', () => {
    const res = runBot(['--port', '80']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/prepbot: Unknown option '--port'/);
    expect(res.stderr).toMatch(/see npm start -- --help/);
    expect(res.stdout).toBe('');
  });

  it('exits 1 naming the token variables when no token is set and stdin is neither a terminal nor piped (a container without -i)', () => {
    const res = runBot([], { stdin: 'ignore' });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^prepbot cannot start: no platform token is set, and there is no terminal or piped input for the console\./);
    for (const name of ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) expect(res.stderr).toContain(name);
    expect(res.stderr).toMatch(/docker run -it prepbot/);
  });

  it('names DATABASE_PATH and the file when the database cannot be used, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-badstore-'));
    const notADatabase = join(dir, 'notes.txt');
    writeFileSync(notADatabase, 'these are notes, not a SQLite database\n'.repeat(200));
    const res = runBot([], { input: '', env: { DATABASE_PATH: notADatabase } });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(`prepbot cannot start: the database at DATABASE_PATH=${notADatabase} (${notADatabase}) cannot be used: file is not a database; the file is not a prepbot database, or it is damaged; restore a backup (npm run backup makes one).\n`);

    const underAFile = join(notADatabase, 'bot.sqlite');
    const blocked = runBot([], { input: '', env: { DATABASE_PATH: underAFile } });
    expect(blocked.status).toBe(1);
    expect(blocked.stderr.startsWith(`prepbot cannot start: the database at DATABASE_PATH=${underAFile} (${underAFile}) cannot be used: `)).toBe(true);
    expect(blocked.stderr).toMatch(/a part of that path is a file, not a folder; set DATABASE_PATH to a file in a folder\.\n$/);
  });

  it('runs the console on piped input, even empty, and exits 0', () => {
    const res = runBot([], { input: '' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^prepbot console\./);
    expect(res.stderr).toBe('');
  });
});

describe('starting prepbot on Slack', () => {
  let api: SlackWebApiStandIn | null = null;
  afterEach(async () => {
    await api?.close();
    api = null;
  });

  /** Starts the real process with Slack settings and resolves with its exit code and stderr. */
  function runSlack(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, MAIN, { cwd: ROOT, env: cleanEnv({ SLACK_BOT_TOKEN: 'xoxb-start', SLACK_SIGNING_SECRET: 'secret', PORT: '0', LOG_LEVEL: 'silent', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    return new Promise((r) => child.on('exit', (code) => (clearTimeout(timer), r({ code, stderr }))));
  }

  it('says it could not reach Slack, with the URL, when Slack is unreachable, and exits 1', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/`;
    const { code, stderr } = await runSlack({ SLACK_API_URL: url });
    expect(code).toBe(1);
    expect(stderr).toBe(`prepbot stopped: could not reach Slack at ${url}: the connection was refused. Check the network, a proxy, or SLACK_API_URL; the tokens were not checked.\n`);
    expect(stderr).not.toMatch(/did not accept/);
  });

  it('says Slack did not accept SLACK_BOT_TOKEN when Slack rejects it, and exits 1', async () => {
    api = await SlackWebApiStandIn.start();
    api.failNext('auth.test', { error: 'invalid_auth' });
    const { code, stderr } = await runSlack({ SLACK_API_URL: api.url });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^prepbot stopped: Slack did not accept SLACK_BOT_TOKEN \(invalid_auth\)\. Use the Bot User OAuth Token/);
    expect(stderr).not.toContain('xoxb-start');
  });
});
