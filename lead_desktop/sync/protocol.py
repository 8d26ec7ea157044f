"""Sync protocol v1 wire schemas, shared by the desktop client and the central server."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from lead_desktop.store.schema import APPEND_ONLY, MAX_ATTACHMENT_BYTES, SYNCED_TABLES

#: The protocol this code speaks; bumped on any incompatible change of the schemas below.
PROTOCOL_VERSION = 1
#: The oldest client protocol the server still serves; older clients get "update required".
MIN_PROTOCOL_VERSION = 1
#: Request header a client sends its protocol version in.
PROTOCOL_HEADER = "Lead-Protocol"
#: Most entries one push may carry.
MAX_PUSH_ENTRIES = 2000
#: Most records one pull page may carry.
MAX_PULL_PAGE = 2000

#: Kinds of record that sync; the audit log travels as an append-only kind too.
TABLES: frozenset[str] = frozenset(SYNCED_TABLES) | {"audit_event"}
#: Kinds that are only ever appended to: create only, never a conflict.
APPEND_ONLY_TABLES: frozenset[str] = APPEND_ONLY | {"audit_event"}
#: Journal operation names (the local change journal says "insert") to wire names.
JOURNAL_OPS = {"insert": "create", "create": "create", "update": "update", "delete": "delete"}

Op = Literal["create", "update", "delete"]
PushStatus = Literal["applied", "duplicate", "conflict", "rejected"]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldChange(_Wire):
    """One field's value before and after a local change.

    On the wire either ``{"old": ..., "new": ...}`` or the pair ``[old, new]`` (the shape the
    change journal keeps, so a client can send its journal's text without re-encoding it).
    """

    old: Any = None
    new: Any = None

    @model_validator(mode="before")
    @classmethod
    def _from_pair(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            if len(value) != 2:
                raise ValueError("a field change is [old, new]")
            return {"old": value[0], "new": value[1]}
        return value


class PushEntry(_Wire):
    """One change journal entry as sent to the server."""

    change_id: str = Field(min_length=1, max_length=64)
    table: str
    row_id: str = Field(min_length=1, max_length=64)
    op: Op
    base_rev: int | None = Field(default=None, ge=0)
    fields: dict[str, FieldChange] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> PushEntry:
        if self.table not in TABLES:
            raise ValueError(f"unknown table {self.table!r}")
        if self.table in APPEND_ONLY_TABLES and self.op != "create":
            raise ValueError(f"{self.table} is append-only: only create is allowed")
        if self.op == "delete" and set(self.fields) - {"deleted"}:
            raise ValueError("a delete carries no fields other than 'deleted'")
        return self


class PushRequest(_Wire):
    """A batch of journal entries from one device, in journal order."""

    protocol: int = PROTOCOL_VERSION
    device_id: str = Field(min_length=1, max_length=64)
    entries: list[PushEntry] = Field(max_length=MAX_PUSH_ENTRIES)


class FieldConflict(_Wire):
    """A field both sides changed: the server kept its value; both are stored."""

    field: str
    server_value: Any = None
    client_value: Any = None


class PushResult(_Wire):
    """What became of one entry. ``rev`` is the record's revision after the push."""

    change_id: str | None
    status: PushStatus
    rev: int | None = None
    conflicts: list[FieldConflict] = Field(default_factory=list)
    reason: str | None = None


class PushResponse(_Wire):
    """One result per entry, in the order sent."""

    protocol: int = PROTOCOL_VERSION
    results: list[PushResult]


class PullRecord(_Wire):
    """A record's full current state at one server revision (tombstones included)."""

    table: str
    row_id: str
    rev: int
    fields: dict[str, Any]
    deleted: bool = False


class ScopeRemoval(_Wire):
    """A record that left this worker's scope: the client drops its copy."""

    table: str
    row_id: str
    rev: int


class PullPage(_Wire):
    """One page of changes after ``cursor``; apply it, commit, then ask from ``next_cursor``."""

    protocol: int = PROTOCOL_VERSION
    cursor: int
    records: list[PullRecord]
    scope_removed: list[ScopeRemoval] = Field(default_factory=list)
    next_cursor: int
    done: bool
    #: The newest conflict revision in the worker's scope: a client whose conflict-notice
    #: cursor has reached it has no notice to fetch (one request fewer per idle sync).
    conflict_rev: int = 0


class TableSummary(_Wire):
    """Rows of one kind in the worker's scope (tombstones counted) and their checksum."""

    count: int
    checksum: str


class Summary(_Wire):
    """End-of-sync check: per-table counts and checksums up to revision ``rev``."""

    protocol: int = PROTOCOL_VERSION
    rev: int
    tables: dict[str, TableSummary]


class VersionInfo(_Wire):
    """What the server speaks."""

    protocol: int = PROTOCOL_VERSION
    min_protocol: int = MIN_PROTOCOL_VERSION
    server: str


class EnrollRequest(_Wire):
    """Exchange a one-time enrollment code (and the worker's password) for a device credential."""

    code: str = Field(min_length=1, max_length=64)
    user: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)
    device_name: str | None = Field(default=None, max_length=128)


class EnrollResponse(_Wire):
    """The device's identity and secret; the client keeps both inside its encrypted store."""

    device_id: str
    credential: str


class TokenRequest(_Wire):
    """A worker signs in on an enrolled device, with their password or the device's sync key.

    Exactly one of ``password`` and ``sync_key`` is given. A password sign-in also returns a
    fresh sync key bound to this device and worker, so later sign-ins need no password.
    """

    device_id: str = Field(min_length=1, max_length=64)
    credential: str = Field(min_length=1, max_length=256)
    user: str = Field(min_length=1, max_length=128)
    password: str | None = Field(default=None, min_length=1, max_length=1024)
    sync_key: str | None = Field(default=None, min_length=1, max_length=256)

    @model_validator(mode="after")
    def _one_secret(self) -> TokenRequest:
        if (self.password is None) == (self.sync_key is None):
            raise ValueError("give either password or sync_key")
        return self


class TokenResponse(_Wire):
    """A short-lived bearer token and the worker's role and team.

    ``sync_key`` comes only with a password sign-in: the client keeps it in its encrypted store
    and signs in with it from then on, until the server refuses it.
    """

    token: str
    expires_in: int
    role: str
    team: str | None
    sync_key: str | None = None


def entry_from_journal(row: Mapping[str, Any]) -> PushEntry:
    """Build a push entry from a change journal row (fields held as ``[old, new]`` pairs)."""
    fields = {k: FieldChange(old=v[0], new=v[1]) for k, v in dict(row["fields"]).items()}
    return PushEntry(
        change_id=row["change_id"],
        table=row["table_name"],
        row_id=row["row_id"],
        op=JOURNAL_OPS[row["op"]],  # type: ignore[arg-type]
        base_rev=row["base_rev"],
        fields=fields,
    )


def checksum(rows: Iterable[tuple[str, int | None]]) -> str:
    """Checksum of ``(row_id, rev)`` pairs, independent of their order; both sides use this."""
    acc = 0
    for row_id, rev in rows:
        digest = hashlib.sha256(f"{row_id}:{rev}".encode()).digest()
        acc ^= int.from_bytes(digest[:16], "big")
    return f"{acc:032x}"


# -- repair after drift (lead_server/repair.py) -------------------------------------------------


class RecordIndex(_Wire):
    """Every (row id, revision) of one kind in the worker's scope."""

    table: str
    rows: list[tuple[str, int]]


class RecordsRequest(_Wire):
    """Ask for the current state of some records of one kind."""

    table: str = Field(max_length=64)
    ids: list[str] = Field(max_length=MAX_PULL_PAGE)


class RecordsResponse(_Wire):
    """The records asked for that the worker may see."""

    records: list[PullRecord]


# -- conflicts: notices and resolutions (lead_server/conflicts.py, sync/conflicts.py) ----------

#: Most conflicts one page of notices may carry.
MAX_CONFLICT_PAGE = 500
#: Namespace of conflict ids derived from a change id and a field (see conflict_id).
CONFLICT_NAMESPACE = uuid.UUID("6f1d5c1e-3b0a-4f53-9a51-3f4c2b7e9d10")


def conflict_id(change_id: str, field: str) -> str:
    """The id of the conflict a pushed change raised on one field, the same on both sides.

    The server stores the conflict under this id and the pushing client files its push answer
    under it, so the answer and the later notice of the same conflict are one row.
    """
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{change_id}/{field}"))


class ConflictResolution(_Wire):
    """How a conflict was resolved: the value chosen, by whom (id and name), on which device."""

    value: Any = None
    by: str
    by_name: str | None = None
    device_id: str
    at: str
    resolution_id: str


class ConflictNotice(_Wire):
    """A conflict as the server holds it, open or resolved, at conflict revision ``rev``.

    The server side is the value the record kept (last written by ``server_by`` at
    ``server_at``); the client side is the value a device pushed and the server set aside.
    """

    id: str
    rev: int
    table: str
    row_id: str
    field: str
    server_value: Any = None
    server_by: str | None = None
    server_by_name: str | None = None
    server_at: str | None = None
    client_value: Any = None
    client_by: str
    client_by_name: str | None = None
    client_device: str
    client_at: str
    resolution: ConflictResolution | None = None


class ConflictPage(_Wire):
    """Conflicts whose revision is after ``since``, by revision; ask again from
    ``next_cursor`` until ``done``."""

    protocol: int = PROTOCOL_VERSION
    since: int
    conflicts: list[ConflictNotice]
    next_cursor: int
    done: bool


class ResolveRequest(_Wire):
    """A person's choice for one conflict; ``resolution_id`` makes a repeat harmless."""

    protocol: int = PROTOCOL_VERSION
    resolution_id: str = Field(min_length=1, max_length=64)
    value: Any = None


class ResolveResponse(_Wire):
    """The conflict after the request. ``accepted`` is false when someone had resolved it
    first: the client adopts ``conflict.resolution``. A different earlier choice opens
    ``followup_id``, a new conflict between the two choices, which arrives as a notice."""

    protocol: int = PROTOCOL_VERSION
    conflict: ConflictNotice
    accepted: bool
    followup_id: str | None = None


# -- attachments (content-addressed blobs) ---------------------------------------------------

#: Largest chunk of attachment bytes one request carries, up or down.
ATTACHMENT_CHUNK = 256 * 1024
#: Largest attachment the server accepts.
MAX_ATTACHMENT_SIZE = MAX_ATTACHMENT_BYTES
#: Response header giving an attachment's whole size on a download.
BLOB_SIZE_HEADER = "Lead-Blob-Size"
#: A sha256 in lower-case hex, as attachments are addressed.
SHA256_PATTERN = r"^[0-9a-f]{64}$"


class BlobStatus(_Wire):
    """What the server holds of one attachment's bytes: ``received`` so far of ``size``."""

    sha256: str
    size: int | None = None
    received: int = 0
    complete: bool = False


# -- end of attachments ----------------------------------------------------------------------
