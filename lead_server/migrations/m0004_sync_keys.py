"""Migration 4: sync keys, so a device signs its worker in again without their password."""

from __future__ import annotations

from sqlalchemy import Column, Connection, MetaData, String, Table, Text


def upgrade(conn: Connection) -> None:
    """Create ``sync_key``: one key hash per (device, user), frozen as written here."""
    md = MetaData()
    Table(
        "sync_key",
        md,
        Column("device_id", String(36), primary_key=True),
        Column("user_id", String(36), primary_key=True),
        Column("key_hash", String(64), nullable=False),
        Column("created_at", Text, nullable=False),
        Column("last_used_at", Text),
    )
    md.create_all(conn)
