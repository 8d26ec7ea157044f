"""Repositories for referrals, assessments, screenings, plans, consents, contacts, documents."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from lead_desktop.domain import casework
from lead_desktop.domain.screening import score
from lead_desktop.errors import NotFoundError, ValidationError, issue
from lead_desktop.store.ids import uuid7
from lead_desktop.store.records import create_row, get_row, update_row
from lead_desktop.store.schema import (
    MAX_ATTACHMENT_BYTES,
    Assessment,
    Attachment,
    Consent,
    Document,
    Draft,
    Encounter,
    Participant,
    PlanGoal,
    PlanStep,
    Referral,
    Screening,
    ServicePlan,
)
from lead_desktop.store.tx import Tx


def _live_participant(tx: Tx, participant_id: str) -> None:
    if get_row(tx, Participant, participant_id)["deleted"]:
        raise NotFoundError(f"participant {participant_id} was deleted")


# -- referrals ---------------------------------------------------------------------------------


def create_referral(tx: Tx, *, data: Mapping[str, Any]) -> str:
    """Record a referral (participant may be linked later, at intake)."""
    values = casework.validate_referral(data)
    if values.get("participant_id"):
        _live_participant(tx, values["participant_id"])
    return create_row(tx, Referral, values)


def update_referral(tx: Tx, referral_id: str, *, data: Mapping[str, Any]) -> dict[str, Any]:
    """Change a referral (decision, screen, link to a participant)."""
    values = casework.validate_referral(data, partial=True)
    current = get_row(tx, Referral, referral_id)
    if values.get("decision", current["decision"]) == "declined" and not values.get(
        "decline_reason", current["decline_reason"]
    ):
        raise ValidationError(
            [issue("decline_reason", "is empty", "record why the person declined")]
        )
    return update_row(tx, Referral, referral_id, values)


# -- assessments and screenings ------------------------------------------------------------


def create_assessment(
    tx: Tx,
    *,
    participant_id: str,
    form_id: str,
    form_version: str,
    assessed_at: str,
    answers: Mapping[str, Any],
) -> str:
    """Record a completed (or partial) assessment form."""
    _live_participant(tx, participant_id)
    return create_row(
        tx,
        Assessment,
        {
            "participant_id": participant_id,
            "form_id": form_id,
            "form_version": form_version,
            "assessed_at": assessed_at,
            "answers": dict(answers),
        },
    )


def record_screening(
    tx: Tx,
    *,
    participant_id: str,
    instrument: str,
    items: Sequence[Any],
    screened_at: str,
    assessment_id: str | None = None,
    sex: str | None = None,
) -> tuple[str, Any]:
    """Score a screening instrument and store items, total, band and safety flag."""
    _live_participant(tx, participant_id)
    kwargs = {"sex": sex} if instrument == "AUDIT-C" else {}
    result = score(instrument, list(items), **kwargs)
    sid = create_row(
        tx,
        Screening,
        {
            "participant_id": participant_id,
            "assessment_id": assessment_id,
            "instrument": result.instrument,
            "version": result.version,
            "screened_at": screened_at,
            "items": list(result.items),
            "total": result.total,
            "band": result.band,
            "positive": result.positive,
            "safety_alert": result.safety_alert,
        },
    )
    if result.safety_alert:
        tx.audit("safety_alert", "screening", sid, {"instrument": result.instrument})
    return sid, result


# -- service plans -------------------------------------------------------------------------


def create_plan(tx: Tx, *, data: Mapping[str, Any]) -> str:
    """Start a service plan for a participant."""
    values = casework.validate_plan(data)
    _live_participant(tx, values["participant_id"])
    return create_row(tx, ServicePlan, values)


def update_plan(tx: Tx, plan_id: str, *, data: Mapping[str, Any]) -> dict[str, Any]:
    """Change a plan's header fields."""
    return update_row(tx, ServicePlan, plan_id, casework.validate_plan(data, partial=True))


def add_goal(tx: Tx, *, plan_id: str, data: Mapping[str, Any]) -> str:
    """Add a goal to a plan."""
    get_row(tx, ServicePlan, plan_id)
    values = casework.validate_goal({**data, "plan_id": plan_id})
    return create_row(tx, PlanGoal, values)


def update_goal(tx: Tx, goal_id: str, *, data: Mapping[str, Any]) -> dict[str, Any]:
    """Change a goal."""
    return update_row(tx, PlanGoal, goal_id, casework.validate_goal(data, partial=True))


def add_step(tx: Tx, *, goal_id: str, data: Mapping[str, Any]) -> str:
    """Add a step to a goal."""
    get_row(tx, PlanGoal, goal_id)
    return create_row(tx, PlanStep, casework.validate_step({**data, "goal_id": goal_id}))


def update_step(tx: Tx, step_id: str, *, data: Mapping[str, Any]) -> dict[str, Any]:
    """Change a step (status, date, who)."""
    return update_row(tx, PlanStep, step_id, casework.validate_step(data, partial=True))


def plan_tree(conn: Connection, plan_id: str) -> dict[str, Any]:
    """Return a plan with its goals and their steps, in order."""
    plan = get_row(conn, ServicePlan, plan_id)
    goals = conn.execute(
        select(PlanGoal)
        .where(PlanGoal.plan_id == plan_id, ~PlanGoal.deleted)
        .order_by(PlanGoal.position, PlanGoal.id)
    ).mappings()
    plan["goals"] = []
    for goal in goals:
        g = dict(goal)
        g["steps"] = [
            dict(s)
            for s in conn.execute(
                select(PlanStep)
                .where(PlanStep.goal_id == g["id"], ~PlanStep.deleted)
                .order_by(PlanStep.position, PlanStep.id)
            ).mappings()
        ]
        plan["goals"].append(g)
    return plan


# -- consents ------------------------------------------------------------------------------


def create_consent(tx: Tx, *, participant_id: str, data: Mapping[str, Any]) -> str:
    """Record a consent (draft until the documents gate lets it be signed)."""
    _live_participant(tx, participant_id)
    consent_type = data.get("consent_type")
    if consent_type not in casework.CONSENT_TYPES:
        raise ValidationError(
            [
                issue(
                    "consent_type",
                    "{value} is unknown",
                    "choose one of {options}",
                    value=repr(consent_type),
                    options=", ".join(casework.CONSENT_TYPES),
                )
            ]
        )
    cid = create_row(tx, Consent, {**data, "participant_id": participant_id})
    tx.audit("consent_event", "consent", cid, {"event": "created"})
    return cid


# -- contacts ------------------------------------------------------------------------------


def log_encounter(tx: Tx, *, participant_id: str, data: Mapping[str, Any]) -> str:
    """Append a contact to a participant's log (contacts are never edited)."""
    _live_participant(tx, participant_id)
    values = casework.validate_encounter({**data, "participant_id": participant_id})
    return create_row(tx, Encounter, values)


# -- documents and attachments -------------------------------------------------------------


def record_document(
    tx: Tx,
    *,
    participant_id: str,
    kind: str,
    template_version: str,
    language: str,
    pdf: bytes,
    consent_id: str | None = None,
) -> str:
    """Store what was printed and its sha256, so a reprint can be verified."""
    did = create_row(
        tx,
        Document,
        {
            "participant_id": participant_id,
            "kind": kind,
            "template_version": template_version,
            "language": language,
            "sha256": hashlib.sha256(pdf).hexdigest(),
            "consent_id": consent_id,
        },
    )
    tx.audit("print", "document", did, {"kind": kind})
    return did


def put_attachment(tx: Tx, *, data: bytes, mime: str, participant_id: str | None = None) -> str:
    """Store a blob by content; storing the same bytes twice returns the same id.

    A blob over MAX_ATTACHMENT_BYTES is refused here (field ``scan``): the server would refuse
    it on every sync, so it would never reach the program.
    """
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            [
                issue(
                    "scan",
                    "the file is {size} MB; attachments may be at most {most} MB",
                    "scan the form again at a lower resolution, or in black and white",
                    size=f"{len(data) / 2**20:.0f}",
                    most=f"{MAX_ATTACHMENT_BYTES // 2**20}",
                )
            ]
        )
    digest = hashlib.sha256(data).hexdigest()
    found = tx.conn.execute(select(Attachment.id).where(Attachment.sha256 == digest)).scalar()
    if found:
        return str(found)
    return create_row(
        tx,
        Attachment,
        {
            "participant_id": participant_id,
            "sha256": digest,
            "mime": mime,
            "size": len(data),
            "data": data,
        },
    )


# -- drafts --------------------------------------------------------------------------------


def save_draft(
    tx: Tx,
    *,
    kind: str,
    payload: Mapping[str, Any],
    ref_id: str | None = None,
    draft_id: str | None = None,
) -> str:
    """Save (or replace) an unsaved form for the current worker; drafts are not synced."""
    did = draft_id or uuid7()
    tx.conn.execute(delete(Draft).where(Draft.id == did))
    tx.conn.execute(
        insert(Draft).values(
            id=did,
            worker_id=tx.actor.worker_id,
            kind=kind,
            ref_id=ref_id,
            payload=dict(payload),
            updated_at=tx.now,
        )
    )
    return did


def list_drafts(conn: Connection, worker_id: str) -> list[dict[str, Any]]:
    """Return a worker's drafts, newest first."""
    return [
        dict(r)
        for r in conn.execute(
            select(Draft).where(Draft.worker_id == worker_id).order_by(Draft.updated_at.desc())
        ).mappings()
    ]


def discard_draft(tx: Tx, draft_id: str) -> None:
    """Delete a draft once its form is saved for real."""
    tx.conn.execute(delete(Draft).where(Draft.id == draft_id))
