-- Operations: extra admins, the admin action log, disputes, reports of wrong reference answers,
-- duplicate-answer flags, and delivery state of daily posts (failed posts are retried, not re-claimed).

-- Users, Discord roles and Slack user groups with admin rights in one server/workspace.
-- subject: discord:123, slack:T1:U1, console:alice (users), discord-role:456, slack-group:S123 (groups).
CREATE TABLE admins (
  scope_id     TEXT NOT NULL,
  subject      TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('user', 'role', 'group')),
  added_by     TEXT NOT NULL,
  added_at     INTEGER NOT NULL,
  PRIMARY KEY (scope_id, subject)
);

-- Every admin verb that changed something: who, what, when, where.
CREATE TABLE admin_actions (
  id           INTEGER PRIMARY KEY,
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  actor_id     TEXT NOT NULL,             -- platform-qualified user id, or 'prepbot' for the bot itself
  actor_name   TEXT NOT NULL,             -- the name at the time
  action       TEXT NOT NULL,             -- the verb: daily, schedule, settings, admins, resolve...
  detail       TEXT NOT NULL DEFAULT '',
  at           INTEGER NOT NULL
);
CREATE INDEX admin_actions_scope ON admin_actions(scope_id, at);

-- A member's dispute of the grade of one of their scoring answers; an admin resolves it with a score.
CREATE TABLE disputes (
  id           INTEGER PRIMARY KEY,
  answer_id    INTEGER NOT NULL REFERENCES answers(id),
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  user_id      TEXT NOT NULL REFERENCES users(id),
  reason       TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  old_score    INTEGER NOT NULL,          -- the score in effect when disputed
  new_score    INTEGER,
  note         TEXT,
  resolved_by  TEXT,
  created_at   INTEGER NOT NULL,
  resolved_at  INTEGER
);
-- one dispute per answer, ever: a resolved grade is not re-opened by disputing it again
CREATE UNIQUE INDEX disputes_one_per_answer ON disputes(answer_id);
CREATE INDEX disputes_scope_open ON disputes(scope_id, status);

-- A member's report that a question's reference answer is wrong.
CREATE TABLE question_reports (
  id           INTEGER PRIMARY KEY,
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  question_id  TEXT NOT NULL,
  round_id     INTEGER REFERENCES rounds(id),
  user_id      TEXT NOT NULL REFERENCES users(id),
  reason       TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  UNIQUE (scope_id, question_id, user_id)
);

-- Pairs of users who sent the same normalised answer in one round (user_a < user_b), told to admins once.
CREATE TABLE duplicate_answers (
  round_id     INTEGER NOT NULL REFERENCES rounds(id),
  user_a       TEXT NOT NULL,
  user_b       TEXT NOT NULL,
  answer_id    INTEGER NOT NULL REFERENCES answers(id),  -- the later answer, whose grade carries the flag
  at           INTEGER NOT NULL,
  PRIMARY KEY (round_id, user_a, user_b)
);

-- Delivery of a round's post. NULL: posted before this migration (delivered). 'pending': claimed but not
-- delivered yet (in flight, or failed and retried while CATCH_UP_HOURS lasts); 'sent'; 'failed': given up.
ALTER TABLE rounds ADD COLUMN delivery TEXT CHECK (delivery IN ('pending', 'sent', 'failed'));
ALTER TABLE rounds ADD COLUMN delivery_attempts INTEGER NOT NULL DEFAULT 0;
-- Not before this instant: the lease of a send in flight, or the back-off after a failure.
ALTER TABLE rounds ADD COLUMN delivery_next_at INTEGER;
ALTER TABLE rounds ADD COLUMN delivery_error TEXT;
-- When the admins were told the post failed (once per round).
ALTER TABLE rounds ADD COLUMN delivery_reported_at INTEGER;
CREATE INDEX rounds_delivery ON rounds(delivery, status);
