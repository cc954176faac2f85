import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CHANNEL_ID, GUILD_ID, MEMBER, OWNER } from '../../stand-ins/discord-stand-in.js';
import { answerAndGrade, channelKey, postDaily, slashReply, until } from './play.js';
import { startRig, visible, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const HERE = channelKey();

/** Schedules the channel and plays one graded round in it, so there is history to keep. */
async function scheduledWithHistory(r: Rig): Promise<void> {
  expect((await slashReply(r, ADMIN, 'schedule', { time: '09:00', zone: 'UTC', days: 'daily' })).content).toMatch(/^Scheduled/);
  const post = await postDaily(r);
  expect(visible(await answerAndGrade(r, MEMBER, post, 'kept forever [score 8]'))).toMatch(/Score: 8\/10/);
}

/** What must survive a lost channel: the round, its graded answer and the points. */
function history(r: Rig) {
  const store = r.app.store;
  const round = store.rounds.latestRound(HERE);
  return {
    rounds: round ? 1 : 0,
    results: round ? store.figures.roundResults(round.id).map((x) => x.score) : [],
    points: store.figures.leaderboard(`discord:${GUILD_ID}`, null, 'all', 10).map((e) => e.points),
  };
}

describe('Discord taking a server or channel away', () => {
  it('suspends the schedules of a server the bot is removed from, deletes nothing, and schedule resumes them', async () => {
    rig = await startRig();
    await scheduledWithHistory(rig);
    const before = history(rig);
    expect(before).toEqual({ rounds: 1, results: [8], points: [8] });

    const guild = rig.standIn.removeGuild(GUILD_ID);
    await until(() => rig!.app.store.channels.getChannel(HERE)!.suspended);
    expect(rig.app.store.channels.getChannel(HERE)).toMatchObject({ postTime: '09:00', suspended: true });
    expect(history(rig)).toEqual(before);
    expect(rig.app.store.admins.recentActions(`discord:${GUILD_ID}`, 1)[0]).toMatchObject({ actorId: 'prepbot', action: 'suspend' });

    rig.standIn.addGuild(guild);
    await until(() => rig!.adapter.client.guilds.cache.has(GUILD_ID));
    const resumed = await slashReply(rig, ADMIN, 'schedule', { time: '09:00', zone: 'UTC', days: 'daily' });
    expect(resumed.content).toMatch(/suspended schedule is resumed; history and points are intact/);
    expect(rig.app.store.channels.getChannel(HERE)!.suspended).toBe(false);
    expect(history(rig)).toEqual(before);
  });

  it('changes nothing when a server is only unavailable (an outage)', async () => {
    rig = await startRig();
    await slashReply(rig, ADMIN, 'schedule', { time: '09:00', zone: 'UTC' });
    rig.standIn.outage(GUILD_ID);
    await until(() => rig!.logs('warn').some((m) => m.includes('unavailable (an outage)')));
    expect(rig.app.store.channels.getChannel(HERE)!.suspended).toBe(false);
  });

  it('suspends a deleted channel, keeps its history and tells the admins by DM', async () => {
    rig = await startRig();
    await scheduledWithHistory(rig);
    const before = history(rig);
    rig.standIn.deleteChannel(CHANNEL_ID);
    const notice = await rig.standIn.waitFor(() => rig!.standIn.dmsTo(OWNER.id).find((m) => m.content.includes('suspended')), 'the notice to the owner');
    expect(notice.content).toMatch(/#interview-prep was deleted/);
    expect(rig.app.store.channels.getChannel(HERE)).toMatchObject({ postTime: '09:00', suspended: true });
    expect(history(rig)).toEqual(before);
  });

  it('suspends a channel deleted while the bot was away once a post finds it gone (10003), keeping the round', async () => {
    rig = await startRig();
    await slashReply(rig, ADMIN, 'schedule', { time: '09:00', zone: 'UTC' });
    rig.standIn.deleteChannel(CHANNEL_ID, { silently: true });

    const outcome = await rig.app.bot.rounds.postDaily(HERE);
    expect(outcome).toMatchObject({ status: 'posted', delivered: false, error: { code: 'channel_gone' } });
    expect(rig.app.store.channels.getChannel(HERE)!.suspended).toBe(true);
    expect(rig.app.store.rounds.latestRound(HERE)).toMatchObject({ status: 'open', delivery: 'pending' });
    expect(await rig.app.bot.rounds.postDaily(HERE)).toMatchObject({ status: 'exists' });
    const notices = await rig.standIn.waitFor(() => rig!.standIn.dmsTo(OWNER.id).filter((m) => m.content.includes('suspended')), 'the notice');
    expect(notices).toHaveLength(1);
  });
});
