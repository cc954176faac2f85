/**
 * How long one delivery attempt of a round's post may take before another attempt may start (a send
 * waiting in a rate-limited queue included). A crash mid-send leaves the round pending; it is retried
 * once this has passed.
 */
export const DELIVERY_LEASE_MS = 10 * 60_000;
