"""The push path builds entries directly from journal rows; they match the wire schema."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from lead_desktop.store.participants import add_alias, create_participant, update_participant
from lead_desktop.store.schema import ChangeJournal
from lead_desktop.sync.engine import _wire_entry
from lead_desktop.sync.protocol import PushEntry, entry_from_journal


def test_direct_entries_equal_the_schema_s(make_store: Any) -> None:
    store = make_store("ana")
    with store.write() as tx:
        pid = create_participant(
            tx, data={"first_name": "Ñandú", "last_name": "O'Brien", "dob": "1970-12-31"}
        )
        add_alias(tx, pid, alias="Flaco")
    with store.write() as tx:
        update_participant(tx, pid, data={"preferred_language": "es"})
    with store.read() as conn:
        rows = conn.execute(select(ChangeJournal)).mappings().all()
    assert {r["op"] for r in rows} >= {"insert", "update"}
    for row in rows:
        direct = _wire_entry(row)
        assert direct == entry_from_journal(row).model_dump(mode="json")
        PushEntry.model_validate(direct)
