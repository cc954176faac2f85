-- prepbot schema, version 1. Applied once; never edited. Later changes go in new numbered files.

CREATE TABLE users (
  id          TEXT PRIMARY KEY,            -- platform-qualified: discord:123, slack:T1:U1, console:alice
  name        TEXT NOT NULL,
  privacy     INTEGER NOT NULL DEFAULT 0,  -- 1: shown as "anonymous" in leaderboards and summaries
  created_at  INTEGER NOT NULL DEFAULT (unixepoch() * 1000)
);

CREATE TABLE channels (
  id           TEXT PRIMARY KEY,           -- discord:<guild>:<channel>, slack:<team>:<channel>, console:main
  scope_id     TEXT NOT NULL,              -- discord:<guild>, slack:<team>, console
  platform     TEXT NOT NULL CHECK (platform IN ('console', 'discord', 'slack')),
  timezone     TEXT NOT NULL,
  post_time    TEXT,                       -- HH:MM, NULL when not scheduled
  days         TEXT NOT NULL DEFAULT 'weekdays' CHECK (days IN ('daily', 'weekdays')),
  paused       INTEGER NOT NULL DEFAULT 0,
  suspended    INTEGER NOT NULL DEFAULT 0,
  packs        TEXT NOT NULL DEFAULT '[]', -- JSON array of pack names; empty = every pack
  round_hours  REAL,                       -- NULL = REVEAL_AFTER_HOURS
  ping_role    TEXT,
  cycle        INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL DEFAULT (unixepoch() * 1000)
);
CREATE INDEX channels_scope ON channels(scope_id);

CREATE TABLE rounds (
  id           INTEGER PRIMARY KEY,
  channel_id   TEXT NOT NULL REFERENCES channels(id),
  scope_id     TEXT NOT NULL,
  local_date   TEXT NOT NULL,              -- YYYY-MM-DD in the channel's zone
  question_id  TEXT NOT NULL,
  cycle        INTEGER NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'skipped')),
  posted_at    INTEGER NOT NULL,
  closes_at    INTEGER NOT NULL,
  closed_at    INTEGER,
  message_ref  TEXT,
  UNIQUE (channel_id, local_date)
);
CREATE INDEX rounds_open ON rounds(status, closes_at);
CREATE INDEX rounds_channel_cycle ON rounds(channel_id, cycle);

CREATE TABLE practice_prompts (
  id           INTEGER PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id),
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  question_id  TEXT NOT NULL,
  shown_at     INTEGER NOT NULL,
  answered_at  INTEGER,
  hinted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX practice_user ON practice_prompts(user_id, scope_id, shown_at);

CREATE TABLE round_hints (
  round_id     INTEGER NOT NULL REFERENCES rounds(id),
  user_id      TEXT NOT NULL REFERENCES users(id),
  at           INTEGER NOT NULL,
  PRIMARY KEY (round_id, user_id)
);

CREATE TABLE answers (
  id           INTEGER PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id),
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  question_id  TEXT NOT NULL,
  round_id     INTEGER REFERENCES rounds(id),
  practice_id  INTEGER REFERENCES practice_prompts(id),
  kind         TEXT NOT NULL CHECK (kind IN ('daily', 'practice')),
  counts       INTEGER NOT NULL DEFAULT 0, -- 1: the answer of the round that earns points
  hinted       INTEGER NOT NULL DEFAULT 0,
  text         TEXT NOT NULL,
  norm_hash    TEXT NOT NULL,
  reply_route  TEXT,
  local_date   TEXT NOT NULL,
  week_key     TEXT NOT NULL,              -- W2026-48 (ISO week in the channel's zone)
  month_key    TEXT NOT NULL,              -- M2026-11
  created_at   INTEGER NOT NULL
);
-- one scoring answer per user and round, enforced by the database
CREATE UNIQUE INDEX answers_one_scoring ON answers(round_id, user_id) WHERE counts = 1;
CREATE INDEX answers_user_time ON answers(user_id, created_at);
CREATE INDEX answers_round ON answers(round_id);
CREATE INDEX answers_user_scope ON answers(user_id, scope_id);

CREATE TABLE grades (
  answer_id      INTEGER PRIMARY KEY REFERENCES answers(id),
  score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  override_score INTEGER CHECK (override_score BETWEEN 0 AND 10),
  points         INTEGER NOT NULL,
  covered        TEXT NOT NULL,            -- JSON arrays of key point texts
  partly         TEXT NOT NULL DEFAULT '[]',
  missed         TEXT NOT NULL,
  feedback       TEXT NOT NULL,
  grader         TEXT NOT NULL,
  flags          TEXT NOT NULL DEFAULT '[]',
  graded_at      INTEGER NOT NULL
);

CREATE TABLE grading_jobs (
  id           INTEGER PRIMARY KEY,
  answer_id    INTEGER NOT NULL UNIQUE REFERENCES answers(id),
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  not_before   INTEGER NOT NULL,
  last_error   TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX grading_jobs_due ON grading_jobs(status, not_before);

CREATE TABLE grade_cache (
  question_id  TEXT NOT NULL,
  norm_hash    TEXT NOT NULL,
  grader       TEXT NOT NULL,
  version      TEXT NOT NULL,
  result       TEXT NOT NULL,              -- JSON GradeResult
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (question_id, norm_hash, grader, version)
);

-- Points per user, kept in step with grades in the same transaction so leaderboards read an index.
-- channel_id '' holds the scope-wide (server / workspace) totals; period_key is 'all', 'W2026-48' or 'M2026-11'.
CREATE TABLE user_points (
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  period_key   TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  points       INTEGER NOT NULL,
  answers      INTEGER NOT NULL,
  PRIMARY KEY (scope_id, channel_id, period_key, user_id)
);
CREATE INDEX user_points_rank ON user_points(scope_id, channel_id, period_key, points DESC);
