import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formBody, sendSigned } from '../../stand-ins/slack-signing.js';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api.js';
import { allText } from './rig.js';

const ROOT = join(import.meta.dirname, '../../..');
const SECRET = 'main-process-secret';

describe('prepbot started with SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET + SLACK_API_URL', () => {
  let api: SlackWebApiStandIn | null = null;
  let child: ChildProcess | null = null;

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await api?.close();
  });

  it('serves Slack over HTTP and /healthz on PORT, answers a signed /prep, and exits 0 on SIGTERM', async () => {
    api = await SlackWebApiStandIn.start();
    const db = join(mkdtempSync(join(tmpdir(), 'prepbot-slack-')), 'bot.sqlite');
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_PATH: db,
        CONTENT_DIR: join(ROOT, 'tests/fixtures/content-llm'),
        SLACK_BOT_TOKEN: 'xoxb-main-process',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: api.url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));

    let port = 0;
    await vi.waitFor(
      () => {
        const line = stderr.split('\n').find((l) => l.includes('Slack over HTTP'));
        if (!line) throw new Error(`not listening yet:\n${stderr}`);
        const logged = JSON.parse(line) as { port: number; host: string };
        expect(logged.host).toBe('127.0.0.1');
        port = logged.port;
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(api.callsTo('auth.test')[0]!.token).toBe('xoxb-main-process');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', platforms: ['slack'] });

    const body = formBody({ team_id: 'T1', channel_id: 'C1', user_id: 'U1', user_name: 'u1', command: '/prep', text: 'topics', response_url: api.responseUrl('main'), trigger_id: 't.main' });
    const res = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET });
    expect(res.status).toBe(200);
    const forged = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: 'wrong' });
    expect(forged.status).toBe(401);
    await vi.waitFor(() => {
      if (!api!.responses.some((r) => r.id === 'main')) throw new Error('no response yet');
    }, { timeout: 10_000, interval: 20 });
    expect(allText(api.responses.find((r) => r.id === 'main')!.body)).toMatch(/llm-interview/);

    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain('xoxb-main-process');
    expect(stderr).not.toContain(SECRET);
  });
});
