-- Exactly once at the platform's edge: post intents, remembered deliveries, leased grading jobs.

-- A post the bot means to make (a round's question, its summary, ...), stored before it is sent, so a
-- crash at any point of the post is followed by a look at the channel (adopt what is there) or one post.
-- kind + key name the post: ('round', '42'), ('summary', '42'), or e.g. ('digest', '<channel>|2026-W48').
CREATE TABLE post_intents (
  kind             TEXT NOT NULL,
  key              TEXT NOT NULL,
  channel_id       TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'abandoned')),
  nonce            TEXT NOT NULL,             -- Discord's nonce for this post (at most 25 characters)
  owner            TEXT,                      -- the process holding the current attempt
  lease_until      INTEGER,                   -- its lease; another process may take over once it has passed
  sending          INTEGER NOT NULL DEFAULT 0,-- 1 while an attempt is between "about to send" and its outcome
  uncertain        INTEGER NOT NULL DEFAULT 0,-- 1 once an attempt may have posted (crash, timeout): look first
  window_from      INTEGER,                   -- when such attempts ran: where to look
  window_to        INTEGER,
  next_at          INTEGER NOT NULL,          -- not before (the back-off after a failed attempt)
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_attempt_at  INTEGER,
  message_ref      TEXT,
  error            TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX post_intents_due ON post_intents(status, next_at);

-- Rounds whose post was pending before intents existed: their post becomes an intent (it may have
-- been made, so the first attempt looks first).
INSERT INTO post_intents (kind, key, channel_id, nonce, uncertain, window_from, window_to, next_at, attempts, created_at, updated_at)
SELECT 'round', CAST(id AS TEXT), channel_id, 'round-' || id || '.' || posted_at, 1, posted_at, COALESCE(delivery_next_at, posted_at),
       COALESCE(delivery_next_at, posted_at), delivery_attempts, posted_at, posted_at
FROM rounds WHERE delivery = 'pending' AND status = 'open';

-- Deliveries a platform may send again (a Slack trigger or event id, a Discord interaction id), with the
-- answer each created, written in the same transaction as the answer; forgotten after expires_at.
CREATE TABLE deliveries (
  id          TEXT PRIMARY KEY,              -- platform-qualified: slack:T1:trigger:..., discord:interaction:...
  answer_id   INTEGER REFERENCES answers(id),
  at          INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX deliveries_expiry ON deliveries(expires_at);

-- Grading jobs are leased: a running job belongs to `owner` until `lease_until`, which the owner renews;
-- another process takes it over only once the lease has passed (running jobs from before leases: at once).
ALTER TABLE grading_jobs ADD COLUMN owner TEXT;
ALTER TABLE grading_jobs ADD COLUMN lease_until INTEGER;
CREATE INDEX grading_jobs_lease ON grading_jobs(status, lease_until);

-- One row the health check rewrites, to learn whether the database still takes writes.
CREATE TABLE health_probe (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  at  INTEGER NOT NULL
);
