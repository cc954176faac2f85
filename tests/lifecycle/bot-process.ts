import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** A throwaway directory with a one-question pack and room for the database. */
export function workspace(): { dir: string; db: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-life-'));
  const content = join(dir, 'content');
  mkdirSync(join(content, 'demo'), { recursive: true });
  writeFileSync(
    join(content, 'demo', '01-demo.md'),
    [
      '---',
      'id: demo-question',
      'topic: demo-topic',
      'difficulty: easy',
      'tags: [demo]',
      'key_points:',
      '  - Attention weighs every token against every other token',
      '  - Queries are compared with keys to score relevance',
      '  - The scores are normalised with a softmax',
      '  - Values are summed with those weights',
      'hint: Queries, keys and values.',
      '---',
      '# How does attention work?',
      '',
      'Each token forms a query, compares it with the keys of all tokens, normalises the scores with a softmax and sums the values with those weights.',
      '',
    ].join('\n'),
  );
  return { dir, db: join(dir, 'data', 'bot.sqlite'), content };
}

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout (or stderr, the logs) matches, or rejects with what was printed after `timeoutMs`. */
  waitFor(pattern: RegExp, opts?: { stream?: 'stdout' | 'stderr'; timeoutMs?: number }): Promise<string>;
  line(text: string): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real entry point, started the way `npm start` starts it (`node --import tsx
 * src/main.ts`), in console mode with stdin kept open.
 */
export function startBot(ws: { db: string; content: string }, env: Record<string, string> = {}): BotProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|SLACK_|OPENAI_|GRADER)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...clean, DATABASE_PATH: ws.db, CONTENT_DIR: ws.content, GRADER: 'offline', LOG_LEVEL: 'info', ...env },
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    line: (text) => child.stdin.write(`${text}\n`),
    exited,
    waitFor(pattern, { stream = 'stdout', timeoutMs = 15_000 } = {}) {
      return new Promise((resolvePromise, reject) => {
        const started = Date.now();
        const check = () => {
          const text = stream === 'stdout' ? out : err;
          if (pattern.test(text)) return resolvePromise(text);
          if (child.exitCode !== null) return reject(new Error(`exited ${child.exitCode} before ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
          if (Date.now() - started > timeoutMs) return reject(new Error(`no ${pattern} after ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
          setTimeout(check, 20);
        };
        check();
      });
    },
  };
}

/**
 * The bot processes of one test file: `start` runs one, and after each test every one still alive
 * is SIGKILLed and each closer (a stand-in) is run.
 */
export function botProcesses(): { start: typeof startBot; closers: (() => Promise<void>)[] } {
  const running: BotProcess[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const p of running.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    for (const close of closers.splice(0)) await close();
  });
  const start: typeof startBot = (...args) => {
    const p = startBot(...args);
    running.push(p);
    return p;
  };
  return { start, closers };
}
