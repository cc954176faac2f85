-- When a channel's schedule was last set (epoch ms), so start-up catch-up only makes posts whose slot
-- was already scheduled when it passed: a schedule set at 10:00 for 09:00 first posts tomorrow.
-- NULL (schedules set before this migration) counts as "long ago".
ALTER TABLE channels ADD COLUMN schedule_set_at INTEGER;
