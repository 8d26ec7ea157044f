-- Schema version 4: conflicts as the server keeps them (its revision, who and when on both
-- sides), and resolutions made on this laptop that still have to reach the server.

ALTER TABLE conflict ADD COLUMN rev INTEGER;
ALTER TABLE conflict ADD COLUMN server_by_name VARCHAR;
ALTER TABLE conflict ADD COLUMN local_by VARCHAR;
ALTER TABLE conflict ADD COLUMN local_by_name VARCHAR;
ALTER TABLE conflict ADD COLUMN local_device VARCHAR;
ALTER TABLE conflict ADD COLUMN resolved_value JSON;
ALTER TABLE conflict ADD COLUMN resolved_by_name VARCHAR;
ALTER TABLE conflict ADD COLUMN resolution_id VARCHAR;
ALTER TABLE conflict ADD COLUMN resolution_pending BOOLEAN NOT NULL DEFAULT 0;
