import { describe, expect, it } from 'vitest';
import type { ChannelStore } from '../../src/core/stores/channel-store.js';
import { PLACE } from './fixtures.js';

/** What every ChannelStore does, whatever keeps the data. */
export function channelStoreContract(name: string, make: () => ChannelStore): void {
  describe(`ChannelStore: ${name}`, () => {
    it('creates a channel with defaults the first time it is seen, and returns it unchanged after', () => {
      const s = make();
      expect(s.getChannel(PLACE.channelId)).toBeNull();
      const created = s.ensureChannel(PLACE, { timezone: 'Europe/Berlin' });
      expect(created).toMatchObject({ channelId: PLACE.channelId, scopeId: PLACE.scopeId, platform: 'discord', timezone: 'Europe/Berlin', postTime: null, days: 'weekdays', paused: false, suspended: false, packs: [], roundHours: null, pingRole: null, cycle: 1, followUps: true });
      expect(s.ensureChannel(PLACE, { timezone: 'UTC' }).timezone).toBe('Europe/Berlin');
    });

    it('keeps settings, lists and flags, and lists the scheduled channels', () => {
      const s = make();
      s.ensureChannel(PLACE, { timezone: 'UTC' });
      s.ensureChannel({ ...PLACE, channelId: 'discord:g1:c0' }, { timezone: 'UTC' });
      const updated = s.updateChannel(PLACE.channelId, { postTime: '09:00', timezone: 'Europe/Berlin', packs: ['a', 'b'], paused: true, roundHours: 2.5, followUps: false });
      expect(updated).toMatchObject({ postTime: '09:00', timezone: 'Europe/Berlin', packs: ['a', 'b'], paused: true, roundHours: 2.5, days: 'weekdays', followUps: false });
      expect(s.getChannel(PLACE.channelId)).toEqual(updated);
      expect(s.listChannels({ scheduled: true }).map((c) => c.channelId)).toEqual([PLACE.channelId]);
      expect(s.listChannels().map((c) => c.channelId)).toEqual(['discord:g1:c0', PLACE.channelId]);
    });

    it('refuses to update a channel it does not know', () => {
      expect(() => make().updateChannel('discord:g9:c9', { paused: true })).toThrow(/unknown channel/);
    });

    it('records members, their new names and their privacy, verbatim', () => {
      const s = make();
      s.upsertUser('discord:u1', "O'Brien; -- «внимание» 注意力");
      expect(s.getUser('discord:u1')).toEqual({ id: 'discord:u1', name: "O'Brien; -- «внимание» 注意力", privacy: false, showcase: false });
      s.setPrivacy('discord:u1', true);
      s.upsertUser('discord:u1', 'Ann');
      expect(s.getUser('discord:u1')).toEqual({ id: 'discord:u1', name: 'Ann', privacy: true, showcase: false });
      s.setShowcase('discord:u1', true);
      expect(s.getUser('discord:u1')?.showcase).toBe(true);
      expect(s.getUser('discord:nobody')).toBeNull();
    });
  });
}
