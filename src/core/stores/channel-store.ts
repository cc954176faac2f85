import type { ChannelSettings, Place, UserRecord } from '../model.js';

/** What an admin may change on a channel: everything but its identity. */
export type ChannelPatch = Partial<Omit<ChannelSettings, 'channelId' | 'scopeId' | 'platform'>>;

/**
 * Channels and the members seen in them. Every interaction starts here: the channel is created
 * with defaults the first time it is seen, and the member's display name is kept current, so
 * leaderboards and summaries can name people without asking the platform.
 */
export interface ChannelStore {
  getChannel(channelId: string): ChannelSettings | null;
  /** The channel's settings, created with `defaults` the first time the channel is seen. */
  ensureChannel(place: Place, defaults: { timezone: string }): ChannelSettings;
  updateChannel(channelId: string, patch: ChannelPatch): ChannelSettings;
  listChannels(filter?: { scheduled?: boolean }): ChannelSettings[];

  /** Records the member, or their new name; no write when nothing changed. */
  upsertUser(id: string, name: string): void;
  getUser(id: string): UserRecord | null;
  setPrivacy(id: string, on: boolean): void;
  setShowcase(id: string, on: boolean): void;
}
