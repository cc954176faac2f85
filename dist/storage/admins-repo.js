const toEntry = (r) => ({ scopeId: r.scope_id, subject: r.subject, kind: r.kind, addedBy: r.added_by, addedAt: r.added_at });
const toAction = (r) => ({
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
export class AdminsRepo {
    s;
    constructor(s) {
        this.s = s;
    }
    addAdmin(e) {
        return (this.s.run('INSERT INTO admins (scope_id, subject, kind, added_by, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', e.scopeId, e.subject, e.kind, e.addedBy, e.addedAt).changes === 1);
    }
    removeAdmin(scopeId, subject) {
        return this.s.run('DELETE FROM admins WHERE scope_id = ? AND subject = ?', scopeId, subject).changes === 1;
    }
    listAdmins(scopeId) {
        return this.s.all('SELECT * FROM admins WHERE scope_id = ? ORDER BY kind DESC, added_at, subject', scopeId).map(toEntry);
    }
    isListedAdmin(scopeId, subjects) {
        if (subjects.length === 0)
            return false;
        // One statement per list length keeps the statement cache small (a member has a handful of roles).
        const marks = subjects.map(() => '?').join(', ');
        return !!this.s.one(`SELECT 1 FROM admins WHERE scope_id = ? AND subject IN (${marks}) LIMIT 1`, scopeId, ...subjects);
    }
    recordAction(a) {
        this.s.run('INSERT INTO admin_actions (scope_id, channel_id, actor_id, actor_name, action, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', a.scopeId, a.channelId, a.actorId, a.actorName, a.action, a.detail.slice(0, 500), a.at);
    }
    recentActions(scopeId, limit) {
        return this.s.all('SELECT * FROM admin_actions WHERE scope_id = ? ORDER BY at DESC, id DESC LIMIT ?', scopeId, limit).map(toAction);
    }
}
