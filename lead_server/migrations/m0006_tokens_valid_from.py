"""Migration 6: tokens issued before a worker's password was reset are refused."""

from __future__ import annotations

from sqlalchemy import Connection, text


def upgrade(conn: Connection) -> None:
    """Add ``app_user.tokens_valid_from`` (milliseconds since the epoch; null: no limit)."""
    conn.execute(text("ALTER TABLE app_user ADD COLUMN tokens_valid_from BIGINT"))
