/**
 * A popular daily question: 1,000 answers arrive within one second (signed Slack submissions into
 * prepbot's HTTP endpoint), and the model server allows 600 requests a minute, answering 429 with
 * `retry-after-ms` / `retry-after` above that (see llm-stand-in.ts for the token-bucket rule).
 * Each admitted request takes 1 s. prepbot runs compiled, as the Docker image runs it, in a child
 * process with GRADER_CONCURRENCY=64.
 *
 * Measured from the bot's database: `seconds` runs from the first answer stored to the last grade
 * stored. The floor is what the rate limit alone imposes on answers arriving when they did: the
 * k-th request can pass no earlier than `(k - 600) / 10` s, and is answered 1 s later. Nothing may
 * be lost (every answer stored, graded once, by the model) and nothing graded twice (the stand-in
 * admits each answer's grading at most once).
 */
import { percentile, round, type BenchContext } from './lib.js';
import { LlmStandIn, rateLimitFloorMs } from './llm-stand-in.js';
import { runLoad } from './load-worker.js';
import { poll, startSession } from './prepbot-session.js';

const LLM_MS = 1_000;

export async function burstBench(ctx: BenchContext): Promise<Record<string, number>> {
  // --quick: 150 answers at 120 a minute (floor 16 s) instead of 1,000 at 600 (floor 41 s).
  const answers = ctx.quick ? 150 : 1_000;
  const perMinute = ctx.quick ? 120 : 600;
  const llm = await LlmStandIn.start({ latencyMs: LLM_MS, perMinute });
  const session = await startSession({ name: 'burst', workDir: ctx.workDir, llm, concurrency: 64 });
  try {
    llm.reset();
    ctx.progress(`burst: ${answers} answers in one second`);
    const load = await runLoad({ port: session.port, answerRef: session.answerRef, total: answers, firstMember: 0, mode: { open: answers } });
    const acked = load.statuses[200] ?? 0;
    const deadline = 3 * ((Math.max(0, answers - perMinute) * 60_000) / perMinute + LLM_MS) + 60_000;
    await poll(() => {
      const c = session.counts();
      ctx.progress(`burst: ${c.grades}/${answers} graded, ${llm.refused} refused by the rate limit`);
      return c.answers >= acked && c.grades >= c.answers && c.openJobs === 0;
    }, deadline, 'every answer of the burst to be graded');

    const db = session.db;
    const times = db.prepare('SELECT a.created_at AS created, g.graded_at AS graded, g.grader AS grader FROM answers a LEFT JOIN grades g ON g.answer_id = a.id').all() as { created: number; graded: number | null; grader: string | null }[];
    const stored = times.length;
    const gradedOnce = times.filter((t) => t.graded !== null && t.grader?.startsWith('llm:')).length;
    const first = Math.min(...times.map((t) => t.created));
    const last = Math.max(...times.map((t) => t.graded ?? 0));
    const seconds = (last - first) / 1000;
    const floorSeconds = rateLimitFloorMs(times.map((t) => t.created - first), perMinute, LLM_MS) / 1000;
    const twice = [...llm.graded.values()].filter((n) => n > 1).length;
    const gradeWait = times.map((t) => (t.graded ?? 0) - t.created);
    return {
      answers,
      per_minute: perMinute,
      acked,
      lost: answers - gradedOnce,
      graded_twice: twice,
      seconds: round(seconds, 1),
      floor_seconds: round(floorSeconds, 1),
      ratio: round(seconds / floorSeconds, 3),
      arrival_seconds: round((Math.max(...times.map((t) => t.created)) - first) / 1000, 2),
      grade_wait_p50_s: round(percentile(gradeWait, 50) / 1000, 1),
      requests_refused: llm.refused,
      requests_admitted: llm.admitted,
      ack_p99_ms: percentile(load.latencies, 99),
      stored,
    };
  } finally {
    const code = await session.close();
    await llm.close();
    if (code !== 0) ctx.progress(`burst: prepbot exited with ${code}`);
  }
}
