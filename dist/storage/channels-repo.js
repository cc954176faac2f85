import { toChannel } from './rows.js';
const COLUMNS = {
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
};
/** Channels with their settings, and users. */
export class ChannelsRepo {
    s;
    constructor(s) {
        this.s = s;
    }
    getChannel(channelId) {
        const row = this.s.one('SELECT * FROM channels WHERE id = ?', channelId);
        return row ? toChannel(row) : null;
    }
    /** The channel, created with the defaults on first sight. Reads first: every event calls this, and a known channel needs no write. */
    ensureChannel(place, defaults) {
        const known = this.getChannel(place.channelId);
        if (known)
            return known;
        this.s.run('INSERT INTO channels (id, scope_id, platform, timezone) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING', place.channelId, place.scopeId, place.platform, defaults.timezone);
        return this.getChannel(place.channelId);
    }
    updateChannel(channelId, patch) {
        const sets = [];
        const values = [];
        for (const [key, value] of Object.entries(patch)) {
            if (value === undefined)
                continue;
            sets.push(`${COLUMNS[key]} = ?`);
            values.push(typeof value === 'boolean' ? Number(value) : Array.isArray(value) ? JSON.stringify(value) : value);
        }
        if (sets.length > 0)
            this.s.run(`UPDATE channels SET ${sets.join(', ')} WHERE id = ?`, ...values, channelId);
        const channel = this.getChannel(channelId);
        if (!channel)
            throw new Error(`unknown channel ${channelId}`);
        return channel;
    }
    listChannels(filter) {
        const where = filter?.scheduled ? 'WHERE post_time IS NOT NULL' : '';
        return this.s.all(`SELECT * FROM channels ${where} ORDER BY id`).map(toChannel);
    }
    /** Records a member or their new display name. Reads first: every event calls this, and a known name needs no write. */
    upsertUser(id, name) {
        recordUser(this.s, id, name);
    }
    getUser(id) {
        const row = this.s.one('SELECT id, name, privacy FROM users WHERE id = ?', id);
        return row ? { id: row.id, name: row.name, privacy: row.privacy === 1 } : null;
    }
    setPrivacy(id, on) {
        this.s.run('UPDATE users SET privacy = ? WHERE id = ?', on ? 1 : 0, id);
    }
}
/** Records a member or their new display name; a known, unchanged name is only read. Runs in the caller's transaction, if any. */
export function recordUser(s, id, name) {
    if (s.one('SELECT name FROM users WHERE id = ?', id)?.name === name)
        return;
    s.run('INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name WHERE name <> excluded.name', id, name);
}
