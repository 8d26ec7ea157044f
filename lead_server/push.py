"""Apply a pushed batch: idempotent change ids, per-field three-way merge, conflicts, quarantine."""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from lead_desktop.store.ids import utcnow
from lead_desktop.store.records import META
from lead_desktop.store.schema import SYNCED_TABLES, AuditEvent
from lead_desktop.sync.protocol import (
    APPEND_ONLY_TABLES,
    FieldConflict,
    PushEntry,
    PushResult,
    PushStatus,
    conflict_id,
)
from lead_server.errors import RejectedEntry
from lead_server.models import (
    AppliedChange,
    Conflict,
    Quarantine,
    Record,
    RevCounter,
    ScopeEvent,
)
from lead_server.scope import Principal, owner_of, team_of

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


class Revisions:
    """Hands out revisions from the global counter, held under its row lock until commit."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # FOR UPDATE holds the row lock to commit (SQLite: BEGIN IMMEDIATE already does), so
        # revisions become visible in the order they were given and no two writers share one.
        self.value = int(
            conn.execute(
                select(RevCounter.value).where(RevCounter.id == 1).with_for_update()
            ).scalar_one()
        )
        self.start = self.value

    def next(self) -> int:
        """Return the next revision."""
        self.value += 1
        return self.value

    def save(self) -> None:
        """Store the counter (before commit)."""
        if self.value != self.start:
            self.conn.execute(update(RevCounter).where(RevCounter.id == 1).values(value=self.value))


class Push:
    """One push, applied in the caller's transaction."""

    def __init__(self, conn: Connection, principal: Principal) -> None:
        self.conn = conn
        self.p = principal
        self.now = utcnow()
        self.revs = Revisions(conn)
        self.counts = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}

    def run(self, raw_entries: list[Any]) -> list[PushResult]:
        """Answer every entry, in order; a refused entry never stops the others."""
        ids = [
            e["change_id"] for e in raw_entries if isinstance(e, dict) and _text(e.get("change_id"))
        ]
        seen = self._seen(ids)
        results = []
        for raw in raw_entries:
            change_id = raw.get("change_id") if isinstance(raw, dict) else None
            change_id = change_id if _text(change_id) else None
            if change_id is not None and change_id in seen:
                result = seen[change_id]
            else:
                result = self._one(raw, change_id)
                if change_id is not None:
                    seen[change_id] = _as_repeat(result)
            self.counts[result.status] += 1
            results.append(result)
        self.revs.save()
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

    def _seen(self, ids: list[str]) -> dict[str, PushResult]:
        """Answers already given to these change ids (applied earlier, or quarantined)."""
        out: dict[str, PushResult] = {}
        if not ids:
            return out
        done = self.conn.execute(
            select(AppliedChange.change_id, AppliedChange.rev, AppliedChange.status).where(
                AppliedChange.change_id.in_(ids)
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
            select(Quarantine.change_id, Quarantine.reason).where(Quarantine.change_id.in_(ids))
        ):
            out.setdefault(
                q.change_id,
                PushResult(change_id=q.change_id, status="rejected", reason=q.reason),
            )
        return out

    def _one(self, raw: Any, change_id: str | None) -> PushResult:
        try:
            entry = PushEntry.model_validate(raw)
        except ValidationError as exc:
            return self._quarantine(raw, change_id, _describe(exc))
        try:
            with self.conn.begin_nested():
                result = self._apply(entry)
                self.conn.execute(
                    insert(AppliedChange).values(
                        change_id=entry.change_id,
                        rev=result.rev,
                        status=result.status,
                        device_id=self.p.device_id,
                        at=self.now,
                    )
                )
                return result
        except RejectedEntry as exc:
            return self._quarantine(raw, change_id, str(exc))
        except (IntegrityError, DataError) as exc:
            logger.warning("entry not storable", extra={"error": type(exc.orig).__name__})
            return self._quarantine(raw, change_id, "the server could not store this entry")

    def _quarantine(self, raw: Any, change_id: str | None, reason: str) -> PushResult:
        self.conn.execute(
            insert(Quarantine).values(
                change_id=change_id,
                device_id=self.p.device_id,
                user_id=self.p.user_id,
                reason=reason,
                entry=raw if isinstance(raw, dict) else {"raw": repr(raw)[:1000]},
                at=self.now,
            )
        )
        return PushResult(change_id=change_id, status="rejected", reason=reason)

    def _apply(self, entry: PushEntry) -> PushResult:
        unknown = set(entry.fields) - FIELDS[entry.table]
        if unknown:
            raise RejectedEntry(f"unknown fields on {entry.table}: {sorted(unknown)}")
        row = self.conn.execute(
            select(
                Record.rev,
                Record.fields,
                Record.deleted,
                Record.team,
                Record.owner_id,
                Record.updated_by,
                Record.updated_at,
            )
            .where(Record.table_name == entry.table, Record.row_id == entry.row_id)
            .with_for_update()
        ).first()
        if row is None:
            if entry.op != "create":
                raise RejectedEntry(f"no {entry.table} record with this id on the server")
            return self._create(entry)
        self._check_scope(row.team)
        if entry.table in APPEND_ONLY_TABLES:
            stored = {**row.fields, "deleted": row.deleted}
            if all(_same(stored.get(k), c.new) for k, c in entry.fields.items()):
                return PushResult(change_id=entry.change_id, status="applied", rev=row.rev)
            raise RejectedEntry(f"{entry.table} is append-only and this record already exists")
        return self._merge(entry, row)

    def _check_scope(self, team: str | None) -> None:
        if not self.p.sees_all and team != self.p.team:
            raise RejectedEntry("this record is outside your team's scope")

    def _create(self, entry: PushEntry) -> PushResult:
        values = {k: c.new for k, c in entry.fields.items()}
        deleted = bool(values.pop("deleted", False))
        owner = owner_of(self.conn, entry.table, entry.row_id, values)
        team = team_of(self.conn, self.p, entry.table, owner, values)
        self._check_scope(team)
        rev = self.revs.next()
        self.conn.execute(
            insert(Record).values(
                table_name=entry.table,
                row_id=entry.row_id,
                rev=rev,
                fields=values,
                deleted=deleted,
                team=team,
                owner_id=owner,
                updated_at=self.now,
                updated_by=self.p.user_id,
                device_id=self.p.device_id,
            )
        )
        return PushResult(change_id=entry.change_id, status="applied", rev=rev)

    def _merge(self, entry: PushEntry, row: Any) -> PushResult:
        current = {**row.fields, "deleted": row.deleted}
        changes: dict[str, Any] = {}
        conflicts: list[FieldConflict] = []
        for name, change in entry.fields.items():
            value = current.get(name)
            if _same(value, change.new):
                continue
            if _same(value, change.old):
                changes[name] = change.new
            else:
                conflicts.append(
                    FieldConflict(field=name, server_value=value, client_value=change.new)
                )
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
        owner = owner_of(self.conn, entry.table, entry.row_id, fields)
        team = team_of(self.conn, self.p, entry.table, owner, fields)
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
            self.conn.execute(
                insert(ScopeEvent).values(
                    rev=self.revs.next(), table_name=table, row_id=row_id, team=old_team
                )
            )
        rev = self.revs.next()
        self.conn.execute(
            update(Record)
            .where(Record.table_name == table, Record.row_id == row_id)
            .values(
                rev=rev,
                fields=fields,
                deleted=deleted,
                team=team,
                owner_id=owner,
                updated_at=self.now,
                updated_by=self.p.user_id,
                device_id=self.p.device_id,
            )
        )
        return rev

    def _move_owned(self, owner: str, old_team: str | None, team: str | None) -> None:
        """A participant changed team: everything of theirs follows, and the old team is told."""
        rows = self.conn.execute(
            select(Record.table_name, Record.row_id).where(
                Record.owner_id == owner, Record.table_name != "participant"
            )
        ).all()
        for r in rows:
            self.conn.execute(
                insert(ScopeEvent).values(
                    rev=self.revs.next(), table_name=r.table_name, row_id=r.row_id, team=old_team
                )
            )
            self.conn.execute(
                update(Record)
                .where(Record.table_name == r.table_name, Record.row_id == r.row_id)
                .values(rev=self.revs.next(), team=team)
            )


def _as_repeat(result: PushResult) -> PushResult:
    """How a second sight of the same change id is answered."""
    if result.status == "rejected":
        return result
    return result.model_copy(update={"status": "duplicate", "conflicts": []})


def _text(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 64


def _describe(exc: ValidationError) -> str:
    """A validation failure in one line, naming fields but never quoting their values."""
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err["loc"]) or "entry"
        parts.append(f"{where}: {err['msg']}")
    return "malformed entry: " + "; ".join(parts)
