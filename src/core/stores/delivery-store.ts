/**
 * Deliveries a platform may send again: the same Slack trigger, view submission or event (an HTTP
 * retry, a replay), the same Discord interaction. Each is remembered in the database for a while
 * (`expiresAt`), not in the process, so a repeat is recognised after a restart and by a second
 * process on the same database. An answer records its delivery in the transaction that stores it
 * (see `NewAnswer.delivery`), which makes an answer idempotent on its delivery id; other
 * deliveries (commands, button presses) are claimed before they are handled.
 */
export interface DeliveryStore {
  /** Records a delivery until `expiresAt`; false when it is recorded already (a repeat). */
  claimDelivery(id: string, at: number, expiresAt: number): boolean;
  /** The answer an earlier delivery with this id stored, while it is remembered; null otherwise. */
  answerOfDelivery(id: string, now: number): number | null;
}
