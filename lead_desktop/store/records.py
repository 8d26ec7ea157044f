"""Generic create / update / tombstone of synced records, with journal and audit in one step."""

from __future__ import annotations

from collections.abc import Mapping
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


def _check_columns(table: Table, values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(table.columns.keys())
    if unknown or META & set(values):
        raise ValueError(f"not writable on {table.name}: {sorted(unknown | (META & set(values)))}")


def create_row(
    tx: Tx, model: type[Synced], values: Mapping[str, Any], *, row_id: str | None = None
) -> str:
    """Insert one record; journal every field and audit the creation. Return its id."""
    table = table_of(model)
    _check_columns(table, values)
    row = {**_defaults(table), **values}
    rid = row_id or uuid7()
    tx.conn.execute(
        insert(table).values(
            id=rid,
            rev=None,
            updated_at=tx.now,
            updated_by=tx.actor.worker_id,
            device_id=tx.actor.device_id,
            **row,
        )
    )
    tx.journal(table.name, rid, "insert", None, {k: [None, v] for k, v in row.items()})
    tx.audit("create", table.name, rid)
    return rid


def create_rows(tx: Tx, model: type[Synced], rows: list[dict[str, Any]]) -> list[str]:
    """Insert many records at once (imports); same journal and audit as one by one."""
    table = table_of(model)
    defaults = _defaults(table)
    full: list[dict[str, Any]] = []
    for values in rows:
        _check_columns(table, values)
        rid = values.get("id") or uuid7()
        row = {**defaults, **{k: v for k, v in values.items() if k != "id"}}
        tx.journal(table.name, rid, "insert", None, {k: [None, v] for k, v in row.items()})
        tx.audit("create", table.name, rid)
        full.append(
            {
                "id": rid,
                "rev": None,
                "updated_at": tx.now,
                "updated_by": tx.actor.worker_id,
                "device_id": tx.actor.device_id,
                **row,
            }
        )
    if full:
        tx.conn.execute(insert(table), full)
    return [r["id"] for r in full]


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
    tx.journal(table.name, row_id, "update", current["rev"], changed)
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
