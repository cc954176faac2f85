import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock.js';
import { bank, question } from '../../fakes/questions.js';
import { ADMIN, CHANNEL_ID, DEFAULT_GUILD, GUILD_ID, OWNER } from '../../stand-ins/discord-stand-in.js';
import { adminActor, channelKey, slashReply } from './play.js';
import { firstButton, startRig, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const MINUTE = 60_000;
const HERE = channelKey();
const POSTS_HERE = new RegExp(`^/channels/${CHANNEL_ID}/messages$`);

describe('Discord refusing the daily post (403 Missing Permissions)', () => {
  it('keeps the round, tells the admins once, and delivers it on a retry once the permission is back', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startRig({ clock });
    rig.standIn.fail('POST', POSTS_HERE, { status: 403, code: 50013, message: 'Missing Permissions', times: 2 });

    const reply = await slashReply(rig, ADMIN, 'daily');
    expect(reply.content).toMatch(/round is ready, but I could not post it here: the bot lacks permission/);
    const notices = () => rig!.standIn.dmsTo(OWNER.id).filter((m) => m.content.includes('could not post'));
    await rig.standIn.waitFor(() => notices().length === 1, 'the notice to the owner');
    expect(rig.app.store.rounds.latestRound(HERE)).toMatchObject({ status: 'open', delivery: 'pending' });

    // The app's post timer retries after the back-off (1 minute, then 2): refused once more, then posted.
    await clock.run(2 * MINUTE);
    await rig.standIn.waitFor(() => rig!.standIn.rest.requests.filter((q) => q.method === 'POST' && POSTS_HERE.test(q.path)).length === 2, 'the first retry');
    expect(await rig.app.bot.rounds.retryUndelivered()).toMatchObject({ delivered: 0, waiting: 1 });
    await clock.run(3 * MINUTE);
    await rig.standIn.waitFor(() => rig!.app.store.rounds.latestRound(HERE)?.delivery === 'sent', 'the post on its retry');
    const [post, ...more] = rig.standIn.messagesIn(CHANNEL_ID);
    expect(more).toEqual([]);
    const round = rig.app.store.rounds.latestRound(HERE)!;
    expect(firstButton(post!).custom_id).toBe(`answer:round:${round.id}`);
    expect(round).toMatchObject({ delivery: 'sent', messageRef: `${CHANNEL_ID}:${post!.id}` });
    expect(rig.app.store.rounds.listOpenRounds()).toHaveLength(1);
    expect(notices()).toHaveLength(1);
    const refused = rig.standIn.rest.requests.filter((q) => q.method === 'POST' && POSTS_HERE.test(q.path)).map((q) => q.status);
    expect(refused).toEqual([403, 403, 200]);
  });
});

describe('fifty channels due at the same minute on Discord', () => {
  const channels = Array.from({ length: 50 }, (_, i) => ({ id: `12100000000000${String(1000 + i)}`, name: `prep-${i}` }));

  it('delays posts through a 429 burst (route and global limits) and delivers every one exactly once', async () => {
    const guild = structuredClone(DEFAULT_GUILD);
    guild.channels.push(...channels);
    const questions = Array.from({ length: 10 }, (_, i) => question(`q${i}`));
    rig = await startRig({ standIn: { guilds: [guild] }, content: bank(questions) });
    const bot = rig.app.bot;
    // A post time twelve hours away, so the scheduler's own sweep stays out of the way.
    const time = `${String((new Date().getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
    for (const c of channels) {
      const place = { platform: 'discord' as const, scopeId: `discord:${GUILD_ID}`, channelId: channelKey(c.id) };
      const [reply] = await bot.handle({ type: 'command', place, actor: adminActor(), verb: 'schedule', args: `${time} UTC daily` });
      expect(reply).toMatchObject({ tone: 'success' });
    }
    const theirPosts = /^\/channels\/121\d+\/messages$/;
    rig.standIn.fail('POST', theirPosts, { status: 429, retryAfter: 0.3, global: true, times: 1 });
    rig.standIn.fail('POST', theirPosts, { status: 429, retryAfter: 0.2, times: 11 });

    // What fifty cron ticks of the same minute do at once.
    const outcomes = await Promise.all(channels.map((c) => bot.rounds.postDaily(channelKey(c.id))));

    expect(outcomes.map((o) => (o.status === 'posted' ? o.delivered : o.status))).toEqual(channels.map(() => true));
    const attempts = rig.standIn.rest.requests.filter((q) => q.method === 'POST' && theirPosts.test(q.path));
    expect(attempts.filter((q) => q.status === 429)).toHaveLength(12);
    expect(attempts.filter((q) => q.status === 200)).toHaveLength(50);
    for (const c of channels) expect(rig.standIn.messagesIn(c.id)).toHaveLength(1);
    expect(rig.app.store.rounds.listOpenRounds()).toHaveLength(50);
    expect(rig.app.store.posts.pendingPosts()).toEqual([]);
    expect(rig.logs('error')).toEqual([]);
  });
});
