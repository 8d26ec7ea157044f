"""What a worker pulls: pages of records by revision, scope removals, the end-of-sync summary."""

from __future__ import annotations

import hashlib
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, select

from lead_desktop.sync.protocol import (
    PullPage,
    PullRecord,
    ScopeRemoval,
    Summary,
    TableSummary,
    checksum,
)
from lead_server.db import gc_paused
from lead_server.models import Record, RevCounter, ScopeEvent
from lead_server.scope import Principal, record_scope, removal_scope

#: Scopes whose summary each process keeps, per database, and the largest one it keeps.
TALLY_SCOPES = 64
TALLY_MAX_ROWS = 250_000
#: A kept summary older than this is worked out afresh from all rows.
TALLY_TTL_S = 300.0


def pull_page(conn: Connection, p: Principal, cursor: int, limit: int) -> PullPage:
    """The changes after ``cursor`` this worker may see, in revision order, at most ``limit``."""
    with gc_paused():
        return _page(conn, p, cursor, limit)


def _page(conn: Connection, p: Principal, cursor: int, limit: int) -> PullPage:
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
            # Built without validation: these values come from the records table as stored.
            PullRecord.model_construct(
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


@dataclass
class _Tally:
    """One scope's rows by kind at one revision: ``{table: {row_id: rev}}`` and checksums."""

    rev: int
    rows: dict[str, dict[str, int]]
    acc: dict[str, int]
    made: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def summary(self) -> Summary:
        return Summary(
            rev=self.rev,
            tables={
                name: TableSummary(count=len(rows), checksum=f"{self.acc[name]:032x}")
                for name, rows in sorted(self.rows.items())
                if rows
            },
        )


#: Per database (engine), the kept tallies by scope, most recently used last.
_TALLIES: weakref.WeakKeyDictionary[Engine, OrderedDict[tuple[str, str | None], _Tally]] = (
    weakref.WeakKeyDictionary()
)
_TALLIES_LOCK = threading.Lock()


def _digest(row_id: str, rev: int) -> int:
    """One row's share of the checksum (as protocol.checksum computes it)."""
    return int.from_bytes(hashlib.sha256(f"{row_id}:{rev}".encode()).digest()[:16], "big")


def _scope_key(p: Principal) -> tuple[str, str | None]:
    return ("all", None) if p.sees_all else ("team", p.team)


def _full(conn: Connection, p: Principal, rev: int) -> _Tally:
    """Every row of the scope, counted and checksummed."""
    pairs: dict[str, dict[str, int]] = {}
    for r in conn.execute(
        select(Record.table_name, Record.row_id, Record.rev).where(record_scope(p))
    ):
        pairs.setdefault(r.table_name, {})[r.row_id] = int(r.rev)
    acc = {name: int(checksum(rows.items()), 16) for name, rows in pairs.items()}
    return _Tally(rev=rev, rows=pairs, acc=acc)


def _catch_up(conn: Connection, p: Principal, tally: _Tally, rev: int) -> None:
    """Bring a kept tally to ``rev``: the records changed since, and those that left."""
    changed = conn.execute(
        select(Record.table_name, Record.row_id, Record.rev).where(
            Record.rev > tally.rev, Record.rev <= rev, record_scope(p)
        )
    ).all()
    left = conn.execute(
        select(ScopeEvent.table_name, ScopeEvent.row_id, ScopeEvent.rev).where(
            ScopeEvent.rev > tally.rev, ScopeEvent.rev <= rev, removal_scope(p)
        )
    ).all()
    events = sorted(
        [(int(r.rev), True, r.table_name, r.row_id) for r in changed]
        + [(int(r.rev), False, r.table_name, r.row_id) for r in left]
    )
    for at, present, table, row_id in events:
        rows = tally.rows.setdefault(table, {})
        old = rows.pop(row_id, None)
        acc = tally.acc.get(table, 0)
        if old is not None:
            acc ^= _digest(row_id, old)
        if present:
            rows[row_id] = at
            acc ^= _digest(row_id, at)
        tally.acc[table] = acc
    tally.rev = rev


def summary(conn: Connection, p: Principal) -> Summary:
    """Count and checksum per table of what this worker may see (call in one snapshot).

    Each process keeps the last summary of each scope and brings it up to date from the
    records changed since (and the scope removals), so a sync with nothing new costs two
    indexed reads instead of a pass over every record. Revisions become visible in order
    (see push.Revisions), so "changed after the kept revision" misses nothing. A kept
    summary is worked out afresh after TALLY_TTL_S (and at once if the database's counter
    is found below it, as after restoring an older backup under a running server).
    """
    rev = int(conn.execute(select(RevCounter.value).where(RevCounter.id == 1)).scalar_one())
    engine, key = conn.engine, _scope_key(p)
    with _TALLIES_LOCK:
        kept = _TALLIES.setdefault(engine, OrderedDict())
        tally = kept.get(key)
        if tally is not None:
            kept.move_to_end(key)
    if tally is not None and tally.rev <= rev and time.monotonic() - tally.made < TALLY_TTL_S:
        with tally.lock:
            if tally.rev <= rev:
                _catch_up(conn, p, tally, rev)
                return tally.summary()
    with gc_paused():
        fresh = _full(conn, p, rev)
    if sum(len(rows) for rows in fresh.rows.values()) <= TALLY_MAX_ROWS:
        with _TALLIES_LOCK:
            # Even over a newer one (another request's later snapshot): older is still right.
            kept[key] = fresh
            kept.move_to_end(key)
            while len(kept) > TALLY_SCOPES:
                kept.popitem(last=False)
    return fresh.summary()
