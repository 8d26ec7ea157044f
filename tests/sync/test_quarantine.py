"""A change the server refuses is quarantined with its reason; the rest of the queue syncs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import ChangeJournal, SyncState
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import REJECTED_PREFIX, SyncClient
from lead_server import admin
from lead_server.models import Quarantine, Record
from tests.server.conftest import PASSWORD, ServerThread


def add_person(store: Store, first: str) -> str:
    with store.write() as tx:
        return create_participant(
            tx, data={"first_name": first, "last_name": "Vega", "dob": "1988-08-08"}
        )


def test_one_bad_change_does_not_block_the_others(server: ServerThread, make_store: Any) -> None:
    store = make_store("ana")
    client = SyncClient(store, server.url, batch=3)
    client.enroll(admin.make_enroll_code(server.engine, "ana"), "ana", PASSWORD)
    before = add_person(store, "Ada")
    bad = add_person(store, "Bea")
    after = [add_person(store, name) for name in ("Cris", "Dani", "Elo")]
    # A laptop on a newer schema sends a field this server does not know.
    with store.write() as tx:
        row = tx.conn.execute(
            select(ChangeJournal.seq, ChangeJournal.fields).where(
                ChangeJournal.row_id == bad, ChangeJournal.table_name == "participant"
            )
        ).one()
        tx.conn.execute(
            update(ChangeJournal)
            .where(ChangeJournal.seq == row.seq)
            .values(fields={**row.fields, "favourite_colour": [None, "green"]})
        )

    report = client.sync_once("ana", PASSWORD)

    assert report.rejected == 1
    assert not report.in_step and "rejected changes" in report.drift
    with server.engine.connect() as conn:
        stored = set(
            conn.execute(select(Record.row_id).where(Record.table_name == "participant")).scalars()
        )
        reasons = conn.execute(select(Quarantine.reason)).scalars().all()
    assert {before, *after} <= stored and bad not in stored
    assert len(reasons) == 1 and "favourite_colour" in reasons[0]
    with store.read() as conn:
        kept = (
            conn.execute(select(SyncState.value).where(SyncState.key.startswith(REJECTED_PREFIX)))
            .scalars()
            .all()
        )
    assert kept == reasons  # the laptop keeps the reason to show

    again = client.sync_once("ana", PASSWORD)
    assert (again.rejected, again.duplicates, again.pushed) == (0, 0, 0)  # not sent again
