/**
 * A public Discord bot in shards: the real entry point with DISCORD_SHARDS set starts discord.js's
 * ShardingManager, which runs two shard processes (each `src/main.ts` again, under tsx) on one
 * SQLite file, against the local gateway that routes each server's events to its shard. Each
 * server's channel gets one post a day, from the shard holding the server; each answer one grade.
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_INPUT_ID } from '../../src/adapters/discord/ids.js';
import { gradeIn } from '../adapters/discord/rig.js';
import type { GuildFixture, UserFixture } from '../stand-ins/discord-payloads.js';
import { DEFAULT_GUILD, DiscordStandIn, MEMBER, OTHER, OWNER } from '../stand-ins/discord-stand-in.js';
import { botProcesses, workspace, type BotProcess } from './bot-process.js';
import { discordEnv, rows, seedScheduledChannel, until } from './platform-bots.js';

const { start, closers } = botProcesses();

/** On shard 0 of 2: (1200000000004194305 >> 22) % 2 = 0; the default server is on shard 1. */
const SHARD_0: GuildFixture = { id: '1200000000004194305', name: 'Shard Zero', ownerId: OWNER.id, channels: [{ id: '1200000000004194311', name: 'prep' }], roles: [], members: [OWNER, MEMBER, OTHER] };
const SHARD_1: GuildFixture = structuredClone(DEFAULT_GUILD);
const placeOf = (g: GuildFixture) => ({ platform: 'discord' as const, scopeId: `discord:${g.id}`, channelId: `discord:${g.id}:${g.channels[0]!.id}` });
const DM = { guildId: null, channelId: '1600000000000000001' };
const ANSWER = 'Each token forms a query, compares it with the keys of all tokens, normalises the scores with a softmax and sums the values.';

type Log = { msg: string; shard?: number; channelId?: string; channels?: number; port?: number; pid?: number };
const logs = (bot: BotProcess): Log[] =>
  bot
    .stderr()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Log);

/** A member answers the round of a server's channel through its Answer button and the form; resolves with the grade shown. */
async function answer(standIn: DiscordStandIn, g: GuildFixture, who: UserFixture) {
  const where = { guildId: g.id, channelId: g.channels[0]!.id };
  const post = standIn.messagesIn(where.channelId)[0]!;
  const press = standIn.press(who, post, post.components[0].components[0].custom_id, where);
  const modal = await standIn.waitFor(() => press.modal, `the form for ${who.username} in ${g.name}`, 30_000);
  const submit = standIn.submit(who, modal.custom_id, { [ANSWER_INPUT_ID]: `${ANSWER} (${who.username})` }, where);
  return standIn.waitFor(() => gradeIn(submit), `the grade of ${who.username} in ${g.name}`, 60_000);
}

describe('DISCORD_SHARDS: two shard processes on one database', () => {
  it('post once per channel per day, from the shard that holds the server, and grade each answer once; DMs reach shard 0; /healthz asks both; a killed shard comes back; SIGTERM stops all', async () => {
    const standIn = await DiscordStandIn.start({ guilds: [SHARD_0, SHARD_1], shards: 2, maxConcurrency: 2 });
    closers.push(() => standIn.close());
    const ws = workspace();
    for (const g of [SHARD_0, SHARD_1]) seedScheduledChannel(ws.db, placeOf(g));
    const bot = start(ws, discordEnv(standIn, { DISCORD_SHARDS: 'auto' }));

    const rounds = () => rows<{ id: number; channel_id: string; delivery: string }>(ws.db, 'SELECT id, channel_id, delivery FROM rounds ORDER BY channel_id');
    await until(() => rounds().length === 2 && rounds().every((r) => r.delivery === 'sent'), 150_000);
    // `auto`: as many shards as GET /gateway/bot recommends, each identifying as its own shard.
    expect(standIn.gateway.shards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const g of [SHARD_0, SHARD_1]) expect(standIn.messagesIn(g.channels[0]!.id)).toHaveLength(1);
    await until(() => logs(bot).filter((l) => l.msg === 'scheduler started').length === 2);
    const schedulers = logs(bot).filter((l) => l.msg === 'scheduler started');
    expect(schedulers.map((l) => [l.shard, l.channels]).sort()).toEqual([
      [0, 1],
      [1, 1],
    ]);
    const made = logs(bot).filter((l) => l.msg === 'scheduled post made');
    expect(made.map((l) => [l.shard, l.channelId]).sort()).toEqual([
      [0, placeOf(SHARD_0).channelId],
      [1, placeOf(SHARD_1).channelId],
    ]);

    // Each answer reaches the shard of its server through the gateway, and is graded once.
    const grades = await Promise.all([SHARD_0, SHARD_1].flatMap((g) => [MEMBER, OTHER].map((who) => answer(standIn, g, who))));
    expect(grades).toHaveLength(4);
    expect(rows(ws.db, 'SELECT COUNT(*) AS n FROM answers')).toEqual([{ n: 4 }]);
    expect(rows<{ answer_id: number }>(ws.db, 'SELECT answer_id FROM grades')).toHaveLength(4);
    expect(rows(ws.db, 'SELECT status, attempts FROM grading_jobs')).toEqual(Array.from({ length: 4 }, () => ({ status: 'done', attempts: 1 })));
    expect(standIn.refusedCallbacks()).toEqual([]);

    // A DM reaches shard 0, which answers it: practice in the member's own install.
    const quiz = standIn.slash(MEMBER, 'quiz', {}, DM);
    const question = await standIn.waitFor(() => quiz.original, 'the practice question in DMs', 30_000);
    const press = standIn.press(MEMBER, question, question.components[0].components[0].custom_id, DM);
    const form = await standIn.waitFor(() => press.modal, 'the form in DMs', 30_000);
    const practised = standIn.submit(MEMBER, form.custom_id, { [ANSWER_INPUT_ID]: ANSWER }, DM);
    await standIn.waitFor(() => gradeIn(practised), 'the practice grade in DMs', 60_000);
    expect(logs(bot).filter((l) => l.msg === 'answer stored').at(-1)).toMatchObject({ shard: 0, kind: 'practice' });

    // One /healthz for the whole bot, from the manager, which asks each shard.
    const port = logs(bot).find((l) => l.msg === 'GET /healthz answers for every Discord shard')!.port!;
    const health = async () => (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string; shards: { id: number; status: string }[] };
    expect(await health()).toMatchObject({ status: 'ok', platforms: ['discord'], shards: [{ id: 0, status: 'ok' }, { id: 1, status: 'ok' }] });

    // A shard process killed outright is started again by the manager, and identifies as the same shard.
    const started = () => logs(bot).filter((l) => l.msg === 'Discord shard process started');
    process.kill(started().find((l) => l.shard === 1)!.pid!, 'SIGKILL');
    await until(() => started().length === 3 && standIn.gateway.connected === 2, 120_000);
    expect(started()[2]).toMatchObject({ shard: 1 });
    await until(() => logs(bot).filter((l) => l.msg === 'prepbot started').length === 3, 60_000);
    expect(await health()).toMatchObject({ status: 'ok', shards: [{ id: 0, status: 'ok' }, { id: 1, status: 'ok' }] });
    for (const g of [SHARD_0, SHARD_1]) expect(standIn.messagesIn(g.channels[0]!.id)).toHaveLength(1);

    const pids = started().map((l) => l.pid!);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 240_000);
});
