import type { DepsWith } from './context.js';
import type { Actor, Place } from './model.js';

/** The actor recorded for what the bot does on its own (suspending a channel it lost). */
export const BOT_ACTOR: Pick<Actor, 'id' | 'name'> = { id: 'prepbot', name: 'prepbot' };

/**
 * Records an admin action (who, what, when, where) so `settings` can list it. Every admin verb that
 * changes something calls this once it has changed it; a refused or no-op command records nothing.
 */
export function recordAction(
  d: DepsWith<'admins', 'clock'>,
  who: Pick<Actor, 'id' | 'name'>,
  place: Pick<Place, 'scopeId' | 'channelId'>,
  action: string,
  detail = '',
): void {
  d.store.admins.recordAction({ scopeId: place.scopeId, channelId: place.channelId, actorId: who.id, actorName: who.name, action, detail, at: d.clock.now() });
}
