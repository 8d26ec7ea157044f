"""Migration 2: attachment bytes by sha256 (uploads in progress and their chunks)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

_INT = BigInteger().with_variant(Integer(), "sqlite")


def upgrade(conn: Connection) -> None:
    """Create the blob and blob_chunk tables (frozen: later changes are new steps)."""
    md = MetaData()
    Table(
        "blob",
        md,
        Column("sha256", String(64), primary_key=True),
        Column("size", _INT, nullable=False),
        Column("received", _INT, nullable=False),
        Column("complete", Boolean, nullable=False),
        Column("device_id", String(36), nullable=False),
        Column("started_at", Text, nullable=False),
        Column("completed_at", Text),
    )
    Table(
        "blob_chunk",
        md,
        Column("sha256", String(64), primary_key=True),
        Column("start", _INT, primary_key=True, autoincrement=False),
        Column("size", _INT, nullable=False),
        Column("data", LargeBinary, nullable=False),
    )
    md.create_all(conn)
