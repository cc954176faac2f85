import type { DeliveryStore } from '../core/stores/delivery-store.js';
import type { Statements } from './statements.js';

/** Expired deliveries are deleted every this many claims, so the table stays as small as a day of traffic. */
const PRUNE_EVERY = 256;

/**
 * Records a delivery with the answer it stored, inside the answer's transaction. An expired record
 * of the same id is replaced (a platform does not repeat a delivery that old).
 */
export function recordDelivery(s: Statements, id: string, answerId: number | null, at: number, expiresAt: number): boolean {
  return (
    s.run(
      `INSERT INTO deliveries (id, answer_id, at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET answer_id = excluded.answer_id, at = excluded.at, expires_at = excluded.expires_at
       WHERE deliveries.expires_at <= excluded.at`,
      id, answerId, at, expiresAt,
    ).changes === 1
  );
}

/** The answer a remembered delivery stored, or null. */
export function answerOfDelivery(s: Statements, id: string, now: number): number | null {
  return s.one<{ answer_id: number | null }>('SELECT answer_id FROM deliveries WHERE id = ? AND expires_at > ?', id, now)?.answer_id ?? null;
}

/** Deliveries platforms may repeat, remembered until they expire. */
export class DeliveriesRepo implements DeliveryStore {
  private claims = 0;

  constructor(private readonly s: Statements) {}

  claimDelivery(id: string, at: number, expiresAt: number): boolean {
    this.claims += 1;
    if (this.claims % PRUNE_EVERY === 0) this.s.run('DELETE FROM deliveries WHERE expires_at <= ?', at);
    return recordDelivery(this.s, id, null, at, expiresAt);
  }

  answerOfDelivery(id: string, now: number): number | null {
    return answerOfDelivery(this.s, id, now);
  }
}
