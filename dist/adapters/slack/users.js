import { slackErrorCode } from './delivery-errors.js';
/**
 * `users.info` with a short cache: admin checks run on every admin verb, and asking Slack each time
 * would spend its rate limit (Tier 4) on the same few people. A lookup that fails is not cached.
 */
export class UserDirectory {
    client;
    logger;
    ttlMs;
    now;
    cache = new Map();
    pending = new Map();
    groups = new Map();
    constructor(client, logger, ttlMs = 5 * 60_000, now = Date.now) {
        this.client = client;
        this.logger = logger;
        this.ttlMs = ttlMs;
        this.now = now;
    }
    /** The member if known and fresh, without calling Slack. */
    cached(userId) {
        const e = this.cache.get(userId);
        return e && this.now() - e.at < this.ttlMs ? e.member : null;
    }
    /** The member, or null when Slack does not know the id (another workspace, deleted). */
    async lookup(userId) {
        const e = this.cache.get(userId);
        if (e && this.now() - e.at < this.ttlMs)
            return e.member;
        const running = this.pending.get(userId);
        if (running)
            return running;
        const p = this.fetch(userId).finally(() => this.pending.delete(userId));
        this.pending.set(userId, p);
        return p;
    }
    /** Whether Slack calls this member a workspace admin or owner; false when Slack cannot say. */
    async isAdmin(userId) {
        try {
            return (await this.lookup(userId))?.isAdmin ?? false;
        }
        catch (err) {
            this.logger.warn({ err, userId }, 'could not check Slack admin rights; treating as a member');
            return false;
        }
    }
    /**
     * The user groups (`slack-group:S...`) a member belongs to, for admins added by user group. One
     * `usergroups.list` per workspace per cache period; a workspace without user groups (free plans)
     * or without the scope simply has none.
     */
    async groupsOf(team, userId) {
        return (await this.groupMap(team)).get(userId) ?? [];
    }
    /**
     * The members of a user group (`slack-group:S...`), from the same cached `usergroups.list`: who
     * to tell when admins were added by user group. Empty when the group or the scope is missing.
     */
    async membersOf(team, group) {
        return [...(await this.groupMap(team))].filter(([, groups]) => groups.includes(group)).map(([user]) => user);
    }
    groupMap(team) {
        let entry = this.groups.get(team);
        if (!entry || this.now() - entry.at >= this.ttlMs) {
            entry = { at: this.now(), byUser: this.fetchGroups(team) };
            this.groups.set(team, entry);
        }
        return entry.byUser;
    }
    async fetchGroups(team) {
        const byUser = new Map();
        try {
            const res = await this.client.usergroups.list({ include_users: true, team_id: team });
            for (const g of res.usergroups ?? []) {
                if (!g.id)
                    continue;
                for (const u of g.users ?? [])
                    byUser.set(u, [...(byUser.get(u) ?? []), `slack-group:${g.id}`]);
            }
        }
        catch (err) {
            this.groups.delete(team);
            this.logger.info({ team, code: slackErrorCode(err) }, 'user groups not available; admins added by user group do not apply');
        }
        return byUser;
    }
    async fetch(userId) {
        let member = null;
        try {
            const res = await this.client.users.info({ user: userId });
            const u = res.user;
            if (u && !u.deleted) {
                member = {
                    id: userId,
                    teamId: u.team_id ?? null,
                    name: u.profile?.real_name || u.real_name || u.name || userId,
                    isAdmin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner),
                };
            }
        }
        catch (err) {
            if (slackErrorCode(err) !== 'user_not_found')
                throw err;
        }
        if (this.cache.size > 5000)
            this.cache.clear();
        this.cache.set(userId, { at: this.now(), member });
        return member;
    }
}
