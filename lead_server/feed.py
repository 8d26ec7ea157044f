"""What a worker pulls: pages of records by revision, scope removals, the end-of-sync summary."""

from __future__ import annotations

from sqlalchemy import Connection, select

from lead_desktop.sync.protocol import (
    PullPage,
    PullRecord,
    ScopeRemoval,
    Summary,
    TableSummary,
    checksum,
)
from lead_server.models import Record, RevCounter, ScopeEvent
from lead_server.scope import Principal, record_scope, removal_scope


def pull_page(conn: Connection, p: Principal, cursor: int, limit: int) -> PullPage:
    """The changes after ``cursor`` this worker may see, in revision order, at most ``limit``."""
    records = conn.execute(
        select(Record.table_name, Record.row_id, Record.rev, Record.fields, Record.deleted)
        .where(Record.rev > cursor, record_scope(p))
        .order_by(Record.rev)
        .limit(limit)
    ).all()
    removals = conn.execute(
        select(ScopeEvent.table_name, ScopeEvent.row_id, ScopeEvent.rev)
        .where(ScopeEvent.rev > cursor, removal_scope(p))
        .order_by(ScopeEvent.rev)
        .limit(limit)
    ).all()
    items = sorted([*records, *removals], key=lambda r: int(r.rev))
    done = len(records) < limit and len(removals) < limit and len(items) <= limit
    items = items[:limit]
    horizon = int(items[-1].rev) if items else cursor
    return PullPage(
        cursor=cursor,
        records=[
            PullRecord(
                table=r.table_name, row_id=r.row_id, rev=r.rev, fields=r.fields, deleted=r.deleted
            )
            for r in records
            if r.rev <= horizon
        ],
        scope_removed=[
            ScopeRemoval(table=r.table_name, row_id=r.row_id, rev=r.rev)
            for r in removals
            if r.rev <= horizon
        ],
        next_cursor=horizon,
        done=done,
    )


def summary(conn: Connection, p: Principal) -> Summary:
    """Count and checksum per table of what this worker may see (call in one snapshot)."""
    rev = int(conn.execute(select(RevCounter.value).where(RevCounter.id == 1)).scalar_one())
    pairs: dict[str, list[tuple[str, int | None]]] = {}
    for r in conn.execute(
        select(Record.table_name, Record.row_id, Record.rev).where(record_scope(p))
    ):
        pairs.setdefault(r.table_name, []).append((r.row_id, int(r.rev)))
    return Summary(
        rev=rev,
        tables={
            name: TableSummary(count=len(rows), checksum=checksum(rows))
            for name, rows in sorted(pairs.items())
        },
    )
