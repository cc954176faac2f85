/**
 * Slack's 3-second rule: how long a member's answer (a signed `view_submission` of the answer
 * modal) takes from reaching prepbot's HTTP endpoint to Bolt's 200, while earlier answers are
 * being graded by a model that takes 1 s per answer. The floor is a bare Bolt app that only acks,
 * driven the same way in the same run.
 *
 * Load: an open loop, 200 answers a second from distinct members (each request leaves on time
 * whatever the server does, as real members do not wait for each other). With the model taking
 * 1 s, that is 200 answers in flight between their ack and their grade; prepbot grades 64 at once
 * (GRADER_CONCURRENCY=64, the most the config allows), so grading, grade delivery and live-count
 * updates all run while the acks are measured. Both servers run in a child process each; the
 * driver and the stand-ins run in the bench process. The answers must all reach the SQLite file
 * and be graded by the model stand-in before the benchmark counts them.
 */
import { writeFileSync } from 'node:fs';
import { SlackWebApiStandIn } from '../tests/stand-ins/slack-web-api.js';
import { built, ensureBuild } from './build.js';
import { portOf, startChild } from './child.js';
import type { LoadResult } from './http-load.js';
import { percentile, round, type BenchContext } from './lib.js';
import { LlmStandIn } from './llm-stand-in.js';
import { runLoad } from './load-worker.js';
import { poll, startSession } from './prepbot-session.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-requests.js';

const RATE = 200;
const LLM_MS = 1_000;
const WARMUP = 200;

export async function ackBench(ctx: BenchContext): Promise<Record<string, number>> {
  const seconds = ctx.quick ? 3 : 10;
  const total = RATE * seconds;
  const logs = `${ctx.workDir}/logs`;

  // The floor: a bare Bolt app with the same receiver settings, compiled like the bot.
  ensureBuild();
  const floorSlack = await SlackWebApiStandIn.start();
  const bare = startChild(built('bench/servers/bare-bolt.ts'), { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: floorSlack.url, PORT: '0' }, logs, 'ack-floor');
  let floor: LoadResult;
  try {
    const port = portOf(await bare.waitForLog(/listening/));
    await runLoad({ port, answerRef: 'round:1', total: WARMUP, firstMember: 1_000_000, mode: { closed: 10 } });
    ctx.progress('ack: floor (bare Bolt)');
    floor = await runLoad({ port, answerRef: 'round:1', total, firstMember: 0, mode: { open: RATE } });
  } finally {
    await bare.stop();
    await floorSlack.close();
  }
  if (floor.statuses[200] !== total) throw new Error(`the bare Bolt app did not ack every request: ${JSON.stringify(floor.statuses)} ${floor.errors.join('; ')}`);

  const llm = await LlmStandIn.start({ latencyMs: LLM_MS });
  const session = await startSession({ name: 'ack', workDir: ctx.workDir, llm, concurrency: 64 });
  try {
    await runLoad({ port: session.port, answerRef: session.answerRef, total: WARMUP, firstMember: 1_000_000, mode: { closed: 10 } });
    ctx.progress('ack: prepbot');
    const started = performance.now();
    const run = await runLoad({ port: session.port, answerRef: session.answerRef, total, firstMember: 0, mode: { open: RATE } });
    if (run.statuses[200] !== total) throw new Error(`prepbot did not ack every answer: ${JSON.stringify(run.statuses)} ${run.errors.join('; ')}`);
    const expected = total + WARMUP;
    ctx.progress('ack: waiting for the grades');
    await poll(() => {
      const c = session.counts();
      ctx.progress(`ack: ${c.grades}/${expected} graded`);
      return c.grades >= expected && c.openJobs === 0;
    }, 180_000, 'every answer to be graded');
    const drained = (performance.now() - started) / 1000;
    const c = session.counts();
    const byLlm = (session.db.prepare("SELECT COUNT(*) AS n FROM grades WHERE grader LIKE 'llm:%'").get() as { n: number }).n;
    if (c.answers !== expected || byLlm !== expected) throw new Error(`expected ${expected} answers graded by the model, found ${c.answers} answers and ${byLlm} model grades`);
    // BENCH_ACK_DUMP=<file>: every request's send time and round trip, both servers, for looking at where the tail falls.
    if (process.env.BENCH_ACK_DUMP) writeFileSync(process.env.BENCH_ACK_DUMP, JSON.stringify({ floor, run }));
    const p99 = percentile(run.latencies, 99);
    const floorP99 = percentile(floor.latencies, 99);
    return {
      answers: total,
      rate_per_s: RATE,
      p50_ms: percentile(run.latencies, 50),
      p99_ms: p99,
      max_ms: round(Math.max(...run.latencies)),
      floor_p50_ms: percentile(floor.latencies, 50),
      floor_p99_ms: floorP99,
      ratio: round(p99 / floorP99, 2),
      llm_in_flight_max: llm.maxInFlight,
      all_graded_s: round(drained, 1),
    };
  } finally {
    const code = await session.close();
    await llm.close();
    if (code !== 0) ctx.progress(`ack: prepbot exited with ${code}`);
  }
}
