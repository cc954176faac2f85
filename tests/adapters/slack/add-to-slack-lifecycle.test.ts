import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock.js';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api.js';
import { install, oauthEnv } from './install-flow.js';
import { channelKey, command, sendEvent } from './play.js';
import { startRig, type Rig } from './rig.js';

const TOKEN_2 = 'xoxb-222-workspace-two-secret';
const TOKEN_2B = 'xoxb-223-workspace-two-reinstalled';

const rigs: Rig[] = [];
let api: SlackWebApiStandIn | null = null;
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.stop();
  await api?.close();
  api = null;
});

async function start(env: Record<string, string>, shared?: SlackWebApiStandIn, clock?: FakeClock): Promise<Rig> {
  const r = await startRig({ env, api: shared, clock });
  r.api.addUser('UADA2', { team: 'T2', name: 'ada2', realName: 'Ada Two', admin: true });
  rigs.push(r);
  return r;
}

const suspended = (r: Rig) => r.app.store.channels.getChannel(channelKey('C2', 'T2'))?.suspended;

describe('Add to Slack over a workspace\'s life', () => {
  it('posts scheduled questions and summaries with the workspace\'s token, suspends on tokens_revoked, and resumes on reinstall', async () => {
    const clock = FakeClock.at('2026-12-07T08:58:00Z');
    const rig = await start(oauthEnv(), undefined, clock);
    await install(rig, { team: 'T2', token: TOKEN_2 });
    expect(await command(rig, 'schedule 09:00 UTC', { user: 'UADA2', team: 'T2', channel: 'C2' })).toMatch(/Scheduled/);
    // At 09:01 the scheduler's own sweep (no request from Slack to take a token from) makes the due post.
    clock.advance(3 * 60_000);
    await rig.app.scheduler.sweep();
    await rig.until(() => rig.api.postsIn('C2').length === 1);
    expect(rig.api.callsTo('chat.postMessage').find((c) => c.body.channel === 'C2')!.token).toBe(TOKEN_2);
    expect(await command(rig, 'reveal', { user: 'UADA2', team: 'T2', channel: 'C2' })).not.toMatch(/only admins/i);
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === 'C2' && c.body.thread_ts !== undefined));
    expect(rig.api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C2').every((c) => c.token === TOKEN_2)).toBe(true);

    // Revoking the bot token is an uninstall: the token goes, the schedule is suspended.
    await sendEvent(rig, { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, 'T2');
    await rig.until(() => rig.app.store.installs.findInstall('slack:T2') === null);
    expect(suspended(rig)).toBe(true);
    expect(rig.app.scheduler.nextPostAt(rig.app.store.channels.getChannel(channelKey('C2', 'T2'))!)).toBeNull();

    // Installed again (a new token): the schedule the removal suspended runs again, with the new token.
    await install(rig, { team: 'T2', token: TOKEN_2B });
    expect(suspended(rig)).toBe(false);
    expect(rig.app.store.channels.getChannel(channelKey('C2', 'T2'))!.postTime).toBe('09:00');
    expect(rig.logs('info')).toContain("a reinstalled Slack workspace's daily posts are resumed");
    expect(await command(rig, 'daily', { user: 'UADA2', team: 'T2', channel: 'C2' })).toMatch(/already posted in this channel/);
    const after = rig.api.calls.filter((c) => c.token === TOKEN_2B);
    expect(after.length).toBeGreaterThan(0);
    expect(rig.api.calls.slice(rig.api.calls.indexOf(after[0]!)).some((c) => c.token === TOKEN_2)).toBe(false);
  });

  it('refuses a redirect without the state cookie of the browser that started the install, storing nothing', async () => {
    const rig = await start(oauthEnv());
    const res = await install(rig, { team: 'T2', token: TOKEN_2 }, { withCookie: false });
    expect(res.status).not.toBe(200);
    expect(rig.api.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(rig.app.store.installs.countInstalls()).toBe(0);
  });

  it('reads the sealed install after a restart with the same key, and ignores the workspace under another key', async () => {
    api = await SlackWebApiStandIn.start();
    const env = oauthEnv();
    const first = await start(env, api);
    await install(first, { team: 'T2', token: TOKEN_2 });
    await first.stop();
    rigs.splice(rigs.indexOf(first), 1);

    const again = await start(env, api);
    expect(await command(again, 'daily', { user: 'UADA2', team: 'T2', channel: 'C2' })).toMatch(/Posted/);
    expect(api.callsTo('chat.postMessage').at(-1)!.token).toBe(TOKEN_2);
    await again.stop();
    rigs.splice(rigs.indexOf(again), 1);

    const rekeyed = await start({ ...env, PREPBOT_SECRET_KEY: randomBytes(32).toString('hex') }, api);
    const calls = api.calls.length;
    await rekeyed.command('help', { user: 'UADA2', team: 'T2', channel: 'C2' });
    await rekeyed.until(() => rekeyed.logs('error').some((m) => /does not open with PREPBOT_SECRET_KEY/.test(m)));
    expect(api.calls.slice(calls)).toEqual([]);
  });
});
