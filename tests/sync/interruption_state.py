"""What the server and the laptops hold, read in a form two runs can be compared by.

The interruption tests (tests/sync/test_cut_matrix.py, tests/sync/test_kill.py) read the server's
records, revision counter, applied change ids and conflicts, and every synced row, journal entry
and conflict of each laptop, and compare them with the reference run's: ``End`` is all of it,
``same_end`` the comparison. Not a test module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import select as sql_select

from lead_desktop.store.records import META, table_of
from lead_desktop.store.schema import SYNCED_TABLES, ChangeJournal, Conflict
from lead_desktop.store.store import Store
from lead_desktop.sync.apply import NOT_PULLED
from lead_server.models import AppliedChange, Record

#: Columns each laptop keeps for itself (who and when wrote it there): never compared.
LOCAL_ONLY = META - {"id", "rev"}
#: Kinds a laptop holds as rows after a pull.
PULLED = sorted(set(SYNCED_TABLES) - NOT_PULLED)


@dataclass
class End:
    """Everything that must be identical after any interrupted run and its retries."""

    records: dict[tuple[str, str], tuple[int, bool, dict[str, Any]]]
    counter: int
    applied: dict[str, tuple[str, int | None]]
    server_conflicts: list[tuple[Any, ...]]
    laptops: dict[str, dict[str, dict[str, dict[str, Any]]]]
    laptop_conflicts: dict[str, list[tuple[Any, ...]]]


def canon(value: Any) -> str:
    """A value as canonical JSON, so values read from both sides compare equal."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def server_records(engine: Engine) -> dict[tuple[str, str], tuple[int, bool, dict[str, Any]]]:
    """(table, id) -> (revision, deleted, fields) of every record on the server."""
    with engine.connect() as conn:
        return {
            (r.table_name, r.row_id): (int(r.rev), bool(r.deleted), dict(r.fields))
            for r in conn.execute(
                sql_select(
                    Record.table_name, Record.row_id, Record.rev, Record.deleted, Record.fields
                )
            )
        }


def applied_changes(engine: Engine) -> dict[str, tuple[str, int | None]]:
    """change id -> (status, revision) of every change the server has processed."""
    with engine.connect() as conn:
        return {
            r.change_id: (r.status, r.rev)
            for r in conn.execute(
                sql_select(AppliedChange.change_id, AppliedChange.status, AppliedChange.rev)
            )
        }


def laptop_rows(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> id -> the row's synced columns (revision included, local-only ones left out)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with store.read() as conn:
        for name in PULLED:
            table = table_of(SYNCED_TABLES[name])
            out[name] = {
                r["id"]: {k: v for k, v in r.items() if k not in LOCAL_ONLY}
                for r in conn.execute(sql_select(table)).mappings()
            }
    return out


def laptop_conflicts(store: Store) -> list[tuple[Any, ...]]:
    """The conflicts a laptop holds: (table, id, field, its value, the server's, resolved)."""
    with store.read() as conn:
        return sorted(
            (
                r.table_name,
                r.row_id,
                r.field,
                canon(r.local_value),
                canon(r.server_value),
                r.resolved_at is not None,
            )
            for r in conn.execute(sql_select(Conflict.__table__))
        )


def journal(store: Store) -> list[tuple[str, bool]]:
    """(change id, pushed) of every journal entry, in order."""
    with store.read() as conn:
        return [
            (r.change_id, r.pushed_at is not None)
            for r in conn.execute(
                sql_select(ChangeJournal.change_id, ChangeJournal.pushed_at).order_by(
                    ChangeJournal.seq
                )
            )
        ]


def own_creations(store: Store, engine: Engine) -> dict[tuple[str, str], int | None]:
    """(table, id) -> the revision the server stored it at, for records this laptop created."""
    applied = applied_changes(engine)
    with store.read() as conn:
        rows = conn.execute(
            sql_select(
                ChangeJournal.table_name, ChangeJournal.row_id, ChangeJournal.change_id
            ).where(ChangeJournal.op.in_(["insert", "create"]))
        ).all()
    return {(r.table_name, r.row_id): applied.get(r.change_id, ("", None))[1] for r in rows}


def same_end(end: End, reference: End) -> None:
    """Assert that a run ended exactly where the reference run did, part by part."""
    assert end.counter == reference.counter, "revisions used differ: something applied twice"
    assert end.applied == reference.applied, "the applied change ids differ"
    assert end.records == reference.records, "the server's records differ"
    assert end.server_conflicts == reference.server_conflicts, "the server's conflicts differ"
    assert end.laptops == reference.laptops, "the laptops' rows differ"
    assert end.laptop_conflicts == reference.laptop_conflicts, "the laptops' conflicts differ"
