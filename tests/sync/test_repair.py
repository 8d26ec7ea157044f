"""Drift found at the end of a sync is repaired record by record, in both directions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import Participant, SearchToken
from lead_desktop.store.search import search
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SyncClient
from lead_server import admin
from lead_server.db import make_engine
from lead_server.models import Record
from tests.server.conftest import PASSWORD, ServerThread


def enrolled(store: Store, server: ServerThread, user: str) -> SyncClient:
    client = SyncClient(store, server.url)
    client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
    return client


def people(store: Store) -> dict[str, tuple[str, str]]:
    with store.read() as conn:
        return {
            r.id: (r.first_name, r.last_name)
            for r in conn.execute(
                select(Participant.id, Participant.first_name, Participant.last_name)
            )
        }


def add_people(store: Store, n: int) -> list[str]:
    with store.write() as tx:
        return [
            create_participant(
                tx,
                data={"first_name": f"Eva{n}", "last_name": "Sol", "dob": f"1990-01-0{k + 1}"},
            )
            for k in range(n)
        ]


def test_a_record_lost_on_the_laptop_comes_back(server: ServerThread, make_store: Any) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a, b = enrolled(a_store, server, "ana"), enrolled(b_store, server, "ben")
    ids = add_people(a_store, 3)
    assert a.sync_once("ana", PASSWORD).in_step
    assert b.sync_once("ben", PASSWORD).in_step
    # Damage laptop B behind sync's back (as a faulty restore or a bug would).
    with b_store.write() as tx:
        tx.conn.execute(delete(SearchToken).where(SearchToken.participant_id == ids[1]))
        tx.conn.execute(delete(Participant).where(Participant.id == ids[1]))

    report = b.sync_once("ben", PASSWORD)

    assert report.repaired == 1
    assert report.in_step, report.drift
    assert people(b_store) == people(a_store)


def test_a_record_the_server_lost_is_sent_again(server: ServerThread, make_store: Any) -> None:
    a_store = make_store("ana")
    a = enrolled(a_store, server, "ana")
    ids = add_people(a_store, 2)
    assert a.sync_once("ana", PASSWORD).in_step
    # The server is stopped, restored from a backup older than the laptop's last sync (here:
    # the record is gone from its database), and started again.
    url = server.engine.url.render_as_string(hide_password=False)
    server.__exit__(None, None, None)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(delete(Record).where(Record.row_id == ids[0]))
    engine.dispose()
    with ServerThread(url) as restored:
        a = SyncClient(a_store, restored.url)
        report = a.sync_once("ana", PASSWORD)

        assert report.repaired == 1
        assert report.in_step, report.drift
        with restored.engine.connect() as conn:
            kept = conn.execute(select(Record.fields).where(Record.row_id == ids[0])).scalar_one()
    assert (kept["first_name"], kept["last_name"]) == ("Eva2", "Sol")
    assert people(a_store)[ids[0]] == ("Eva2", "Sol")


def test_a_repaired_name_is_found_by_search_at_once(server: ServerThread, make_store: Any) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a, b = enrolled(a_store, server, "ana"), enrolled(b_store, server, "ben")
    with a_store.write() as tx:
        pid = create_participant(
            tx, data={"first_name": "Zofia", "last_name": "Wojciechowska", "dob": "1984-02-03"}
        )
    assert a.sync_once("ana", PASSWORD).in_step
    assert b.sync_once("ben", PASSWORD).in_step
    with b_store.write() as tx:  # damaged behind sync's back, as in the test above
        tx.conn.execute(delete(SearchToken).where(SearchToken.participant_id == pid))
        tx.conn.execute(delete(Participant).where(Participant.id == pid))
    with b_store.read() as conn:  # the in-memory index is loaded without the name
        assert search(conn, b_store.search_index, "Wojciechowska") == []

    assert b.sync_once("ben", PASSWORD).repaired == 1

    with b_store.read() as conn:
        found = search(conn, b_store.search_index, "Wojciechowska")
    assert [hit.participant_id for hit in found] == [pid]
