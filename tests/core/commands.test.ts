import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/registry.js';
import { harness, PLACE, textOf } from '../fakes/harness.js';

describe('commands', () => {
  it('suggest the closest verb for a typo', async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'leaderbord'))).toMatch(/"leaderbord" is not a command. Did you mean leaderboard\?/);
    expect(textOf(await h.cmd('ann', 'xyzzy'))).toMatch(/not a command. Use help/);
  });

  it('list every verb in help, marking admin ones', async () => {
    const h = harness();
    const help = textOf(await h.cmd('ann', 'help'));
    for (const c of COMMANDS) expect(help).toContain(c.usage);
    expect(help.indexOf('For admins:')).toBeLessThan(help.indexOf('daily:'));
    expect(help.indexOf('For admins:')).toBeGreaterThan(help.indexOf('stats:'));
  });

  it('list topics and packs with counts', async () => {
    const h = harness();
    const topics = textOf(await h.cmd('ann', 'topics'));
    expect(topics).toMatch(/test-pack: 3 questions/);
    expect(topics).toMatch(/topic-a: 2 questions/);
  });

  it('schedule a channel in a zone and show the next post in that zone', async () => {
    const h = harness({ start: '2026-11-27T10:00:00Z' }); // Friday 11:00 in Berlin
    const reply = textOf(await h.cmd('admin', 'schedule 9:00 Europe/Berlin'));
    expect(reply).toMatch(/every weekday at 09:00 Europe\/Berlin. Next post: Mon 30 Nov 09:00 \(Europe\/Berlin\)/);
    expect(h.store.channels.getChannel(PLACE.channelId)).toMatchObject({ postTime: '09:00', timezone: 'Europe/Berlin', days: 'weekdays' });
    expect(textOf(await h.cmd('admin', 'schedule 07:30 daily'))).toMatch(/every day at 07:30 UTC. Next post: Sat 28 Nov 07:30/);
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
    expect(textOf(await h.cmd('ann', 'privacy maybe'))).toMatch(/privacy on or privacy off \(it is off/);
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
