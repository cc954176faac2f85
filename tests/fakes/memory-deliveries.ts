import type { DeliveryStore } from '../../src/core/stores/delivery-store.js';

/** The DeliveryStore in memory: the same contract as the SQLite one (tests/contracts). */
export class MemoryDeliveries implements DeliveryStore {
  private readonly seen = new Map<string, { answerId: number | null; expiresAt: number }>();

  claimDelivery(id: string, at: number, expiresAt: number): boolean {
    const known = this.seen.get(id);
    if (known && known.expiresAt > at) return false;
    this.seen.set(id, { answerId: null, expiresAt });
    return true;
  }

  answerOfDelivery(id: string, now: number): number | null {
    const known = this.seen.get(id);
    return known && known.expiresAt > now ? known.answerId : null;
  }
}
