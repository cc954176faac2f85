import { describe, expect, it } from 'vitest';
import { harness, OTHER_CHANNEL, OTHER_SCOPE, PLACE, textOf } from '../fakes/harness.js';

describe('a scope lost and regained (an app uninstalled, then installed again)', () => {
  it('suspends the scope\'s channels, names them, and resumes exactly those when the bot is back', async () => {
    const h = harness();
    await h.cmd('admin', 'schedule 09:00');
    await h.cmd('admin', 'schedule 10:00', OTHER_CHANNEL);
    await h.cmd('admin', 'schedule 11:00', OTHER_SCOPE);
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'kept [score 7]');
    // Lost before the workspace went: not the uninstall's to resume.
    expect(await h.bot.channelGone(OTHER_CHANNEL.channelId, 'the channel was archived')).toBe(true);

    const suspended = h.bot.suspendScope(PLACE.scopeId, 'prepbot was uninstalled from the workspace');
    expect(suspended).toEqual([PLACE.channelId]);
    expect(h.store.channels.getChannel(OTHER_SCOPE.channelId)?.suspended).toBe(false);
    expect(textOf(await h.cmd('admin', 'settings'))).toMatch(/suspended: prepbot lost this channel/);

    expect(h.bot.scopeBack(suspended, 'prepbot was installed again')).toBe(1);
    expect(h.store.channels.getChannel(PLACE.channelId)).toMatchObject({ suspended: false, postTime: '09:00' });
    expect(h.store.channels.getChannel(OTHER_CHANNEL.channelId)?.suspended).toBe(true);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')?.points).toBe(7);
    expect(h.store.admins.recentActions(PLACE.scopeId, 20).map((a) => a.action)).toEqual(expect.arrayContaining(['suspend', 'resume']));
    // Resumed already: a second call changes nothing.
    expect(h.bot.scopeBack(suspended, 'prepbot was installed again')).toBe(0);
  });
});
