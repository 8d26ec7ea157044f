"""ORM models of the local store; the DDL they describe is frozen in numbered migrations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every table in the store."""

    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Synced:
    """Columns every synced record carries (DESIGN section 4)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int | None]
    updated_at: Mapped[str]
    updated_by: Mapped[str]
    device_id: Mapped[str]
    deleted: Mapped[bool] = mapped_column(default=False)


class Worker(Synced, Base):
    """A person who uses this laptop; their keyslot lives in the keyslot file."""

    __tablename__ = "worker"
    name: Mapped[str] = mapped_column(unique=True)
    display_name: Mapped[str | None]
    role: Mapped[str] = mapped_column(default="case_manager")
    team: Mapped[str | None]
    active: Mapped[bool] = mapped_column(default=True)


class Participant(Synced, Base):
    """A person in the program, with the HMIS universal data elements."""

    __tablename__ = "participant"
    first_name: Mapped[str | None]
    middle_name: Mapped[str | None]
    last_name: Mapped[str | None]
    name_suffix: Mapped[str | None]
    name_dq: Mapped[int] = mapped_column(default=99)
    ssn: Mapped[str | None]
    ssn_dq: Mapped[int] = mapped_column(default=99)
    dob: Mapped[str | None]
    dob_dq: Mapped[int] = mapped_column(default=99)
    race: Mapped[list[Any]] = mapped_column(default=list)
    race_none: Mapped[int | None]
    race_detail: Mapped[str | None]
    sex: Mapped[int | None]
    gender_identity: Mapped[str | None]
    veteran_status: Mapped[int | None]
    disabling_condition: Mapped[int | None]
    preferred_language: Mapped[str | None]
    interpreter_needed: Mapped[bool | None]
    status: Mapped[str] = mapped_column(default="active", index=True)
    case_manager_id: Mapped[str | None] = mapped_column(index=True)
    team: Mapped[str | None]
    intake_date: Mapped[str | None]
    project_start_date: Mapped[str | None]
    prior_living_situation: Mapped[int | None]
    length_of_stay: Mapped[int | None]
    times_homeless_3y: Mapped[int | None]
    months_homeless_3y: Mapped[int | None]
    current_living_situation: Mapped[int | None]
    engagement_date: Mapped[str | None]
    baseline: Mapped[dict[str, Any]] = mapped_column(default=dict)
    health: Mapped[dict[str, Any]] = mapped_column(default=dict)
    legal: Mapped[dict[str, Any]] = mapped_column(default=dict)
    external_id: Mapped[str | None] = mapped_column(index=True)


class Alias(Synced, Base):
    """Another name a participant is known by (alias or street name)."""

    __tablename__ = "alias"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    alias: Mapped[str]
    kind: Mapped[str] = mapped_column(default="alias")


class Referral(Synced, Base):
    """An officer's referral, its exclusion screen and the decisions on it."""

    __tablename__ = "referral"
    participant_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"), index=True)
    referral_type: Mapped[str]
    referred_at: Mapped[str]
    handoff_at: Mapped[str | None]
    location_text: Mapped[str | None]
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    in_area: Mapped[bool | None]
    officer_name: Mapped[str | None]
    officer_id: Mapped[str | None]
    district: Mapped[str | None]
    incident_number: Mapped[str | None]
    offense_category: Mapped[str | None]
    quantity_band: Mapped[str | None]
    exclusion_screen: Mapped[list[Any]] = mapped_column(default=list)
    records_check_done: Mapped[bool] = mapped_column(default=False)
    prosecutor_decision: Mapped[str | None]
    prosecutor_decision_at: Mapped[str | None]
    prosecutor_name: Mapped[str | None]
    decision: Mapped[str] = mapped_column(default="undecided")
    decline_reason: Mapped[str | None]


class Assessment(Synced, Base):
    """An intake or follow-up assessment: a versioned form and its answers."""

    __tablename__ = "assessment"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    form_id: Mapped[str]
    form_version: Mapped[str]
    assessed_at: Mapped[str]
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Screening(Synced, Base):
    """One screening instrument given: item answers, total, band, safety flag."""

    __tablename__ = "screening"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    assessment_id: Mapped[str | None] = mapped_column(ForeignKey("assessment.id"))
    instrument: Mapped[str]
    version: Mapped[str]
    screened_at: Mapped[str]
    items: Mapped[list[Any]] = mapped_column(default=list)
    total: Mapped[int | None]
    band: Mapped[str | None]
    positive: Mapped[bool | None]
    safety_alert: Mapped[bool] = mapped_column(default=False)


class ServicePlan(Synced, Base):
    """An Individual Intervention Plan (one row per version)."""

    __tablename__ = "service_plan"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(default="draft")
    plan_date: Mapped[str]
    review_date: Mapped[str | None]
    stage_of_change: Mapped[str | None]
    priorities: Mapped[str | None] = mapped_column(Text)
    immediate_needs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    legal_coordination: Mapped[str | None] = mapped_column(Text)
    case_manager_id: Mapped[str | None]


class PlanGoal(Synced, Base):
    """A goal of a service plan, in one domain."""

    __tablename__ = "plan_goal"
    plan_id: Mapped[str] = mapped_column(ForeignKey("service_plan.id"), index=True)
    domain: Mapped[str]
    goal: Mapped[str] = mapped_column(Text)
    barriers: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(default="open")
    position: Mapped[int] = mapped_column(default=0)


class PlanStep(Synced, Base):
    """A step toward a goal: who does it, by when, its status."""

    __tablename__ = "plan_step"
    goal_id: Mapped[str] = mapped_column(ForeignKey("plan_goal.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(default="participant")
    partner_name: Mapped[str | None]
    target_date: Mapped[str | None]
    status: Mapped[str] = mapped_column(default="open")
    consent_id: Mapped[str | None]
    position: Mapped[int] = mapped_column(default=0)


class Consent(Synced, Base):
    """A consent to disclose, with its signature and revocation."""

    __tablename__ = "consent"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    consent_type: Mapped[str]
    template_version: Mapped[str | None]
    language: Mapped[str] = mapped_column(default="en")
    discloser: Mapped[str | None]
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    information: Mapped[dict[str, Any]] = mapped_column(default=dict)
    purpose: Mapped[str | None] = mapped_column(Text)
    expiry_date: Mapped[str | None]
    expiry_event: Mapped[str | None]
    final_disposition_date: Mapped[str | None]
    signer_name: Mapped[str | None]
    signer_role: Mapped[str | None]
    signer_authority: Mapped[str | None]
    signature_kind: Mapped[str | None]
    signature_attachment_id: Mapped[str | None]
    witness_name: Mapped[str | None]
    signed_at: Mapped[str | None]
    copy_given: Mapped[bool] = mapped_column(default=False)
    copy_method: Mapped[str | None]
    status: Mapped[str] = mapped_column(default="draft")
    revoked_at: Mapped[str | None]
    revocation_method: Mapped[str | None]
    # Added by migration 3:
    expiry_reason: Mapped[str | None] = mapped_column(Text)
    scan_attachment_id: Mapped[str | None]
    flagged_false: Mapped[bool] = mapped_column(default=False)
    flag_reason: Mapped[str | None] = mapped_column(Text)


class Encounter(Synced, Base):
    """A contact with a participant (append-only log)."""

    __tablename__ = "encounter"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    occurred_at: Mapped[str]
    contact_type: Mapped[str]
    place: Mapped[str | None]
    services: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None]


class Document(Synced, Base):
    """A generated PDF: what it was and its hash, so a reprint can be verified."""

    __tablename__ = "document"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    kind: Mapped[str]
    template_version: Mapped[str]
    language: Mapped[str]
    sha256: Mapped[str]
    consent_id: Mapped[str | None]


#: Largest attachment (a scanned form) a store accepts: the sync server's limit too.
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024


class Attachment(Synced, Base):
    """A content-addressed blob (signature strokes, scanned form); id is its sha256."""

    __tablename__ = "attachment"
    participant_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"), index=True)
    sha256: Mapped[str] = mapped_column(unique=True)
    mime: Mapped[str]
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Draft(Base):
    """An unsaved form, kept (encrypted, in the store) so work survives a lock or a crash."""

    __tablename__ = "draft"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    worker_id: Mapped[str] = mapped_column(index=True)
    kind: Mapped[str]
    ref_id: Mapped[str | None]
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[str]


class Setting(Base):
    """A program setting (coverage area, capacity, intake days...) as JSON."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[str]


class Device(Base):
    """This laptop's identity (one row) and what the server knows of it."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[str]
    server_url: Mapped[str | None]
    credential: Mapped[str | None]
    fingerprint: Mapped[str | None]


class SyncState(Base):
    """Sync cursors and markers, as key/value pairs."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class Conflict(Base):
    """A field both sides changed: both values kept until a person picks one.

    ``id`` is the server's conflict id. ``server_value`` is the value the server kept (last
    written by ``server_by`` at ``server_at``); ``local_value`` is the value a laptop pushed
    and the server set aside (pushed by ``local_by`` from ``local_device`` at ``detected_at``:
    this laptop's own edit when it raised the conflict). ``rev`` is the server's conflict
    revision. A resolution made here is ``resolution_pending`` until the server confirms it;
    the server's answer (or another laptop's resolution) fills ``resolved_*``. Added by
    migration 4: ``rev`` and everything after it.
    """

    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str]
    row_id: Mapped[str]
    field: Mapped[str]
    local_value: Mapped[Any] = mapped_column(JSON)
    server_value: Mapped[Any] = mapped_column(JSON)
    server_by: Mapped[str | None]
    server_at: Mapped[str | None]
    detected_at: Mapped[str]
    resolved_at: Mapped[str | None]
    rev: Mapped[int | None]
    server_by_name: Mapped[str | None]
    local_by: Mapped[str | None]
    local_by_name: Mapped[str | None]
    local_device: Mapped[str | None]
    resolved_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    resolved_by_name: Mapped[str | None]
    resolution_id: Mapped[str | None]
    resolution_pending: Mapped[bool] = mapped_column(default=False)


class ChangeJournal(Base):
    """One row per local change, written in the change's own transaction; sync reads it."""

    __tablename__ = "change_journal"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str]
    row_id: Mapped[str]
    op: Mapped[str]
    base_rev: Mapped[int | None]
    fields: Mapped[dict[str, Any]]
    at: Mapped[str]
    worker_id: Mapped[str]
    device_id: Mapped[str]
    pushed_at: Mapped[str | None] = mapped_column(index=True)


class AuditEvent(Base):
    """One row of the append-only, hash-chained audit log."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[str]
    worker_id: Mapped[str]
    device_id: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str | None]
    entity_id: Mapped[str | None] = mapped_column(index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str]
    hash: Mapped[str]


class AuditHead(Base):
    """The last audit row's number and hash, kept so a deleted tail is detected too."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    hash: Mapped[str]


class SearchToken(Base):
    """Folded name tokens of each participant (names and aliases) for tolerant search."""

    __tablename__ = "search_token"
    token: Mapped[str] = mapped_column(primary_key=True)
    participant_id: Mapped[str] = mapped_column(
        ForeignKey("participant.id"), primary_key=True, index=True
    )
    __table_args__ = ({"sqlite_with_rowid": False},)


Index("ix_referral_referred_at", Referral.referred_at)
Index("ix_participant_dob_id", Participant.dob, Participant.id)  # covering: see migration 2
SYNCED_TABLES: dict[str, type[Synced]] = {
    cls.__tablename__: cls
    for cls in (
        Worker,
        Participant,
        Alias,
        Referral,
        Assessment,
        Screening,
        ServicePlan,
        PlanGoal,
        PlanStep,
        Consent,
        Encounter,
        Document,
        Attachment,
    )
}
#: Kinds that are only ever appended to: they cannot conflict.
APPEND_ONLY = frozenset({"encounter", "document", "attachment", "disclosure"})


class Disclosure(Synced, Base):
    """One disclosure made under a consent (append-only; the participant's accounting)."""

    __tablename__ = "disclosure"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id"), index=True)
    consent_id: Mapped[str] = mapped_column(ForeignKey("consent.id"), index=True)
    disclosed_at: Mapped[str]
    recipient: Mapped[str]
    purpose: Mapped[str] = mapped_column(Text)
    information: Mapped[str] = mapped_column(Text)
    method: Mapped[str | None]
    notice: Mapped[str] = mapped_column(default="full")


SYNCED_TABLES[Disclosure.__tablename__] = Disclosure
