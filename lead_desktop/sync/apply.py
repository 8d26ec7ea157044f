"""Apply pulled records to the local store: in batches, parents first, never re-journaled.

A pulled page is written in the caller's transaction. Three things make it safe on any page:

- **Unpushed local edits win locally** until they are pushed: a pulled value never replaces a
  field this laptop changed and has not sent yet (the server merges it when it arrives).
- **Children whose parent is not here yet are parked**, not applied: pages are ordered by the
  server's revision, and a parent updated after its child was created comes on a later page.
  A parked record waits (inside the encrypted store) and is applied as soon as its parent
  arrives, so no page ever fails its foreign keys and blocks the cursor.
- **A record leaving the worker's scope takes its dependents with it** (aliases, plans and their
  goals and steps, search tokens...), whatever page their own removal events come on.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

from pydantic_core import PydanticSerializationError, to_json
from sqlalchemy import JSON, Table, UniqueConstraint, delete, insert, select

from lead_desktop.domain.participant import NAME_FIELDS
from lead_desktop.store.participants import name_tokens
from lead_desktop.store.records import META, _defaults, table_of
from lead_desktop.store.schema import (
    SYNCED_TABLES,
    Alias,
    Base,
    ChangeJournal,
    Conflict,
    Participant,
    SearchToken,
    SyncState,
)
from lead_desktop.store.tx import Tx
from lead_desktop.sync.protocol import PullPage, PullRecord
from lead_desktop.sync.state import under

logger = logging.getLogger(__name__)

#: Kinds this client does not apply from a pull (attachment bytes travel separately).
NOT_PULLED = frozenset({"attachment", "audit_event"})
#: SyncState key prefix of a parked record (its parent has not arrived yet).
PARKED_PREFIX = "parked:"
#: Most ids in one ``IN (...)``.
CHUNK = 500
#: The sync metadata columns a pulled new row is written with, after its data columns.
_INSERT_META = ("id", "rev", "updated_at", "updated_by", "device_id")

#: Synced tables, parents before children (from the schema's foreign keys).
ORDER = [t.name for t in Base.metadata.sorted_tables if t.name in SYNCED_TABLES]


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _parents(table: Table) -> list[tuple[str, Table]]:
    """The (column, parent table) pairs of a table's foreign keys to other tables."""
    return [
        (fk.parent.name, fk.column.table)
        for fk in table.foreign_keys
        if fk.column.table is not table and fk.column.name == "id"
    ]


def _id_list(ids: Iterable[Any]) -> tuple[str]:
    """The parameter of ``IN (SELECT value FROM json_each(?))``: the ids as one JSON array.

    One parameter however many ids: no chunks, and no statement compiled anew for each
    length of list (SQLAlchemy's ``in_`` renders a placeholder per id on every execution).
    """
    return (json.dumps(list(ids)),)


_IN_IDS = "IN (SELECT value FROM json_each(?))"


def _existing(tx: Tx, table: Table, ids: Iterable[str]) -> dict[str, int | None]:
    """id -> local rev of the rows of ``table`` among ``ids``."""
    rev = '"rev"' if "rev" in table.c else "NULL"
    sql = f'SELECT "id", {rev} FROM "{table.name}" WHERE "id" {_IN_IDS}'
    return {row[0]: row[1] for row in tx.conn.exec_driver_sql(sql, _id_list(set(ids))).all()}


def _indexed(table: Table) -> tuple[str, ...]:
    """The data columns of ``table`` that some index or unique constraint covers."""
    names = {c.name for index in table.indexes for c in index.columns}
    names |= {
        c.name
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
        for c in constraint.columns
    }
    names |= {c.name for c in table.columns if c.unique or c.index}
    return tuple(sorted(names - META))


def _current(
    tx: Tx, table: Table, ids: Iterable[str], columns: tuple[str, ...]
) -> dict[str, tuple[Any, ...]]:
    """id -> (local rev, values of ``columns`` as stored) of the rows of ``table`` among
    ``ids``."""
    picked = "".join(f', "{name}"' for name in columns)
    sql = f'SELECT "id", "rev"{picked} FROM "{table.name}" WHERE "id" {_IN_IDS}'
    return {
        row[0]: tuple(row[1:]) for row in tx.conn.exec_driver_sql(sql, _id_list(set(ids))).all()
    }


def _same(stored: Any, value: Any) -> bool:
    """Whether writing ``value`` would store exactly ``stored`` (strictly: when in doubt, no)."""
    if stored is None or value is None:
        return stored is value
    if isinstance(value, bool):
        return type(stored) is int and stored == int(value)
    return type(stored) is type(value) and bool(stored == value)


def _pending_fields(tx: Tx, tables: set[str]) -> dict[tuple[str, str], set[str]]:
    """Fields of unpushed local edits, per (table, row id)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    if not tables:
        return out
    for row in tx.conn.execute(
        select(ChangeJournal.table_name, ChangeJournal.row_id, ChangeJournal.fields).where(
            ChangeJournal.pushed_at.is_(None), ChangeJournal.table_name.in_(sorted(tables))
        )
    ):
        out[(row.table_name, row.row_id)] |= set(row.fields)
    return out


def _load_parked(tx: Tx) -> list[PullRecord]:
    rows = tx.conn.execute(select(SyncState.value).where(under(PARKED_PREFIX))).scalars()
    return [PullRecord.model_validate_json(v) for v in rows]


def parked_count(conn: Any) -> int:
    """Records waiting for their parent."""
    return len(conn.execute(select(SyncState.key).where(under(PARKED_PREFIX))).all())


class PageApplier:
    """Applies one page (plus whatever was parked before) in one transaction."""

    def __init__(self, tx: Tx, *, exact: bool = False) -> None:
        self.tx = tx
        #: Repair mode: apply a record whenever its revision differs from the local one (a
        #: restored server may hand out lower revisions), not only when it is newer.
        self.exact = exact
        self.applied = 0
        self.removed = 0
        self.touched: set[str] = set()
        #: Search tokens the page added (the in-memory search index must learn them).
        self.tokens_added = 0

    def run(self, page: PullPage) -> None:
        """Apply records, then scope removals, then refresh the search tokens they touched."""
        latest: dict[tuple[str, str], PullRecord] = {}
        parked = _load_parked(self.tx)
        for rec in [*parked, *page.records]:
            if rec.table in NOT_PULLED or rec.table not in SYNCED_TABLES:
                continue
            key = (rec.table, rec.row_id)
            if key not in latest or latest[key].rev < rec.rev:
                latest[key] = rec
        if parked:
            self.tx.conn.execute(delete(SyncState).where(under(PARKED_PREFIX)))
        by_table: dict[str, list[PullRecord]] = defaultdict(list)
        for rec in latest.values():
            by_table[rec.table].append(rec)
        pending = _pending_fields(self.tx, set(by_table))
        for name in ORDER:
            if by_table.get(name):
                self._apply_table(name, by_table[name], pending)
        for gone in page.scope_removed:
            if gone.table in SYNCED_TABLES and gone.table not in NOT_PULLED:
                self._remove(table_of(SYNCED_TABLES[gone.table]), [gone.row_id])
        self.tokens_added = reindex_many(self.tx, self.touched)

    # -- records -----------------------------------------------------------------------------

    def _apply_table(
        self, name: str, recs: list[PullRecord], pending: dict[tuple[str, str], set[str]]
    ) -> None:
        table = table_of(SYNCED_TABLES[name])
        recs = self._park_orphans(table, recs)
        indexed = _indexed(table)
        current = _current(self.tx, table, [r.row_id for r in recs], indexed)
        columns = set(table.columns.keys()) - META
        row_of = _RowMaker(table)
        inserts: list[tuple[Any, ...]] = []
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        for rec in recs:
            held = current.get(rec.row_id)
            have = held is not None
            rev = held[0] if held is not None else None
            if have and rev is not None and (rev == rec.rev if self.exact else rev >= rec.rev):
                continue
            fields = rec.fields
            if fields.keys() <= columns:  # the usual case: every field is a column
                values = dict(fields)
            else:
                values = {k: v for k, v in fields.items() if k in columns}
            values["deleted"] = rec.deleted
            mine = pending.get((name, rec.row_id))
            if mine:
                values = {k: v for k, v in values.items() if k not in mine}
            if held is not None:
                # An indexed column written with the value it holds still rewrites its index
                # entry (and dirties that page for the commit): leave such columns out.
                for column, stored in zip(indexed, held[1:], strict=True):
                    if column in values and _same(stored, values[column]):
                        del values[column]
                names = tuple(sorted(values))
                updates[names].append(row_of.update(names, values, rec))
            else:
                inserts.append(row_of.insert(values, rec, self.tx.now))
            self.applied += 1
            self._touch(name, rec)
        for names, params in updates.items():
            # One executemany per set of columns written (usually one per table).
            self.tx.conn.exec_driver_sql(row_of.update_sql(names), params)
        if inserts:
            self.tx.conn.exec_driver_sql(row_of.insert_sql, inserts)

    def _touch(self, name: str, rec: PullRecord) -> None:
        if name == "participant":
            self.touched.add(rec.row_id)
        elif name == "alias" and isinstance(rec.fields.get("participant_id"), str):
            self.touched.add(rec.fields["participant_id"])

    def _park_orphans(self, table: Table, recs: list[PullRecord]) -> list[PullRecord]:
        """Keep back the records whose parent is neither here nor applied earlier in this page."""
        parents = _parents(table)
        if not parents:
            return recs
        missing: set[str] = set()
        for column, parent in parents:
            refs = {
                r.fields[column]: r.row_id
                for r in recs
                if isinstance(r.fields.get(column), str) and r.fields[column]
            }
            if not refs:
                continue
            found = _existing(self.tx, parent, refs)
            missing |= {
                r.row_id
                for r in recs
                if isinstance(r.fields.get(column), str)
                and r.fields[column]
                and r.fields[column] not in found
            }
        if not missing:
            return recs
        kept = []
        for rec in recs:
            if rec.row_id in missing:
                self.tx.conn.execute(
                    insert(SyncState).values(
                        key=f"{PARKED_PREFIX}{rec.table}:{rec.row_id}", value=rec.model_dump_json()
                    )
                )
            else:
                kept.append(rec)
        logger.info("records parked until their parent arrives", extra={"count": len(missing)})
        return kept

    # -- scope removals ----------------------------------------------------------------------

    def _remove(self, table: Table, ids: list[str]) -> None:
        """Delete rows and, first, every local row that depends on them."""
        if not ids:
            return
        for child in Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                if fk.column.table is not table or child is table:
                    continue
                column = child.c[fk.parent.name]
                if child.name in SYNCED_TABLES:
                    kids = [
                        r[0]
                        for part in _chunks(ids)
                        for r in self.tx.conn.execute(select(child.c.id).where(column.in_(part)))
                    ]
                    self._remove(child, kids)
                else:
                    for part in _chunks(ids):
                        self.tx.conn.execute(delete(child).where(column.in_(part)))
        if table.name == "participant":
            self.touched.difference_update(ids)
        for part in _chunks(ids):
            # Conflicts hold both values of a field: they leave with the record (the team
            # that now has it hears of them from the server).
            self.tx.conn.execute(
                delete(Conflict).where(Conflict.table_name == table.name, Conflict.row_id.in_(part))
            )
            self.removed += self.tx.conn.execute(delete(table).where(table.c.id.in_(part))).rowcount


def _json_text(value: Any) -> str:
    """A value as a JSON column holds it (as SQLAlchemy's JSON type would write it: ``None``
    as ``null``), encoded by pydantic-core, several times faster than ``json.dumps``."""
    try:
        return to_json(value, inf_nan_mode="constants").decode()
    except (PydanticSerializationError, UnicodeDecodeError):  # e.g. a lone surrogate
        return json.dumps(value)


class _RowMaker:
    """Pulled records of one table as driver parameters, and the statements that take them.

    A first pull writes thousands of rows of some forty columns; going to the driver directly
    (JSON columns encoded here, as the JSON type would) saves SQLAlchemy's per-value
    processing, a large share of the laptop's part of a first pull. The other column types
    of synced tables (text, integers, floats, booleans) go to the driver as they are.
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        self.defaults = _defaults(table)
        #: Every column but the sync metadata, in the order of ``defaults``.
        self.data = tuple(self.defaults)
        self.encoded = frozenset(c.name for c in table.columns if isinstance(c.type, JSON))
        self._pick = itemgetter(*self.data)
        names = ", ".join(f'"{k}"' for k in (*self.data, *_INSERT_META))
        marks = ", ".join("?" for _ in (*self.data, *_INSERT_META))
        self.insert_sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'

    def insert(self, values: dict[str, Any], rec: PullRecord, now: str) -> tuple[Any, ...]:
        """The parameters of a new row: defaults, then the record's values and metadata."""
        row = self.defaults | values
        for name in self.encoded:
            row[name] = _json_text(row[name])
        picked = self._pick(row)
        return (
            *(picked if isinstance(picked, tuple) else (picked,)),
            rec.row_id,
            rec.rev,
            str(rec.fields.get("updated_at") or now),
            str(rec.fields.get("updated_by") or "server"),
            "server",
        )

    def update(
        self, names: tuple[str, ...], values: dict[str, Any], rec: PullRecord
    ) -> tuple[Any, ...]:
        """The parameters of :meth:`update_sql` for ``names``: revision, values, id."""
        encoded = self.encoded
        return (
            rec.rev,
            *(_json_text(values[k]) if k in encoded else values[k] for k in names),
            rec.row_id,
        )

    def update_sql(self, names: tuple[str, ...]) -> str:
        """An update of the revision and of the columns ``names``, by id."""
        sets = "".join(f', "{k}" = ?' for k in names)
        return f'UPDATE "{self.table.name}" SET "rev" = ?{sets} WHERE "id" = ?'


#: The columns search tokens come from (a whole row would decode every JSON column too).
_NAMES = NAME_FIELDS[:3]
_PEOPLE_SQL = (
    'SELECT "id", "deleted", ' + ", ".join(f'"{n}"' for n in _NAMES) + " "
    f'FROM "{Participant.__tablename__}" WHERE "id" {_IN_IDS}'
)
_ALIASES_SQL = (
    f'SELECT "participant_id", "alias" FROM "{Alias.__tablename__}" '
    f'WHERE "participant_id" {_IN_IDS} AND "deleted" = 0'
)
_TOKENS_SQL = (
    f'SELECT "token", "participant_id" FROM "{SearchToken.__tablename__}" '
    f'WHERE "participant_id" {_IN_IDS}'
)
_TOKEN_DELETE = (
    f'DELETE FROM "{SearchToken.__tablename__}" WHERE "token" = ? AND "participant_id" = ?'
)
_TOKEN_INSERT = (
    f'INSERT INTO "{SearchToken.__tablename__}" ("token", "participant_id") VALUES (?, ?)'
)


def reindex_many(tx: Tx, participant_ids: Iterable[str]) -> int:
    """Bring the search tokens of many participants up to date with a few statements.

    Only the tokens that change are written: a pulled edit that leaves the names alone (most
    do) writes none, which spares its transaction a scattered rewrite of the token index.
    Return how many tokens were added.
    """
    ids = sorted(set(participant_ids))
    if not ids:
        return 0
    wanted = _id_list(ids)
    rows = {r[0]: r for r in tx.conn.exec_driver_sql(_PEOPLE_SQL, wanted).all()}
    aliases: dict[str, list[str]] = defaultdict(list)
    for pid, alias in tx.conn.exec_driver_sql(_ALIASES_SQL, wanted).all():
        aliases[pid].append(alias)
    held: dict[str, set[str]] = defaultdict(set)
    for token, pid in tx.conn.exec_driver_sql(_TOKENS_SQL, wanted).all():
        held[pid].add(token)
    gone: list[tuple[str, str]] = []
    new: list[tuple[str, str]] = []
    for pid in ids:
        row = rows.get(pid)
        toks: set[str] = set()
        if row is not None and not row[1]:  # not deleted
            toks = name_tokens(dict(zip(_NAMES, row[2:], strict=True)), aliases.get(pid, ()))
            tx.new_tokens |= toks
        have = held.get(pid, set())
        gone += [(t, pid) for t in have - toks]
        new += [(t, pid) for t in toks - have]
    if gone:
        tx.conn.exec_driver_sql(_TOKEN_DELETE, gone)
    if new:
        tx.conn.exec_driver_sql(_TOKEN_INSERT, new)
    return len(new)
