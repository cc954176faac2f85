import { describe, expect, it } from 'vitest';
import type { DeliveryStore } from '../../src/core/stores/delivery-store.js';

/** What every DeliveryStore does: a delivery is new once while it is remembered. */
export function deliveryStoreContract(name: string, make: () => DeliveryStore): void {
  describe(`DeliveryStore: ${name}`, () => {
    it('recognises a delivery while it is remembered, and forgets it once it expires', () => {
      const s = make();
      expect(s.claimDelivery('slack:T1:command:trigger.1', 1_000, 10_000)).toBe(true);
      expect(s.claimDelivery('slack:T1:command:trigger.1', 9_999, 20_000)).toBe(false);
      expect(s.claimDelivery('slack:T2:command:trigger.1', 2_000, 10_000)).toBe(true);
      expect(s.answerOfDelivery('slack:T1:command:trigger.1', 2_000)).toBeNull();
      expect(s.claimDelivery('slack:T1:command:trigger.1', 10_000, 20_000)).toBe(true);
    });
  });
}
