"""The records a push batch reads and writes: loaded a statement per table, changed in
memory entry by entry, written in bulk at the end."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert

from lead_server.bulk_sql import (
    LOAD,
    LOAD_CHUNK,
    PG_FLUSH,
    RECORDS,
    STATE,
    UPDATE,
    json_rows,
)
from lead_server.entries import Entry
from lead_server.models import AppliedChange, Quarantine, ScopeEvent
from lead_server.revisions import Revisions
from lead_server.scope import VIA_PARENT

Key = tuple[str, str]
MISSING: Any = object()


@dataclass(frozen=True)
class Row:
    """A record as this push sees it: as stored, with the batch's earlier entries applied."""

    rev: int
    fields: dict[str, Any]
    deleted: bool
    team: str | None
    owner_id: str | None
    updated_at: str
    updated_by: str
    device_id: str


class BatchRecords:
    """The batch's records as a push sees them (mixed into ``Push``)."""

    conn: Connection
    careful: bool
    revs: Revisions
    _rows: dict[Key, Row | None]  # None: not on the server
    _stored: set[Key]  # keys the database holds: written by update
    _dirty: dict[Key, Row]  # records to write
    _out: dict[str, list[dict[str, Any]]]
    _undo: list[tuple[Key, Any, Any]]
    _read_revs: dict[Key, int | None]  # what the merge was based on

    def _prefetch(self, entries: list[Entry]) -> None:
        """Read the batch's records and the parents they name, a statement per table."""
        wanted: dict[str, list[str]] = {}
        for entry in entries:
            wanted.setdefault(entry.table, []).append(entry.row_id)
            for table, row_id in parents(entry.table, entry.new):
                wanted.setdefault(table, []).append(row_id)
        self._load(wanted)
        wanted = {}
        for (table, _), row in self._rows.items():
            if row is not None:
                for parent, row_id in parents(table, row.fields):
                    wanted.setdefault(parent, []).append(row_id)
                if row.owner_id is not None:
                    wanted.setdefault("participant", []).append(row.owner_id)
        self._load(wanted)

    def _load(self, wanted: dict[str, list[str]]) -> None:
        for table, ids in wanted.items():
            missing = [i for i in dict.fromkeys(ids) if (table, i) not in self._rows]
            for start in range(0, len(missing), LOAD_CHUNK):
                chunk = missing[start : start + LOAD_CHUNK]
                for r in self.conn.execute(
                    LOAD[self.conn.dialect.name], {"table": table, "ids": chunk}
                ):
                    key = (table, r.row_id)
                    self._rows[key] = Row(*(getattr(r, name) for name in STATE))
                    self._stored.add(key)
                    self._read_revs[key] = int(r.rev)
                for row_id in chunk:
                    self._read_revs.setdefault((table, row_id), None)
                    self._rows.setdefault((table, row_id), None)

    def _row(self, table: str, row_id: str) -> Row | None:
        """A record as it stands now (this batch's writes included), or None."""
        if (table, row_id) not in self._rows:
            self._load({table: [row_id]})
        return self._rows[(table, row_id)]

    def _put(self, table: str, row_id: str, row: Row) -> None:
        """Write a record's new state (to the database at the end of the batch)."""
        key = (table, row_id)
        self._undo.append((key, self._rows.get(key, MISSING), self._dirty.get(key, MISSING)))
        self._rows[key] = self._dirty[key] = row

    def _split(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The records to write: (new ones, changed ones), each a row of values."""
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for (table, row_id), row in self._dirty.items():
            values = {"table_name": table, "row_id": row_id}
            values.update((name, getattr(row, name)) for name in STATE)
            (updates if (table, row_id) in self._stored else inserts).append(values)
        return inserts, updates

    def _bulk_params(self) -> dict[str, Any]:
        """PG_FLUSH's JSON parameters for what the batch changed."""
        inserts, updates = self._split()
        return {
            "record": json_rows(inserts),
            "changed_record": json_rows(updates),
            "scope_event": json_rows(self._out["scope"]),
            "applied_change": json_rows(self._out["applied"]),
            "quarantine": json_rows(self._out["quarantine"]),
        }

    def _flush(self) -> None:
        """Write what the batch changed: records, scope events, answers, quarantine."""
        if self.conn.dialect.name == "postgresql" and not self.careful:
            params = {**self._bulk_params(), "read": "[]", "base": 0}
            self.conn.execute(PG_FLUSH, {**params, "counter": self.revs.value})
            self.revs.start = self.revs.value  # stored: save() has nothing left to do
        else:
            self._flush_each(*self._split())
        self._stored |= set(self._dirty)
        self._dirty = {}
        self._out = {name: [] for name in self._out}

    def _flush_each(self, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]) -> None:
        """A few executemany statements (SQLite, and entry by entry)."""
        for row in updates:
            row["key_table"], row["key_row"] = row.pop("table_name"), row.pop("row_id")
        if inserts:
            self.conn.execute(insert(RECORDS), inserts)
        if updates:
            self.conn.execute(UPDATE, updates)
        for name, model in (
            ("scope", ScopeEvent),
            ("applied", AppliedChange),
            ("quarantine", Quarantine),
        ):
            if self._out[name]:
                self.conn.execute(insert(model), self._out[name])


def parents(table: str, fields: dict[str, Any]) -> Iterator[Key]:
    """The records a record's owner and team are looked up in (see scope.owner_of)."""
    if table in VIA_PARENT:
        field, parent = VIA_PARENT[table]
        if isinstance(fields.get(field), str):
            yield parent, fields[field]
    elif table != "participant" and isinstance(fields.get("participant_id"), str):
        yield "participant", fields["participant_id"]


def restore(mapping: dict[Key, Any], key: Key, value: Any) -> None:
    if value is MISSING:
        mapping.pop(key, None)
    else:
        mapping[key] = value
