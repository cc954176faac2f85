-- Rebuilding one user's leaderboard totals (disputes, skips) deletes their rows by user and scope;
-- without this index that delete scans every row of the scope.
CREATE INDEX IF NOT EXISTS user_points_user ON user_points(user_id, scope_id);
