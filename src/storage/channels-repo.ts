import type { ChannelSettings, Place, UserRecord } from '../core/model.js';
import type { ChannelPatch, ChannelStore } from '../core/stores/channel-store.js';
import { toChannel, type ChannelRow } from './rows.js';
import type { Statements } from './statements.js';

const COLUMNS: Record<keyof ChannelPatch, string> = {
  timezone: 'timezone',
  postTime: 'post_time',
  days: 'days',
  paused: 'paused',
  suspended: 'suspended',
  packs: 'packs',
  roundHours: 'round_hours',
  pingRole: 'ping_role',
  cycle: 'cycle',
  scheduleSetAt: 'schedule_set_at',
  followUps: 'follow_ups',
};

/** Channels with their settings, and users. */
export class ChannelsRepo implements ChannelStore {
  constructor(private readonly s: Statements) {}

  getChannel(channelId: string): ChannelSettings | null {
    const row = this.s.one<ChannelRow>('SELECT * FROM channels WHERE id = ?', channelId);
    return row ? toChannel(row) : null;
  }

  /** The channel, created with the defaults on first sight. Reads first: every event calls this, and a known channel needs no write. */
  ensureChannel(place: Place, defaults: { timezone: string }): ChannelSettings {
    const known = this.getChannel(place.channelId);
    if (known) return known;
    this.s.run(
      'INSERT INTO channels (id, scope_id, platform, timezone) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
      place.channelId,
      place.scopeId,
      place.platform,
      defaults.timezone,
    );
    return this.getChannel(place.channelId)!;
  }

  updateChannel(channelId: string, patch: ChannelPatch): ChannelSettings {
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [key, value] of Object.entries(patch) as [keyof ChannelPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${COLUMNS[key]} = ?`);
      values.push(typeof value === 'boolean' ? Number(value) : Array.isArray(value) ? JSON.stringify(value) : value);
    }
    if (sets.length > 0) this.s.run(`UPDATE channels SET ${sets.join(', ')} WHERE id = ?`, ...values, channelId);
    const channel = this.getChannel(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId}`);
    return channel;
  }

  listChannels(filter?: { scheduled?: boolean }): ChannelSettings[] {
    const where = filter?.scheduled ? 'WHERE post_time IS NOT NULL' : '';
    return this.s.all<ChannelRow>(`SELECT * FROM channels ${where} ORDER BY id`).map(toChannel);
  }

  /** Records a member or their new display name. Reads first: every event calls this, and a known name needs no write. */
  upsertUser(id: string, name: string): void {
    recordUser(this.s, id, name);
  }

  getUser(id: string): UserRecord | null {
    const row = this.s.one<{ id: string; name: string; privacy: number; showcase: number }>('SELECT id, name, privacy, showcase FROM users WHERE id = ?', id);
    return row ? { id: row.id, name: row.name, privacy: row.privacy === 1, showcase: row.showcase === 1 } : null;
  }

  setPrivacy(id: string, on: boolean): void {
    this.s.run('UPDATE users SET privacy = ? WHERE id = ?', on ? 1 : 0, id);
  }

  setShowcase(id: string, on: boolean): void {
    this.s.run('UPDATE users SET showcase = ? WHERE id = ?', on ? 1 : 0, id);
  }
}

/** Records a member or their new display name; a known, unchanged name is only read. Runs in the caller's transaction, if any. */
export function recordUser(s: Statements, id: string, name: string): void {
  if (s.one<{ name: string }>('SELECT name FROM users WHERE id = ?', id)?.name === name) return;
  s.run('INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name WHERE name <> excluded.name', id, name);
}
