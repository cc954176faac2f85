-- "Has this member answered this round?" is asked for every grade (what a reply may show of the
-- rubric) and for every Answer button; by round alone it read every answer of the round, so a busy
-- round made each grade slower than the one before. With the member in the index it reads one row.
CREATE INDEX answers_round_user ON answers(round_id, user_id);
