import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock.js';
import { bank, question } from '../../fakes/questions.js';
import { adminActor, channelKey, command, dmsTo } from './play.js';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const MINUTE = 60_000;
const postsTo = (r: Rig, channel: string) => r.api.statuses.filter((s) => s.method === 'chat.postMessage' && s.channel === channel);

describe('Slack refusing the daily post (not_in_channel)', () => {
  it('keeps the round, tells the admins once, and delivers it on a retry once prepbot is invited', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startRig({ clock });
    rig.api.failNext('chat.postMessage', { error: 'not_in_channel' }, { channel: CHANNEL });
    rig.api.failNext('chat.postMessage', { error: 'not_in_channel' }, { channel: CHANNEL });

    expect(await command(rig, 'daily', { user: 'UADMIN' })).toMatch(/round is ready, but I could not post it here: prepbot is not a member of this channel/);
    const notices = () => dmsTo(rig!, 'UROOT').filter((t) => t.includes('could not post'));
    await rig.until(() => notices().length === 1);
    expect(rig.app.store.rounds.latestRound(channelKey())).toMatchObject({ status: 'open', delivery: 'pending' });

    // The app's post timer retries after the back-off (1 minute, then 2): refused once more, then posted.
    await clock.run(2 * MINUTE);
    await rig.until(() => postsTo(rig!, CHANNEL).length === 2);
    expect(await rig.app.bot.rounds.retryUndelivered()).toMatchObject({ delivered: 0, waiting: 1 });
    await clock.run(3 * MINUTE);
    await rig.until(() => rig!.app.store.rounds.latestRound(channelKey())?.delivery === 'sent');

    const round = rig.app.store.rounds.latestRound(channelKey())!;
    const delivered = rig.api.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(delivered).toHaveLength(3);
    expect(allText(delivered.at(-1)!.body.blocks)).toContain(`round:${round.id}`);
    expect(round).toMatchObject({ delivery: 'sent', messageRef: expect.stringMatching(new RegExp(`^${CHANNEL}:`)) });
    expect(rig.app.store.rounds.listOpenRounds()).toHaveLength(1);
    expect(notices()).toHaveLength(1);
  });
});

describe('fifty channels due at the same minute on Slack', () => {
  it("waits out a 429 burst in the app's post queue and delivers every post exactly once", async () => {
    rig = await startRig({ content: bank(Array.from({ length: 10 }, (_, i) => question(`q${i}`))) });
    const bot = rig.app.bot;
    const channels = Array.from({ length: 50 }, (_, i) => `C${100 + i}`);
    const time = `${String((new Date().getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
    for (const channel of channels) {
      const place = { platform: 'slack' as const, scopeId: 'slack:T1', channelId: channelKey(channel) };
      const [reply] = await bot.handle({ type: 'command', place, actor: adminActor(), verb: 'schedule', args: `${time} UTC daily` });
      expect(reply).toMatchObject({ tone: 'success' });
    }
    rig.api.rateLimitFor('chat.postMessage', 300, 1);

    // What fifty cron ticks of the same minute do at once.
    const outcomes = await Promise.all(channels.map((c) => bot.rounds.postDaily(channelKey(c))));

    expect(outcomes.map((o) => (o.status === 'posted' ? o.delivered : o.status))).toEqual(channels.map(() => true));
    const limited = rig.api.statuses.filter((s) => s.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const c of channels) expect(postsTo(rig, c).filter((s) => s.status === 200)).toHaveLength(1);
    expect(rig.app.store.rounds.listOpenRounds()).toHaveLength(50);
    expect(rig.app.store.posts.pendingPosts()).toEqual([]);
    expect(rig.logs('warn')).toContain('rate limited; the post waits and is sent again');
    expect(rig.logs('error')).toEqual([]);
  });
});
