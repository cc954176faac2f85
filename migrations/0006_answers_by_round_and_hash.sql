-- The duplicate-answer check looks up the same normalised answer in a round after every grade; with
-- the hash in the index it reads only the matching answers instead of the whole round. The index also
-- serves every lookup by round alone, so the old one goes.
CREATE INDEX answers_round_hash ON answers(round_id, norm_hash);
DROP INDEX IF EXISTS answers_round;
