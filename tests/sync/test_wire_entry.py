"""The push path sends journal rows' own JSON text; the server reads them as the schema says."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from lead_desktop.store.participants import add_alias, create_participant, update_participant
from lead_desktop.store.schema import ChangeJournal
from lead_desktop.sync.engine import _UNPUSHED, _wire_entry_text
from lead_desktop.sync.protocol import FieldChange, PushEntry, entry_from_journal


def test_journal_text_entries_read_as_the_schema_s(make_store: Any) -> None:
    store = make_store("ana")
    with store.write() as tx:
        pid = create_participant(
            tx, data={"first_name": "Ñandú", "last_name": 'O"Brien', "dob": "1970-12-31"}
        )
        add_alias(tx, pid, alias="Flaco \\ el de la esquina")
    with store.write() as tx:
        update_participant(tx, pid, data={"preferred_language": "es"})
    with store.read() as conn:
        texts = {r["change_id"]: r for r in conn.execute(_UNPUSHED).mappings().all()}
        rows = conn.execute(select(ChangeJournal)).mappings().all()
    assert {r["op"] for r in rows} >= {"insert", "update"}
    for row in rows:
        sent = PushEntry.model_validate(json.loads(_wire_entry_text(texts[row["change_id"]])))
        assert sent == entry_from_journal(row)


def test_a_field_change_reads_as_a_pair_or_an_object() -> None:
    assert FieldChange.model_validate([None, "x"]) == FieldChange(old=None, new="x")
    assert FieldChange.model_validate({"old": 1, "new": 2}) == FieldChange(old=1, new=2)
