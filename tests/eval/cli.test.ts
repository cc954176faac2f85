import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OpenAiStandIn } from '../stand-ins/openai-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function evalCli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/eval/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('eval CLI', () => {
  it('prints Pearson, Spearman and RMSE, then the count and speed', () => {
    const r = evalCli('tests/eval/fixtures/small.jsonl');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Pearson -?\d\.\d{3}$/);
    expect(lines[1]).toMatch(/^Spearman -?\d\.\d{3}$/);
    expect(lines[2]).toMatch(/^RMSE \d+\.\d{3}$/);
    expect(lines[3]).toMatch(/^8 answers, \d+ grades\/s, grader offline/);
    expect(r.stderr).toBe('');
  });

  it('adds the figures on all rows and without the empty answers, each beside the constant-mean RMSE', () => {
    const r = evalCli('tests/eval/fixtures/small.jsonl');
    expect(r.stdout).toMatch(/^All 8 rows: Pearson -?\d\.\d{3}, Spearman -?\d\.\d{3}, RMSE \d+\.\d{3} \(constant-mean RMSE \d+\.\d{3}\), mean /m);
    expect(r.stdout).toMatch(/^Without the empty answer \(7 rows\): Pearson .*constant-mean RMSE \d+\.\d{3}/m);
  });

  it('reports each of several sets under its file name, and half of the questions with --part', () => {
    const r = evalCli('tests/eval/fixtures/small.jsonl', 'tests/eval/fixtures/keypoints-holdout.jsonl', '--part', 'report');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tests\/eval\/fixtures\/small\.jsonl \(report part\)$/m);
    expect(r.stdout).toMatch(/^tests\/eval\/fixtures\/keypoints-holdout\.jsonl \(report part\)$/m);
    expect(r.stdout).toMatch(/^32 answers, /m); // 4 of the 8 questions, 8 answers each
    expect(evalCli('tests/eval/fixtures/small.jsonl', '--part', 'middle').code).toBe(2);
  });

  it('grades only the first N answers with --limit', () => {
    const r = evalCli('tests/eval/fixtures/small.jsonl', '--limit', '3', '--grader', 'offline');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^3 answers, /m);
  });

  it('reports a malformed line with its number and exits 1', () => {
    const r = evalCli('tests/eval/fixtures/malformed.jsonl');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/malformed\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/malformed\.jsonl:3: "score_avg" must be a number from 0 to 5/);
  });

  it('rejects an unknown flag with a clear message and exit 2', () => {
    const r = evalCli('tests/eval/fixtures/small.jsonl', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--bogus'/);
    expect(r.stderr).toMatch(/usage: npm run eval/);
  });

  it('says what to set when --grader llm has no server configured', () => {
    const env = { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
    const r = spawnSync('npx', ['tsx', 'src/eval/cli.ts', 'tests/eval/fixtures/small.jsonl', '--grader', 'llm'], { cwd: root, encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/OPENAI_API_KEY.*OPENAI_BASE_URL/);
  });

  it('grades with the LLM grader against an OpenAI-compatible server', async () => {
    const server = await OpenAiStandIn.start();
    try {
      const child = spawn('npx', ['tsx', 'src/eval/cli.ts', 'tests/eval/fixtures/small.jsonl', '--grader', 'llm', '--concurrency', '2'], {
        cwd: root,
        env: { ...process.env, OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'test', GRADER_MODEL: 'stand-in' },
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Pearson -?\d\.\d{3}$/m);
      expect(stdout).toMatch(/^8 answers, .*grader llm:stand-in/m);
      expect(server.requests).toHaveLength(7); // the empty answer is scored 0 without a call
    } finally {
      await server.close();
    }
  });
});
