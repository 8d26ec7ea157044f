"""Participant repository: create, change, aliases, and the search tokens that follow names."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from lead_desktop.domain.participant import NAME_FIELDS, validate_alias, validate_participant
from lead_desktop.domain.text import tokens
from lead_desktop.errors import Issue, ValidationError
from lead_desktop.store.records import (
    CHUNK,
    create_row,
    create_rows,
    get_row,
    tombstone_row,
    update_row,
)
from lead_desktop.store.schema import Alias, Participant, SearchToken
from lead_desktop.store.tx import Tx


def name_tokens(row: Mapping[str, Any], aliases: Iterable[str]) -> set[str]:
    """Return the folded search tokens of a person's names and aliases."""
    out: set[str] = set()
    for field in NAME_FIELDS[:3]:
        if row.get(field):
            out.update(tokens(str(row[field])))
    for alias in aliases:
        out.update(tokens(alias))
    return {t for t in out if t}


def _aliases_of(conn: Connection, participant_id: str) -> list[str]:
    return list(
        conn.execute(
            select(Alias.alias).where(Alias.participant_id == participant_id, ~Alias.deleted)
        ).scalars()
    )


def reindex(tx: Tx, participant_id: str) -> None:
    """Recompute one participant's search tokens (same transaction as the change)."""
    row = get_row(tx, Participant, participant_id)
    tx.conn.execute(delete(SearchToken).where(SearchToken.participant_id == participant_id))
    toks = set() if row["deleted"] else name_tokens(row, _aliases_of(tx.conn, participant_id))
    if toks:
        tx.conn.execute(
            insert(SearchToken), [{"token": t, "participant_id": participant_id} for t in toks]
        )
    tx.new_tokens |= toks


def create_participant(
    tx: Tx,
    *,
    data: Mapping[str, Any],
    aliases: Sequence[tuple[str, str]] = (),
    today: date | None = None,
) -> str:
    """Validate and create a participant with aliases (kind 'alias' or 'street')."""
    issues: list[Issue] = []
    try:
        values = validate_participant(data, today=today)
    except ValidationError as exc:
        issues += exc.issues
        values = {}
    checked: list[tuple[str, str]] = []
    for alias, kind in aliases:
        try:
            checked.append(validate_alias(alias, kind))
        except ValidationError as exc:
            issues += exc.issues
    if issues:
        raise ValidationError(issues)
    pid = create_row(tx, Participant, values)
    for alias, kind in checked:
        create_row(tx, Alias, {"participant_id": pid, "alias": alias, "kind": kind})
    reindex(tx, pid)
    return pid


def create_participants(
    tx: Tx, rows: list[tuple[dict[str, Any], list[tuple[str, str]]]]
) -> list[str]:
    """Create many already-validated participants at once (imports, demo data).

    Works through the rows a chunk at a time inside the caller's one transaction, so memory
    stays flat however large the import. The cyclic garbage collector is paused meanwhile: the
    loop makes no cycles, and its scans of the many live rows cost about a quarter of the time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _create_in_chunks(tx, rows)
    finally:
        if collecting:
            gc.enable()


def _create_in_chunks(
    tx: Tx, rows: list[tuple[dict[str, Any], list[tuple[str, str]]]]
) -> list[str]:
    ids: list[str] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        chunk_ids = create_rows(tx, Participant, [values for values, _ in chunk])
        alias_rows = [
            {"participant_id": pid, "alias": alias, "kind": kind}
            for pid, (_, aliases) in zip(chunk_ids, chunk, strict=True)
            for alias, kind in aliases
        ]
        create_rows(tx, Alias, alias_rows)
        token_rows = [
            {"token": t, "participant_id": pid}
            for pid, (values, aliases) in zip(chunk_ids, chunk, strict=True)
            for t in name_tokens(values, [a for a, _ in aliases])
        ]
        if token_rows:
            tx.conn.execute(insert(SearchToken), token_rows)
        tx.new_tokens |= {r["token"] for r in token_rows}
        tx.flush()
        ids += chunk_ids
    return ids


def update_participant(
    tx: Tx, participant_id: str, *, data: Mapping[str, Any], today: date | None = None
) -> dict[str, list[Any]]:
    """Validate and apply changed fields; return them with old and new values."""
    values = validate_participant(data, today=today, partial=True)
    changed = update_row(tx, Participant, participant_id, values)
    if set(changed) & set(NAME_FIELDS):
        reindex(tx, participant_id)
    return changed


def add_alias(tx: Tx, participant_id: str, *, alias: str, kind: str = "alias") -> str:
    """Add an alias or street name to a participant."""
    text, kind = validate_alias(alias, kind)
    get_row(tx, Participant, participant_id)
    aid = create_row(tx, Alias, {"participant_id": participant_id, "alias": text, "kind": kind})
    reindex(tx, participant_id)
    return aid


def remove_alias(tx: Tx, alias_id: str) -> None:
    """Tombstone an alias."""
    row = get_row(tx, Alias, alias_id)
    tombstone_row(tx, Alias, alias_id)
    reindex(tx, row["participant_id"])


def get_participant(conn: Connection, participant_id: str) -> dict[str, Any]:
    """Return a participant with their live aliases under 'aliases'."""
    row = get_row(conn, Participant, participant_id)
    row["aliases"] = [
        dict(a)
        for a in conn.execute(
            select(Alias.id, Alias.alias, Alias.kind).where(
                Alias.participant_id == participant_id, ~Alias.deleted
            )
        ).mappings()
    ]
    return row


def view_participant(tx: Tx, participant_id: str) -> dict[str, Any]:
    """Return a participant and audit the view."""
    row = get_participant(tx.conn, participant_id)
    tx.audit("view", "participant", participant_id)
    return row
