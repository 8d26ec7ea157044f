"""Sync's own key/value state in the encrypted store (cursors, markers, parked records)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, and_, insert, select, update

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


def under(prefix: str) -> ColumnElement[bool]:
    """Keys that start with ``prefix`` (non-empty), as a range the key's index serves: a LIKE
    with an escape character reads every key, on every sync."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(SyncState.key >= prefix, SyncState.key < upper)
