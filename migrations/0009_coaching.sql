-- Coaching: follow-up questions, mock interviews, showcase consent, the follow-ups setting and the
-- weekly digest's (channel, ISO week) slot.

-- 1: members let their best daily answer be quoted in a round's summary (`showcase on`).
ALTER TABLE users ADD COLUMN showcase INTEGER NOT NULL DEFAULT 0;
-- 0: graded answers in this channel get no follow-up question (`settings follow-ups off`).
ALTER TABLE channels ADD COLUMN follow_ups INTEGER NOT NULL DEFAULT 1;

-- A mock interview: `count` questions in a row for one member; at most one active per member.
CREATE TABLE interviews (
  id           INTEGER PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id),
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  topic        TEXT,                      -- a topic or pack, or NULL for any
  count        INTEGER NOT NULL CHECK (count BETWEEN 1 AND 10),
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'finished', 'stopped')),
  started_at   INTEGER NOT NULL,
  ended_at     INTEGER
);
CREATE UNIQUE INDEX interviews_one_active ON interviews(user_id) WHERE status = 'active';

-- An interview's questions are practice questions that name it.
ALTER TABLE practice_prompts ADD COLUMN interview_id INTEGER REFERENCES interviews(id);
CREATE INDEX practice_interview ON practice_prompts(interview_id);

-- One follow-up question on the weakest key point of a graded answer; at most one per answer, and
-- at most one open per member (a newer one supersedes the older).
CREATE TABLE follow_ups (
  id              INTEGER PRIMARY KEY,
  source_answer_id INTEGER NOT NULL UNIQUE REFERENCES answers(id),
  user_id         TEXT NOT NULL REFERENCES users(id),
  scope_id        TEXT NOT NULL,
  channel_id      TEXT NOT NULL,
  question_id     TEXT NOT NULL,
  point           INTEGER NOT NULL,      -- 1-based key point number
  point_text      TEXT NOT NULL,
  prompt          TEXT NOT NULL,         -- the follow-up question as asked
  origin          TEXT NOT NULL CHECK (origin IN ('content', 'template', 'llm')),
  interview_id    INTEGER REFERENCES interviews(id),
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'passed', 'superseded')),
  created_at      INTEGER NOT NULL,
  closed_at       INTEGER
);
CREATE INDEX follow_ups_open ON follow_ups(user_id, scope_id, status);
CREATE INDEX follow_ups_interview ON follow_ups(interview_id);

-- An answer to a follow-up is graded against its one key point, as practice.
ALTER TABLE answers ADD COLUMN follow_up_id INTEGER REFERENCES follow_ups(id);

-- The weekly digest: one per channel and ISO week (the week it is posted in), claimed before it is
-- sent, like a round's (channel, local date) slot. 'pending' under a lease while sending.
CREATE TABLE digests (
  channel_id   TEXT NOT NULL REFERENCES channels(id),
  week_key     TEXT NOT NULL,             -- W2026-49
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'empty')),
  lease_until  INTEGER NOT NULL,
  claimed_at   INTEGER NOT NULL,
  sent_at      INTEGER,
  PRIMARY KEY (channel_id, week_key)
);
