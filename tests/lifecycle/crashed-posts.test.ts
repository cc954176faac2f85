/**
 * One post per round after a crash at any point of the post: the real entry point (`src/main.ts`)
 * on Slack over HTTP and on Discord's gateway, killed with SIGKILL while the platform holds the
 * daily post (or the summary) without answering, then started again on the same database.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, DiscordStandIn, GUILD_ID } from '../stand-ins/discord-stand-in.js';
import { formBody, sendSigned } from '../stand-ins/slack-signing.js';
import { SlackWebApiStandIn } from '../stand-ins/slack-web-api.js';
import { botProcesses, workspace } from './bot-process.js';
import { discordEnv, killHard, rows, seedScheduledChannel, SLACK_SECRET, slackEnv, slackPort, until } from './platform-bots.js';

const { start, closers } = botProcesses();

type RoundRow = { id: number; delivery: string; message_ref: string | null; status: string };
const roundsIn = (db: string) => rows<RoundRow>(db, 'SELECT id, delivery, message_ref, status FROM rounds');
const intents = (db: string) => rows<{ kind: string; status: string; attempts: number; uncertain: number }>(db, 'SELECT kind, status, attempts, uncertain FROM post_intents ORDER BY kind');

describe('a crash during the daily post on Slack', () => {
  const SLACK = { platform: 'slack' as const, scopeId: 'slack:T1', channelId: 'slack:T1:C1' };

  async function slackBot() {
    const api = await SlackWebApiStandIn.start();
    api.limitHistory = true; // Slack's one read a minute and 15 messages, for non-Marketplace apps
    closers.push(() => api.close());
    const ws = workspace();
    seedScheduledChannel(ws.db, SLACK);
    return { api, ws };
  }

  it('after Slack took the post but before its id was stored: the restarted bot finds it by its metadata and adopts it', async () => {
    const { api, ws } = await slackBot();
    api.holdNext('chat.postMessage', { record: true });
    const first = start(ws, slackEnv(api));
    await until(() => api.postsIn('C1').length === 1 && api.holding === 1);
    await killHard(first);
    expect(roundsIn(ws.db)).toMatchObject([{ delivery: 'pending', message_ref: null }]);

    const second = start(ws, slackEnv(api));
    await until(() => roundsIn(ws.db)[0]?.delivery === 'sent');
    const [post] = api.postsIn('C1');
    expect(api.postsIn('C1')).toHaveLength(1);
    expect(post!.metadata).toEqual({ event_type: 'prepbot_post', event_payload: { kind: 'round', key: String(roundsIn(ws.db)[0]!.id) } });
    expect(roundsIn(ws.db)[0]!.message_ref).toBe(`C1:${post!.ts}`);
    const reads = api.callsTo('conversations.history');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.body).toMatchObject({ channel: 'C1', include_all_metadata: 'true', inclusive: 'true', limit: '15' });
    expect(Number(reads[0]!.body.oldest)).toBeLessThanOrEqual(Number(post!.ts));
    expect(Number(reads[0]!.body.latest)).toBeGreaterThanOrEqual(Number(post!.ts));
    expect(intents(ws.db)).toMatchObject([{ kind: 'round', status: 'sent', uncertain: 1 }]);
    await second.waitFor(/found the post an earlier attempt made; adopted it/, { stream: 'stderr' });
    expect(api.statuses.filter((s) => s.status === 429)).toEqual([]);
  }, 120_000);

  it('before Slack received the post: the restarted bot looks, finds nothing, and posts once', async () => {
    const { api, ws } = await slackBot();
    api.holdNext('chat.postMessage', { record: false });
    const first = start(ws, slackEnv(api));
    await until(() => api.holding === 1);
    await killHard(first);
    expect(api.postsIn('C1')).toHaveLength(0);

    start(ws, slackEnv(api));
    await until(() => roundsIn(ws.db)[0]?.delivery === 'sent');
    expect(api.postsIn('C1')).toHaveLength(1);
    expect(api.callsTo('conversations.history')).toHaveLength(1);
    expect(roundsIn(ws.db)).toHaveLength(1);
  }, 120_000);

  it('after the post was stored: the restarted bot posts nothing; and a summary cut short is adopted in its thread', async () => {
    const { api, ws } = await slackBot();
    const first = start(ws, slackEnv(api));
    await until(() => roundsIn(ws.db)[0]?.delivery === 'sent');
    await killHard(first);

    const second = start(ws, slackEnv(api));
    const port = await slackPort(second);
    expect(api.postsIn('C1')).toHaveLength(1);
    // The admin reveals the round; Slack takes the summary, and the bot dies before hearing so.
    api.holdNext('chat.postMessage', { record: true });
    const reveal = formBody({ team_id: 'T1', channel_id: 'C1', user_id: 'UROOT', user_name: 'root', command: '/prep', text: 'reveal', response_url: api.responseUrl('reveal'), trigger_id: 't.reveal' });
    expect((await sendSigned(`http://127.0.0.1:${port}/slack/events`, reveal, { secret: SLACK_SECRET })).status).toBe(200);
    const questionTs = api.postsIn('C1')[0]!.ts;
    await until(() => api.repliesTo('C1', questionTs).length === 1 && api.holding === 1);
    await killHard(second);

    start(ws, slackEnv(api));
    await until(() => intents(ws.db).every((i) => i.status === 'sent'));
    expect(api.repliesTo('C1', questionTs)).toHaveLength(1);
    expect(api.postsIn('C1')).toHaveLength(1);
    expect(api.callsTo('conversations.replies')).toHaveLength(1);
    expect(api.callsTo('conversations.replies')[0]!.body).toMatchObject({ channel: 'C1', ts: questionTs, include_all_metadata: 'true' });
    expect(roundsIn(ws.db)).toMatchObject([{ status: 'closed' }]);
  }, 120_000);
});

describe('a crash during the daily post on Discord', () => {
  const DISCORD = { platform: 'discord' as const, scopeId: `discord:${GUILD_ID}`, channelId: `discord:${GUILD_ID}:${CHANNEL_ID}` };
  const POSTS = new RegExp(`^/channels/${CHANNEL_ID}/messages$`);

  it("after Discord created the message but before its id was stored: found again among the bot's recent messages, past the nonce's window", async () => {
    // A nonce window of 0: only the look at the channel's recent messages can prevent a second post.
    const standIn = await DiscordStandIn.start({ nonceWindowMs: 0 });
    closers.push(() => standIn.close());
    const ws = workspace();
    seedScheduledChannel(ws.db, DISCORD);
    standIn.hold('POST', POSTS, { record: true });
    const first = start(ws, discordEnv(standIn));
    await until(() => standIn.messagesIn(CHANNEL_ID).length === 1 && standIn.rest.holding === 1);
    await killHard(first);

    start(ws, discordEnv(standIn));
    await until(() => roundsIn(ws.db)[0]?.delivery === 'sent');
    const [message, ...more] = standIn.messagesIn(CHANNEL_ID);
    expect(more).toEqual([]);
    expect(roundsIn(ws.db)[0]!.message_ref).toBe(`${CHANNEL_ID}:${message!.id}`);
    expect(message!.embeds[0].footer.text).toMatch(/ · round-\d+$/);
    expect(message!.nonce).toMatch(/^round-\d+\.[a-z0-9]+$/);
    const reads = standIn.rest.requests.filter((r) => r.method === 'GET' && POSTS.test(r.path));
    expect(reads).toHaveLength(1);
  }, 120_000);

  it('before Discord received the post: the restarted bot looks, finds nothing, and posts once', async () => {
    const standIn = await DiscordStandIn.start();
    closers.push(() => standIn.close());
    const ws = workspace();
    seedScheduledChannel(ws.db, DISCORD);
    standIn.hold('POST', POSTS, { record: false });
    const first = start(ws, discordEnv(standIn));
    await until(() => standIn.rest.holding === 1);
    await killHard(first);
    expect(standIn.messagesIn(CHANNEL_ID)).toHaveLength(0);

    start(ws, discordEnv(standIn));
    await until(() => roundsIn(ws.db)[0]?.delivery === 'sent');
    expect(standIn.messagesIn(CHANNEL_ID)).toHaveLength(1);
    expect(roundsIn(ws.db)).toHaveLength(1);
  }, 120_000);
});
