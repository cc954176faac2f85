import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { questionFile, tempContent } from '../../content/fixtures.js';
import { DiscordStandIn } from '../../stand-ins/discord-stand-in.js';

let standIn: DiscordStandIn | null = null;
const content = tempContent();
content.write('demo/01-demo.md', questionFile('demo-question'));

afterEach(async () => {
  await standIn?.close();
  standIn = null;
});
afterAll(() => content.cleanup());

/** Runs `src/main.ts` as `npm start` would, with only the given settings. */
function runMain(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|OPENAI|ADMIN|GRADER)/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...clean, DATABASE_PATH: ':memory:', CONTENT_DIR: content.dir, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

describe('prepbot with DISCORD_TOKEN set', () => {
  it('exits non-zero with a message naming DISCORD_TOKEN when the token is rejected', async () => {
    standIn = await DiscordStandIn.start({ token: 'the-real-token' });
    const run = runMain({ DISCORD_TOKEN: 'not-the-token', DISCORD_API_URL: standIn.apiUrl });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/prepbot stopped: Discord rejected DISCORD_TOKEN/);
    expect(run.stderr()).not.toContain('not-the-token');
  });

  it('connects to DISCORD_API_URL, runs, and exits 0 on SIGTERM', async () => {
    standIn = await DiscordStandIn.start();
    const run = runMain({ DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl });
    const exitedEarly = run.exited.then((code) => `exited with ${code}: ${run.stderr()}`);
    const started = new Promise<string>((resolve) => {
      const poll = setInterval(() => {
        if (run.stderr().includes('prepbot started')) {
          clearInterval(poll);
          resolve('started');
        }
      }, 50);
      void run.exited.then(() => clearInterval(poll));
    });
    expect(await Promise.race([started, exitedEarly])).toBe('started');
    expect(standIn.gateway.connected).toBe(1);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
