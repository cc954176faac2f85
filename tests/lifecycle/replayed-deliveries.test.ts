/**
 * One stored answer per delivery across a restart: the real entry point, killed with SIGKILL after
 * it stored and graded an answer, started again, and sent the very same delivery (the same signed
 * Slack form submission, the same Discord interaction) once more.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, DiscordStandIn, GUILD_ID, MEMBER } from '../stand-ins/discord-stand-in.js';
import { nowSeconds } from '../stand-ins/slack-signing.js';
import { SlackWebApiStandIn } from '../stand-ins/slack-web-api.js';
import { botProcesses, workspace } from './bot-process.js';
import { answerSubmission, discordEnv, killHard, rows, seedScheduledChannel, sendToSlackBot, slackEnv, slackPort, until } from './platform-bots.js';

const { start, closers } = botProcesses();

const ANSWER = 'Each token forms a query, compares it with the keys of all tokens, normalises the scores with a softmax and sums the values.';
const count = (db: string, table: string) => rows<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${table}`)[0]!.n;

describe('a Slack form submission sent again after a restart', () => {
  it('is acknowledged as the same answer and stores, grades and scores nothing twice', async () => {
    const api = await SlackWebApiStandIn.start();
    closers.push(() => api.close());
    api.addUser('UALICE', { team: 'T1', name: 'alice' });
    const ws = workspace();
    seedScheduledChannel(ws.db, { platform: 'slack', scopeId: 'slack:T1', channelId: 'slack:T1:C1' });
    const first = start(ws, slackEnv(api));
    const port = await slackPort(first);
    await until(() => api.postsIn('C1').length === 1);
    const roundId = rows<{ id: number }>(ws.db, 'SELECT id FROM rounds')[0]!.id;

    // The submission exactly as Slack sends it, signed once: a replay sends these same bytes.
    const body = answerSubmission(roundId, 'UALICE', ANSWER, 'trigger.answer-1');
    const timestamp = nowSeconds();
    const submit = (p: number) => sendToSlackBot(p, body, timestamp);

    const saved = await submit(port);
    expect(saved.json).toMatchObject({ response_action: 'update' });
    const grades = () => api.callsTo('chat.postEphemeral').filter((c) => JSON.stringify(c.body).includes('Score'));
    await until(() => grades().length === 1);
    await killHard(first);

    const second = start(ws, slackEnv(api));
    const again = await submit(await slackPort(second));
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(again.json)).toMatch(/It had reached me already, so it is stored once/);
    expect(count(ws.db, 'answers')).toBe(1);
    expect(count(ws.db, 'grading_jobs')).toBe(1);
    expect(count(ws.db, 'grades')).toBe(1);
    expect(rows(ws.db, 'SELECT id, answer_id FROM deliveries')).toEqual([{ id: 'slack:T1:view:trigger.answer-1', answer_id: 1 }]);
    expect(grades()).toHaveLength(1);
  }, 120_000);
});

describe('a Discord interaction dispatched again after a restart', () => {
  it('stores its answer once', async () => {
    const standIn = await DiscordStandIn.start();
    closers.push(() => standIn.close());
    const ws = workspace();
    seedScheduledChannel(ws.db, { platform: 'discord', scopeId: `discord:${GUILD_ID}`, channelId: `discord:${GUILD_ID}:${CHANNEL_ID}` });
    const first = start(ws, discordEnv(standIn));
    await until(() => standIn.messagesIn(CHANNEL_ID).length === 1);
    const roundId = rows<{ id: number }>(ws.db, 'SELECT id FROM rounds')[0]!.id;
    const submitted = standIn.submit(MEMBER, `answer-form:round:${roundId}`, { answer: ANSWER });
    await standIn.waitFor(() => submitted.original?.embeds[0]?.title?.startsWith('Score'), 'the grade', 30_000);
    await killHard(first);

    const second = start(ws, discordEnv(standIn));
    await second.waitFor(/connected to Discord/, { stream: 'stderr', timeoutMs: 40_000 });
    standIn.replay(submitted);
    await second.waitFor(/a delivery that stored its answer already came again; nothing stored/, { stream: 'stderr', timeoutMs: 20_000 });
    expect(count(ws.db, 'answers')).toBe(1);
    expect(count(ws.db, 'grades')).toBe(1);
    expect(rows(ws.db, 'SELECT id FROM deliveries')).toEqual([{ id: `discord:interaction:${submitted.id}` }]);
  }, 120_000);
});
