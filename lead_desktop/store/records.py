"""Generic create / update / tombstone of synced records, with journal and audit in one step."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert, select, update

from lead_desktop.errors import NotFoundError
from lead_desktop.store.ids import uuid7
from lead_desktop.store.schema import Synced
from lead_desktop.store.tx import Tx

#: Columns sync and the store manage themselves; never part of a change's fields.
META = frozenset({"id", "rev", "updated_at", "updated_by", "device_id"})


def table_of(model: type[Synced]) -> Table:
    """Return the Core table behind a model."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def _defaults(table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.name in META:
            continue
        default = col.default
        if default is None:
            out[col.name] = None
        else:
            arg = getattr(default, "arg", None)
            out[col.name] = arg(None) if callable(arg) else arg
    return out


def journal_value(value: Any) -> Any:
    """A value as the change journal holds it: blobs (attachment bytes) travel by content
    address (DESIGN section 5), so the journal keeps their sha256 and size, not the bytes."""
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        return {"blob_sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    return value


def _check_columns(table: Table, values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(table.columns.keys())
    if unknown or META & set(values):
        raise ValueError(f"not writable on {table.name}: {sorted(unknown | (META & set(values)))}")


def create_row(
    tx: Tx, model: type[Synced], values: Mapping[str, Any], *, row_id: str | None = None
) -> str:
    """Insert one record; journal every field and audit the creation. Return its id."""
    return create_rows(tx, model, [values], ids=[row_id or uuid7()])[0]


#: Rows written per statement in bulk inserts; journal and audit follow each chunk, so a large
#: import never holds more than this many pending rows in memory (still one transaction).
CHUNK = 2000


def create_rows(
    tx: Tx,
    model: type[Synced],
    rows: Sequence[Mapping[str, Any]],
    *,
    ids: Sequence[str] | None = None,
) -> list[str]:
    """Insert records (one, or many for imports), each with its journal entry and audit row."""
    table = table_of(model)
    defaults = _defaults(table)
    meta = {
        "rev": None,
        "updated_at": tx.now,
        "updated_by": tx.actor.worker_id,
        "device_id": tx.actor.device_id,
    }
    out: list[str] = []
    for start in range(0, len(rows), CHUNK):
        batch = []
        for n, values in enumerate(rows[start : start + CHUNK], start):
            _check_columns(table, values)
            rid = ids[n] if ids is not None else uuid7()
            row = {**defaults, **values}
            fields = {k: [None, journal_value(v)] for k, v in row.items()}
            tx.journal(table.name, rid, "insert", None, fields)
            tx.audit("create", table.name, rid)
            batch.append({"id": rid, **meta, **row})
            out.append(rid)
        tx.conn.execute(insert(table), batch)
        if len(rows) > CHUNK:
            tx.flush()
    return out


def get_row(tx_or_conn: Any, model: type[Synced], row_id: str) -> dict[str, Any]:
    """Return one record as a dict, or raise NotFoundError."""
    conn = tx_or_conn.conn if isinstance(tx_or_conn, Tx) else tx_or_conn
    table = table_of(model)
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no {table.name} with id {row_id}")
    return dict(row)


def update_row(
    tx: Tx, model: type[Synced], row_id: str, values: Mapping[str, Any]
) -> dict[str, list[Any]]:
    """Change fields of one record; journal old and new values; return what changed."""
    table = table_of(model)
    _check_columns(table, values)
    current = get_row(tx, model, row_id)
    if current["deleted"]:
        raise NotFoundError(f"{table.name} {row_id} was deleted")
    changed = {k: [current[k], v] for k, v in values.items() if current[k] != v}
    if not changed:
        return {}
    tx.conn.execute(
        update(table)
        .where(table.c.id == row_id)
        .values(
            updated_at=tx.now,
            updated_by=tx.actor.worker_id,
            device_id=tx.actor.device_id,
            **{k: new for k, (_, new) in changed.items()},
        )
    )
    tx.journal(
        table.name,
        row_id,
        "update",
        current["rev"],
        {k: [journal_value(old), journal_value(new)] for k, (old, new) in changed.items()},
    )
    tx.audit("update", table.name, row_id, {"fields": sorted(changed)})
    return changed


def tombstone_row(tx: Tx, model: type[Synced], row_id: str) -> None:
    """Mark a record deleted (records are never removed)."""
    table = table_of(model)
    current = get_row(tx, model, row_id)
    if current["deleted"]:
        return
    tx.conn.execute(
        update(table)
        .where(table.c.id == row_id)
        .values(
            deleted=True,
            updated_at=tx.now,
            updated_by=tx.actor.worker_id,
            device_id=tx.actor.device_id,
        )
    )
    tx.journal(table.name, row_id, "delete", current["rev"], {"deleted": [False, True]})
    tx.audit("delete", table.name, row_id)
