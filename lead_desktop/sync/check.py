"""End-of-sync check and repair: find which kinds drifted, then which records, and fix them.

The server's summary gives a count and checksum of ``(id, revision)`` per kind in the worker's
scope. When a kind differs, the client asks for that kind's index and:

- fetches every record whose revision differs from its own (or that it lacks) and applies it
  like a pulled page (unpushed local edits still win locally);
- sends back, as new changes, records it holds that the server no longer has (a server restored
  from an older backup): nothing that reached a laptop is lost;
- moves its pull cursor back if the server's revision counter is now behind it.

Checking costs a pass over every local row, so a sync where nothing moved may skip it
(``SyncClient.check_interval``); any sync that moved something checks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, select, update

from lead_desktop.store.records import META, journal_value, table_of
from lead_desktop.store.schema import SYNCED_TABLES, ChangeJournal
from lead_desktop.sync.apply import NOT_PULLED, PageApplier, parked_count
from lead_desktop.sync.protocol import (
    MAX_PULL_PAGE,
    PullPage,
    RecordIndex,
    RecordsResponse,
    Summary,
    checksum,
)
from lead_desktop.sync.state import get_state, set_state

if TYPE_CHECKING:
    from lead_desktop.sync.engine import SyncClient, SyncReport

logger = logging.getLogger(__name__)

#: SyncState keys.
CURSOR_KEY = "pull_cursor"
CHECKED_KEY = "last_check_at"


def local_pairs(conn: Connection, name: str) -> list[tuple[str, int | None]]:
    """``(id, rev)`` of the rows of one kind that the server has given a revision."""
    if name not in SYNCED_TABLES:
        return []
    table = table_of(SYNCED_TABLES[name])
    return [
        (r.id, int(r.rev))
        for r in conn.execute(select(table.c.id, table.c.rev).where(table.c.rev.is_not(None)))
    ]


def drifting(conn: Connection, remote: Summary) -> list[str]:
    """Kinds whose count or checksum differs from the server's."""
    out = []
    for name in sorted((set(remote.tables) | set(SYNCED_TABLES)) - NOT_PULLED):
        local = local_pairs(conn, name)
        theirs = remote.tables.get(name)
        count, digest = (theirs.count, theirs.checksum) if theirs else (0, checksum([]))
        if len(local) != count or checksum(local) != digest:
            out.append(name)
    return out


def unpushed(conn: Connection) -> int:
    """Journal entries the server has not answered yet."""
    return int(
        conn.execute(select(func.count()).where(ChangeJournal.pushed_at.is_(None))).scalar_one()
    )


def due(client: SyncClient, report: SyncReport, last: float | None = None) -> bool:
    """Whether this sync should compare with the server (see the module docstring);
    ``last`` is the time of the last check when the caller has read it already."""
    if client.check_interval is None:
        return True
    moved = report.pushed + report.conflicts + report.rejected + report.pulled + report.removed
    if moved:
        return True
    if last is None:
        with client.store.read() as conn:
            last = last_checked(conn)
    return time.time() - last >= client.check_interval


def last_checked(conn: Connection) -> float:
    """When this laptop last compared with the server (epoch seconds; 0 for never)."""
    return float(get_state(conn, CHECKED_KEY) or 0)


def compare(client: SyncClient, report: SyncReport, *, is_due: bool | None = None) -> None:
    """Compare with the server's summary; repair what drifted; set ``report.in_step``.
    ``is_due`` is :func:`due` when the caller has worked it out already."""
    if is_due is None:
        is_due = due(client, report)
    if is_due:
        client._tell("check", 0)
        remote = Summary.model_validate(client.transport.call("GET", "/summary"))
        with client.store.read() as conn:
            tables = drifting(conn, remote)
        if tables:
            logger.warning("drift found; repairing", extra={"tables": tables})
            report.repaired += repair(client, tables, remote.rev)
            remote = Summary.model_validate(client.transport.call("GET", "/summary"))
            with client.store.read() as conn:
                tables = drifting(conn, remote)
        report.drift.extend(tables)
        with client.store.write() as tx:
            set_state(tx.conn, CHECKED_KEY, str(time.time()))
    with client.store.read() as conn:
        if unpushed(conn):
            report.drift.append("unpushed changes")
        if parked_count(conn):
            report.drift.append("records waiting for their parent")
    if report.rejected:
        report.drift.append("rejected changes")
    report.in_step = not report.drift


def repair(client: SyncClient, tables: list[str], server_rev: int) -> int:
    """Make the drifting kinds match the server's index; return how many records moved."""
    moved = 0
    for name in tables:
        if name not in SYNCED_TABLES or name in NOT_PULLED:
            continue
        index = RecordIndex.model_validate(
            client.transport.call("GET", "/index", params={"table": name})
        )
        theirs = dict(index.rows)
        with client.store.read() as conn:
            mine = dict(local_pairs(conn, name))
        fetch = sorted(rid for rid, rev in theirs.items() if mine.get(rid) != rev)
        lost = sorted(rid for rid in mine if rid not in theirs)
        for page in fetch_records(client, name, fetch):
            with client.store.write() as tx:
                tx.conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                applier = PageApplier(tx, exact=True)
                applier.run(page)
                moved += applier.applied
            if applier.tokens_added:
                client.store.search_index.invalidate()  # repaired names are found at once
        if lost:
            moved += _send_again(client, name, lost)
    with client.store.write() as tx:
        cursor = int(get_state(tx.conn, CURSOR_KEY) or 0)
        if cursor > server_rev:
            logger.warning("the server is behind this laptop's cursor; pulling from its revision")
            set_state(tx.conn, CURSOR_KEY, str(server_rev))
    if moved:
        client.catch_up()
    return moved


def fetch_records(client: SyncClient, table: str, ids: list[str]) -> Iterator[PullPage]:
    """The server's current state of the given records of one kind, as pages to apply."""
    for start in range(0, len(ids), MAX_PULL_PAGE):
        got = RecordsResponse.model_validate(
            client.transport.call(
                "POST", "/records", json={"table": table, "ids": ids[start : start + MAX_PULL_PAGE]}
            )
        )
        yield PullPage(cursor=0, records=got.records, next_cursor=0, done=True)


def _send_again(client: SyncClient, name: str, ids: list[str]) -> int:
    """Journal records the server no longer holds as new creations, so the next push restores
    them (nothing that reached a laptop is lost); their revision is cleared until it answers."""
    table = table_of(SYNCED_TABLES[name])
    with client.store.write() as tx:
        for start in range(0, len(ids), MAX_PULL_PAGE):
            part = ids[start : start + MAX_PULL_PAGE]
            rows = tx.conn.execute(select(table).where(table.c.id.in_(part))).mappings().all()
            for row in rows:
                fields = {k: [None, journal_value(v)] for k, v in row.items() if k not in META}
                tx.journal(name, row["id"], "insert", None, fields)
            tx.conn.execute(update(table).where(table.c.id.in_(part)).values(rev=None))
    logger.warning(
        "records missing on the server sent again", extra={"table": name, "count": len(ids)}
    )
    return len(ids)
