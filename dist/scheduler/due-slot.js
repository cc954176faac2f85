import { slotOn } from '../core/schedule-time.js';
import { addDays, localDate } from '../core/time.js';
const HOUR = 3_600_000;
/**
 * How late a post may still be made. A tick is rarely exact (a busy event loop, the minute sweep
 * picking up a tick node-cron skipped), so a post up to `ON_TIME_GRACE_MS` late counts as on time
 * even with `CATCH_UP_HOURS=0`.
 */
export const ON_TIME_GRACE_MS = 2 * 60_000;
/**
 * What is due at instant `now` for one channel, with no I/O: the latest slot (today's in the
 * channel's zone, else yesterday's, so a 23:30 post missed by a restart at 00:30 is still made)
 * that has passed, was scheduled before it passed, is at most `catchUpHours` late and whose round
 * would still be open. Whether the round exists already is the caller's question (the store's).
 * Every path that posts on a schedule (node-cron ticks, the minute sweep, catch-up at start) asks
 * this, so they agree, and tests can move a clock instead of waiting for node-cron.
 */
export function dueSlot(channel, now, window) {
    if (!channel.postTime || channel.paused || channel.suspended)
        return null;
    const today = localDate(now, channel.timezone);
    for (const date of [today, addDays(today, -1)]) {
        const at = slotOn(channel, date);
        if (at === null || at > now)
            continue;
        // Scheduled after this slot had passed: the first post is the next slot, not a catch-up.
        if (channel.scheduleSetAt != null && at < channel.scheduleSetAt)
            return null;
        const late = now - at;
        if (late > Math.max(window.catchUpHours * HOUR, ON_TIME_GRACE_MS))
            return null;
        if (late >= window.roundHours * HOUR)
            return null;
        return { channelId: channel.channelId, localDate: date, at };
    }
    return null;
}
