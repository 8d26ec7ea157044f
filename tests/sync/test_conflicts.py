"""Conflicts end to end: two laptops (real stores) and a real server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from lead_desktop.services import search_participants
from lead_desktop.store import conflicts
from lead_desktop.store.participants import create_participant, update_participant
from lead_desktop.store.schema import ChangeJournal, Participant
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.transport import SyncError
from lead_server import admin
from lead_server.models import Conflict as ServerConflict
from tests.server.conftest import PASSWORD, ServerThread, free_port


@dataclass
class Laptop:
    """One worker's laptop: its store and its sync client."""

    user: str
    store: Store
    client: SyncClient

    def sync(self) -> Any:
        report = self.client.sync_once(self.user, PASSWORD)
        assert report.rejected == 0
        return report

    def last_name(self, pid: str) -> Any:
        with self.store.read() as conn:
            return conn.execute(select(Participant.last_name).where(Participant.id == pid)).scalar()

    def open(self) -> list[conflicts.OpenConflict]:
        with self.store.read() as conn:
            return conflicts.open_conflicts(conn)

    def resolve(self, conflict_id: str, choice: conflicts.Choice) -> conflicts.Resolved:
        with self.store.write() as tx:
            return conflicts.resolve(tx, conflict_id, choice)


@pytest.fixture
def laptops(server: ServerThread, make_store: Any) -> Iterator[tuple[Laptop, Laptop, str]]:
    """Ana's and Ben's laptops in step, sharing one participant (whose id is returned)."""
    made = []
    for user in ("ana", "ben"):
        store = make_store(user)
        client = SyncClient(store, server.url)
        client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
        made.append(Laptop(user, store, client))
    a, b = made
    with a.store.write() as tx:
        pid = create_participant(
            tx, data={"first_name": "José", "last_name": "Núñez", "dob": "1980-02-01"}
        )
    a.sync()
    b.sync()
    assert b.last_name(pid) == "Núñez"
    yield a, b, pid
    for laptop in made:
        laptop.client.close()


def clash(a: Laptop, b: Laptop, pid: str) -> str:
    """Both change the last name; Ana syncs first, so the server keeps hers. Both then sync."""
    with a.store.write() as tx:
        update_participant(tx, pid, data={"last_name": "Nunez"})
    with b.store.write() as tx:
        update_participant(tx, pid, data={"last_name": "Núñez-Ruiz"})
    a.sync()
    assert b.sync().conflicts == 1
    assert a.sync().notices == 1  # Ana's laptop hears of the conflict her value won
    [seen_a], [seen_b] = a.open(), b.open()
    assert seen_a == seen_b
    return seen_a.id


def server_conflicts(server: ServerThread) -> list[Any]:
    with server.engine.connect() as conn:
        return list(conn.execute(select(ServerConflict)).all())


def test_both_laptops_show_one_conflict_with_both_values(
    server: ServerThread, laptops: tuple[Laptop, Laptop, str]
) -> None:
    a, b, pid = laptops
    cid = clash(a, b, pid)
    [seen] = a.open()
    assert (seen.table, seen.row_id, seen.field) == ("participant", pid, "last_name")
    assert (seen.participant_id, seen.participant_name) == (pid, "José Nunez")
    assert (seen.kept.value, seen.kept.by) == ("Nunez", "ana")
    assert (seen.other.value, seen.other.by) == ("Núñez-Ruiz", "ben")
    assert seen.kept.at and seen.other.at
    # The server kept Ana's value, and so did Ben's laptop; Ben's value waits in the conflict.
    assert a.last_name(pid) == b.last_name(pid) == "Nunez"
    [stored] = server_conflicts(server)
    assert stored.id == cid and stored.resolved_at is None
    for laptop in (a, b):  # more syncs file nothing twice
        laptop.sync()
        assert [c.id for c in laptop.open()] == [cid]


def test_resolving_on_ben_with_anas_value_syncs_to_both(
    server: ServerThread, laptops: tuple[Laptop, Laptop, str]
) -> None:
    a, b, pid = laptops
    cid = clash(a, b, pid)
    done = b.resolve(cid, "this")
    assert done.value == "Nunez" and not done.changed_record  # Ben's record holds it already
    assert b.open() == [] and a.open() != []
    b.sync()
    a.sync()
    assert a.open() == b.open() == []
    assert a.last_name(pid) == b.last_name(pid) == "Nunez"
    [stored] = server_conflicts(server)
    assert (stored.resolved_value, stored.resolved_at is not None) == ("Nunez", True)
    with b.store.read() as conn:
        assert conflicts.pending_resolutions(conn) == []


def test_resolving_on_ana_with_bens_value_syncs_to_both(
    server: ServerThread, laptops: tuple[Laptop, Laptop, str]
) -> None:
    a, b, pid = laptops
    cid = clash(a, b, pid)
    done = a.resolve(cid, "other")
    assert done.value == "Núñez-Ruiz" and done.changed_record
    assert a.last_name(pid) == "Núñez-Ruiz"
    with a.store.read() as conn:  # the choice is an ordinary change, waiting to be pushed
        waiting = conn.execute(
            select(ChangeJournal.fields).where(ChangeJournal.pushed_at.is_(None))
        ).scalars()
        assert {"last_name": ["Nunez", "Núñez-Ruiz"]} in list(waiting)
    a.sync()
    b.sync()
    assert a.open() == b.open() == []
    assert a.last_name(pid) == b.last_name(pid) == "Núñez-Ruiz"
    assert [h.participant_id for h in search_participants(b.store, "Núñez-Ruiz", audit=False)][
        :1
    ] == [pid]
    [stored] = server_conflicts(server)
    assert stored.resolved_value == "Núñez-Ruiz"


def test_resolved_offline_then_synced(
    server: ServerThread, laptops: tuple[Laptop, Laptop, str]
) -> None:
    a, b, pid = laptops
    cid = clash(a, b, pid)
    b.resolve(cid, "other")
    offline = SyncClient(b.store, f"http://127.0.0.1:{free_port()}")
    with pytest.raises(SyncError) as cut:
        offline.sync_once("ben", PASSWORD)
    offline.close()
    assert cut.value.unreachable
    with b.store.read() as conn:
        assert [p.conflict_id for p in conflicts.pending_resolutions(conn)] == [cid]
    a.sync()
    assert [c.id for c in a.open()] == [cid]  # nothing reached the server yet
    b.sync()
    a.sync()
    assert a.open() == b.open() == []
    assert a.last_name(pid) == b.last_name(pid) == "Núñez-Ruiz"


def test_two_different_resolutions_open_a_new_conflict(
    server: ServerThread, laptops: tuple[Laptop, Laptop, str]
) -> None:
    a, b, pid = laptops
    cid = clash(a, b, pid)
    a.resolve(cid, "this")  # Ana keeps hers...
    b.resolve(cid, "other")  # ...and Ben, offline, takes his own.
    a.sync()
    b.sync()
    a.sync()
    # Ben's change reached the record; Ana's resolution came first: neither is lost unseen.
    [again_a], [again_b] = a.open(), b.open()
    assert again_a == again_b and again_a.id != cid
    assert (again_a.kept.value, again_a.other.value) == ("Núñez-Ruiz", "Nunez")
    assert (again_a.kept.by, again_a.other.by) == ("ben", "ana")
    assert a.last_name(pid) == b.last_name(pid) == "Núñez-Ruiz"
    a.resolve(again_a.id, "other")
    a.sync()
    b.sync()
    assert a.open() == b.open() == []
    assert a.last_name(pid) == b.last_name(pid) == "Nunez"
    assert len(server_conflicts(server)) == 2
