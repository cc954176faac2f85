/**
 * Memory of the whole bot: the console, Slack over HTTP and Discord adapters started together
 * (bench/servers/full-bot.ts, compiled and run on plain node as the Docker image runs prepbot, in
 * a child process) against the Slack, Discord and model stand-ins, a SQLite file and the real
 * content. The resident set size comes from /proc/<pid>/status.
 *
 * - `idle_rss_mb`: started, today's question posted, nothing else happening, read every second
 *   until it has held within 1 MB for 10 s and at least 30 s have passed: V8 gives back the
 *   young generation that start-up grew (its memory reducer) about 20 s after the last activity,
 *   and an idle bot is idle for hours.
 * - `burst_rss_mb`: the highest reading (every 100 ms) while 1,000 answers arrive within a second
 *   and are graded by the model stand-in (1 s per answer, 64 at once), to the last grade.
 */
import { DiscordStandIn } from '../tests/stand-ins/discord-stand-in.js';
import { built } from './build.js';
import { round, type BenchContext } from './lib.js';
import { LlmStandIn } from './llm-stand-in.js';
import { runLoad } from './load-worker.js';
import { poll, startSession, type Session } from './prepbot-session.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function memoryBench(ctx: BenchContext): Promise<Record<string, number>> {
  const answers = ctx.quick ? 300 : 1_000;
  const discord = await DiscordStandIn.start();
  const llm = await LlmStandIn.start({ latencyMs: 1_000 });
  let shipped: Session | null = null;
  try {
    shipped = await startSession({
      name: 'memory',
      workDir: ctx.workDir,
      llm,
      concurrency: 64,
      script: built('bench/servers/full-bot.ts'),
      env: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl },
    });
    ctx.progress('memory: waiting for the idle bot to settle');
    const idle = await idleRss(shipped, ctx.quick ? 5 : 30);
    const bot = shipped;

    ctx.progress(`memory: ${answers} answers`);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, bot.child.rssMb() || 0);
    }, 100);
    try {
      const load = await runLoad({ port: bot.port, answerRef: bot.answerRef, total: answers, firstMember: 0, mode: { open: answers } });
      if (load.statuses[200] !== answers) throw new Error(`not every answer was acked: ${JSON.stringify(load.statuses)}`);
      await poll(() => {
        const c = bot.counts();
        return c.grades >= answers && c.openJobs === 0;
      }, 120_000, 'the answers to be graded');
    } finally {
      clearInterval(sampler);
    }
    return {
      idle_rss_mb: round(idle, 1),
      burst_rss_mb: round(peak, 1),
      after_burst_rss_mb: round(bot.child.rssMb(), 1),
      burst_answers: answers,
    };
  } finally {
    await shipped?.close();
    await llm.close();
    await discord.close();
  }
}

/** Checks that all three adapters run, then waits for the resident set to settle (see above). */
async function idleRss(session: Session, minSeconds: number): Promise<number> {
  const platforms = /"platforms":(\[[^\]]*\]),"msg":"prepbot started"/.exec(session.child.log())?.[1] ?? '[]';
  if (!['console', 'slack', 'discord'].every((p) => platforms.includes(`"${p}"`))) {
    throw new Error(`the bot did not start all three adapters (${platforms}); see ${session.child.logFile}`);
  }
  const readings: number[] = [];
  for (let s = 1; s <= 60; s += 1) {
    await sleep(1_000);
    readings.push(session.child.rssMb());
    const last = readings.slice(-10);
    if (s >= minSeconds && last.length === 10 && Math.max(...last) - Math.min(...last) < 1) break;
  }
  return readings.at(-1)!;
}
