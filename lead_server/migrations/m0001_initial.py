"""Migration 1: users, devices, enrollment codes, records, revisions, conflicts, quarantine."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
)
from sqlalchemy.dialects.postgresql import JSONB

_JSON = JSON().with_variant(JSONB(), "postgresql")
_INT = BigInteger().with_variant(Integer(), "sqlite")


def _s(name: str, length: int, **kw: object) -> Column[str]:
    return Column(name, String(length), **kw)  # type: ignore[arg-type]


def upgrade(conn: Connection) -> None:
    """Create the first version of every table (frozen: later changes are new steps)."""
    md = MetaData()
    version = Table(
        "schema_version",
        md,
        Column("id", Integer, primary_key=True),
        Column("version", _INT, nullable=False),
    )
    Table(
        "server_setting",
        md,
        _s("key", 64, primary_key=True),
        Column("value", Text, nullable=False),
    )
    Table(
        "app_user",
        md,
        _s("id", 36, primary_key=True),
        _s("name", 128, nullable=False, unique=True),
        _s("role", 32, nullable=False),
        _s("team", 128),
        Column("password_hash", Text, nullable=False),
        Column("active", Boolean, nullable=False),
        Column("created_at", Text, nullable=False),
    )
    Table(
        "device",
        md,
        _s("id", 36, primary_key=True),
        _s("name", 128),
        _s("user_id", 36),
        _s("credential_hash", 64, nullable=False),
        _s("revoked", 16, nullable=False),
        Column("revoked_at", Text),
        Column("enrolled_at", Text, nullable=False),
        Column("last_seen_at", Text),
    )
    Table(
        "enroll_code",
        md,
        _s("code_hash", 64, primary_key=True),
        _s("user_id", 36),
        Column("created_at", Text, nullable=False),
        Column("expires_at", Text, nullable=False),
        Column("used_at", Text),
        _s("device_id", 36),
    )
    counter = Table(
        "rev_counter",
        md,
        Column("id", Integer, primary_key=True),
        Column("value", _INT, nullable=False),
    )
    record = Table(
        "record",
        md,
        _s("table_name", 64, primary_key=True),
        _s("row_id", 64, primary_key=True),
        Column("rev", _INT, nullable=False, unique=True),
        Column("fields", _JSON, nullable=False),
        Column("deleted", Boolean, nullable=False),
        _s("team", 128),
        _s("owner_id", 64, index=True),
        Column("updated_at", Text, nullable=False),
        _s("updated_by", 36, nullable=False),
        _s("device_id", 36, nullable=False),
    )
    Index("ix_record_team_rev", record.c.team, record.c.rev)
    scope = Table(
        "scope_event",
        md,
        Column("rev", _INT, primary_key=True, autoincrement=False),
        _s("table_name", 64, nullable=False),
        _s("row_id", 64, nullable=False),
        _s("team", 128),
    )
    Index("ix_scope_event_team_rev", scope.c.team, scope.c.rev)
    Table(
        "applied_change",
        md,
        _s("change_id", 64, primary_key=True),
        Column("rev", _INT),
        _s("status", 16, nullable=False),
        _s("device_id", 36, nullable=False),
        Column("at", Text, nullable=False),
    )
    conflict = Table(
        "conflict",
        md,
        _s("id", 36, primary_key=True),
        _s("table_name", 64, nullable=False),
        _s("row_id", 64, nullable=False),
        _s("field", 128, nullable=False),
        Column("server_value", _JSON),
        Column("client_value", _JSON),
        Column("server_rev", _INT, nullable=False),
        _s("change_id", 64, nullable=False),
        _s("device_id", 36, nullable=False),
        _s("user_id", 36, nullable=False),
        Column("detected_at", Text, nullable=False),
        Column("resolved_at", Text),
    )
    Index("ix_conflict_row", conflict.c.table_name, conflict.c.row_id)
    Table(
        "quarantine",
        md,
        Column("id", _INT, primary_key=True, autoincrement=True),
        _s("change_id", 64, index=True),
        _s("device_id", 36, nullable=False),
        _s("user_id", 36, nullable=False),
        Column("reason", Text, nullable=False),
        Column("entry", _JSON),
        Column("at", Text, nullable=False),
    )
    Table(
        "login_failure",
        md,
        Column("id", _INT, primary_key=True, autoincrement=True),
        _s("user_name", 128, nullable=False, index=True),
        _s("address", 64, nullable=False, index=True),
        Column("at", Float, nullable=False, index=True),
    )
    md.create_all(conn)
    conn.execute(insert(version).values(id=1, version=0))
    conn.execute(insert(counter).values(id=1, value=0))
