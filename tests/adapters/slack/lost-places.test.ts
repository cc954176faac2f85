import { afterEach, describe, expect, it } from 'vitest';
import { answerAndGrade, channelKey, command, dmsTo, sendEvent } from './play.js';
import { startRig, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const suspended = (r: Rig, channel: string, team = 'T1') => r.app.store.channels.getChannel(channelKey(channel, team))?.suspended ?? null;

/** Schedules channels in T1 (as the workspace admin). */
async function schedule(r: Rig, ...channels: string[]): Promise<void> {
  for (const channel of channels) expect(await command(r, 'schedule 09:00 UTC daily', { user: 'UADMIN', channel })).toMatch(/Scheduled/);
}

describe('Slack taking a channel or the workspace away', () => {
  it('suspends an archived channel, tells the admins by DM, keeps its history, and schedule resumes it', async () => {
    rig = await startRig();
    await schedule(rig, 'C1');
    expect(await command(rig, 'daily', { user: 'UADMIN' })).toMatch(/Posted/);
    await answerAndGrade(rig, 'kept [score 8]');
    const round = rig.app.store.rounds.latestRound(channelKey('C1'))!;

    expect((await sendEvent(rig, { type: 'channel_archive', channel: 'C1', user: 'UADMIN' })).status).toBe(200);
    await rig.until(() => suspended(rig!, 'C1') === true);
    await rig.until(() => dmsTo(rig!, 'UROOT').some((t) => t.includes('suspended')));
    expect(dmsTo(rig, 'UROOT').find((t) => t.includes('suspended'))).toMatch(/the channel was archived/);
    expect(rig.app.store.channels.getChannel(channelKey('C1'))!.postTime).toBe('09:00');
    expect(rig.app.store.figures.roundResults(round.id).map((r) => r.score)).toEqual([8]);

    expect(await command(rig, 'schedule 09:00 UTC daily', { user: 'UADMIN' })).toMatch(/suspended schedule is resumed; history and points are intact/);
    expect(suspended(rig, 'C1')).toBe(false);
    expect(rig.app.store.figures.roundResults(round.id).map((r) => r.score)).toEqual([8]);
  });

  it('suspends a channel on each event that loses it, and not when somebody else leaves', async () => {
    rig = await startRig();
    const lost = {
      C11: { type: 'channel_deleted', channel: 'C11' },
      G12: { type: 'group_deleted', channel: 'G12' },
      G13: { type: 'group_archive', channel: 'G13' },
      C14: { type: 'channel_left', channel: 'C14', actor_id: 'UADMIN' },
      G15: { type: 'group_left', channel: 'G15', actor_id: 'UADMIN' },
      C16: { type: 'member_left_channel', user: 'UBOT', channel: 'C16', channel_type: 'C', team: 'T1' },
    };
    await schedule(rig, ...Object.keys(lost), 'C17');
    await sendEvent(rig, { type: 'member_left_channel', user: 'UALICE', channel: 'C17', channel_type: 'C', team: 'T1' });
    for (const event of Object.values(lost)) await sendEvent(rig, event);
    await rig.until(() => Object.keys(lost).every((c) => suspended(rig!, c) === true));
    expect(suspended(rig, 'C17')).toBe(false);
  });

  it('suspends every schedule of a workspace that uninstalls the app, or revokes its bot token, and no other', async () => {
    rig = await startRig();
    await schedule(rig, 'C1', 'C2');
    expect(await command(rig, 'schedule 09:00 UTC', { user: 'UOTHER', team: 'T2', channel: 'C9' })).toMatch(/Scheduled/);

    await sendEvent(rig, { type: 'tokens_revoked', tokens: { oauth: ['UALICE'] } });
    await sendEvent(rig, { type: 'app_uninstalled' });
    await rig.until(() => suspended(rig!, 'C1') === true && suspended(rig!, 'C2') === true);
    expect(suspended(rig, 'C9', 'T2')).toBe(false);
    expect(rig.logs('warn')).toContain("prepbot was uninstalled from a Slack workspace; the workspace's daily posts are suspended");

    await sendEvent(rig, { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, 'T2');
    await rig.until(() => suspended(rig!, 'C9', 'T2') === true);
  });

  it('suspends a channel that a post finds gone (channel_not_found), keeping the round', async () => {
    rig = await startRig();
    await schedule(rig, 'C1');
    rig.api.failNext('chat.postMessage', { error: 'channel_not_found' }, { channel: 'C1' });
    const outcome = await rig.app.bot.rounds.postDaily(channelKey('C1'));
    expect(outcome).toMatchObject({ status: 'posted', delivered: false, error: { code: 'channel_gone' } });
    expect(suspended(rig, 'C1')).toBe(true);
    expect(rig.app.store.rounds.latestRound(channelKey('C1'))).toMatchObject({ status: 'open', delivery: 'pending' });
    await rig.until(() => dmsTo(rig!, 'UROOT').some((t) => t.includes('suspended')));
  });
});
