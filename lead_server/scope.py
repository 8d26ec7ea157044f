"""Who may see what: a worker's scope, and which team and participant a record belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, select, true

from lead_server.models import Record, ScopeEvent

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


def record_scope(p: Principal) -> ColumnElement[bool]:
    """The condition on records this worker may see."""
    if p.sees_all:
        return true()
    return Record.team == p.team if p.team is not None else Record.team.is_(None)


def removal_scope(p: Principal) -> ColumnElement[bool]:
    """The condition on scope events addressed to this worker (none for those who see all)."""
    if p.sees_all:
        return ScopeEvent.rev < 0
    return ScopeEvent.team == p.team if p.team is not None else ScopeEvent.team.is_(None)


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
