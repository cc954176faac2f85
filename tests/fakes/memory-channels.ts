import type { ChannelSettings, Place, UserRecord } from '../../src/core/model.js';
import type { ChannelPatch, ChannelStore } from '../../src/core/stores/channel-store.js';

/** The ChannelStore in memory: the same contract as the SQLite one (tests/contracts). */
export class MemoryChannels implements ChannelStore {
  private readonly channels = new Map<string, ChannelSettings>();
  private readonly users = new Map<string, UserRecord>();

  getChannel(channelId: string): ChannelSettings | null {
    const c = this.channels.get(channelId);
    return c ? { ...c, packs: [...c.packs] } : null;
  }

  ensureChannel(place: Place, defaults: { timezone: string }): ChannelSettings {
    if (!this.channels.has(place.channelId)) {
      this.channels.set(place.channelId, {
        channelId: place.channelId,
        scopeId: place.scopeId,
        platform: place.platform,
        timezone: defaults.timezone,
        postTime: null,
        days: 'weekdays',
        paused: false,
        suspended: false,
        packs: [],
        roundHours: null,
        pingRole: null,
        cycle: 1,
        scheduleSetAt: null,
        followUps: true,
      });
    }
    return this.getChannel(place.channelId)!;
  }

  updateChannel(channelId: string, patch: ChannelPatch): ChannelSettings {
    const current = this.channels.get(channelId);
    if (!current) throw new Error(`unknown channel ${channelId}`);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.channels.set(channelId, { ...current, ...defined });
    return this.getChannel(channelId)!;
  }

  listChannels(filter?: { scheduled?: boolean }): ChannelSettings[] {
    return [...this.channels.keys()]
      .sort()
      .map((id) => this.getChannel(id)!)
      .filter((c) => !filter?.scheduled || c.postTime !== null);
  }

  upsertUser(id: string, name: string): void {
    const known = this.users.get(id);
    this.users.set(id, { id, name, privacy: known?.privacy ?? false, showcase: known?.showcase ?? false });
  }

  getUser(id: string): UserRecord | null {
    const u = this.users.get(id);
    return u ? { ...u } : null;
  }

  setPrivacy(id: string, on: boolean): void {
    const u = this.users.get(id);
    if (u) u.privacy = on;
  }

  setShowcase(id: string, on: boolean): void {
    const u = this.users.get(id);
    if (u) u.showcase = on;
  }
}
