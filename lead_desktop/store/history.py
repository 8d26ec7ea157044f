"""The audit history of one participant's record: who did what, when, to which part of it.

Reads the append-only audit log for the participant and every record that belongs to them
(aliases, referrals, assessments, screenings, plans with their goals and steps, consents,
contacts, documents, attachments). Only who, when, what action and which entity are returned,
plus the names of changed fields: never a field's value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, literal, select, union_all

from lead_desktop.store.schema import (
    Alias,
    Assessment,
    Attachment,
    AuditEvent,
    Consent,
    Document,
    Encounter,
    PlanGoal,
    PlanStep,
    Referral,
    Screening,
    ServicePlan,
    Worker,
)

#: The most events returned by default; a long-followed person's views add up over the years.
DEFAULT_LIMIT = 5000


@dataclass(frozen=True)
class HistoryEvent:
    """One audited action on a participant's record."""

    seq: int
    at: str
    worker_id: str
    worker_name: str
    action: str
    entity: str | None
    entity_id: str | None
    fields: tuple[str, ...] = ()

    @property
    def local_time(self) -> datetime:
        """When it happened, in this computer's time zone."""
        return local_time(self.at)


def local_time(at: str) -> datetime:
    """Turn a stored UTC timestamp ('...Z') into an aware local datetime."""
    return datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone()


def _owned_ids(participant_id: str) -> Select[Any]:
    """Every id of a record that belongs to the participant (one union, run inside SQLite)."""
    owned = [select(literal(participant_id).label("id"))]
    for model in (
        Alias,
        Referral,
        Assessment,
        Screening,
        ServicePlan,
        Consent,
        Encounter,
        Document,
        Attachment,
    ):
        owned.append(select(model.id).where(model.participant_id == participant_id))
    owned.append(
        select(PlanGoal.id)
        .join(ServicePlan, ServicePlan.id == PlanGoal.plan_id)
        .where(ServicePlan.participant_id == participant_id)
    )
    owned.append(
        select(PlanStep.id)
        .join(PlanGoal, PlanGoal.id == PlanStep.goal_id)
        .join(ServicePlan, ServicePlan.id == PlanGoal.plan_id)
        .where(ServicePlan.participant_id == participant_id)
    )
    return select(union_all(*owned).subquery().c.id)


def _fields(detail: Any) -> tuple[str, ...]:
    names = detail.get("fields") if isinstance(detail, dict) else None
    if not isinstance(names, list):
        return ()
    return tuple(str(n) for n in names if isinstance(n, str))


def history_query(participant_id: str, *, limit: int = DEFAULT_LIMIT) -> Select[Any]:
    """The query behind :func:`record_history` (the entity_id index serves it)."""
    return (
        select(
            AuditEvent.seq,
            AuditEvent.at,
            AuditEvent.worker_id,
            Worker.name,
            Worker.display_name,
            AuditEvent.action,
            AuditEvent.entity,
            AuditEvent.entity_id,
            AuditEvent.detail,
        )
        .outerjoin(Worker, Worker.id == AuditEvent.worker_id)
        .where(AuditEvent.entity_id.in_(_owned_ids(participant_id)))
        .order_by(AuditEvent.seq.desc())
        .limit(limit)
    )


def record_history(
    conn: Connection, participant_id: str, *, limit: int = DEFAULT_LIMIT
) -> list[HistoryEvent]:
    """Return the audit events of a participant's record, newest first (at most ``limit``)."""
    query = history_query(participant_id, limit=limit)
    return [
        HistoryEvent(
            seq=row.seq,
            at=row.at,
            worker_id=row.worker_id,
            worker_name=row.display_name or row.name or "",
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            fields=_fields(row.detail),
        )
        for row in conn.execute(query)
    ]
