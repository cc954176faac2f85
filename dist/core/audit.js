/** The actor recorded for what the bot does on its own (suspending a channel it lost). */
export const BOT_ACTOR = { id: 'prepbot', name: 'prepbot' };
/**
 * Records an admin action (who, what, when, where) so `settings` can list it. Every admin verb that
 * changes something calls this once it has changed it; a refused or no-op command records nothing.
 */
export function recordAction(d, who, place, action, detail = '') {
    d.store.admins.recordAction({ scopeId: place.scopeId, channelId: place.channelId, actorId: who.id, actorName: who.name, action, detail, at: d.clock.now() });
}
