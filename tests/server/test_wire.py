"""Wire schemas of sync protocol v1: what they accept and refuse."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lead_desktop.sync.protocol import (
    MAX_PUSH_ENTRIES,
    PushEntry,
    PushRequest,
    checksum,
    entry_from_journal,
)


def test_journal_row_becomes_a_push_entry() -> None:
    row = {
        "change_id": "c1",
        "table_name": "participant",
        "row_id": "r1",
        "op": "insert",
        "base_rev": None,
        "fields": {"first_name": [None, "Ana"]},
    }
    entry = entry_from_journal(row)
    assert entry.op == "create"
    assert entry.fields["first_name"].new == "Ana"
    assert entry.fields["first_name"].old is None


def test_append_only_tables_take_creates_only() -> None:
    with pytest.raises(ValidationError, match="append-only"):
        PushEntry(change_id="c", table="encounter", row_id="r", op="update")
    PushEntry(change_id="c", table="encounter", row_id="r", op="create")


def test_unknown_table_and_oversized_batch_are_refused() -> None:
    with pytest.raises(ValidationError, match="unknown table"):
        PushEntry(change_id="c", table="nope", row_id="r", op="create")
    entry = PushEntry(change_id="c", table="participant", row_id="r", op="create")
    with pytest.raises(ValidationError):
        PushRequest(device_id="d", entries=[entry] * (MAX_PUSH_ENTRIES + 1))


def test_checksum_ignores_order_and_sees_revisions() -> None:
    a = checksum([("x", 1), ("y", 2)])
    assert a == checksum([("y", 2), ("x", 1)])
    assert a != checksum([("x", 1), ("y", 3)])
