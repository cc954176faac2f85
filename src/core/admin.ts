import type { CoreOptions } from './context.js';
import type { Actor, Place } from './model.js';
import type { Stores } from './stores/index.js';

/**
 * Whether the actor may use admin verbs here: every console user; the ids in ADMIN_USER_IDS; users,
 * roles and user groups added with `admins add` in this server/workspace (a team lead rarely has
 * workspace-wide rights); users the platform itself calls admins (Manage Server on Discord,
 * workspace admins and owners on Slack). The database is asked before the platform, which costs a
 * network call.
 */
export async function isAdmin(actor: Actor, place: Place, d: { options: CoreOptions; store: Pick<Stores, 'admins'> }): Promise<boolean> {
  if (place.platform === 'console') return true;
  if (d.options.adminUserIds.includes(actor.platformId)) return true;
  if (d.store.admins.isListedAdmin(place.scopeId, [actor.id, ...(actor.groups ?? [])])) return true;
  if (actor.isPlatformAdmin) return actor.isPlatformAdmin();
  return false;
}
