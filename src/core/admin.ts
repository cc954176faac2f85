import type { Actor, Place } from './model.js';
import type { CoreOptions } from './context.js';

/**
 * Whether the actor may use admin verbs here: every console user; the ids in ADMIN_USER_IDS; users
 * the platform itself calls admins (Manage Server on Discord, workspace admins and owners on Slack).
 */
export async function isAdmin(actor: Actor, place: Place, options: CoreOptions): Promise<boolean> {
  if (place.platform === 'console') return true;
  if (options.adminUserIds.includes(actor.platformId)) return true;
  if (actor.isPlatformAdmin) return actor.isPlatformAdmin();
  return false;
}
