import type { Logger } from '../../core/ports.js';
import { slackErrorCode } from './delivery-errors.js';
import type { SlackClients } from './workspace-clients.js';

/** What prepbot needs to know about a Slack member. */
export interface SlackMember {
  id: string;
  teamId: string | null;
  name: string;
  /** Workspace admin or owner: the Slack side of "admin" in the contract. */
  isAdmin: boolean;
}

/** `users.list` pages (of 200) read when looking for workspace admins; a huge workspace is not walked whole. */
const MAX_MEMBER_PAGES = 10;

interface Entry {
  at: number;
  member: SlackMember | null;
}

/**
 * `users.info` with a short cache: admin checks run on every admin verb, and asking Slack each time
 * would spend its rate limit (Tier 4) on the same few people. A lookup that fails is not cached.
 * Each question is asked in a workspace, with that workspace's client (its bot token).
 */
export class UserDirectory {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<SlackMember | null>>();
  private readonly groups = new Map<string, { at: number; byUser: Promise<Map<string, string[]>> }>();
  private readonly admins = new Map<string, { at: number; ids: Promise<string[]> }>();

  constructor(
    private readonly clients: SlackClients,
    private readonly logger: Logger,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The member if known and fresh, without calling Slack. */
  cached(team: string, userId: string): SlackMember | null {
    const e = this.cache.get(`${team}:${userId}`);
    return e && this.now() - e.at < this.ttlMs ? e.member : null;
  }

  /** The member as `team`'s client sees it, or null when Slack does not know the id (another workspace, deleted). */
  async lookup(team: string, userId: string): Promise<SlackMember | null> {
    const key = `${team}:${userId}`;
    const e = this.cache.get(key);
    if (e && this.now() - e.at < this.ttlMs) return e.member;
    const running = this.pending.get(key);
    if (running) return running;
    const p = this.fetch(team, userId).finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  /** Whether Slack calls this member a workspace admin or owner; false when Slack cannot say. */
  async isAdmin(team: string, userId: string): Promise<boolean> {
    try {
      return (await this.lookup(team, userId))?.isAdmin ?? false;
    } catch (err) {
      this.logger.warn({ err, userId }, 'could not check Slack admin rights; treating as a member');
      return false;
    }
  }

  /**
   * The user groups (`slack-group:S...`) a member belongs to, for admins added by user group. One
   * `usergroups.list` per workspace per cache period; a workspace without user groups (free plans)
   * or without the scope simply has none.
   */
  async groupsOf(team: string, userId: string): Promise<string[]> {
    return (await this.groupMap(team)).get(userId) ?? [];
  }

  /**
   * The members of a user group (`slack-group:S...`), from the same cached `usergroups.list`: who
   * to tell when admins were added by user group. Empty when the group or the scope is missing.
   */
  async membersOf(team: string, group: string): Promise<string[]> {
    return [...(await this.groupMap(team))].filter(([, groups]) => groups.includes(group)).map(([user]) => user);
  }

  /**
   * The workspace's admins and owners (people, not bots), from `users.list`: the Slack side of
   * "admin", told of what admins should know. Cached like the rest (the list is a Tier 2 call),
   * read a few pages at most; empty when Slack will not list members (missing `users:read`).
   */
  async workspaceAdmins(team: string): Promise<string[]> {
    let entry = this.admins.get(team);
    if (!entry || this.now() - entry.at >= this.ttlMs) {
      entry = { at: this.now(), ids: this.fetchAdmins(team) };
      this.admins.set(team, entry);
    }
    return entry.ids;
  }

  private async fetchAdmins(team: string): Promise<string[]> {
    const ids: string[] = [];
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_MEMBER_PAGES; page += 1) {
        const res = await (await this.clients.forTeam(team)).users.list({ limit: 200, team_id: team, ...(cursor ? { cursor } : {}) });
        for (const u of res.members ?? []) {
          if (!u.id || u.deleted || u.is_bot || !(u.is_admin || u.is_owner || u.is_primary_owner)) continue;
          if (u.team_id && u.team_id !== team) continue;
          ids.push(u.id);
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
    } catch (err) {
      this.admins.delete(team);
      this.logger.info({ team, code: slackErrorCode(err) }, 'could not list the workspace admins; notices reach the other admins only');
    }
    return ids;
  }

  private groupMap(team: string): Promise<Map<string, string[]>> {
    let entry = this.groups.get(team);
    if (!entry || this.now() - entry.at >= this.ttlMs) {
      entry = { at: this.now(), byUser: this.fetchGroups(team) };
      this.groups.set(team, entry);
    }
    return entry.byUser;
  }

  private async fetchGroups(team: string): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    try {
      const res = await (await this.clients.forTeam(team)).usergroups.list({ include_users: true, team_id: team });
      for (const g of res.usergroups ?? []) {
        if (!g.id) continue;
        for (const u of g.users ?? []) byUser.set(u, [...(byUser.get(u) ?? []), `slack-group:${g.id}`]);
      }
    } catch (err) {
      this.groups.delete(team);
      this.logger.info({ team, code: slackErrorCode(err) }, 'user groups not available; admins added by user group do not apply');
    }
    return byUser;
  }

  private async fetch(team: string, userId: string): Promise<SlackMember | null> {
    let member: SlackMember | null = null;
    try {
      const res = await (await this.clients.forTeam(team)).users.info({ user: userId });
      const u = res.user;
      if (u && !u.deleted) {
        member = {
          id: userId,
          teamId: u.team_id ?? null,
          name: u.profile?.real_name || u.real_name || u.name || userId,
          isAdmin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner),
        };
      }
    } catch (err) {
      if (slackErrorCode(err) !== 'user_not_found') throw err;
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(`${team}:${userId}`, { at: this.now(), member });
    return member;
  }
}
