"""What the participant record's tabs read (plans, contacts, consents, documents) and the plan save.

Reads take a connection (a read snapshot); :func:`save_plan` and :func:`new_plan_version` take a
write transaction and are built only from the repository functions in
:mod:`lead_desktop.store.casework`, so validation, journal and audit stay in one place.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from lead_desktop.domain import casework as rules
from lead_desktop.domain.dates import parse_date
from lead_desktop.errors import Issue, ValidationError, issue
from lead_desktop.store import casework
from lead_desktop.store.records import get_row
from lead_desktop.store.schema import (
    ChangeJournal,
    Consent,
    Document,
    Encounter,
    PlanGoal,
    ServicePlan,
    Worker,
)
from lead_desktop.store.tx import Tx

#: Fields of a plan header the editor writes (participant and version are set by the store).
PLAN_HEADER = (
    "plan_date",
    "review_date",
    "status",
    "stage_of_change",
    "priorities",
    "immediate_needs",
    "legal_coordination",
)
GOAL_FIELDS = ("domain", "goal", "barriers", "status")
STEP_FIELDS = ("description", "responsible", "partner_name", "target_date", "status", "consent_id")
_FOUR_DIGIT_YEAR = re.compile(r"\d{4}")


def _worker_names(conn: Connection) -> dict[str, str]:
    rows = conn.execute(select(Worker.id, Worker.name, Worker.display_name)).all()
    return {r.id: r.display_name or r.name for r in rows}


# -- plans -------------------------------------------------------------------------------------


def list_plans(conn: Connection, participant_id: str) -> list[dict[str, Any]]:
    """Every version of a participant's service plan, newest version first, with goal counts."""
    goals = (
        select(PlanGoal.plan_id, func.count().label("n"))
        .where(~PlanGoal.deleted)
        .group_by(PlanGoal.plan_id)
        .subquery()
    )
    rows = conn.execute(
        select(ServicePlan, func.coalesce(goals.c.n, 0).label("goal_count"))
        .outerjoin(goals, goals.c.plan_id == ServicePlan.id)
        .where(ServicePlan.participant_id == participant_id, ~ServicePlan.deleted)
        .order_by(ServicePlan.version.desc(), ServicePlan.id.desc())
    ).mappings()
    names = _worker_names(conn)
    out = []
    for row in rows:
        plan = dict(row)
        plan["updated_by_name"] = names.get(plan["updated_by"], "")
        plan["case_manager_name"] = names.get(plan["case_manager_id"] or "", "")
        out.append(plan)
    return out


def current_plan(conn: Connection, participant_id: str) -> dict[str, Any] | None:
    """The newest plan version with its goals and steps, or None when there is no plan yet."""
    plans = list_plans(conn, participant_id)
    if not plans:
        return None
    tree = casework.plan_tree(conn, plans[0]["id"])
    tree["case_manager_name"] = plans[0]["case_manager_name"]
    return tree


def plan_history(conn: Connection, participant_id: str) -> list[dict[str, Any]]:
    """Creation, status and review-date changes of every plan version, newest first."""
    plans = {p["id"]: p["version"] for p in list_plans(conn, participant_id)}
    if not plans:
        return []
    names = _worker_names(conn)
    rows = conn.execute(
        select(ChangeJournal)
        .where(ChangeJournal.table_name == "service_plan", ChangeJournal.row_id.in_(plans))
        .order_by(ChangeJournal.seq.desc())
    ).mappings()
    events: list[dict[str, Any]] = []
    for row in rows:
        base = {
            "at": row["at"],
            "by": names.get(row["worker_id"], ""),
            "version": plans[row["row_id"]],
        }
        fields = row["fields"] or {}
        if row["op"] == "insert":
            status = (fields.get("status") or [None, None])[1]
            events.append({**base, "event": "created", "old": None, "new": status})
            continue
        for name in ("status", "review_date"):
            if name in fields:
                old, new = fields[name]
                events.append({**base, "event": name, "old": old, "new": new})
    return events


# -- contacts, consents, documents ---------------------------------------------------------


def list_contacts(
    conn: Connection, participant_id: str, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """A participant's contacts, newest first, with the name of the worker who logged each."""
    query = (
        select(Encounter)
        .where(Encounter.participant_id == participant_id, ~Encounter.deleted)
        .order_by(Encounter.occurred_at.desc(), Encounter.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    names = _worker_names(conn)
    out = []
    for row in conn.execute(query).mappings():
        contact = dict(row)
        contact["logged_by_name"] = names.get(contact["updated_by"], "")
        out.append(contact)
    return out


def count_contacts_since(conn: Connection, participant_id: str, since: str) -> int:
    """How many contacts a participant had at or after ``since`` (ISO date or date-time)."""
    return int(
        conn.execute(
            select(func.count()).where(
                Encounter.participant_id == participant_id,
                ~Encounter.deleted,
                Encounter.occurred_at >= since,
            )
        ).scalar_one()
    )


def list_consents(conn: Connection, participant_id: str) -> list[dict[str, Any]]:
    """A participant's consents, the newest recorded first."""
    return [
        dict(r)
        for r in conn.execute(
            select(Consent)
            .where(Consent.participant_id == participant_id, ~Consent.deleted)
            .order_by(Consent.id.desc())
        ).mappings()
    ]


def list_documents(conn: Connection, participant_id: str) -> list[dict[str, Any]]:
    """The documents generated for a participant, newest first."""
    return [
        dict(r)
        for r in conn.execute(
            select(Document)
            .where(Document.participant_id == participant_id, ~Document.deleted)
            .order_by(Document.id.desc())
        ).mappings()
    ]


# -- the plan editor's save ----------------------------------------------------------------


def normalize_date(text: str | None) -> str | None:
    """A typed date as ISO text when it is one with a full year ('3/5/2026'), else as typed."""
    value = (text or "").strip()
    if not value:
        return None
    if _FOUR_DIGIT_YEAR.search(value):
        parsed = parse_date(value)
        if parsed is not None:
            return parsed.isoformat()
    return value


@dataclass
class PlanIssues:
    """Where each problem of a plan being edited lies: the header, a goal, or a step."""

    header: list[Issue] = field(default_factory=list)
    goals: dict[int, list[Issue]] = field(default_factory=dict)
    steps: dict[tuple[int, int], list[Issue]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.header or self.goals or self.steps)

    def all(self) -> list[Issue]:
        """Every issue, header first, then goals and steps in plan order."""
        keyed: list[tuple[tuple[int, int], list[Issue]]] = [
            ((g, -1), issues) for g, issues in self.goals.items()
        ]
        keyed += list(self.steps.items())
        out = list(self.header)
        for _, issues in sorted(keyed, key=lambda item: item[0]):
            out += issues
        return out


def _pick(data: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    return {n: data.get(n) for n in names if n in data}


def _header_values(header: Mapping[str, Any]) -> dict[str, Any]:
    values = _pick(header, PLAN_HEADER)
    for name in ("plan_date", "review_date"):
        if name in values:
            values[name] = normalize_date(values[name])
    return values


def _step_values(step: Mapping[str, Any], position: int) -> dict[str, Any]:
    values = _pick(step, STEP_FIELDS)
    if "target_date" in values:
        values["target_date"] = normalize_date(values["target_date"])
    if values.get("responsible") != "partner":
        values["partner_name"] = None
    return {**values, "position": position}


def check_plan(
    participant_id: str, header: Mapping[str, Any], goals: Sequence[Mapping[str, Any]]
) -> PlanIssues:
    """Validate a whole plan as edited (no store needed): every issue, each where it lies."""
    found = PlanIssues()
    try:
        rules.validate_plan({**_header_values(header), "participant_id": participant_id})
    except ValidationError as exc:
        found.header = exc.issues
    for g, goal in enumerate(goals):
        try:
            rules.validate_goal({**_pick(goal, GOAL_FIELDS), "position": g})
        except ValidationError as exc:
            found.goals[g] = exc.issues
        for s, step in enumerate(goal.get("steps") or []):
            try:
                rules.validate_step(_step_values(step, s))
            except ValidationError as exc:
                found.steps[(g, s)] = exc.issues
    return found


def save_plan(
    tx: Tx,
    *,
    participant_id: str,
    plan_id: str | None,
    header: Mapping[str, Any],
    goals: Sequence[Mapping[str, Any]],
) -> str:
    """Write a plan as edited: header, then goals and steps in order (new ones added)."""
    found = check_plan(participant_id, header, goals)
    if found:
        raise ValidationError(found.all())
    values = _header_values(header)
    if plan_id is None:
        plan_id = casework.create_plan(
            tx,
            data={
                **values,
                "participant_id": participant_id,
                "case_manager_id": tx.actor.worker_id,
            },
        )
    else:
        if get_row(tx, ServicePlan, plan_id)["participant_id"] != participant_id:
            raise ValidationError([issue("plan", "belongs to someone else", "reopen the record")])
        casework.update_plan(tx, plan_id, data=values)
    for g, goal in enumerate(goals):
        goal_values = {**_pick(goal, GOAL_FIELDS), "position": g}
        goal_id = goal.get("id")
        if goal_id:
            casework.update_goal(tx, goal_id, data=goal_values)
        else:
            goal_id = casework.add_goal(tx, plan_id=plan_id, data=goal_values)
        for s, step in enumerate(goal.get("steps") or []):
            step_values = _step_values(step, s)
            if step.get("id"):
                casework.update_step(tx, step["id"], data=step_values)
            else:
                casework.add_step(tx, goal_id=goal_id, data=step_values)
    return plan_id


def new_plan_version(tx: Tx, *, plan_id: str, plan_date: str) -> str:
    """Close a review: mark a plan reviewed and start the next version with its goals and steps."""
    tree = casework.plan_tree(tx.conn, plan_id)
    newest = tx.conn.execute(
        select(func.max(ServicePlan.version)).where(
            ServicePlan.participant_id == tree["participant_id"], ~ServicePlan.deleted
        )
    ).scalar_one()
    if tree["status"] != "reviewed":
        casework.update_plan(tx, plan_id, data={"status": "reviewed"})
    header = {n: copy.deepcopy(tree[n]) for n in PLAN_HEADER}
    header.update(plan_date=plan_date, status="draft", review_date=None)
    new_id = casework.create_plan(
        tx,
        data={
            **header,
            "participant_id": tree["participant_id"],
            "version": int(newest or 0) + 1,
            "case_manager_id": tree["case_manager_id"] or tx.actor.worker_id,
        },
    )
    goals = [
        {**_pick(g, GOAL_FIELDS), "steps": [_pick(s, STEP_FIELDS) for s in g["steps"]]}
        for g in tree["goals"]
    ]
    for g, goal in enumerate(goals):
        goal_id = casework.add_goal(
            tx, plan_id=new_id, data={**_pick(goal, GOAL_FIELDS), "position": g}
        )
        for s, step in enumerate(goal["steps"]):
            casework.add_step(tx, goal_id=goal_id, data={**step, "position": s})
    return new_id
