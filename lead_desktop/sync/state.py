"""Sync's own key/value state in the encrypted store (cursors, markers, parked records)."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from lead_desktop.store.schema import SyncState


def get_state(conn: Connection, key: str) -> str | None:
    """The value stored under ``key``, or None."""
    value: str | None = conn.execute(select(SyncState.value).where(SyncState.key == key)).scalar()
    return value


def set_state(conn: Connection, key: str, value: str) -> None:
    """Store ``value`` under ``key`` (in the caller's transaction)."""
    if conn.execute(update(SyncState).where(SyncState.key == key).values(value=value)).rowcount:
        return
    conn.execute(insert(SyncState).values(key=key, value=value))
