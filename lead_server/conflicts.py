"""Conflict notices and resolutions: every device in scope sees a conflict, either side resolves.

A conflict's revision comes from the global counter when it is stored and again when it is
resolved, so ``GET /conflicts?since=N`` hands each device what changed after its own conflict
cursor, in order. ``POST /conflicts/{id}/resolve`` records a person's choice once: the chosen
value itself reached the server before, as an ordinary pushed change. A repeat of the same
resolution gets the same answer; a resolution of a conflict someone already resolved gets that
earlier resolution back (the device adopts it), and when the two choices differ a new conflict
between them is opened, so neither choice is dropped unseen.
"""

# No ``from __future__ import annotations``: FastAPI reads the route signatures at definition
# time.

import json
import logging
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import Connection, insert, select, update

from lead_desktop.store.ids import utcnow, uuid7
from lead_desktop.sync.protocol import (
    MAX_CONFLICT_PAGE,
    ConflictNotice,
    ConflictPage,
    ConflictResolution,
    ResolveRequest,
    ResolveResponse,
)
from lead_server.db import read_tx, write_tx
from lead_server.deps import ApiError, Reading, Signed, check_protocol, engine_of
from lead_server.models import Conflict, Record, User
from lead_server.models import ConflictResolution as Resolution
from lead_server.revisions import Revisions
from lead_server.scope import Principal, conflict_scope

logger = logging.getLogger(__name__)

router = APIRouter()


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values (as the push merge compares them)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _names(conn: Connection, ids: Iterable[str | None]) -> dict[str, str]:
    """Worker names by user id (the people behind each side of a conflict)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    rows = conn.execute(select(User.id, User.name).where(User.id.in_(wanted)))
    return {r.id: r.name for r in rows}


def _notices(conn: Connection, rows: Sequence[Any]) -> list[ConflictNotice]:
    """Conflict rows as notices, with the names of the people involved."""
    names = _names(conn, [i for r in rows for i in (r.server_by, r.user_id, r.resolved_by)])
    out = []
    for r in rows:
        resolution = None
        if r.resolved_at is not None:
            resolution = ConflictResolution(
                value=r.resolved_value,
                by=r.resolved_by or "",
                by_name=names.get(r.resolved_by or ""),
                device_id=r.resolved_device or "",
                at=r.resolved_at,
                resolution_id=r.resolution_id or "",
            )
        out.append(
            ConflictNotice(
                id=r.id,
                rev=r.rev,
                table=r.table_name,
                row_id=r.row_id,
                field=r.field,
                server_value=r.server_value,
                server_by=r.server_by,
                server_by_name=names.get(r.server_by or ""),
                server_at=r.server_at,
                client_value=r.client_value,
                client_by=r.user_id,
                client_by_name=names.get(r.user_id),
                client_device=r.device_id,
                client_at=r.detected_at,
                resolution=resolution,
            )
        )
    return out


@router.get("/conflicts")
def list_conflicts(
    request: Request,
    p: Reading,
    since: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_CONFLICT_PAGE)] = 200,
) -> ConflictPage:
    """Conflicts (open and resolved) on records this worker may see, revised after ``since``."""
    with read_tx(engine_of(request)) as conn:
        rows = conn.execute(
            select(Conflict)
            .where(Conflict.rev > since, conflict_scope(p))
            .order_by(Conflict.rev)
            .limit(limit + 1)
        ).all()
        more = len(rows) > limit
        rows = rows[:limit]
        notices = _notices(conn, rows)
    return ConflictPage(
        since=since,
        conflicts=notices,
        next_cursor=int(rows[-1].rev) if rows else since,
        done=not more,
    )


@router.post("/conflicts/{conflict_id}/resolve")
def resolve(
    request: Request,
    conflict_id: Annotated[str, Path(min_length=1, max_length=36)],
    body: ResolveRequest,
    p: Signed,
) -> ResolveResponse:
    """Record a person's choice for a conflict; idempotent by ``resolution_id``."""
    check_protocol(body.protocol)
    with write_tx(engine_of(request)) as conn:
        earlier = conn.execute(
            select(Resolution).where(Resolution.resolution_id == body.resolution_id)
        ).first()
        if earlier is not None:
            if earlier.conflict_id != conflict_id:
                raise ApiError(
                    409,
                    "resolution_reused",
                    "This resolution id was already used for another conflict; resolve again "
                    "from the conflict-review screen.",
                )
            row = _load(conn, p, conflict_id)
            return ResolveResponse(
                conflict=_notices(conn, [row])[0],
                accepted=earlier.accepted,
                followup_id=earlier.followup_id,
            )
        revs = Revisions(conn)  # every writer takes the revision lock first
        row = _load(conn, p, conflict_id, lock=True)
        now = utcnow()
        accepted = row.resolved_at is None
        followup = None
        if accepted:
            conn.execute(
                update(Conflict)
                .where(Conflict.id == conflict_id)
                .values(
                    rev=revs.next(),
                    resolved_at=now,
                    resolved_value=body.value,
                    resolved_by=p.user_id,
                    resolved_device=p.device_id,
                    resolution_id=body.resolution_id,
                )
            )
        elif not _same(row.resolved_value, body.value):
            followup = _follow_up(conn, revs, p, row, value=body.value, now=now)
        conn.execute(
            insert(Resolution).values(
                resolution_id=body.resolution_id,
                conflict_id=conflict_id,
                value=body.value,
                user_id=p.user_id,
                device_id=p.device_id,
                at=now,
                accepted=accepted,
                followup_id=followup,
            )
        )
        revs.save()
        row = _load(conn, p, conflict_id)
        answer = ResolveResponse(
            conflict=_notices(conn, [row])[0], accepted=accepted, followup_id=followup
        )
    logger.info(
        "conflict resolution",
        extra={
            "conflict_id": conflict_id,
            "device_id": p.device_id,
            "accepted": accepted,
            "followup_id": followup,
        },
    )
    return answer


def _load(conn: Connection, p: Principal, conflict_id: str, *, lock: bool = False) -> Any:
    """One conflict in this worker's scope (locked for update when asked), or a 404 answer."""
    query = select(Conflict).where(Conflict.id == conflict_id, conflict_scope(p))
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise ApiError(
            404,
            "no_conflict",
            "This conflict is not on the server or not in your team's records; sync again to "
            "refresh the list of conflicts.",
        )
    return row


def _follow_up(
    conn: Connection, revs: Revisions, p: Principal, row: Any, *, value: Any, now: str
) -> str:
    """Two people chose differently: open a conflict between the value the record holds and
    the choice it does not hold, with who and when for each. Return its id."""
    record = conn.execute(
        select(Record.fields, Record.deleted, Record.team, Record.rev)
        .add_columns(Record.updated_by, Record.updated_at)
        .where(Record.table_name == row.table_name, Record.row_id == row.row_id)
    ).first()
    current: Any = None
    if record is not None:
        current = {**record.fields, "deleted": record.deleted}.get(row.field)
    if _same(current, value):
        # The record holds this late choice (its change was pushed first): the earlier one
        # is the value set aside.
        other, by, device, at = (
            row.resolved_value,
            row.resolved_by,
            row.resolved_device,
            row.resolved_at,
        )
    else:
        other, by, device, at = value, p.user_id, p.device_id, now
    followup = uuid7()
    conn.execute(
        insert(Conflict).values(
            id=followup,
            rev=revs.next(),
            team=record.team if record is not None else row.team,
            table_name=row.table_name,
            row_id=row.row_id,
            field=row.field,
            server_value=current,
            server_by=record.updated_by if record is not None else None,
            server_at=record.updated_at if record is not None else None,
            server_rev=int(record.rev) if record is not None else row.server_rev,
            client_value=other,
            change_id=row.resolution_id or row.change_id,
            device_id=device or p.device_id,
            user_id=by or p.user_id,
            detected_at=at or now,
            resolved_at=None,
        )
    )
    return followup
