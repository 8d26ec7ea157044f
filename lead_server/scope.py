"""Who may see what: a worker's scope, and which team and participant a record belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, select, true
from sqlalchemy.orm import QueryableAttribute

from lead_server.models import Conflict, Record, ScopeEvent

#: Tables whose records belong to a participant through another record: (field, parent table).
VIA_PARENT = {"plan_goal": ("plan_id", "service_plan"), "plan_step": ("goal_id", "plan_goal")}
#: Tables whose team is their own ``team`` field.
OWN_TEAM = frozenset({"participant", "worker"})


@dataclass(frozen=True)
class Principal:
    """The signed-in worker and the device they use."""

    user_id: str
    role: str
    team: str | None
    device_id: str
    revoked: str = "none"

    @property
    def sees_all(self) -> bool:
        """Administrators, and supervisors without a team, see every team."""
        return self.role == "administrator" or (self.role == "supervisor" and self.team is None)


def scope_kind(p: Principal) -> str:
    """The shape of a worker's scope: "all", "team" or "none" (no team). Statements built once
    per shape (the ``*_of`` conditions below) take the team as the parameter ``team``."""
    return "all" if p.sees_all else "team" if p.team is not None else "none"


def _by_team(
    column: QueryableAttribute[str | None], kind: str, everyone: ColumnElement[bool], team: Any
) -> ColumnElement[bool]:
    if kind == "all":
        return everyone
    return column.is_(None) if kind == "none" else column == team


def record_scope(p: Principal) -> ColumnElement[bool]:
    """The condition on records this worker may see."""
    return _by_team(Record.team, scope_kind(p), true(), p.team)


def removal_scope(p: Principal) -> ColumnElement[bool]:
    """The condition on scope events addressed to this worker (none for those who see all)."""
    return _by_team(ScopeEvent.team, scope_kind(p), ScopeEvent.rev < 0, p.team)


def conflict_scope(p: Principal) -> ColumnElement[bool]:
    """The condition on conflicts this worker may see (those on their team's records)."""
    return _by_team(Conflict.team, scope_kind(p), true(), p.team)


def record_scope_of(kind: str) -> ColumnElement[bool]:
    """:func:`record_scope` for a shape of scope, the team as the parameter ``team``."""
    return _by_team(Record.team, kind, true(), bindparam("team"))


def removal_scope_of(kind: str) -> ColumnElement[bool]:
    """:func:`removal_scope` for a shape of scope, the team as the parameter ``team``."""
    return _by_team(ScopeEvent.team, kind, ScopeEvent.rev < 0, bindparam("team"))


def conflict_scope_of(kind: str) -> ColumnElement[bool]:
    """:func:`conflict_scope` for a shape of scope, the team as the parameter ``team``."""
    return _by_team(Conflict.team, kind, true(), bindparam("team"))


def owner_of(conn: Connection, table: str, row_id: str, fields: dict[str, Any]) -> str | None:
    """The participant a record belongs to (itself for a participant), when there is one."""
    if table == "participant":
        return row_id
    if table in VIA_PARENT:
        field, parent = VIA_PARENT[table]
        parent_id = fields.get(field)
        if not isinstance(parent_id, str):
            return None
        owner: str | None = conn.execute(
            select(Record.owner_id).where(Record.table_name == parent, Record.row_id == parent_id)
        ).scalar()
        return owner
    value = fields.get("participant_id")
    return value if isinstance(value, str) else None


def team_of(
    conn: Connection, p: Principal, table: str, owner: str | None, fields: dict[str, Any]
) -> str | None:
    """The team whose scope a record is in: its own, its participant's, or the author's."""
    if table in OWN_TEAM:
        own = fields.get("team")
        return own if isinstance(own, str) and own else p.team
    if owner is not None:
        row = conn.execute(
            select(Record.team).where(Record.table_name == "participant", Record.row_id == owner)
        ).first()
        if row is not None:
            team: str | None = row.team
            return team
    return p.team
