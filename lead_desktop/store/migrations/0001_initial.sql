-- Schema version 1: the initial store.

CREATE TABLE audit_event (
	seq INTEGER NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	at VARCHAR NOT NULL, 
	worker_id VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	entity VARCHAR, 
	entity_id VARCHAR, 
	detail JSON NOT NULL, 
	prev_hash VARCHAR NOT NULL, 
	hash VARCHAR NOT NULL, 
	PRIMARY KEY (seq), 
	UNIQUE (id)
);
CREATE INDEX ix_audit_event_entity_id ON audit_event (entity_id);

CREATE TABLE audit_head (
	id INTEGER NOT NULL, 
	seq INTEGER NOT NULL, 
	hash VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE change_journal (
	seq INTEGER NOT NULL, 
	change_id VARCHAR(36) NOT NULL, 
	table_name VARCHAR NOT NULL, 
	row_id VARCHAR NOT NULL, 
	op VARCHAR NOT NULL, 
	base_rev INTEGER, 
	fields JSON NOT NULL, 
	at VARCHAR NOT NULL, 
	worker_id VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	pushed_at VARCHAR, 
	PRIMARY KEY (seq), 
	UNIQUE (change_id)
);
CREATE INDEX ix_change_journal_pushed_at ON change_journal (pushed_at);

CREATE TABLE "conflict" (
	id VARCHAR(36) NOT NULL, 
	table_name VARCHAR NOT NULL, 
	row_id VARCHAR NOT NULL, 
	field VARCHAR NOT NULL, 
	local_value JSON NOT NULL, 
	server_value JSON NOT NULL, 
	server_by VARCHAR, 
	server_at VARCHAR, 
	detected_at VARCHAR NOT NULL, 
	resolved_at VARCHAR, 
	PRIMARY KEY (id)
);

CREATE TABLE device (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR NOT NULL, 
	server_url VARCHAR, 
	credential VARCHAR, 
	fingerprint VARCHAR, 
	PRIMARY KEY (id)
);

CREATE TABLE draft (
	id VARCHAR(36) NOT NULL, 
	worker_id VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	ref_id VARCHAR, 
	payload JSON NOT NULL, 
	updated_at VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_draft_worker_id ON draft (worker_id);

CREATE TABLE participant (
	first_name VARCHAR, 
	middle_name VARCHAR, 
	last_name VARCHAR, 
	name_suffix VARCHAR, 
	name_dq INTEGER NOT NULL, 
	ssn VARCHAR, 
	ssn_dq INTEGER NOT NULL, 
	dob VARCHAR, 
	dob_dq INTEGER NOT NULL, 
	race JSON NOT NULL, 
	race_none INTEGER, 
	race_detail VARCHAR, 
	sex INTEGER, 
	gender_identity VARCHAR, 
	veteran_status INTEGER, 
	disabling_condition INTEGER, 
	preferred_language VARCHAR, 
	interpreter_needed BOOLEAN, 
	status VARCHAR NOT NULL, 
	case_manager_id VARCHAR, 
	team VARCHAR, 
	intake_date VARCHAR, 
	project_start_date VARCHAR, 
	prior_living_situation INTEGER, 
	length_of_stay INTEGER, 
	times_homeless_3y INTEGER, 
	months_homeless_3y INTEGER, 
	current_living_situation INTEGER, 
	engagement_date VARCHAR, 
	baseline JSON NOT NULL, 
	health JSON NOT NULL, 
	legal JSON NOT NULL, 
	external_id VARCHAR, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_participant_case_manager_id ON participant (case_manager_id);
CREATE INDEX ix_participant_dob ON participant (dob);
CREATE INDEX ix_participant_external_id ON participant (external_id);
CREATE INDEX ix_participant_status ON participant (status);

CREATE TABLE setting (
	"key" VARCHAR NOT NULL, 
	value JSON NOT NULL, 
	updated_at VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE sync_state (
	"key" VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE worker (
	name VARCHAR NOT NULL, 
	display_name VARCHAR, 
	role VARCHAR NOT NULL, 
	team VARCHAR, 
	active BOOLEAN NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);

CREATE TABLE alias (
	participant_id VARCHAR(36) NOT NULL, 
	alias VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
);
CREATE INDEX ix_alias_participant_id ON alias (participant_id);

CREATE TABLE assessment (
	participant_id VARCHAR(36) NOT NULL, 
	form_id VARCHAR NOT NULL, 
	form_version VARCHAR NOT NULL, 
	assessed_at VARCHAR NOT NULL, 
	answers JSON NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
);
CREATE INDEX ix_assessment_participant_id ON assessment (participant_id);

CREATE TABLE attachment (
	participant_id VARCHAR(36), 
	sha256 VARCHAR NOT NULL, 
	mime VARCHAR NOT NULL, 
	size INTEGER NOT NULL, 
	data BLOB NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id), 
	UNIQUE (sha256)
);
CREATE INDEX ix_attachment_participant_id ON attachment (participant_id);

CREATE TABLE consent (
	participant_id VARCHAR(36) NOT NULL, 
	consent_type VARCHAR NOT NULL, 
	template_version VARCHAR, 
	language VARCHAR NOT NULL, 
	discloser VARCHAR, 
	recipients JSON NOT NULL, 
	information JSON NOT NULL, 
	purpose TEXT, 
	expiry_date VARCHAR, 
	expiry_event VARCHAR, 
	final_disposition_date VARCHAR, 
	signer_name VARCHAR, 
	signer_role VARCHAR, 
	signer_authority VARCHAR, 
	signature_kind VARCHAR, 
	signature_attachment_id VARCHAR, 
	witness_name VARCHAR, 
	signed_at VARCHAR, 
	copy_given BOOLEAN NOT NULL, 
	copy_method VARCHAR, 
	status VARCHAR NOT NULL, 
	revoked_at VARCHAR, 
	revocation_method VARCHAR, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
);
CREATE INDEX ix_consent_participant_id ON consent (participant_id);

CREATE TABLE document (
	participant_id VARCHAR(36) NOT NULL, 
	kind VARCHAR NOT NULL, 
	template_version VARCHAR NOT NULL, 
	language VARCHAR NOT NULL, 
	sha256 VARCHAR NOT NULL, 
	consent_id VARCHAR, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
);
CREATE INDEX ix_document_participant_id ON document (participant_id);

CREATE TABLE encounter (
	participant_id VARCHAR(36) NOT NULL, 
	occurred_at VARCHAR NOT NULL, 
	contact_type VARCHAR NOT NULL, 
	place VARCHAR, 
	services JSON NOT NULL, 
	note TEXT, 
	outcome VARCHAR, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
);
CREATE INDEX ix_encounter_participant_id ON encounter (participant_id);

CREATE TABLE referral (
	participant_id VARCHAR(36), 
	referral_type VARCHAR NOT NULL, 
	referred_at VARCHAR NOT NULL, 
	handoff_at VARCHAR, 
	location_text VARCHAR, 
	lat DOUBLE, 
	lon DOUBLE, 
	in_area BOOLEAN, 
	officer_name VARCHAR, 
	officer_id VARCHAR, 
	district VARCHAR, 
	incident_number VARCHAR, 
	offense_category VARCHAR, 
	quantity_band VARCHAR, 
	exclusion_screen JSON NOT NULL, 
	records_check_done BOOLEAN NOT NULL, 
	prosecutor_decision VARCHAR, 
	prosecutor_decision_at VARCHAR, 
	prosecutor_name VARCHAR, 
	decision VARCHAR NOT NULL, 
	decline_reason VARCHAR, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
);
CREATE INDEX ix_referral_participant_id ON referral (participant_id);
CREATE INDEX ix_referral_referred_at ON referral (referred_at);

CREATE TABLE search_token (
	token VARCHAR NOT NULL, 
	participant_id VARCHAR(36) NOT NULL, 
	PRIMARY KEY (token, participant_id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
)
 WITHOUT ROWID;
CREATE INDEX ix_search_token_participant_id ON search_token (participant_id);

CREATE TABLE service_plan (
	participant_id VARCHAR(36) NOT NULL, 
	version INTEGER NOT NULL, 
	status VARCHAR NOT NULL, 
	plan_date VARCHAR NOT NULL, 
	review_date VARCHAR, 
	stage_of_change VARCHAR, 
	priorities TEXT, 
	immediate_needs JSON NOT NULL, 
	legal_coordination TEXT, 
	case_manager_id VARCHAR, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id)
);
CREATE INDEX ix_service_plan_participant_id ON service_plan (participant_id);

CREATE TABLE plan_goal (
	plan_id VARCHAR(36) NOT NULL, 
	domain VARCHAR NOT NULL, 
	goal TEXT NOT NULL, 
	barriers TEXT, 
	status VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(plan_id) REFERENCES service_plan (id)
);
CREATE INDEX ix_plan_goal_plan_id ON plan_goal (plan_id);

CREATE TABLE screening (
	participant_id VARCHAR(36) NOT NULL, 
	assessment_id VARCHAR(36), 
	instrument VARCHAR NOT NULL, 
	version VARCHAR NOT NULL, 
	screened_at VARCHAR NOT NULL, 
	items JSON NOT NULL, 
	total INTEGER, 
	band VARCHAR, 
	positive BOOLEAN, 
	safety_alert BOOLEAN NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participant (id), 
	FOREIGN KEY(assessment_id) REFERENCES assessment (id)
);
CREATE INDEX ix_screening_participant_id ON screening (participant_id);

CREATE TABLE plan_step (
	goal_id VARCHAR(36) NOT NULL, 
	description TEXT NOT NULL, 
	responsible VARCHAR NOT NULL, 
	partner_name VARCHAR, 
	target_date VARCHAR, 
	status VARCHAR NOT NULL, 
	consent_id VARCHAR, 
	position INTEGER NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	rev INTEGER, 
	updated_at VARCHAR NOT NULL, 
	updated_by VARCHAR NOT NULL, 
	device_id VARCHAR NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(goal_id) REFERENCES plan_goal (id)
);
CREATE INDEX ix_plan_step_goal_id ON plan_step (goal_id);
