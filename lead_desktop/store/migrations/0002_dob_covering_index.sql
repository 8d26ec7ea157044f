-- Schema version 2: searching by date of birth or birth year reads only the index.
DROP INDEX IF EXISTS ix_participant_dob;
CREATE INDEX ix_participant_dob_id ON participant (dob, id);
