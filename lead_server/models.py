"""ORM models of the server database; the DDL they describe is frozen in numbered migrations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Float, Index, Integer, LargeBinary, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: JSON on SQLite, JSONB on PostgreSQL.
JsonType = JSON().with_variant(JSONB(), "postgresql")
#: 64-bit integers; on SQLite plain INTEGER, so an integer primary key autoincrements.
IntType = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    """Declarative base of every server table."""

    type_annotation_map = {dict[str, Any]: JsonType, Any: JsonType, int: IntType}


class SchemaVersion(Base):
    """The last migration applied (one row)."""

    __tablename__ = "schema_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]


class ServerSetting(Base):
    """Server-wide values shared by every process (the token signing key...)."""

    __tablename__ = "server_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]


class User(Base):
    """A worker who may sign in: Argon2id password hash, role and team."""

    __tablename__ = "app_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    team: Mapped[str | None] = mapped_column(String(128))
    password_hash: Mapped[str]
    active: Mapped[bool]
    created_at: Mapped[str]
    #: Tokens issued before this time (ms since the epoch) are refused: set by a password reset.
    tokens_valid_from: Mapped[int | None] = mapped_column(BigInteger)


class Device(Base):
    """An enrolled laptop: the hash of its credential and whether it was revoked."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(128))
    user_id: Mapped[str | None] = mapped_column(String(36))
    credential_hash: Mapped[str] = mapped_column(String(64))
    revoked: Mapped[str] = mapped_column(String(16))  # none | lost | stolen
    revoked_at: Mapped[str | None]
    enrolled_at: Mapped[str]
    last_seen_at: Mapped[str | None]


class EnrollCode(Base):
    """A one-time enrollment code (only its hash is kept)."""

    __tablename__ = "enroll_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[str]
    expires_at: Mapped[str]
    used_at: Mapped[str | None]
    device_id: Mapped[str | None] = mapped_column(String(36))


class RevCounter(Base):
    """The global revision counter (one row, updated under its row lock)."""

    __tablename__ = "rev_counter"
    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int]


class Record(Base):
    """The server's copy of one synced record: all its fields at its latest revision."""

    __tablename__ = "record"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[int] = mapped_column(unique=True)
    fields: Mapped[dict[str, Any]]
    deleted: Mapped[bool]
    team: Mapped[str | None] = mapped_column(String(128))
    owner_id: Mapped[str | None] = mapped_column(String(64), index=True)
    updated_at: Mapped[str]
    updated_by: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))


class ScopeEvent(Base):
    """A record left a team's scope at a revision: that team's devices drop their copy."""

    __tablename__ = "scope_event"
    rev: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    team: Mapped[str | None] = mapped_column(String(128))


class AppliedChange(Base):
    """A change id already processed, so a retried push is answered, not applied twice."""

    __tablename__ = "applied_change"
    change_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(16))
    device_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[str]


class Conflict(Base):
    """A field both sides changed: the server value stays, both values are kept with who and
    when, until a person on either side picks one (``resolved_*``).

    ``rev`` comes from the global counter, at creation and again at resolution, so devices
    fetch what changed after their conflict cursor. ``team`` is the record's team then.
    The client side (``client_value``) is the pushing worker ``user_id`` on ``device_id`` at
    ``detected_at``; the server side is the record's last writer ``server_by`` at ``server_at``.
    """

    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(unique=True)
    team: Mapped[str | None] = mapped_column(String(128))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(128))
    server_value: Mapped[Any] = mapped_column(nullable=True)
    server_by: Mapped[str | None] = mapped_column(String(36))
    server_at: Mapped[str | None]
    server_rev: Mapped[int]
    client_value: Mapped[Any] = mapped_column(nullable=True)
    change_id: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(String(36))
    detected_at: Mapped[str]
    resolved_at: Mapped[str | None]
    resolved_value: Mapped[Any] = mapped_column(nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolved_device: Mapped[str | None] = mapped_column(String(36))
    resolution_id: Mapped[str | None] = mapped_column(String(64))


class Quarantine(Base):
    """A pushed entry the server refused, with its reason; it never blocks the rest."""

    __tablename__ = "quarantine"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_id: Mapped[str | None] = mapped_column(String(64), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str]
    entry: Mapped[Any] = mapped_column(nullable=True)
    at: Mapped[str]


class LoginFailure(Base):
    """A failed sign-in or enrollment, counted for rate limits (by user name and address)."""

    __tablename__ = "login_failure"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_name: Mapped[str] = mapped_column(String(128), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[float] = mapped_column(Float, index=True)


Index("ix_scope_event_team_rev", ScopeEvent.team, ScopeEvent.rev)
Index("ix_record_team_rev", Record.team, Record.rev)
Index("ix_conflict_row", Conflict.table_name, Conflict.row_id)


# -- sync keys (migration 4) ---------------------------------------------------------------------


class SyncKey(Base):
    """A device's standing sign-in for one worker: only the key's hash is kept."""

    __tablename__ = "sync_key"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str]
    last_used_at: Mapped[str | None]
    #: The key before the last password sign-in, valid until the new one is first used.
    previous_hash: Mapped[str | None] = mapped_column(String(64))


# -- end of sync keys ----------------------------------------------------------------------------


# -- conflict resolutions (migration 3) -----------------------------------------------------------


class ConflictResolution(Base):
    """A resolution a device sent, kept by its id so a repeat gets the same answer.

    ``accepted`` tells whether it was the one that resolved the conflict; a later, different
    choice leaves that resolution as it is and opens ``followup_id``, a new conflict between the
    value the record holds and the other choice, so neither person's choice is lost unseen.
    """

    __tablename__ = "conflict_resolution"
    resolution_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    conflict_id: Mapped[str] = mapped_column(String(36), index=True)
    value: Mapped[Any] = mapped_column(nullable=True)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[str]
    accepted: Mapped[bool]
    followup_id: Mapped[str | None] = mapped_column(String(36))


Index("ix_conflict_team_rev", Conflict.team, Conflict.rev)

# -- end of conflict resolutions ------------------------------------------------------------------


# -- attachments (migration 2) -------------------------------------------------------------------


class Blob(Base):
    """An attachment's bytes by sha256: declared size, bytes received so far, verified or not."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    received: Mapped[int]
    complete: Mapped[bool]
    device_id: Mapped[str] = mapped_column(String(36))
    started_at: Mapped[str]
    completed_at: Mapped[str | None]


class BlobChunk(Base):
    """One received chunk of a blob, at byte ``start``; a blob is its chunks in order."""

    __tablename__ = "blob_chunk"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    start: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


# -- end of attachments --------------------------------------------------------------------------
