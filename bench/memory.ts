/**
 * Memory of the whole bot: the console, Slack over HTTP and Discord adapters started together
 * (bench/servers/full-bot.ts, a child process) against the Slack, Discord and model stand-ins, a
 * SQLite file and the real content. The resident set size comes from /proc/<pid>/status.
 *
 * The bot runs through tsx, as the Docker image runs it (`node --import tsx`).
 * - `idle_rss_mb`: started, today's question posted, nothing else happening, read every second
 *   until it has held within 1 MB for 10 s and at least 30 s have passed: V8 gives back the
 *   young generation that start-up grew (its memory reducer) about 20 s after the last activity,
 *   and an idle bot is idle for hours.
 * - `burst_rss_mb`: the highest reading (every 100 ms) while 1,000 answers arrive within a second
 *   and are graded by the model stand-in (1 s per answer, 64 at once), to the last grade.
 * - `idle_rss_compiled_mb`: the same idle bot compiled by tsc and run with plain node (measured at
 *   the same time, in a second child), to show what tsx costs.
 */
import { DiscordStandIn } from '../tests/stand-ins/discord-stand-in.js';
import { built, ensureBuild } from './build.js';
import { round, type BenchContext } from './lib.js';
import { LlmStandIn } from './llm-stand-in.js';
import { runLoad } from './load-worker.js';
import { poll, startSession, type Session } from './prepbot-session.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FULL_BOT = 'bench/servers/full-bot.ts';

export async function memoryBench(ctx: BenchContext): Promise<Record<string, number>> {
  const answers = ctx.quick ? 300 : 1_000;
  ensureBuild();
  const discord = await DiscordStandIn.start();
  const llm = await LlmStandIn.start({ latencyMs: 1_000 });
  const start = (script: string, name: string) =>
    startSession({ name, workDir: ctx.workDir, llm, concurrency: 64, script, env: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl } });
  const sessions: Session[] = [];
  try {
    const shipped = await start(FULL_BOT, 'memory');
    sessions.push(shipped);
    const compiled = await start(built(FULL_BOT), 'memory-compiled');
    sessions.push(compiled);
    ctx.progress('memory: waiting for the idle bots to settle');
    const minSeconds = ctx.quick ? 5 : 30;
    const [idle, idleCompiled] = await Promise.all([idleRss(shipped, minSeconds), idleRss(compiled, minSeconds)]);
    await compiled.close();
    sessions.pop();

    ctx.progress(`memory: ${answers} answers`);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, shipped.child.rssMb() || 0);
    }, 100);
    try {
      const load = await runLoad({ port: shipped.port, answerRef: shipped.answerRef, total: answers, firstMember: 0, mode: { open: answers } });
      if (load.statuses[200] !== answers) throw new Error(`not every answer was acked: ${JSON.stringify(load.statuses)}`);
      await poll(() => {
        const c = shipped.counts();
        return c.grades >= answers && c.openJobs === 0;
      }, 120_000, 'the answers to be graded');
    } finally {
      clearInterval(sampler);
    }
    return {
      idle_rss_mb: round(idle, 1),
      burst_rss_mb: round(peak, 1),
      after_burst_rss_mb: round(shipped.child.rssMb(), 1),
      burst_answers: answers,
      idle_rss_compiled_mb: round(idleCompiled, 1),
    };
  } finally {
    for (const s of sessions) await s.close();
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
