import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/registry.js';
import { harness, PLACE, textOf } from '../fakes/harness.js';

describe('commands', () => {
  it('suggest the closest verb for a typo', async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'leaderbord'))).toMatch(/"leaderbord" is not a command. Did you mean \/prep leaderboard\? Use \/prep help to see them all\./);
    expect(textOf(await h.cmd('ann', 'xyzzy'))).toMatch(/not a command. Use \/prep help/);
  });

  it('list every verb in help, marking admin ones', async () => {
    const h = harness();
    const help = textOf(await h.cmd('ann', 'help'));
    for (const c of COMMANDS) expect(help).toContain(`/prep ${c.admin ? 'admin ' : ''}${c.usage}:`);
    expect(help.indexOf('For admins:')).toBeLessThan(help.indexOf('daily:'));
    expect(help.indexOf('For admins:')).toBeGreaterThan(help.indexOf('stats:'));
  });

  it('list topics and packs with counts', async () => {
    const h = harness();
    const topics = textOf(await h.cmd('ann', 'topics'));
    expect(topics).toBe(
      [
        'Packs and their topics (questions in brackets):',
        '  test-pack (3 questions): topic-a (2), topic-b (1)',
        'Practise a topic with /prep quiz <topic>, or a whole pack with /prep quiz <pack>.',
      ].join('\n'),
    );
  });

  it('schedule a channel in a zone and show the next post in that zone', async () => {
    const h = harness({ start: '2026-11-27T10:00:00Z' }); // Friday 11:00 in Berlin
    const reply = textOf(await h.cmd('admin', 'schedule 9:00 Europe/Berlin'));
    expect(reply).toMatch(/every weekday at 09:00 Europe\/Berlin. Next post: Mon 30 Nov 09:00 \(Europe\/Berlin\)/);
    expect(h.store.channels.getChannel(PLACE.channelId)).toMatchObject({ postTime: '09:00', timezone: 'Europe/Berlin', days: 'weekdays' });
    expect(textOf(await h.cmd('admin', 'schedule 07:30 daily'))).toMatch(/every day at 07:30 UTC. Next post: Sat 28 Nov 07:30/);
  });

  it('name the next post that will come when today is already posted: after daily at 08:00, schedule 09:00 posts tomorrow', async () => {
    const h = harness({ start: '2026-11-24T07:00:00Z' }); // Tuesday 08:00 in Berlin
    expect(textOf(await h.cmd('admin', 'daily'))).toMatch(/Posted today's question/);
    const reply = textOf(await h.cmd('admin', 'schedule 09:00 Europe/Berlin'));
    expect(reply).toMatch(/every weekday at 09:00 Europe\/Berlin. Next post: Wed 25 Nov 09:00 \(Europe\/Berlin\)/);
    expect(textOf(await h.cmd('admin', 'settings'))).toMatch(/Next post: Wed 25 Nov 09:00 \(Europe\/Berlin\)/);
    // Without a round today, the same schedule posts today.
    const fresh = harness({ start: '2026-11-24T07:00:00Z' });
    expect(textOf(await fresh.cmd('admin', 'schedule 09:00 Europe/Berlin'))).toMatch(/Next post: Tue 24 Nov 09:00 \(Europe\/Berlin\)/);
  });

  it('refuse bad times and zones, changing nothing', async () => {
    const h = harness();
    expect(textOf(await h.cmd('admin', 'schedule'))).toMatch(/Say when to post/);
    expect(textOf(await h.cmd('admin', 'schedule 25:00'))).toMatch(/"25:00" is not a time/);
    expect(textOf(await h.cmd('admin', 'schedule 09:00 Mars/Olympus'))).toMatch(/"Mars\/Olympus" is not an IANA time zone/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.postTime).toBeNull();
  });

  it('unschedule keeps the history', async () => {
    const h = harness();
    await h.cmd('admin', 'schedule 09:00');
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'x [score 7]');
    expect(textOf(await h.cmd('admin', 'unschedule'))).toMatch(/stopped/);
    expect(h.store.channels.getChannel(PLACE.channelId)?.postTime).toBeNull();
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')?.points).toBe(7);
    expect(textOf(await h.cmd('admin', 'unschedule'))).toMatch(/no daily post/);
  });

  it('toggle privacy and explain its use', async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'privacy maybe'))).toMatch(/Use \/prep privacy on or \/prep privacy off \(it is off/);
    expect(textOf(await h.cmd('ann', 'privacy on'))).toMatch(/anonymous/);
    expect(h.store.channels.getUser('discord:ann')?.privacy).toBe(true);
  });

  it('answer politely and log the detail when something breaks inside', async () => {
    const h = harness();
    h.store.close();
    const reply = textOf(await h.cmd('ann', 'stats'));
    expect(reply).toMatch(/^Something went wrong on my side/);
    expect(reply).not.toMatch(/at |Error/);
    expect(h.logger.entries.some((e) => e.level === 'error')).toBe(true);
  });
});
