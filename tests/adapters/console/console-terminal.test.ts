import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleAdapter } from '../../../src/adapters/console/console-adapter.js';
import { App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { text } from '../../../src/core/replies.js';
import { MemoryLogger } from '../../fakes/silent-logger.js';
import { bank } from '../../fakes/questions.js';
import { ScriptedGrader } from '../../fakes/scripted-grader.js';

const UP = '\x1b[A';
const CTRL_L = '\x0c';
const CTRL_C = '\x03';
const CTRL_D = '\x04';

/** The console adapter at a terminal: keystrokes in, what the terminal would show out. */
async function terminal(o: { filesDir?: string; interrupt?: () => void } = {}) {
  const input = new PassThrough();
  let out = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString('utf8');
      done();
    },
  });
  const adapter = new ConsoleAdapter({ input, output, logger: new MemoryLogger(), terminal: true, filesDir: o.filesDir, logFile: 'data/prepbot.log', onInterrupt: o.interrupt });
  const app = new App(loadConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }), new MemoryLogger(), { adapters: [adapter], content: bank(), grader: new ScriptedGrader() });
  await app.start();
  return {
    adapter,
    app,
    type: (keys: string) => input.write(keys),
    screen: () => out,
    /** Everything shown since `mark` (a length of {@link screen}). */
    since: (mark: number) => out.slice(mark),
    until: (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 8000, interval: 10 }),
  };
}

let running: Awaited<ReturnType<typeof terminal>> | null = null;
afterEach(async () => {
  await running?.app.stop(100);
  running = null;
});

describe('the console at a terminal', () => {
  it('shows a prompt naming the current user, and says where the logs go', async () => {
    const t = (running = await terminal());
    await t.until(() => t.screen().includes('you> '));
    expect(t.screen()).toMatch(/^prepbot console\. .*\nLogs go to data\/prepbot\.log\.\n/);
    t.type('/as alice\r');
    await t.until(() => t.screen().includes('alice> '));
    expect(t.screen()).toContain('[to alice] You are now alice.');
  });

  it('recalls earlier lines with the up arrow and runs them again', async () => {
    const t = (running = await terminal());
    t.type('/topics\r');
    await t.until(() => t.screen().split('Packs and their topics').length === 2);
    const mark = t.screen().length;
    t.type(`${UP}\r`);
    await t.until(() => t.since(mark).includes('Packs and their topics'));
    expect(t.since(mark)).toContain('/topics');
  });

  it('completes a verb with Tab and clears the screen with Ctrl-L', async () => {
    const t = (running = await terminal());
    await t.until(() => t.screen().includes('you> '));
    t.type('/leader\t');
    await t.until(() => t.screen().includes('you> \x1b[6G/leaderboard'));
    t.type('\r');
    await t.until(() => t.screen().includes('Leaderboard, this week'));
    const mark = t.screen().length;
    t.type(CTRL_L);
    // Cursor home and clear down (ANSI), then the prompt again.
    // eslint-disable-next-line no-control-regex -- ANSI escapes are what a terminal receives
    await t.until(() => /\x1b\[1;1H\x1b\[0J/.test(t.since(mark)) && t.since(mark).includes('you> '));
  });

  it('prints a message that arrives while the prompt waits above the prompt, keeping what was typed', async () => {
    const t = (running = await terminal());
    await t.until(() => t.screen().includes('you> '));
    t.type('/sta');
    await t.until(() => t.screen().endsWith('/sta'));
    const mark = t.screen().length;
    await t.adapter.send({ channelId: 'console:main' }, text('The daily question is posted.', 'public'));
    const shown = t.since(mark);
    // Clear the prompt's line, print the message, draw the prompt again with "/sta" and the cursor after it.
    // eslint-disable-next-line no-control-regex -- ANSI escapes are what a terminal receives
    expect(shown).toMatch(/^\x1b\[2K\x1b\[1G\[#main\] The daily question is posted\.\n.*you> \/sta(\x1b\[\d+G)?$/s);
    t.type('ts\r');
    await t.until(() => t.screen().includes('Stats for you'));
  });

  it('drops the line being typed on Ctrl-C, and hands Ctrl-C on an empty line to the interrupt', async () => {
    const interrupt = vi.fn();
    const t = (running = await terminal({ interrupt }));
    await t.until(() => t.screen().includes('you> '));
    t.type(`/daily${CTRL_C}/topics\r`);
    await t.until(() => t.screen().includes('Packs and their topics'));
    expect(t.screen()).not.toContain('Question of the day');
    expect(interrupt).not.toHaveBeenCalled();
    t.type(CTRL_C);
    await t.until(() => interrupt.mock.calls.length === 1);
  });

  it('writes the CSV of /export beside the database and prints its path, not its content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-export-'));
    const t = (running = await terminal({ filesDir: dir }));
    t.type('/daily\r/answer Attention weighs every token [score 8]\r/export\r');
    await t.until(() => t.screen().includes('Saved to '));
    const path = /Saved to (\S+)/.exec(t.screen())![1]!;
    expect(path).toBe(join(dir, path.slice(path.lastIndexOf('/') + 1)));
    expect(path).toMatch(/prepbot-scores-console-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(/^user,channel,round_date,question_id,score,points,grader,graded_at\r?\nyou,main,\d{4}-\d{2}-\d{2},q\d,8,8,scripted,/);
    expect(t.screen()).not.toContain('user,channel,round_date');
    expect(t.screen()).not.toContain('[file ');
  });

  it('finishes on Ctrl-D once grading is done', async () => {
    const t = (running = await terminal());
    t.type('/daily\r/answer Attention weighs every token [score 6]\r');
    await t.until(() => t.screen().includes('Score: 6/10'));
    t.type(CTRL_D);
    await t.adapter.finished;
  });
});
