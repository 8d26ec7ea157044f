"""What a worker pulls: pages of records by revision, scope removals, the end-of-sync summary."""

from __future__ import annotations

import functools
import hashlib
import json
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Engine,
    Integer,
    Select,
    Text,
    bindparam,
    cast,
    func,
    literal_column,
    null,
    select,
    true,
    union_all,
)

from lead_desktop.sync.protocol import (
    PROTOCOL_VERSION,
    Summary,
    TableSummary,
    checksum,
)
from lead_server.db import gc_paused
from lead_server.models import Conflict, Record, RevCounter, ScopeEvent
from lead_server.scope import (
    Principal,
    conflict_scope_of,
    record_scope,
    record_scope_of,
    removal_scope,
    removal_scope_of,
    scope_kind,
)

#: Scopes whose summary each process keeps, per database, and the largest one it keeps.
TALLY_SCOPES = 64
TALLY_MAX_ROWS = 250_000
#: A kept summary older than this is worked out afresh from all rows.
TALLY_TTL_S = 300.0


def pull_page(conn: Connection, p: Principal, cursor: int, limit: int) -> str:
    """The changes after ``cursor`` this worker may see, in revision order, at most ``limit``,
    as the JSON text of a ``PullPage``.

    Each record's fields go out as the text the database holds: decoding them only to encode
    them again was most of a page's cost.
    """
    with gc_paused():
        return _page(conn, p, cursor, limit)


@functools.cache
def _page_statement(kind: str) -> Select[Any]:
    """The page query for one kind of scope, built once (parameters: cursor, limit, team).

    One statement (one snapshot, one round trip): the first ``limit`` changes of records and
    of scope removals after the cursor, merged by revision, each row with the newest conflict
    revision in scope (one row of nothing but that when there are no changes).
    """
    after = bindparam("cursor", type_=Integer)
    limit = bindparam("limit", type_=Integer)
    changed = (
        select(
            literal_column("1").label("kind"),
            Record.table_name,
            Record.row_id,
            Record.rev,
            cast(Record.fields, Text).label("fields_json"),
            Record.deleted,
        )
        .where(Record.rev > after, record_scope_of(kind))
        .order_by(Record.rev)
        .limit(limit)
        .subquery()
    )
    left = (
        select(
            literal_column("2").label("kind"),
            ScopeEvent.table_name,
            ScopeEvent.row_id,
            ScopeEvent.rev,
            cast(null(), Text).label("fields_json"),
            cast(null(), Boolean).label("deleted"),
        )
        .where(ScopeEvent.rev > after, removal_scope_of(kind))
        .order_by(ScopeEvent.rev)
        .limit(limit)
        .subquery()
    )
    both = union_all(select(changed), select(left)).subquery()
    newest = (
        select(func.max(Conflict.rev).label("conflict_rev"))
        .where(conflict_scope_of(kind))
        .subquery()
    )
    return (
        select(newest.c.conflict_rev, *both.c)
        .select_from(newest.outerjoin(both, true()))
        .order_by(both.c.rev)
        .limit(limit)
    )


def _page(conn: Connection, p: Principal, cursor: int, limit: int) -> str:
    rows = conn.execute(
        _page_statement(scope_kind(p)), {"cursor": cursor, "limit": limit + 1, "team": p.team}
    ).all()
    conflict_rev = int(rows[0].conflict_rev or 0)
    items = [r for r in rows if r.kind is not None]
    # Fewer than limit + 1 in all: neither kind was cut short, so nothing more follows.
    done = len(items) <= limit
    items = items[:limit]
    horizon = int(items[-1].rev) if items else cursor
    dumps = json.dumps
    record_texts = [
        f'{{"table":{dumps(r.table_name)},"row_id":{dumps(r.row_id)},"rev":{int(r.rev)},'
        f'"fields":{r.fields_json},"deleted":{"true" if r.deleted else "false"}}}'
        for r in items
        if r.kind == 1
    ]
    removal_texts = [
        f'{{"table":{dumps(r.table_name)},"row_id":{dumps(r.row_id)},"rev":{int(r.rev)}}}'
        for r in items
        if r.kind == 2
    ]
    return (
        f'{{"protocol":{PROTOCOL_VERSION},"cursor":{int(cursor)},'
        f'"records":[{",".join(record_texts)}],"scope_removed":[{",".join(removal_texts)}],'
        f'"next_cursor":{horizon},"done":{"true" if done else "false"},'
        f'"conflict_rev":{int(conflict_rev)}}}'
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
