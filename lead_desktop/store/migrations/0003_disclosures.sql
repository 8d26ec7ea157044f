-- Schema version 3: consent fields the consent gate needs, and the disclosure log.

ALTER TABLE consent ADD COLUMN expiry_reason TEXT;
ALTER TABLE consent ADD COLUMN scan_attachment_id VARCHAR;
ALTER TABLE consent ADD COLUMN flagged_false BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE consent ADD COLUMN flag_reason TEXT;

CREATE TABLE disclosure (
	participant_id VARCHAR(36) NOT NULL, 
	consent_id VARCHAR(36) NOT NULL, 
	disclosed_at VARCHAR NOT NULL, 
	recipient VARCHAR NOT NULL, 
	purpose TEXT NOT NULL, 
	information TEXT NOT NULL, 
	method VARCHAR, 
	notice VARCHAR NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id), 
	FOREIGN KEY(consent_id) REFERENCES consent (id)
);
CREATE INDEX ix_disclosure_participant_id ON disclosure (participant_id);
CREATE INDEX ix_disclosure_consent_id ON disclosure (consent_id);
