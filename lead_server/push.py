"""Apply a pushed batch: idempotent change ids, per-field three-way merge, conflicts, quarantine."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from sqlalchemy import (
    Connection,
    NestedTransaction,
    String,
    any_,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DataError, IntegrityError

from lead_desktop.store.ids import utcnow
from lead_desktop.store.records import META
from lead_desktop.store.schema import SYNCED_TABLES, AuditEvent
from lead_desktop.sync.protocol import (
    APPEND_ONLY_TABLES,
    FieldConflict,
    PushResult,
    PushStatus,
    conflict_id,
)
from lead_server.batch import BatchRecords, Key, Row, restore
from lead_server.bulk_sql import PG_FLUSH, json_rows
from lead_server.db import gc_paused
from lead_server.entries import Checked, Entry, check_entry
from lead_server.errors import RejectedEntry
from lead_server.models import (
    AppliedChange,
    Conflict,
    Quarantine,
    Record,
)
from lead_server.revisions import Provisional, Revisions
from lead_server.scope import OWN_TEAM, VIA_PARENT, Principal

logger = logging.getLogger(__name__)


def _columns(table: str) -> frozenset[str]:
    if table == "audit_event":
        return frozenset(c.name for c in AuditEvent.__table__.columns) - {"id"}
    model: Any = SYNCED_TABLES[table]
    return frozenset(c.name for c in model.__table__.columns) - META


#: Fields a change may carry, per table (the desktop store's columns, less sync's own).
FIELDS = {name: _columns(name) for name in (*SYNCED_TABLES, "audit_event")}


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values (so 1 and true, or 1 and 1.0, are not taken for one another)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


class _Contended(Exception):
    """The batch cannot be applied before the lock (it writes at once, or what it read
    changed meanwhile): it is rolled back and applied under the lock."""


class Push(BatchRecords):
    """One push, applied in the caller's transaction.

    The batch's records are read with one statement per table, the entries merged in order in
    memory, and every write goes out at the end in bulk. Three ways, each in a savepoint, the
    next tried only when the one before cannot be used (and is rolled back):

    1. PostgreSQL: read and merge before the revision lock; under it, one statement that
       checks nothing read has changed and writes it all (``_before_lock``). Not for a batch
       with conflicts or a participant changing team (they write at once), nor when what was
       read changed meanwhile.
    2. Take the lock first, then read, merge and write in bulk (``_under_lock``; SQLite).
    3. Entry by entry under the lock, each in a savepoint (``careful``), when the database
       refuses the bulk writes: the unstorable entry is quarantined, the others apply.

    A refused entry is undone alone; a savepoint is opened only for an entry that writes at
    once (its conflicts).
    """

    def __init__(self, conn: Connection, principal: Principal) -> None:
        self.conn = conn
        self.p = principal
        self.now = utcnow()
        self.revs: Revisions
        self.counts = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
        self.careful = False
        #: Milliseconds spent per phase (check, read, merge, encode, write), for the log.
        self.timings: dict[str, float] = {}
        self._rows: dict[Key, Row | None] = {}  # None: not on the server
        self._stored: set[Key] = set()  # keys the database holds: written by update
        self._dirty: dict[Key, Row] = {}  # records to write
        self._out: dict[str, list[dict[str, Any]]] = {"applied": [], "scope": [], "quarantine": []}
        self._undo: list[tuple[Key, Any, Any]] = []
        self._read_revs: dict[Key, int | None] = {}  # what the merge was based on
        self._savepoint: NestedTransaction | None = None

    def run(self, raw_entries: list[Any]) -> list[PushResult]:
        """Answer every entry, in order; a refused entry never stops the others."""
        with gc_paused():
            with self._timed("check"):
                checked = [check_entry(raw) for raw in raw_entries]
            results = None
            if self.conn.dialect.name == "postgresql":
                results = self._attempt(self._before_lock, raw_entries, checked)
            if results is None:
                results = self._attempt(self._under_lock, raw_entries, checked)
            if results is None:
                self.careful = True
                self.revs = Revisions(self.conn)
                results = self._answer(raw_entries, checked, self._read(checked))
            self.revs.save()
        return results

    @contextmanager
    def _timed(self, phase: str) -> Iterator[None]:
        """Add the time spent in ``phase`` to ``timings`` (milliseconds, for the push log)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            spent = (time.perf_counter() - start) * 1000
            self.timings[phase] = self.timings.get(phase, 0.0) + spent

    def _attempt(
        self, how: Callable[[list[Any], list[Checked]], list[PushResult]], *args: Any
    ) -> list[PushResult] | None:
        """Apply the batch one way in a savepoint; None, rolled back, when that cannot be."""
        try:
            with self.conn.begin_nested():
                return how(*args)
        except _Contended:
            logger.info("batch applied again under the lock")
        except (IntegrityError, DataError) as exc:
            logger.warning("batch not storable at once", extra={"error": type(exc.orig).__name__})
        # Rolled back to the savepoint, with the revision lock on PostgreSQL.
        self.counts = dict.fromkeys(self.counts, 0)
        self._rows, self._stored, self._dirty, self._read_revs = {}, set(), {}, {}
        self._out = {name: [] for name in self._out}
        return None

    def _before_lock(self, raw_entries: list[Any], checked: list[Checked]) -> list[PushResult]:
        """PostgreSQL: read and merge before taking the revision lock, revisions numbered
        provisionally; under the lock, one statement checks that nothing read has changed,
        writes everything at its final revision and moves the counter. Other pushes wait for
        the lock only as long as that statement and the commit take."""
        seen = self._read(checked)
        self.revs = Provisional()
        results = self._answer(raw_entries, checked, seen)
        count = -self.revs.value
        with self._timed("encode"):
            params = self._bulk_params()
            params["read"] = json_rows(
                [
                    {"table_name": t, "row_id": r, "rev": rev}
                    for (t, r), rev in self._read_revs.items()
                ]
            )
        with self._timed("write"):
            self.revs = Revisions(self.conn)
            base = self.revs.value
            changed = self.conn.execute(
                PG_FLUSH, {**params, "base": base, "counter": base + count}
            ).scalar_one()
        if changed:
            raise _Contended
        self.revs.value = self.revs.start = base + count
        return [
            r.model_copy(update={"rev": base - r.rev}) if r.rev is not None and r.rev < 0 else r
            for r in results
        ]

    def _under_lock(self, raw_entries: list[Any], checked: list[Checked]) -> list[PushResult]:
        """Take the lock, then read, merge and write (SQLite: the lock came with BEGIN)."""
        self.revs = Revisions(self.conn)
        results = self._answer(raw_entries, checked, self._read(checked))
        with self._timed("write"):
            self._flush()
        return results

    def _read(self, checked: list[Checked]) -> dict[str, PushResult]:
        """The answers already given to the batch's change ids; the batch's records, cached.

        Read before the revision lock, a change id answered by a concurrent push is not seen
        here; its answer row then collides at the write, and the batch is applied again.
        """
        with self._timed("read"):
            seen = self._seen([c for c, _, _ in checked if c is not None])
            self._prefetch([entry for _, entry, _ in checked if entry is not None])
        return seen

    def _answer(
        self, raw_entries: list[Any], checked: list[Checked], seen: dict[str, PushResult]
    ) -> list[PushResult]:
        with self._timed("merge"):
            return self._answer_each(raw_entries, checked, seen)

    def _answer_each(
        self, raw_entries: list[Any], checked: list[Checked], seen: dict[str, PushResult]
    ) -> list[PushResult]:
        results = []
        first: dict[str, PushResult] = {}  # answered earlier in this batch
        for raw, (change_id, entry, reason) in zip(raw_entries, checked, strict=True):
            if change_id is not None and change_id in seen:
                result = seen[change_id]
            elif change_id is not None and change_id in first:
                result = seen[change_id] = _as_repeat(first[change_id])
            else:
                result = self._one(raw, change_id, entry, reason)
                if change_id is not None:
                    first[change_id] = result
            self.counts[result.status] += 1
            results.append(result)
        return results

    def _raised(self, ids: list[str]) -> dict[str, list[FieldConflict]]:
        """The open conflicts these changes raised. A repeat is told them again: the first
        answer may have been lost on the way, and the device must still learn of them."""
        out: dict[str, list[FieldConflict]] = {}
        if not ids:
            return out
        for c in self.conn.execute(
            select(Conflict.change_id, Conflict.field, Conflict.server_value, Conflict.client_value)
            .where(Conflict.change_id.in_(ids), Conflict.resolved_at.is_(None))
            .order_by(Conflict.change_id, Conflict.field)
        ):
            out.setdefault(c.change_id, []).append(
                FieldConflict(
                    field=c.field, server_value=c.server_value, client_value=c.client_value
                )
            )
        return out

    def _among(self, column: Any, values: list[str]) -> Any:
        """``column IN values``; on PostgreSQL one array parameter (one statement text,
        prepared once, however many values)."""
        if self.conn.dialect.name == "postgresql":
            return column == any_(bindparam(None, values, type_=ARRAY(String)))
        return column.in_(values)

    def _seen(self, ids: list[str]) -> dict[str, PushResult]:
        """Answers already given to these change ids (applied earlier, or quarantined)."""
        out: dict[str, PushResult] = {}
        if not ids:
            return out
        done = self.conn.execute(
            select(AppliedChange.change_id, AppliedChange.rev, AppliedChange.status).where(
                self._among(AppliedChange.change_id, ids)
            )
        ).all()
        raised = self._raised([r.change_id for r in done if r.status == "conflict"])
        for row in done:
            out[row.change_id] = PushResult(
                change_id=row.change_id,
                status="duplicate",
                rev=row.rev,
                conflicts=raised.get(row.change_id, []),
            )
        for q in self.conn.execute(
            select(Quarantine.change_id, Quarantine.reason).where(
                self._among(Quarantine.change_id, ids)
            )
        ):
            out.setdefault(
                q.change_id,
                PushResult(change_id=q.change_id, status="rejected", reason=q.reason),
            )
        return out

    def _one(self, raw: Any, change_id: str | None, entry: Entry | None, reason: str) -> PushResult:
        if entry is None:
            return self._quarantine(raw, change_id, reason)
        self._undo = []
        marks = {name: len(rows) for name, rows in self._out.items()}
        self._savepoint = self.conn.begin_nested() if self.careful else None
        try:
            result = self._apply(entry)
            self._out["applied"].append(
                {
                    "change_id": entry.change_id,
                    "rev": result.rev,
                    "status": result.status,
                    "device_id": self.p.device_id,
                    "at": self.now,
                }
            )
            if self.careful:
                self._flush()
            if self._savepoint is not None:
                self._savepoint.commit()
            return result
        except RejectedEntry as exc:
            self._forget(marks)
            return self._quarantine(raw, change_id, str(exc))
        except (IntegrityError, DataError) as exc:
            if self._savepoint is None:
                raise
            self._forget(marks)
            logger.warning("entry not storable", extra={"error": type(exc.orig).__name__})
            return self._quarantine(raw, change_id, "the server could not store this entry")
        finally:
            self._savepoint = None

    def _forget(self, marks: dict[str, int]) -> None:
        """Undo the current entry: its savepoint if it opened one, its records, its rows."""
        if self._savepoint is not None and self._savepoint.is_active:
            self._savepoint.rollback()
        for key, row, dirty in reversed(self._undo):
            restore(self._rows, key, row)
            restore(self._dirty, key, dirty)
        self._undo = []
        for name, count in marks.items():
            del self._out[name][count:]

    def _guard(self) -> None:
        """Open a savepoint before the current entry writes at once, so it can be undone."""
        if isinstance(self.revs, Provisional):
            raise _Contended  # writing at once needs the lock
        if self._savepoint is None:
            self._savepoint = self.conn.begin_nested()

    def _quarantine(self, raw: Any, change_id: str | None, reason: str) -> PushResult:
        row = {
            "change_id": change_id,
            "device_id": self.p.device_id,
            "user_id": self.p.user_id,
            "reason": reason,
            "entry": _storable(raw),
            "at": self.now,
        }
        if self.careful:
            self.conn.execute(insert(Quarantine), [row])
        else:
            self._out["quarantine"].append(row)
        return PushResult(change_id=change_id, status="rejected", reason=reason)

    def _owner(self, table: str, row_id: str, fields: dict[str, Any]) -> str | None:
        """The participant a record belongs to (the rules of scope.owner_of, on this batch)."""
        if table == "participant":
            return row_id
        if table in VIA_PARENT:
            field, parent = VIA_PARENT[table]
            parent_id = fields.get(field)
            if not isinstance(parent_id, str):
                return None
            row = self._row(parent, parent_id)
            return row.owner_id if row is not None else None
        value = fields.get("participant_id")
        return value if isinstance(value, str) else None

    def _team(self, table: str, owner: str | None, fields: dict[str, Any]) -> str | None:
        """The team whose scope a record is in (the rules of scope.team_of, on this batch)."""
        if table in OWN_TEAM:
            own = fields.get("team")
            return own if isinstance(own, str) and own else self.p.team
        if owner is not None:
            row = self._row("participant", owner)
            if row is not None:
                return row.team
        return self.p.team

    # -- one entry ------------------------------------------------------------------------

    def _apply(self, entry: Entry) -> PushResult:
        unknown = entry.new.keys() - FIELDS[entry.table]
        if unknown:
            raise RejectedEntry(f"unknown fields on {entry.table}: {sorted(unknown)}")
        row = self._row(entry.table, entry.row_id)  # every column of the record
        if row is None:
            if entry.op != "create":
                raise RejectedEntry(f"no {entry.table} record with this id on the server")
            return self._create(entry)
        self._check_scope(row.team)
        if entry.table in APPEND_ONLY_TABLES:
            stored = {**row.fields, "deleted": row.deleted}
            if all(_same(stored.get(k), v) for k, v in entry.new.items()):
                return PushResult(change_id=entry.change_id, status="applied", rev=row.rev)
            raise RejectedEntry(f"{entry.table} is append-only and this record already exists")
        return self._merge(entry, row)

    def _check_scope(self, team: str | None) -> None:
        if not self.p.sees_all and team != self.p.team:
            raise RejectedEntry("this record is outside your team's scope")

    def _create(self, entry: Entry) -> PushResult:
        values = dict(entry.new)
        deleted = bool(values.pop("deleted", False))
        owner = self._owner(entry.table, entry.row_id, values)
        team = self._team(entry.table, owner, values)
        self._check_scope(team)
        rev = self.revs.next()
        self._put(entry.table, entry.row_id, self._state(rev, values, deleted, team, owner))
        return PushResult(change_id=entry.change_id, status="applied", rev=rev)

    def _merge(self, entry: Entry, row: Any) -> PushResult:
        current = {**row.fields, "deleted": row.deleted}
        changes: dict[str, Any] = {}
        conflicts: list[FieldConflict] = []
        for name, new in entry.new.items():
            value = current.get(name)
            if _same(value, new):
                continue
            if _same(value, entry.old[name]):
                changes[name] = new
            else:
                conflicts.append(FieldConflict(field=name, server_value=value, client_value=new))
        if conflicts:
            self._guard()  # conflicts are written at once: undone with this entry if refused
        # -- conflicts: a revision and the team for notices, who and when for both sides ----
        for c in conflicts:
            self.conn.execute(
                insert(Conflict).values(
                    id=conflict_id(entry.change_id, c.field),
                    rev=self.revs.next(),
                    team=row.team,
                    table_name=entry.table,
                    row_id=entry.row_id,
                    field=c.field,
                    server_value=c.server_value,
                    server_by=row.updated_by,
                    server_at=row.updated_at,
                    server_rev=row.rev,
                    client_value=c.client_value,
                    change_id=entry.change_id,
                    device_id=self.p.device_id,
                    user_id=self.p.user_id,
                    detected_at=self.now,
                    resolved_at=None,
                )
            )
        # -- end of conflicts ---------------------------------------------------------------
        status: PushStatus = "conflict" if conflicts else "applied"
        if not changes:
            return PushResult(
                change_id=entry.change_id, status=status, rev=row.rev, conflicts=conflicts
            )
        fields = {**row.fields, **{k: v for k, v in changes.items() if k != "deleted"}}
        deleted = bool(changes.get("deleted", row.deleted))
        owner = self._owner(entry.table, entry.row_id, fields)
        team = self._team(entry.table, owner, fields)
        self._check_scope(team)
        rev = self._store(
            entry.table,
            row_id=entry.row_id,
            old_team=row.team,
            fields=fields,
            deleted=deleted,
            team=team,
            owner=owner,
        )
        if entry.table == "participant" and team != row.team:
            self._move_owned(entry.row_id, row.team, team)
        return PushResult(change_id=entry.change_id, status=status, rev=rev, conflicts=conflicts)

    def _store(
        self,
        table: str,
        *,
        row_id: str,
        old_team: str | None,
        fields: dict[str, Any],
        deleted: bool,
        team: str | None,
        owner: str | None,
    ) -> int:
        """Write a record's new state at a new revision; tell its old team if it left."""
        if team != old_team:
            self._scope_event(table, row_id, old_team)
        rev = self.revs.next()
        self._put(table, row_id, self._state(rev, fields, deleted, team, owner))
        return rev

    def _state(
        self, rev: int, fields: dict[str, Any], deleted: bool, team: str | None, owner: str | None
    ) -> Row:
        """A record's state as written by this push."""
        return Row(
            rev=rev,
            fields=fields,
            deleted=deleted,
            team=team,
            owner_id=owner,
            updated_at=self.now,
            updated_by=self.p.user_id,
            device_id=self.p.device_id,
        )

    def _scope_event(self, table: str, row_id: str, old_team: str | None) -> None:
        """Tell ``old_team``'s devices that this record left their scope."""
        self._out["scope"].append(
            {"rev": self.revs.next(), "table_name": table, "row_id": row_id, "team": old_team}
        )

    def _move_owned(self, owner: str, old_team: str | None, team: str | None) -> None:
        """A participant changed team: everything of theirs follows, and the old team is told."""
        if isinstance(self.revs, Provisional):
            raise _Contended  # "everything of theirs" must not change before it is written
        keys = {
            (r.table_name, r.row_id)
            for r in self.conn.execute(
                select(Record.table_name, Record.row_id).where(
                    Record.owner_id == owner, Record.table_name != "participant"
                )
            )
        }
        keys |= {k for k, row in self._rows.items() if row is not None and row.owner_id == owner}
        moved = {("participant", owner)}
        for table, row_id in sorted(keys):
            row = self._row(table, row_id)
            if table == "participant" or row is None or row.owner_id != owner:
                continue
            self._scope_event(table, row_id, old_team)
            self._put(table, row_id, replace(row, rev=self.revs.next(), team=team))
            moved.add((table, row_id))
        self._move_conflicts(moved, team)

    def _move_conflicts(self, keys: set[Key], team: str | None) -> None:
        """Open conflicts on moved records go with them, at a new revision, so the new team's
        devices hear of them (and may resolve them)."""
        ids = sorted({row_id for _, row_id in keys})
        found = self.conn.execute(
            select(Conflict.id, Conflict.table_name, Conflict.row_id).where(
                self._among(Conflict.row_id, ids), Conflict.resolved_at.is_(None)
            )
        ).all()
        for c in sorted(found, key=lambda c: c.id):
            if (c.table_name, c.row_id) in keys:
                self._guard()  # written at once: undone with this entry if it is refused
                self.conn.execute(
                    update(Conflict)
                    .where(Conflict.id == c.id)
                    .values(team=team, rev=self.revs.next())
                )


def _storable(raw: Any) -> Any:
    """The entry as quarantine keeps it: as sent when a JSON column takes it, else its repr
    (PostgreSQL's JSONB refuses the NUL character, which must not block the batch)."""
    if isinstance(raw, dict) and "\\u0000" not in json.dumps(raw):
        return raw
    return {"raw": repr(raw)[:1000]}


def _as_repeat(result: PushResult) -> PushResult:
    """How a second sight of the same change id is answered."""
    if result.status == "rejected":
        return result
    return result.model_copy(update={"status": "duplicate", "conflicts": []})
