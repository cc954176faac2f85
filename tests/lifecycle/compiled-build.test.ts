import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DiscordStandIn } from '../stand-ins/discord-stand-in.js';

const ROOT = join(import.meta.dirname, '../..');
/** One level below the root, like dist/: the compiled store finds migrations/ two folders up from dist/storage. */
const OUT = join(ROOT, '.dist-test');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let build: ReturnType<typeof spawnSync>;
beforeAll(() => {
  build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}, 150_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('the compiled build (what the Docker image runs)', () => {
  it('compiles with the build settings and plays a piped console round on plain node, finding content and migrations', () => {
    expect(`${String(build.stdout)}${String(build.stderr)}`).toBe('');
    expect(build.status).toBe(0);

    const db = join(mkdtempSync(join(tmpdir(), 'prepbot-dist-')), 'bot.sqlite');
    const run = spawnSync(process.execPath, [join(OUT, 'main.js')], {
      cwd: ROOT,
      input: '/daily\n/as alice\n/answer Attention lets each token weigh every other token.\n/leaderboard\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DATABASE_PATH: db },
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\[#main\] Question of the day/);
    expect(run.stdout).toMatch(/\[to alice\] Score: \d+\/10/);
    expect(run.stdout).toMatch(/1\. alice: \d+ pts/);
    // A whole compile: on a busy machine it takes far longer than a test usually may.
  }, 240_000);

  it("prints the usage when run as the image's ENTRYPOINT with --help appended (docker run prepbot --help)", () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^CMD \[\]$/m);
    const [node, ...args] = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(node).toBe('node');
    // The image's WORKDIR holds dist/; here the build went to OUT.
    const run = spawnSync(process.execPath, [...args.map((a) => a.replace(/^dist\//, `${OUT}/`)), '--help'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm start/);
  });

  it('runs DISCORD_SHARDS on plain node: the manager starts each shard process from the compiled main.js (no tsx), and SIGTERM stops them all', async () => {
    expect(build.status).toBe(0);
    const standIn = await DiscordStandIn.start({ shards: 2, maxConcurrency: 2 });
    try {
      const db = join(mkdtempSync(join(tmpdir(), 'prepbot-dist-')), 'bot.sqlite');
      const env = { PATH: process.env.PATH, DATABASE_PATH: db, DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, DISCORD_SHARDS: '2', PORT: '0', HOST: '127.0.0.1' };
      const child = spawn(process.execPath, [join(OUT, 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      await vi.waitFor(() => expect(stderr).toContain('every Discord shard is connected'), { timeout: 120_000, interval: 100 });
      expect(standIn.gateway.shards.sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await vi.waitFor(() => expect(standIn.gateway.connected).toBe(0), { timeout: 10_000, interval: 50 });
    } finally {
      await standIn.close();
    }
  }, 180_000);
});
