/**
 * `/healthz` tells the truth: 503 `degraded` with a reason when the database refuses writes or a
 * platform connection has been down past HEALTH_GRACE_SECONDS, through the real adapters.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../fakes/fake-clock.js';
import { startRig as startDiscord, type Rig as DiscordRig } from '../adapters/discord/rig.js';
import { startRig as startSlack, type Rig as SlackRig } from '../adapters/slack/rig.js';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { bank } from '../fakes/questions.js';
import { ScriptedGrader } from '../fakes/scripted-grader.js';
import { MemoryLogger } from '../fakes/silent-logger.js';
import { SlackSocketModeStandIn } from '../stand-ins/slack-socket-mode.js';
import { SlackWebApiStandIn } from '../stand-ins/slack-web-api.js';

let slack: SlackRig | null = null;
let discord: DiscordRig | null = null;
afterEach(async () => {
  await slack?.stop();
  await discord?.stop();
  slack = discord = null;
});

async function healthz(base: string): Promise<{ status: number; body: { status: string; reasons?: string[] } }> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reasons?: string[] } };
}

describe('GET /healthz', () => {
  it('answers 503 degraded, naming the database, while SQLite refuses writes, and 200 once it takes them again', async () => {
    const clock = new FakeClock(Date.now());
    slack = await startSlack({ clock });
    expect(await healthz(slack.base)).toMatchObject({ status: 200, body: { status: 'ok' } });

    slack.app.store.db.pragma('query_only = ON'); // what a read-only file does to every write
    clock.advance(5_000);
    const refused = await healthz(slack.base);
    expect(refused.status).toBe(503);
    expect(refused.body.status).toBe('degraded');
    expect(refused.body.reasons).toEqual(['the database (DATABASE_PATH) refuses writes: attempt to write a readonly database']);

    slack.app.store.db.pragma('query_only = OFF');
    clock.advance(5_000);
    expect(await healthz(slack.base)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers 503 degraded when the disk is full for a write that grows the file, though a small write still fits', async () => {
    const clock = new FakeClock(Date.now());
    slack = await startSlack({ clock });
    const daily = await slack.command('daily', { user: 'UADMIN' });
    await slack.until(() => slack!.responses(daily.responseId).length === 1);
    const db = slack.app.store.db;
    // Nothing else writes meanwhile: a grade that still fits would show the database taking writes again.
    slack.app.bot.worker.stop();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`); // a full disk, for SQLite
    const roundId = slack.app.store.rounds.getOpenRound('slack:T1:C1')!.id;
    const view = { id: 'VFULL', callback_id: 'prepbot_answer_modal', private_metadata: JSON.stringify({ ref: `round:${roundId}`, team: 'T1', channel: 'C1' }), title: { type: 'plain_text', text: 'Question of the day' } };
    // Long answers, from member after member, until one needs a page the "disk" no longer has.
    const long = `${'A long answer that needs pages of its own. '.repeat(90)} [score 5]`;
    let refused = null;
    for (let i = 0; i < 20 && !refused; i += 1) {
      const res = await slack.submit(view, long, { user: `UFILL${i}`, trigger: `trigger.fill.${i}` });
      if ((res.json as { response_action?: string }).response_action === 'errors') refused = res;
    }
    expect(refused?.json).toMatchObject({ response_action: 'errors', errors: { answer: expect.stringMatching(/Something went wrong on my side and nothing was changed/) } });
    clock.advance(5_000);
    const full = await healthz(slack.base);
    expect(full.status).toBe(503);
    expect(full.body.reasons).toEqual(['the database (DATABASE_PATH) refuses writes: database or disk is full']);

    db.pragma('max_page_count = 1073741823');
    const saved = await slack.submit(view, 'A short answer now that there is room [score 5]');
    expect(saved.json).toMatchObject({ response_action: 'update' });
    clock.advance(5_000);
    expect(await healthz(slack.base)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it("says degraded once Discord's gateway has been down past the grace period, and ok again when it is back", async () => {
    const clock = new FakeClock(Date.now());
    discord = await startDiscord({ clock, env: { HEALTH_GRACE_SECONDS: '120' }, adapter: { now: () => clock.now() } });
    expect(discord.app.health()).toMatchObject({ status: 'ok' });
    discord.standIn.gateway.refuse = true;
    discord.standIn.gateway.drop(4000);
    // The adapter has seen the drop (its clock instant is what the grace counts from).
    await discord.standIn.waitFor(() => discord!.standIn.gateway.connected === 0 && !discord!.adapter.connection().up, 'the gateway to drop');
    clock.advance(119_000);
    expect(discord.app.health()).toMatchObject({ status: 'ok' });
    clock.advance(2_000);
    const down = discord.app.health();
    expect(down.status).toBe('degraded');
    expect(down.reasons).toEqual([expect.stringMatching(/^Discord's gateway (reconnecting|disconnected|failing) for 12[01] s$/)]);

    discord.standIn.gateway.refuse = false;
    await discord.standIn.waitFor(() => discord!.standIn.gateway.connected === 1, 'the bot to reconnect', 30_000);
    await vi.waitFor(() => expect(discord!.app.health().status).toBe('ok'), { timeout: 30_000, interval: 50 });
  }, 60_000);

  it("says degraded once Slack's Socket Mode has been disconnected past the grace period, and ok again when it is back", async () => {
    const clock = new FakeClock(Date.now());
    const api = await SlackWebApiStandIn.start();
    const socket = await SlackSocketModeStandIn.start();
    api.socketUrl = socket.url;
    const config = loadConfig({ DATABASE_PATH: ':memory:', SLACK_BOT_TOKEN: 'xoxb-socket', SLACK_APP_TOKEN: 'xapp-socket', SLACK_API_URL: api.url, PORT: '0', LOG_LEVEL: 'silent' });
    let app: App | null = null;
    const adapter = new SlackAdapter({ botToken: 'xoxb-socket', appToken: 'xapp-socket', port: 0, apiUrl: api.url, adminUserIds: [], logger: new MemoryLogger(), health: () => app!.health(), now: () => clock.now() });
    app = new App(config, new MemoryLogger(), { adapters: [adapter], content: bank(), grader: new ScriptedGrader(), clock });
    try {
      await app.start();
      expect(app.health()).toMatchObject({ status: 'ok' });
      socket.refuse = true;
      socket.drop(); // Slack's end of the socket goes away; the client keeps trying to reconnect
      await vi.waitFor(() => expect(adapter.connection().up).toBe(false), { timeout: 10_000, interval: 20 });
      clock.advance(121_000);
      const down = app.health();
      expect(down.status).toBe('degraded');
      expect(down.reasons).toEqual([expect.stringMatching(/^Slack Socket Mode (disconnected|reconnecting) for 121 s$/)]);
      socket.refuse = false;
      await vi.waitFor(() => expect(app!.health().status).toBe('ok'), { timeout: 20_000, interval: 50 });
    } finally {
      await app.stop(1_000);
      await socket.close();
      await api.close();
    }
  }, 30_000);
});
