"""Conflicts on this laptop: list the open ones, resolve one, and file what the server says.

A conflict is one field two laptops changed; the server kept one value (``kept``) and set the
other aside (``other``). Resolving picks one of them in one local transaction: when the pick
differs from the record's value here, it is written through the ordinary journaled update, so
it syncs like any edit; the conflict is marked resolved with a pending flag, cleared once the
server has confirmed the resolution (see lead_desktop/sync/conflicts.py). Values are personal
data: they are shown to the person resolving, never logged or audited (only field names are).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from sqlalchemy import Connection, Table, func, insert, select, update

from lead_desktop.domain.participant import NAME_FIELDS, display_name
from lead_desktop.errors import NotFoundError, StoreError
from lead_desktop.store.ids import uuid7
from lead_desktop.store.participants import reindex
from lead_desktop.store.records import table_of, tombstone_row, update_row
from lead_desktop.store.schema import (
    SYNCED_TABLES,
    ChangeJournal,
    Conflict,
    PlanGoal,
    ServicePlan,
    SyncState,
    Worker,
)
from lead_desktop.store.tx import Tx

logger = logging.getLogger(__name__)

#: SyncState key of the server's conflict revision this laptop has seen up to.
NOTICE_CURSOR_KEY = "conflict_cursor"

Choice = Literal["this", "other"]


@dataclass(frozen=True)
class Side:
    """One of the two values, with who set it and when (UTC, ISO 8601)."""

    value: Any
    by: str | None
    at: str | None


@dataclass(frozen=True)
class OpenConflict:
    """An open conflict as the review screen shows it."""

    id: str
    table: str
    row_id: str
    field: str
    participant_id: str | None
    participant_name: str | None
    #: The value the server kept, which the record holds after a sync ("this" value).
    kept: Side
    #: The value set aside ("the other value").
    other: Side
    #: The record's value on this laptop now (None when the record is not here).
    current: Any


@dataclass(frozen=True)
class Resolved:
    """What resolving did: the value chosen and whether it changed the record here."""

    conflict_id: str
    table: str
    row_id: str
    participant_id: str | None
    value: Any
    changed_record: bool


@dataclass(frozen=True)
class PendingResolution:
    """A resolution made here that the server has not confirmed yet."""

    conflict_id: str
    table: str
    row_id: str
    resolution_id: str
    value: Any


_TABLE = cast(Table, Conflict.__table__)


def count_open(conn: Connection) -> int:
    """How many conflicts wait for a person to pick a value."""
    return int(
        conn.execute(
            select(func.count()).select_from(_TABLE).where(Conflict.resolved_at.is_(None))
        ).scalar_one()
    )


def open_conflicts(conn: Connection) -> list[OpenConflict]:
    """Every open conflict, oldest first, with its participant and both values."""
    rows = (
        conn.execute(
            select(_TABLE)
            .where(Conflict.resolved_at.is_(None))
            .order_by(Conflict.detected_at, Conflict.id)
        )
        .mappings()
        .all()
    )
    out = []
    for row in rows:
        record = _record(conn, row["table_name"], row["row_id"])
        participant_id = _participant_of(conn, row["table_name"], row["row_id"], record)
        person = _record(conn, "participant", participant_id) if participant_id else None
        out.append(
            OpenConflict(
                id=row["id"],
                table=row["table_name"],
                row_id=row["row_id"],
                field=row["field"],
                participant_id=participant_id,
                participant_name=display_name(person) if person else None,
                kept=Side(row["server_value"], row["server_by_name"], row["server_at"]),
                other=Side(row["local_value"], row["local_by_name"], row["detected_at"]),
                current=record.get(row["field"]) if record else None,
            )
        )
    return out


def resolve(tx: Tx, conflict_id: str, choice: Choice) -> Resolved:
    """Keep the value the server kept (``"this"``) or use the one set aside (``"other"``)."""
    row = _open_row(tx, conflict_id)
    value = row["server_value"] if choice == "this" else row["local_value"]
    return _resolve(tx, row, value)


def resolve_with(tx: Tx, conflict_id: str, value: Any) -> Resolved:
    """Resolve with a value of the person's own (for instance, both values merged by hand)."""
    return _resolve(tx, _open_row(tx, conflict_id), value)


def _open_row(tx: Tx, conflict_id: str) -> dict[str, Any]:
    row = tx.conn.execute(select(_TABLE).where(Conflict.id == conflict_id)).mappings().first()
    if row is None:
        raise NotFoundError(
            "This conflict is no longer on this laptop; close the list and open it again."
        )
    if row["resolved_at"] is not None:
        raise StoreError(
            "Someone already resolved this conflict; close the list and open it again to see "
            "what is left."
        )
    return dict(row)


def _resolve(tx: Tx, row: Mapping[str, Any], value: Any) -> Resolved:
    """Write the chosen value as an ordinary change when it differs; mark the conflict."""
    table, row_id, name = row["table_name"], row["row_id"], row["field"]
    record = _record(tx.conn, table, row_id)
    changed = False
    model = SYNCED_TABLES.get(table)
    if model is not None and record is not None and name in record:
        if name == "deleted":
            if value is True and not record["deleted"]:
                tombstone_row(tx, model, row_id)
                changed = True
        elif not record["deleted"] and record[name] != value:
            changed = bool(update_row(tx, model, row_id, {name: value}))
        if changed:
            _reindex_after(tx, table, row_id, name)
    tx.conn.execute(
        update(_TABLE)
        .where(Conflict.id == row["id"])
        .values(
            resolved_at=tx.now,
            resolved_value=value,
            resolved_by_name=_worker_name(tx.conn, tx.actor.worker_id),
            resolution_id=uuid7(),
            resolution_pending=True,
        )
    )
    tx.audit("conflict_resolved", table, row_id, {"field": name, "changed": changed})
    logger.info("conflict resolved here", extra={"conflict_id": row["id"], "changed": changed})
    return Resolved(
        conflict_id=row["id"],
        table=table,
        row_id=row_id,
        participant_id=_participant_of(tx.conn, table, row_id, record),
        value=value,
        changed_record=changed,
    )


# -- what sync files here -----------------------------------------------------------------------


def any_pending(conn: Connection) -> bool:
    """Whether a resolution made here waits for the server's confirmation."""
    pending = select(Conflict.id).where(Conflict.resolution_pending.is_(True)).exists()
    return bool(conn.execute(select(pending)).scalar())


def pending_resolutions(conn: Connection) -> list[PendingResolution]:
    """Resolutions made here and not yet confirmed by the server, oldest first."""
    rows = conn.execute(
        select(
            Conflict.id,
            Conflict.table_name,
            Conflict.row_id,
            Conflict.resolution_id,
            Conflict.resolved_value,
        )
        .where(Conflict.resolution_pending.is_(True))
        .order_by(Conflict.resolved_at, Conflict.id)
    ).all()
    return [
        PendingResolution(r.id, r.table_name, r.row_id, r.resolution_id or "", r.resolved_value)
        for r in rows
    ]


def has_unpushed_change(conn: Connection, table: str, row_id: str) -> bool:
    """Whether a local change of this record still waits to be pushed."""
    found = conn.execute(
        select(ChangeJournal.seq)
        .where(
            ChangeJournal.pushed_at.is_(None),
            ChangeJournal.table_name == table,
            ChangeJournal.row_id == row_id,
        )
        .limit(1)
    ).first()
    return found is not None


@dataclass(frozen=True)
class PushedConflict:
    """A conflict a push of this laptop's change raised, as the push answer tells it."""

    id: str
    field: str
    server_value: Any
    local_value: Any


def file_pushed(
    tx: Tx,
    *,
    table: str,
    row_id: str,
    seq: int,
    worker_id: str,
    conflicts: Iterable[PushedConflict],
) -> None:
    """File the conflicts a pushed change raised, and give the record the server's value.

    The server kept its value; the record here takes it too (as a pull would), unless a later
    local change of the same field still waits to be pushed. The value this laptop pushed stays
    in the conflict until a person picks one. A conflict already filed (a notice, or an earlier
    answer to the same change) is left as it is.
    """
    name = _worker_name(tx.conn, worker_id)
    later = _later_fields(tx.conn, table, row_id, seq)
    for c in conflicts:
        known = tx.conn.execute(select(Conflict.id).where(Conflict.id == c.id)).first()
        if known is None:
            tx.conn.execute(
                insert(_TABLE).values(
                    id=c.id,
                    table_name=table,
                    row_id=row_id,
                    field=c.field,
                    local_value=c.local_value,
                    server_value=c.server_value,
                    server_by=None,
                    server_at=None,
                    detected_at=tx.now,
                    resolved_at=None,
                    local_by=None,
                    local_by_name=name,
                    resolution_pending=False,
                )
            )
            if c.field not in later:
                _take_server_value(tx, table, row_id, c.field, c.server_value)


def file_notice(tx: Tx, notice: Mapping[str, Any], *, confirmed: bool = False) -> None:
    """File one conflict as the server holds it (a notice, or the answer to a resolution).

    A resolution made here and not confirmed yet is kept, unless ``confirmed`` (the server's
    answer to that very resolution, which this laptop adopts even when someone else's came
    first). An older notice never overwrites a newer one.
    """
    resolution = notice.get("resolution")
    values: dict[str, Any] = {
        "rev": notice["rev"],
        "table_name": notice["table"],
        "row_id": notice["row_id"],
        "field": notice["field"],
        "server_value": notice.get("server_value"),
        "server_by": notice.get("server_by"),
        "server_by_name": notice.get("server_by_name"),
        "server_at": notice.get("server_at"),
        "local_value": notice.get("client_value"),
        "local_by": notice.get("client_by"),
        "local_by_name": notice.get("client_by_name"),
        "local_device": notice.get("client_device"),
        "detected_at": notice["client_at"],
    }
    settled: dict[str, Any] = {}
    if resolution is not None:
        settled = {
            "resolved_at": resolution["at"],
            "resolved_value": resolution.get("value"),
            "resolved_by_name": resolution.get("by_name"),
            "resolution_id": resolution["resolution_id"],
            "resolution_pending": False,
        }
    elif confirmed:
        settled = {"resolution_pending": False}
    known = tx.conn.execute(
        select(Conflict.rev, Conflict.resolution_pending).where(Conflict.id == notice["id"])
    ).first()
    if known is None:
        row = {"resolved_at": None, "resolution_pending": False, **values, **settled}
        tx.conn.execute(insert(_TABLE).values(id=notice["id"], **row))
        return
    if known.rev is not None and known.rev > notice["rev"] and not confirmed:
        return
    if known.resolution_pending and not confirmed:
        settled = {}
    tx.conn.execute(update(_TABLE).where(Conflict.id == notice["id"]).values(**values, **settled))


def drop_pending(tx: Tx, conflict_id: str) -> None:
    """Stop sending a resolution the server cannot take (it does not know the conflict)."""
    tx.conn.execute(
        update(_TABLE).where(Conflict.id == conflict_id).values(resolution_pending=False)
    )


def notice_cursor(conn: Connection) -> int:
    """The server conflict revision this laptop has filed notices up to."""
    value = conn.execute(select(SyncState.value).where(SyncState.key == NOTICE_CURSOR_KEY)).scalar()
    return int(value or 0)


def set_notice_cursor(tx: Tx, value: int) -> None:
    """Move the notice cursor (in the transaction that filed the notices)."""
    done = tx.conn.execute(
        update(SyncState).where(SyncState.key == NOTICE_CURSOR_KEY).values(value=str(value))
    ).rowcount
    if not done:
        tx.conn.execute(insert(SyncState).values(key=NOTICE_CURSOR_KEY, value=str(value)))


# -- helpers ------------------------------------------------------------------------------------


def _record(conn: Connection, table: str, row_id: str | None) -> dict[str, Any] | None:
    model = SYNCED_TABLES.get(table)
    if model is None or row_id is None:
        return None
    t = table_of(model)
    row = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
    return dict(row) if row is not None else None


def _participant_of(
    conn: Connection, table: str, row_id: str, record: Mapping[str, Any] | None
) -> str | None:
    """The participant a record belongs to (itself for a participant), when there is one."""
    if table == "participant":
        return row_id
    if record is None:
        return None
    if table == "plan_step":
        plan_id = conn.execute(
            select(PlanGoal.plan_id).where(PlanGoal.id == record.get("goal_id"))
        ).scalar()
        record = {"plan_id": plan_id}
        table = "plan_goal"
    if table == "plan_goal":
        owner: str | None = conn.execute(
            select(ServicePlan.participant_id).where(ServicePlan.id == record.get("plan_id"))
        ).scalar()
        return owner
    value = record.get("participant_id")
    return value if isinstance(value, str) else None


def _worker_name(conn: Connection, worker_id: str) -> str | None:
    row = conn.execute(
        select(Worker.name, Worker.display_name).where(Worker.id == worker_id)
    ).first()
    return (row.display_name or row.name) if row is not None else None


def _later_fields(conn: Connection, table: str, row_id: str, seq: int) -> set[str]:
    """Fields of this record that later local changes, not pushed yet, touch."""
    out: set[str] = set()
    for fields in conn.execute(
        select(ChangeJournal.fields).where(
            ChangeJournal.pushed_at.is_(None),
            ChangeJournal.table_name == table,
            ChangeJournal.row_id == row_id,
            ChangeJournal.seq > seq,
        )
    ).scalars():
        out |= set(fields)
    return out


def _take_server_value(tx: Tx, table: str, row_id: str, field: str, value: Any) -> None:
    """Set one field to the value the server kept (not journaled: it is the server's state)."""
    model = SYNCED_TABLES.get(table)
    if model is None:
        return
    t = table_of(model)
    if field not in t.c:
        return
    done = tx.conn.execute(update(t).where(t.c.id == row_id).values({field: value})).rowcount
    if done:
        _reindex_after(tx, table, row_id, field)


def _reindex_after(tx: Tx, table: str, row_id: str, field: str) -> None:
    """Keep name search in step after a participant's name or an alias changed."""
    if table == "participant" and field in (*NAME_FIELDS, "deleted"):
        reindex(tx, row_id)
    elif table == "alias":
        record = _record(tx.conn, table, row_id)
        owner = record.get("participant_id") if record else None
        if isinstance(owner, str):
            reindex(tx, owner)
