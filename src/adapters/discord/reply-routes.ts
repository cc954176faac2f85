import type { RepliableInteraction } from 'discord.js';

/** An interaction token lasts 15 minutes; stop using it a little before. */
const INTERACTION_LIFETIME_MS = 14 * 60_000 + 30_000;

/**
 * A recent interaction the core may answer later (the grade of an answer edits the reply of the
 * interaction that submitted it). Everything sent through one route runs in order, so a grade
 * never overtakes the acknowledgement it replaces.
 */
class InteractionRoute {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly key: string,
    readonly interaction: RepliableInteraction,
    readonly createdAt: number,
  ) {}

  /** Runs `task` after everything queued on this route before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * The adapter's `replyRoute` handles: keys (stored with answers) to recent interactions, kept in
 * memory for an interaction token's lifetime. After a restart or 15 minutes a key finds nothing
 * and the caller falls back to a DM.
 */
export class ReplyRoutes {
  private readonly routes = new Map<string, InteractionRoute>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = INTERACTION_LIFETIME_MS,
  ) {}

  /** Registers an interaction and returns its route. */
  add(interaction: RepliableInteraction): InteractionRoute {
    this.prune();
    const key = `discord-ix:${interaction.id}`;
    const route = new InteractionRoute(key, interaction, this.now());
    this.routes.set(key, route);
    return route;
  }

  /** The live route of a key, or null when unknown or expired. */
  get(key: string | null | undefined): InteractionRoute | null {
    if (!key) return null;
    const route = this.routes.get(key);
    if (!route) return null;
    if (this.now() - route.createdAt > this.lifetimeMs) {
      this.routes.delete(key);
      return null;
    }
    return route;
  }

  get size(): number {
    return this.routes.size;
  }

  clear(): void {
    this.routes.clear();
  }

  private prune(): void {
    const cutoff = this.now() - this.lifetimeMs;
    for (const [key, route] of this.routes) {
      if (route.createdAt >= cutoff) break; // insertion order is age order
      this.routes.delete(key);
    }
  }
}
