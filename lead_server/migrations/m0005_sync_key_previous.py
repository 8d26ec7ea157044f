"""Migration 5: a device's previous sync key stays valid until its new one is first used."""

from __future__ import annotations

from sqlalchemy import Connection, text


def upgrade(conn: Connection) -> None:
    """Add ``sync_key.previous_hash`` (a password sign-in whose answer was lost must not leave
    the laptop holding a key the server no longer takes)."""
    conn.execute(text("ALTER TABLE sync_key ADD COLUMN previous_hash VARCHAR(64)"))
