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
from typing import Any

from sqlalchemy import JSON, Table, bindparam, delete, insert, select, update

from lead_desktop.domain.participant import NAME_FIELDS
from lead_desktop.store.participants import name_tokens
from lead_desktop.store.records import META, _defaults, table_of
from lead_desktop.store.schema import (
    SYNCED_TABLES,
    Alias,
    Base,
    ChangeJournal,
    Participant,
    SearchToken,
    SyncState,
)
from lead_desktop.store.tx import Tx
from lead_desktop.sync.protocol import PullPage, PullRecord

logger = logging.getLogger(__name__)

#: Kinds this client does not apply from a pull (attachment bytes travel separately).
NOT_PULLED = frozenset({"attachment", "audit_event"})
#: SyncState key prefix of a parked record (its parent has not arrived yet).
PARKED_PREFIX = "parked:"
#: Most ids in one ``IN (...)``.
CHUNK = 500

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


def _existing(tx: Tx, table: Table, ids: Iterable[str]) -> dict[str, int | None]:
    """id -> local rev of the rows of ``table`` among ``ids``."""
    out: dict[str, int | None] = {}
    wanted = sorted(set(ids))
    has_rev = "rev" in table.c
    for part in _chunks(wanted):
        cols = [table.c.id, table.c.rev] if has_rev else [table.c.id, table.c.id]
        for row in tx.conn.execute(select(*cols).where(table.c.id.in_(part))):
            out[row[0]] = row[1] if has_rev else None
    return out


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
    rows = tx.conn.execute(
        select(SyncState.value).where(SyncState.key.startswith(PARKED_PREFIX, autoescape=True))
    ).scalars()
    return [PullRecord.model_validate_json(v) for v in rows]


def parked_count(conn: Any) -> int:
    """Records waiting for their parent."""
    return len(
        conn.execute(
            select(SyncState.key).where(SyncState.key.startswith(PARKED_PREFIX, autoescape=True))
        ).all()
    )


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
            self.tx.conn.execute(
                delete(SyncState).where(SyncState.key.startswith(PARKED_PREFIX, autoescape=True))
            )
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
        reindex_many(self.tx, self.touched)

    # -- records -----------------------------------------------------------------------------

    def _apply_table(
        self, name: str, recs: list[PullRecord], pending: dict[tuple[str, str], set[str]]
    ) -> None:
        table = table_of(SYNCED_TABLES[name])
        recs = self._park_orphans(table, recs)
        current = _existing(self.tx, table, [r.row_id for r in recs])
        columns = set(table.columns.keys()) - META
        defaults = _defaults(table)
        inserts: list[dict[str, Any]] = []
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for rec in recs:
            have = rec.row_id in current
            rev = current.get(rec.row_id)
            if have and rev is not None and (rev == rec.rev if self.exact else rev >= rec.rev):
                continue
            values = {k: v for k, v in rec.fields.items() if k in columns}
            values["deleted"] = rec.deleted
            mine = pending.get((name, rec.row_id))
            if mine:
                values = {k: v for k, v in values.items() if k not in mine}
            if have:
                updates[tuple(sorted(values))].append(
                    {
                        "b_id": rec.row_id,
                        "b_rev": rec.rev,
                        **{f"b_{k}": v for k, v in values.items()},
                    }
                )
            else:
                inserts.append(
                    {
                        **defaults,
                        **values,
                        "id": rec.row_id,
                        "rev": rec.rev,
                        "updated_at": str(rec.fields.get("updated_at") or self.tx.now),
                        "updated_by": str(rec.fields.get("updated_by") or "server"),
                        "device_id": "server",
                    }
                )
            self.applied += 1
            self._touch(name, rec)
        for names, params in updates.items():
            # One executemany per set of columns written (usually one per table).
            self.tx.conn.execute(
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values(rev=bindparam("b_rev"), **{k: bindparam(f"b_{k}") for k in names}),
                params,
            )
        if inserts:
            _bulk_insert(self.tx, table, inserts)

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
            self.removed += self.tx.conn.execute(delete(table).where(table.c.id.in_(part))).rowcount


def _bulk_insert(tx: Tx, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert pulled rows with one prepared statement per column set, straight to the driver.

    A first pull inserts thousands of rows of some forty columns; going through the driver
    directly (JSON columns encoded here, as the JSON type would) saves SQLAlchemy's per-value
    processing, a third of the laptop's share of a first pull.
    """
    encoded = {c.name for c in table.columns if isinstance(c.type, JSON)}
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        keys = tuple(sorted(row))
        groups[keys].append(tuple(json.dumps(row[k]) if k in encoded else row[k] for k in keys))
    for keys, params in groups.items():
        names = ", ".join(f'"{k}"' for k in keys)
        marks = ", ".join("?" for _ in keys)
        tx.conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', params)


def reindex_many(tx: Tx, participant_ids: Iterable[str]) -> None:
    """Recompute the search tokens of many participants with a few statements."""
    ids = sorted(set(participant_ids))
    if not ids:
        return
    participant = table_of(Participant)
    # Only the columns tokens come from: a whole row would decode every JSON column too.
    columns = [participant.c[name] for name in ("id", "deleted", *NAME_FIELDS[:3])]
    for part in _chunks(ids):
        rows = {
            r["id"]: r
            for r in tx.conn.execute(select(*columns).where(participant.c.id.in_(part)))
            .mappings()
            .all()
        }
        aliases: dict[str, list[str]] = defaultdict(list)
        for a in tx.conn.execute(
            select(Alias.participant_id, Alias.alias).where(
                Alias.participant_id.in_(part), ~Alias.deleted
            )
        ):
            aliases[a.participant_id].append(a.alias)
        tx.conn.execute(delete(SearchToken).where(SearchToken.participant_id.in_(part)))
        new = []
        for pid, row in rows.items():
            if row["deleted"]:
                continue
            toks = name_tokens(dict(row), aliases.get(pid, ()))
            new += [{"token": t, "participant_id": pid} for t in toks]
            tx.new_tokens |= toks
        if new:
            tx.conn.execute(
                insert(SearchToken).values(
                    token=bindparam("token"), participant_id=bindparam("participant_id")
                ),
                new,
            )
