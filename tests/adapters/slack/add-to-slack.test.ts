import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/adapters/slack/oauth.js';
import { databaseBytes, install, oauthEnv } from './install-flow.js';
import { channelKey, command, sendEvent } from './play.js';
import { allText, startRig, type Rig } from './rig.js';

const TOKEN_1 = 'xoxb-111-workspace-one-secret';
const TOKEN_2 = 'xoxb-222-workspace-two-secret';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

/** A rig in Add to Slack mode, with members of a second workspace (T2). */
async function startOAuthRig(env = oauthEnv()): Promise<Rig> {
  const r = await startRig({ env });
  r.api.addUser('UADA2', { team: 'T2', name: 'ada2', realName: 'Ada Two', admin: true });
  r.api.addUser('UCAROL', { team: 'T2', name: 'carol', realName: 'Carol' });
  return r;
}

/** Every Web API call made for workspace T2's channel C2 or its members. */
const callsForT2 = (r: Rig) => r.api.calls.filter((c) => c.body.channel === 'C2' || ['UADA2', 'UCAROL'].includes(String(c.body.user ?? c.body.users ?? '')));

describe('Add to Slack (OAuth, many workspaces)', () => {
  it('serves the install page with the app, its scopes and a state bound to a cookie', async () => {
    rig = await startOAuthRig();
    const page = await fetch(`${rig.base}/slack/install`);
    expect(page.status).toBe(200);
    expect(page.headers.getSetCookie().join()).toMatch(/slack-app-oauth-state=/);
    const { authorizeUrl } = await install(rig, { team: 'T1', token: TOKEN_1 });
    expect(authorizeUrl.searchParams.get('client_id')).toBe('CLIENT1');
    expect(authorizeUrl.searchParams.get('scope')!.split(',')).toEqual(BOT_SCOPES);
  });

  it("stores a second workspace's install encrypted, answers it with its own token, and forgets the token when it uninstalls", async () => {
    const env = oauthEnv();
    rig = await startOAuthRig(env);
    expect((await install(rig, { team: 'T1', token: TOKEN_1 })).status).toBe(200);
    const second = await install(rig, { team: 'T2', teamName: 'Second', token: TOKEN_2, botUserId: 'UBOT2' });
    expect(second.status).toBe(200);
    expect(second.page).toMatch(/Thank you/);
    expect(rig.api.callsTo('oauth.v2.access').map((c) => c.body.client_id)).toEqual(['CLIENT1', 'CLIENT1']);
    expect(rig.app.store.installs.countInstalls()).toBe(2);
    const sealed = rig.app.store.installs.findInstall('slack:T2')!;
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(TOKEN_2);

    // A signed slash command from the second workspace: an admin check, a permission check and a post, all with T2's token.
    expect(await command(rig, 'daily', { user: 'UADA2', team: 'T2', channel: 'C2' })).toMatch(/Posted/);
    const post = rig.api.callsTo('chat.postMessage').find((c) => c.body.channel === 'C2')!;
    expect(post.token).toBe(TOKEN_2);
    expect(callsForT2(rig).map((c) => c.method)).toEqual(expect.arrayContaining(['users.info', 'conversations.info', 'chat.postMessage']));
    expect(callsForT2(rig).every((c) => c.token === TOKEN_2)).toBe(true);
    // The first workspace keeps its own token.
    expect(await command(rig, 'daily', { user: 'UADMIN' })).toMatch(/Posted/);
    expect(rig.api.callsTo('chat.postMessage').find((c) => c.body.channel === 'C1')!.token).toBe(TOKEN_1);

    // An answer from T2 is graded, and the grade (sent later, by the grading worker) uses T2's token.
    const round = rig.app.store.rounds.getOpenRound(channelKey('C2', 'T2'))!;
    await rig.pressAnswer(`round:${round.id}`, { user: 'UCAROL', channel: 'C2', team: 'T2' });
    await rig.until(() => rig!.api.callsTo('views.open').length === 1);
    const form = rig.api.callsTo('views.open').at(-1)!;
    expect(form.token).toBe(TOKEN_2);
    await rig.submit(form.body.view as Record<string, unknown>, 'my answer [score 7]', { user: 'UCAROL', team: 'T2' });
    await rig.until(() => rig!.api.callsTo('chat.postEphemeral').some((c) => c.body.user === 'UCAROL'));
    const grade = rig.api.callsTo('chat.postEphemeral').find((c) => c.body.user === 'UCAROL')!;
    expect(allText(grade.body)).toMatch(/Score: 7\/10/);
    expect(grade.token).toBe(TOKEN_2);

    // Neither token is in the database file (nor its WAL), nor in any log line at any level.
    const bytes = databaseBytes(env.DATABASE_PATH!);
    expect(bytes.includes('slack:T2')).toBe(true);
    for (const token of [TOKEN_1, TOKEN_2]) {
      expect(bytes.includes(token)).toBe(false);
      expect(inspect(rig.logger.entries, { depth: 8 })).not.toContain(token);
    }

    // T2 uninstalls: its token is deleted at once, its schedule suspended, its history kept.
    expect((await sendEvent(rig, { type: 'app_uninstalled' }, 'T2')).status).toBe(200);
    await rig.until(() => rig!.app.store.installs.findInstall('slack:T2') === null);
    expect(rig.app.store.installs.countInstalls()).toBe(1);
    expect(rig.app.store.channels.getChannel(channelKey('C2', 'T2'))?.suspended).toBe(true);
    expect(rig.app.store.rounds.getRound(round.id)?.channelId).toBe(channelKey('C2', 'T2'));
    expect(rig.logs('warn')).toContain("prepbot was uninstalled from a Slack workspace; the workspace's daily posts are suspended");

    // A request from T2 now reaches no listener and makes no call; T1 is served as before.
    const calls = rig.api.calls.length;
    const { res } = await rig.command('help', { user: 'UADA2', team: 'T2', channel: 'C2' });
    expect(res.status).toBe(200);
    await rig.until(() => rig!.logs('warn').includes('a Slack request from a workspace without an install; ignored'));
    expect(rig.api.calls.slice(calls).filter((c) => c.token === TOKEN_2)).toEqual([]);
    expect(await command(rig, 'stats', { user: 'UALICE' })).toMatch(/points/i);
    await rig.stop();
    rig = null;
    // Closed (the WAL folded in): still no token on disk.
    expect(databaseBytes(env.DATABASE_PATH!).includes(TOKEN_2)).toBe(false);
  });
});
