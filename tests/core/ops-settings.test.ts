import { describe, expect, it } from 'vitest';
import { bank, question } from '../fakes/questions.js';
import { harness, PLACE, textOf } from '../fakes/harness.js';

const packs = () => bank([question('a1', { pack: 'alpha' }), question('a2', { pack: 'alpha' }), question('b1', { pack: 'beta' })]);

describe('settings', () => {
  it('show the schedule with the next post in the channel zone, packs, round length, ping role and recent actions', async () => {
    const h = harness({ start: '2026-11-27T10:00:00Z', content: packs() }); // Friday 11:00 in Berlin
    await h.cmd('admin', 'schedule 09:00 Europe/Berlin');
    const shown = textOf(await h.cmd('admin', 'settings'));
    expect(shown).toMatch(/Schedule: every weekday at 09:00 Europe\/Berlin/);
    expect(shown).toMatch(/Next post: Mon 30 Nov 09:00 \(Europe\/Berlin\)/);
    expect(shown).toMatch(/Packs: all \(3 questions\)/);
    expect(shown).toMatch(/Questions left this cycle: 3 of 3 \(cycle 1\)/);
    expect(shown).toMatch(/Round length: 24 hours \(the default, REVEAL_AFTER_HOURS\)/);
    expect(shown).toMatch(/Ping role: none/);
    expect(shown).toMatch(/Recent admin actions \(Europe\/Berlin\):\n  Fri 27 Nov 11:00 admin: schedule 09:00 Europe\/Berlin weekdays/);
  });

  it('set packs, checked against the content, and all resets them', async () => {
    const h = harness({ content: packs() });
    expect(textOf(await h.cmd('admin', 'settings packs beta'))).toMatch(/now asks questions of beta \(1 question\)/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.packs).toEqual(['beta']);
    expect(textOf(await h.cmd('admin', 'settings packs beta,gamma'))).toMatch(/"gamma" is not a pack. Packs: alpha, beta/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.packs).toEqual(['beta']);
    await h.cmd('admin', 'settings packs alpha, beta');
    expect(h.store.channels.getChannel(PLACE.channelId)?.packs).toEqual(['alpha', 'beta']);
    await h.cmd('admin', 'settings packs all');
    expect(h.store.channels.getChannel(PLACE.channelId)?.packs).toEqual([]);
  });

  it('set the round length from 1 to 168 hours, used by the next round', async () => {
    const h = harness();
    for (const bad of ['0', '169', '1.5', 'soon', '']) {
      expect(textOf(await h.cmd('admin', `settings round-hours ${bad}`))).toMatch(/is not a round length. Use a whole number of hours from 1 to 168/);
    }
    expect(h.store.channels.getChannel(PLACE.channelId)?.roundHours).toBeNull();
    expect(textOf(await h.cmd('admin', 'settings round-hours 12'))).toMatch(/now last 12 hours/);
    await h.cmd('admin', 'daily');
    const round = h.store.rounds.getOpenRound(PLACE.channelId)!;
    expect(round.closesAt - round.postedAt).toBe(12 * 3_600_000);
    await h.cmd('admin', 'settings round-hours default');
    expect(h.store.channels.getChannel(PLACE.channelId)?.roundHours).toBeNull();
  });

  it('set an opt-in ping role, the only mention a daily post may carry, and never a user or everyone', async () => {
    const h = harness();
    expect(textOf(await h.cmd('admin', 'settings ping-role <@1001>'))).toMatch(/never a single user/);
    expect(textOf(await h.cmd('admin', 'settings ping-role @everyone'))).toMatch(/cannot be named/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.pingRole).toBeNull();
    expect(textOf(await h.cmd('admin', 'settings ping-role <@&888>'))).toMatch(/now mentions role 888/);
    await h.cmd('admin', 'daily');
    expect(h.chat.of('question')[0]!.reply.pingRole).toBe('discord-role:888');
    expect(textOf(await h.cmd('admin', 'settings'))).toMatch(/Ping role: role 888, mentioned on each daily post/);
    await h.cmd('admin', 'settings ping-role none');
    expect(h.store.channels.getChannel(PLACE.channelId)?.pingRole).toBeNull();
  });

  it('set the schedule with the schedule command parsing, and off stops it', async () => {
    const h = harness({ start: '2026-11-27T10:00:00Z' });
    expect(textOf(await h.cmd('admin', 'settings schedule 07:30 Asia/Kolkata daily'))).toMatch(/every day at 07:30 Asia\/Kolkata. Next post: Sat 28 Nov 07:30 \(Asia\/Kolkata\)/);
    expect(textOf(await h.cmd('admin', 'settings schedule 7pm'))).toMatch(/"7pm" is not a time/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.postTime).toBe('07:30');
    await h.cmd('admin', 'settings schedule off');
    expect(h.store.channels.getChannel(PLACE.channelId)?.postTime).toBeNull();
  });

  it('name the settings when the key is unknown, and stay admin-only', async () => {
    const h = harness();
    expect(textOf(await h.cmd('admin', 'settings colour blue'))).toMatch(/"colour" is not a setting. Settings: packs, round-hours, ping-role, follow-ups, schedule/);
    expect(textOf(await h.cmd('ann', 'settings packs all'))).toMatch(/Only admins/);
    expect(textOf(await h.cmd('ann', 'settings'))).toMatch(/Only admins/);
  });

  it('record each change and list the last five', async () => {
    const h = harness();
    await h.cmd('admin', 'settings round-hours 10');
    await h.cmd('admin', 'settings ping-role role:42');
    await h.cmd('admin', 'settings packs all');
    await h.cmd('admin', 'settings'); // showing is not an action
    await h.cmd('admin', 'settings round-hours 0'); // a refused change is not an action
    expect(h.store.admins.recentActions(PLACE.scopeId, 10).map((a) => `${a.action} ${a.detail}`)).toEqual([
      'settings packs all',
      'settings ping-role discord-role:42',
      'settings round-hours 10',
    ]);
    for (let i = 0; i < 4; i += 1) await h.cmd('admin', `settings round-hours ${i + 1}`);
    const listed = textOf(await h.cmd('admin', 'settings')).split('Recent admin actions')[1]!;
    expect(listed.match(/admin: settings/g)).toHaveLength(5);
    expect(listed).not.toMatch(/round-hours 10/);
  });
});

describe('pause and resume', () => {
  it('stop the daily post keeping the schedule, refuse daily by hand, and restart it', async () => {
    const h = harness({ start: '2026-11-27T10:00:00Z' });
    expect(textOf(await h.cmd('admin', 'pause'))).toMatch(/no daily post to pause/);
    await h.cmd('admin', 'schedule 09:00 Europe/Berlin');
    expect(textOf(await h.cmd('admin', 'pause'))).toMatch(/Paused/);
    expect(h.store.channels.getChannel(PLACE.channelId)).toMatchObject({ paused: true, postTime: '09:00', timezone: 'Europe/Berlin' });
    expect(textOf(await h.cmd('admin', 'settings'))).toMatch(/paused \(\/prep admin resume restarts it\)\n  Next post: none/);
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/paused.*Use \/prep admin resume first/);
    expect(h.chat.of('question')).toHaveLength(0);
    expect(textOf(await h.cmd('admin', 'pause'))).toMatch(/already paused/);
    expect(textOf(await h.cmd('admin', 'resume'))).toMatch(/Resumed.*Next post: Mon 30 Nov 09:00 \(Europe\/Berlin\)/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.paused).toBe(false);
    expect(textOf(await h.cmd('admin', 'resume'))).toMatch(/not paused/);
    expect(h.store.admins.recentActions(PLACE.scopeId, 10).map((a) => a.action)).toEqual(['resume', 'pause', 'schedule']);
  });

  it('are refused to members, changing nothing', async () => {
    const h = harness();
    await h.cmd('admin', 'schedule 09:00');
    expect(textOf(await h.cmd('ann', 'pause'))).toMatch(/Only admins/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.paused).toBe(false);
  });
});
