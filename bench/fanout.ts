/**
 * The morning rush: 5,000 channels in 50 places (25 Slack workspaces added through Add to Slack,
 * 25 Discord guilds; see fanout-world.ts) all scheduled for the same minute. prepbot runs compiled in a child process,
 * as the Docker image runs it, with both platforms against stand-ins that enforce the platforms'
 * published limits; its schedules are seeded through the real store for the first whole minute at
 * least LEAD_MS away, and node-cron's ticks at that minute do the posting. Time is real.
 *
 * `seconds` runs from that minute to the last post any stand-in took. The floor is what the limits
 * allow at best: Discord takes 50 requests a second after a burst of 50, one request per post, so
 * `(discord posts - 50) / 50` s; Slack's limit is per channel, so its posts could all go at once
 * and its floor is the stand-in's own throughput (prepbot's own chat.postMessage request replayed
 * to a fresh stand-in from a load thread, 16 at a time). Both platforms post in parallel: the
 * floor is the larger. `dropped`: channels without their post when the run ends (twice the floor
 * plus 30 s); `double`: channels with more than one. `rss_mb`: the bot's peak resident set.
 * `BENCH_FANOUT_CHANNELS` changes the number of channels (--quick: 500).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SlackWebApiStandIn } from '../tests/stand-ins/slack-web-api.js';
import { built, ensureBuild } from './build.js';
import { startChild } from './child.js';
import { foreignTokens, postTimes, seedDatabase, startWorld, type FanoutWorld } from './fanout-world.js';
import { round, type BenchContext } from './lib.js';
import { runLoad } from './load-worker.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-requests.js';
import { sqliteWriterProbe } from './sqlite-writer.js';

const PLACES = 50;
/** How long before the chosen minute the bot is started: its start-up with every guild must fit. */
const LEAD_MS = 20_000;
const DISCORD_PER_SECOND = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fanoutBench(ctx: BenchContext): Promise<Record<string, number>> {
  const channels = Number(process.env.BENCH_FANOUT_CHANNELS ?? (ctx.quick ? 500 : 5_000));
  if (!Number.isInteger(channels) || channels < PLACES) throw new Error(`BENCH_FANOUT_CHANNELS must be a whole number of at least ${PLACES}`);
  ensureBuild();
  const world = await startWorld(channels, PLACES);
  try {
    const dbFile = join(ctx.workDir, 'db', 'fanout.sqlite');
    for (const ext of ['', '-wal', '-shm']) rmSync(`${dbFile}${ext}`, { force: true });
    const at = Math.ceil((Date.now() + LEAD_MS) / 60_000) * 60_000;
    await seedDatabase(dbFile, world, new Date(at).toISOString().slice(11, 16), Date.now());
    const rush = await runRush(ctx, world, dbFile, at);
    const foreign = foreignTokens(world);
    if (foreign > 0) throw new Error(`${foreign} Slack posts went out with another workspace's token`);

    const slackPosts = world.channels.filter((c) => c.platform === 'slack').length;
    const discordPosts = channels - slackPosts;
    const slackRate = await standInRate(world, slackPosts);
    const floor = Math.max(Math.max(0, discordPosts - DISCORD_PER_SECOND) / DISCORD_PER_SECOND, slackPosts / slackRate);
    ctx.progress('fanout: the SQLite writer');
    const writer = sqliteWriterProbe(dbFile, world.channels, '2099-01-01');
    return {
      channels,
      seconds: round(rush.seconds, 1),
      floor_seconds: round(floor, 1),
      ratio: round(rush.seconds / floor, 3),
      dropped: rush.dropped,
      double: rush.double,
      rss_mb: round(rush.rssMb, 1),
      slack_seconds: round(rush.slackSeconds, 1),
      slack_floor_seconds: round(slackPosts / slackRate, 2),
      sqlite_writes_per_s: Math.round(writer.writesPerSecond),
    };
  } finally {
    await world.close();
  }
}

interface Rush {
  seconds: number;
  slackSeconds: number;
  dropped: number;
  double: number;
  rssMb: number;
}

/** Starts the bot, waits for the minute and for every channel's post (or the deadline), stops the bot. */
async function runRush(ctx: BenchContext, world: FanoutWorld, dbFile: string, at: number): Promise<Rush> {
  const child = startChild(
    built('src/main.ts'),
    {
      DATABASE_PATH: dbFile,
      CONTENT_DIR: 'content',
      SLACK_CLIENT_ID: world.slack.oauth.app.clientId,
      SLACK_CLIENT_SECRET: world.slack.oauth.app.clientSecret,
      SLACK_STATE_SECRET: 'fanout-state-secret',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PREPBOT_SECRET_KEY: world.secretKey,
      SLACK_API_URL: world.slack.url,
      DISCORD_TOKEN: world.discord.token,
      DISCORD_API_URL: world.discord.apiUrl,
      PORT: '0',
      GRADER: 'offline',
      LOG_LEVEL: 'info',
    },
    join(ctx.workDir, 'logs'),
    'fanout',
  );
  try {
    await child.waitForLog(/prepbot started/, LEAD_MS * 3);
    if (Date.now() > at - 1_000) throw new Error(`prepbot started ${Math.round((Date.now() - at) / 1000) + 1} s too late for the rush; see ${child.logFile}`);
    const total = world.channels.length;
    const deadline = at + 30_000 + 2 * 1000 * Math.max(10, total / 2 / DISCORD_PER_SECOND);
    for (;;) {
      const done = [...postTimes(world).values()].filter((t) => t.length > 0).length;
      const now = Date.now();
      ctx.progress(now < at ? `fanout: ${Math.ceil((at - now) / 1000)} s to the minute` : `fanout: ${done}/${total} posted after ${Math.round((now - at) / 1000)} s`);
      if (done === total || now > deadline) break;
      await sleep(250);
    }
    // A post made twice would show within a few seconds (a retry, a second sweep).
    await sleep(3_000);
    const rssMb = child.peakRssMb();
    const times = [...postTimes(world).entries()];
    const lastOf = (platform: string) => Math.max(at, ...times.filter(([id]) => id.startsWith(`${platform}:`)).flatMap(([, t]) => t));
    return {
      seconds: (Math.max(lastOf('slack'), lastOf('discord')) - at) / 1000,
      slackSeconds: (lastOf('slack') - at) / 1000,
      dropped: times.filter(([, t]) => t.length === 0).length,
      double: times.filter(([, t]) => t.length > 1).length,
      rssMb,
    };
  } finally {
    const code = await child.stop();
    if (code !== 0) ctx.progress(`fanout: prepbot exited with ${code}`);
  }
}

/**
 * The Slack stand-in's throughput for prepbot's own daily post: the first chat.postMessage the
 * bot sent, replayed `count` times to a fresh stand-in (no limit: one channel) from a load thread.
 */
async function standInRate(world: FanoutWorld, count: number): Promise<number> {
  const sample = world.slack.callsTo('chat.postMessage')[0];
  if (!sample) throw new Error('prepbot made no Slack post to time the stand-in with');
  const form = new URLSearchParams(Object.entries(sample.body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const fresh = await SlackWebApiStandIn.start();
  try {
    const port = Number(new URL(fresh.origin).port);
    const job = { path: '/api/chat.postMessage', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${BOT_TOKEN}` }, body: form.toString() };
    const load = await runLoad({ port, answerRef: '', total: count, firstMember: 0, mode: { closed: 16 }, replay: job });
    if (load.statuses[200] !== count) throw new Error(`the Slack stand-in refused its own replay: ${load.errors.join('; ')}`);
    return count / (load.wallMs / 1000);
  } finally {
    await fresh.close();
  }
}
