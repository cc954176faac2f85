import type { AdminAction, AdminEntry, AdminStore, NewAdminAction } from '../../src/core/stores/admin-store.js';

const KIND_ORDER = { user: 0, role: 1, group: 2 } as const;

/** The AdminStore in memory: the same contract as the SQLite one (tests/contracts). */
export class MemoryAdmins implements AdminStore {
  private readonly admins: AdminEntry[] = [];
  private readonly actions: AdminAction[] = [];

  addAdmin(entry: AdminEntry): boolean {
    if (this.admins.some((a) => a.scopeId === entry.scopeId && a.subject === entry.subject)) return false;
    this.admins.push({ ...entry });
    return true;
  }

  removeAdmin(scopeId: string, subject: string): boolean {
    const i = this.admins.findIndex((a) => a.scopeId === scopeId && a.subject === subject);
    if (i < 0) return false;
    this.admins.splice(i, 1);
    return true;
  }

  listAdmins(scopeId: string): AdminEntry[] {
    return this.admins
      .filter((a) => a.scopeId === scopeId)
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.addedAt - b.addedAt || a.subject.localeCompare(b.subject))
      .map((a) => ({ ...a }));
  }

  isListedAdmin(scopeId: string, subjects: readonly string[]): boolean {
    return this.admins.some((a) => a.scopeId === scopeId && subjects.includes(a.subject));
  }

  recordAction(action: NewAdminAction): void {
    this.actions.push({ ...action, id: this.actions.length + 1, detail: action.detail.slice(0, 500) });
  }

  recentActions(scopeId: string, limit: number): AdminAction[] {
    return this.actions
      .filter((a) => a.scopeId === scopeId)
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .slice(0, limit)
      .map((a) => ({ ...a }));
  }

  lastActor(scopeId: string, channelId: string, action: string): string | null {
    const done = this.actions.filter((a) => a.scopeId === scopeId && a.channelId === channelId && a.action === action);
    return done.sort((a, b) => b.at - a.at || b.id - a.id)[0]?.actorId ?? null;
  }
}
