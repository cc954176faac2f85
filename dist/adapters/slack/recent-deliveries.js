/**
 * Remembers which Slack deliveries (by trigger_id or event_id) were already handled, for a while,
 * so a delivery Slack repeats is recognised even when it does not carry `x-slack-retry-num`.
 */
export class RecentDeliveries {
    ttlMs;
    max;
    now;
    seen = new Map();
    constructor(ttlMs = 15 * 60_000, max = 10_000, now = Date.now) {
        this.ttlMs = ttlMs;
        this.max = max;
        this.now = now;
    }
    /** True when `key` was seen within the window; records it either way. A missing key is never a repeat. */
    repeat(key) {
        if (!key)
            return false;
        const t = this.now();
        const at = this.seen.get(key);
        if (at !== undefined && t - at < this.ttlMs)
            return true;
        this.seen.set(key, t);
        if (this.seen.size > this.max) {
            for (const [k, v] of this.seen) {
                if (t - v >= this.ttlMs || this.seen.size > this.max)
                    this.seen.delete(k);
                else
                    break;
            }
        }
        return false;
    }
}
