-- The team's own questions: members suggest, admins approve or reject; an approved suggestion is a
-- question of its server's or workspace's own pack ("team"), asked and practised there only.
CREATE TABLE suggestions (
  id           INTEGER PRIMARY KEY,
  scope_id     TEXT NOT NULL,
  channel_id   TEXT NOT NULL,             -- where it was suggested: the outcome is told from there
  user_id      TEXT NOT NULL REFERENCES users(id),
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  prompt       TEXT NOT NULL,
  reference    TEXT NOT NULL,
  key_points   TEXT NOT NULL,             -- JSON array of strings
  topic        TEXT NOT NULL,
  difficulty   TEXT NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
  hint         TEXT,
  created_at   INTEGER NOT NULL,
  decided_by   TEXT,
  decided_at   INTEGER,
  reason       TEXT,                      -- a rejection's reason, for the member
  question_id  TEXT UNIQUE                -- set on approval: the id the pack knows it by
);
CREATE INDEX suggestions_by_scope ON suggestions(scope_id, status, decided_at, id);

-- What a member typed into the suggestion form when it did not pass the checks: kept, so the form
-- opens again with it (one per member and server/workspace; a sent suggestion clears it).
CREATE TABLE suggestion_drafts (
  scope_id     TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  fields       TEXT NOT NULL,             -- JSON object of the form's fields as typed
  saved_at     INTEGER NOT NULL,
  PRIMARY KEY (scope_id, user_id)
);
