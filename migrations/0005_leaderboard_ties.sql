-- Leaderboards list the top points first and break ties by user id. With only points in the index,
-- SQLite had to read and sort every member tied at the top before taking ten (on a Monday most of
-- a weekly board is tied); with the user id as the last column the index gives the order itself.
DROP INDEX IF EXISTS user_points_rank;
CREATE INDEX user_points_rank ON user_points(scope_id, channel_id, period_key, points DESC, user_id);
