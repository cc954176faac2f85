/** A user, a Discord role or a Slack user group. */
export type AdminKind = 'user' | 'role' | 'group';

/**
 * Someone given admin rights in one server/workspace with `admins add`. `subject` is platform-qualified:
 * `discord:123`, `slack:T1:U1`, `console:alice` (users), `discord-role:456`, `slack-group:S123`
 * (groups): the same strings as `Actor.id` and `Actor.groups`, so a check is a lookup.
 */
export interface AdminEntry {
  scopeId: string;
  subject: string;
  kind: AdminKind;
  addedBy: string;
  addedAt: number;
}

/** One recorded admin action: who did what, when, where. */
export interface AdminAction {
  id: number;
  scopeId: string;
  channelId: string;
  actorId: string;
  actorName: string;
  /** The verb, e.g. `schedule`, `settings`, `admins`, `resolve`. */
  action: string;
  detail: string;
  at: number;
}

export type NewAdminAction = Omit<AdminAction, 'id'>;

/**
 * Admins named with `admins add` (beyond the platform's own admins and ADMIN_USER_IDS), and the
 * admin log. Per server or workspace, because a bot in many teams must not let one team's admin
 * act in another's; the log answers "who changed the schedule?" without reading the bot's logs.
 */
export interface AdminStore {
  /** False when the subject is already an admin of the scope. */
  addAdmin(entry: AdminEntry): boolean;
  /** False when the subject was not an admin of the scope. */
  removeAdmin(scopeId: string, subject: string): boolean;
  listAdmins(scopeId: string): AdminEntry[];
  /** Whether any of these subjects (a user id and its groups) was made admin of the scope. */
  isListedAdmin(scopeId: string, subjects: readonly string[]): boolean;
  recordAction(action: NewAdminAction): void;
  /** The scope's latest actions, newest first. */
  recentActions(scopeId: string, limit: number): AdminAction[];
  /** Who last did `action` in a channel (a platform-qualified user id), or null. */
  lastActor(scopeId: string, channelId: string, action: string): string | null;
}
