import type { AdminAction, AdminEntry, AdminKind, AdminStore, NewAdminAction } from '../core/stores/admin-store.js';
import type { Statements } from './statements.js';

interface AdminRow {
  scope_id: string;
  subject: string;
  kind: AdminKind;
  added_by: string;
  added_at: number;
}

interface ActionRow {
  id: number;
  scope_id: string;
  channel_id: string;
  actor_id: string;
  actor_name: string;
  action: string;
  detail: string;
  at: number;
}

const toEntry = (r: AdminRow): AdminEntry => ({ scopeId: r.scope_id, subject: r.subject, kind: r.kind, addedBy: r.added_by, addedAt: r.added_at });

const toAction = (r: ActionRow): AdminAction => ({
  id: r.id,
  scopeId: r.scope_id,
  channelId: r.channel_id,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  detail: r.detail,
  at: r.at,
});

/** Admins added per server/workspace (users, roles, user groups), and the log of admin actions. */
export class AdminsRepo implements AdminStore {
  constructor(private readonly s: Statements) {}

  addAdmin(e: AdminEntry): boolean {
    return (
      this.s.run(
        'INSERT INTO admins (scope_id, subject, kind, added_by, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        e.scopeId, e.subject, e.kind, e.addedBy, e.addedAt,
      ).changes === 1
    );
  }

  removeAdmin(scopeId: string, subject: string): boolean {
    return this.s.run('DELETE FROM admins WHERE scope_id = ? AND subject = ?', scopeId, subject).changes === 1;
  }

  listAdmins(scopeId: string): AdminEntry[] {
    return this.s.all<AdminRow>('SELECT * FROM admins WHERE scope_id = ? ORDER BY kind DESC, added_at, subject', scopeId).map(toEntry);
  }

  isListedAdmin(scopeId: string, subjects: readonly string[]): boolean {
    if (subjects.length === 0) return false;
    // One statement per list length keeps the statement cache small (a member has a handful of roles).
    const marks = subjects.map(() => '?').join(', ');
    return !!this.s.one(`SELECT 1 FROM admins WHERE scope_id = ? AND subject IN (${marks}) LIMIT 1`, scopeId, ...subjects);
  }

  recordAction(a: NewAdminAction): void {
    this.s.run(
      'INSERT INTO admin_actions (scope_id, channel_id, actor_id, actor_name, action, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      a.scopeId, a.channelId, a.actorId, a.actorName, a.action, a.detail.slice(0, 500), a.at,
    );
  }

  recentActions(scopeId: string, limit: number): AdminAction[] {
    return this.s.all<ActionRow>('SELECT * FROM admin_actions WHERE scope_id = ? ORDER BY at DESC, id DESC LIMIT ?', scopeId, limit).map(toAction);
  }

  lastActor(scopeId: string, channelId: string, action: string): string | null {
    return (
      this.s.one<{ actor_id: string }>(
        'SELECT actor_id FROM admin_actions WHERE scope_id = ? AND channel_id = ? AND action = ? ORDER BY at DESC, id DESC LIMIT 1',
        scopeId, channelId, action,
      )?.actor_id ?? null
    );
  }
}
