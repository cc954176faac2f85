/** An interaction token lasts 15 minutes; stop using it a little before. */
const INTERACTION_LIFETIME_MS = 14 * 60_000 + 30_000;
/**
 * A recent interaction the core may answer later (the grade of an answer edits the reply of the
 * interaction that submitted it). Everything sent through one route runs in order, so a grade
 * never overtakes the acknowledgement it replaces.
 */
class InteractionRoute {
    key;
    interaction;
    createdAt;
    chain = Promise.resolve();
    constructor(key, interaction, createdAt) {
        this.key = key;
        this.interaction = interaction;
        this.createdAt = createdAt;
    }
    /** Runs `task` after everything queued on this route before it. */
    run(task) {
        const result = this.chain.then(task);
        this.chain = result.then(() => undefined, () => undefined);
        return result;
    }
}
/**
 * The adapter's `replyRoute` handles: keys (stored with answers) to recent interactions, kept in
 * memory for an interaction token's lifetime. After a restart or 15 minutes a key finds nothing
 * and the caller falls back to a DM.
 */
export class ReplyRoutes {
    now;
    lifetimeMs;
    routes = new Map();
    constructor(now = Date.now, lifetimeMs = INTERACTION_LIFETIME_MS) {
        this.now = now;
        this.lifetimeMs = lifetimeMs;
    }
    /** Registers an interaction and returns its route. */
    add(interaction) {
        this.prune();
        const key = `discord-ix:${interaction.id}`;
        const route = new InteractionRoute(key, interaction, this.now());
        this.routes.set(key, route);
        return route;
    }
    /** The live route of a key, or null when unknown or expired. */
    get(key) {
        if (!key)
            return null;
        const route = this.routes.get(key);
        if (!route)
            return null;
        if (this.now() - route.createdAt > this.lifetimeMs) {
            this.routes.delete(key);
            return null;
        }
        return route;
    }
    get size() {
        return this.routes.size;
    }
    clear() {
        this.routes.clear();
    }
    prune() {
        const cutoff = this.now() - this.lifetimeMs;
        for (const [key, route] of this.routes) {
            if (route.createdAt >= cutoff)
                break; // insertion order is age order
            this.routes.delete(key);
        }
    }
}
