-- Add to Slack: one row per workspace that installed prepbot through OAuth.
-- `sealed` is the whole install (bot token included) encrypted with AES-256-GCM under PREPBOT_SECRET_KEY;
-- no token is ever written in clear. An uninstall (app_uninstalled, tokens_revoked) sets it to NULL and
-- keeps the row, with the channels whose schedules it suspended (a JSON array), resumed on reinstall.
CREATE TABLE slack_installations (
  key           TEXT PRIMARY KEY,                -- slack:<team id>
  sealed        TEXT,                            -- v1.<iv>.<tag>.<ciphertext>; NULL once uninstalled
  suspended     TEXT NOT NULL DEFAULT '[]',      -- channel ids the last uninstall suspended
  installed_at  INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  removed_at    INTEGER
);
