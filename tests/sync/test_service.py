"""The background sync policy: back-off, states for the status bar, sync keys, against a real
server on loopback (SQLite: the server side of sync keys is tested on both databases in
tests/server/test_sync_key.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from lead_desktop.store.participants import create_participant, update_participant
from lead_desktop.store.schema import Participant
from lead_desktop.store.store import Store
from lead_desktop.sync import service
from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.protocol import PROTOCOL_VERSION
from lead_desktop.sync.service import SyncService, backoff_delay
from lead_server import admin, deps
from lead_server.models import Record
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.server.conftest import PASSWORD, ServerThread


class Fixed(random.Random):
    """A random source that always draws the same value, to check delays exactly."""

    def __init__(self, value: float) -> None:
        super().__init__(0)
        self.value = value

    def random(self) -> float:
        return self.value


def test_backoff_sequence_is_exact() -> None:
    got = [backoff_delay(n) for n in range(10)]
    assert got == [300, 30, 60, 120, 240, 480, 900, 900, 900, 900]
    assert backoff_delay(10_000) == 900


def test_jitter_only_shortens_a_delay_by_at_most_a_tenth(tmp_path: Path) -> None:
    with Store.create(tmp_path / "s", "ana", PASSPHRASE, kdf=FAST_KDF) as store:
        svc = SyncService(store, rng=Fixed(0.0))
        assert svc.next_delay() == 300  # no jitter while all is well
        for failures, expected in [(1, 30), (2, 60), (3, 120), (4, 240), (5, 480), (6, 900)]:
            svc.failures = failures
            assert svc.next_delay() == expected
        svc.rng = Fixed(0.5)
        svc.failures = 3
        assert svc.next_delay() == pytest.approx(114.0)
        svc.rng = random.Random(7)
        for failures in range(1, 12):
            svc.failures = failures
            base = backoff_delay(failures)
            for _ in range(50):
                assert base * 0.9 <= svc.next_delay() <= base


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerThread]:
    """A server over SQLite with case managers ana and ben (team north)."""
    srv = ServerThread(f"sqlite:///{tmp_path / 'server.db'}")
    with srv:
        for name in ("ana", "ben"):
            admin.add_user(srv.engine, name, "case_manager", PASSWORD, "north")
        yield srv


@pytest.fixture
def laptops(tmp_path: Path, server: ServerThread) -> Iterator[dict[str, Store]]:
    """Two enrolled laptops, ana's and ben's."""
    stores = {}
    for name in ("ana", "ben"):
        store = Store.create(tmp_path / f"laptop-{name}", name, PASSPHRASE, kdf=FAST_KDF)
        with SyncClient(store, server.url) as client:
            client.enroll(admin.make_enroll_code(server.engine, name), name, PASSWORD)
        stores[name] = store
    yield stores
    for store in stores.values():
        store.close()


def test_not_enrolled(tmp_path: Path) -> None:
    with Store.create(tmp_path / "s", "ana", PASSPHRASE, kdf=FAST_KDF) as store:
        svc = SyncService(store)
        snap = svc.attempt()
        assert snap.state == service.NOT_ENROLLED and not snap.enrolled and not snap.background


def test_password_once_then_the_key_and_back_off_while_offline(
    server: ServerThread, laptops: dict[str, Store]
) -> None:
    store = laptops["ana"]
    svc = SyncService(store, rng=Fixed(0.0), timeout=5)
    first = svc.snapshot()
    assert first.enrolled and first.needs_password and first.last_synced_at is None
    asked = svc.attempt()  # no key yet: refused before any request, nothing counted
    assert asked.needs_password and asked.failures == 0

    done = svc.attempt(PASSWORD)
    assert done.state == service.READY and done.report is not None and done.report.in_step
    assert done.last_synced_at and done.failures == 0 and done.delay == 300
    synced_at = done.last_synced_at
    assert SyncService(store).snapshot().last_synced_at == synced_at  # kept in the store

    server.__exit__()
    delays = []
    for expected in (1, 2, 3, 4):
        snap = svc.attempt()
        assert snap.state == service.OFFLINE and snap.failures == expected, snap.last_error
        assert snap.background and "cannot be reached" in snap.last_error
        assert snap.last_synced_at == synced_at
        delays.append(snap.delay)
    assert delays == [30, 60, 120, 240]

    server.restart()
    svc.close()  # a fresh client: no token kept, so this signs in with the saved key
    back = svc.attempt()
    assert back.state == service.READY and back.failures == 0 and back.delay == 300
    assert back.last_error == "" and back.last_synced_at and back.last_synced_at > synced_at


def test_a_record_from_another_laptop_arrives_with_its_ids(
    server: ServerThread, laptops: dict[str, Store]
) -> None:
    ana, ben = SyncService(laptops["ana"]), SyncService(laptops["ben"])
    with laptops["ben"].write() as tx:
        pid = create_participant(tx, data={"first_name": "Luz", "last_name": "Ruiz"})
    assert ben.attempt(PASSWORD).state == service.READY
    seen: list[tuple[str, int]] = []
    ana.progress = lambda phase, done: seen.append((phase, done))
    got = ana.attempt(PASSWORD)
    assert got.report is not None and got.report.pulled >= 1
    assert pid in got.changed_ids
    assert any(phase == "pull" for phase, _ in seen)
    with laptops["ana"].read() as conn:
        assert conn.execute(select(Participant.id).where(Participant.id == pid)).scalar() == pid
    again = ana.attempt()  # nothing new: no ids, still in step
    assert again.report is not None and again.report.in_step and again.changed_ids == ()


def test_cancel_stops_between_steps(server: ServerThread, laptops: dict[str, Store]) -> None:
    svc = SyncService(laptops["ana"])
    with laptops["ana"].write() as tx:
        create_participant(tx, data={"first_name": "Luz", "last_name": "Ruiz"})
    svc.progress = lambda _phase, _done: svc.cancel()
    snap = svc.attempt(PASSWORD)
    assert snap.report is None and snap.failures == 0 and snap.state != service.OFFLINE
    svc.progress = None
    assert svc.attempt().report is not None  # the next run goes on where it stopped


def _device_of(store: Store) -> str:
    with SyncClient(store) as client:
        assert client.server_device_id
        return client.server_device_id


def test_revoked_device_states(server: ServerThread, laptops: dict[str, Store]) -> None:
    ana, ben = SyncService(laptops["ana"]), SyncService(laptops["ben"])
    assert ana.attempt(PASSWORD).state == service.READY
    assert ben.attempt(PASSWORD).state == service.READY
    ana_device, ben_device = _device_of(laptops["ana"]), _device_of(laptops["ben"])

    # Lost: the key still signs in, so what the laptop holds is pushed; then it is wiped.
    with laptops["ana"].write() as tx:
        create_participant(tx, data={"first_name": "Iris", "last_name": "Paz"})
    admin.revoke_device(server.engine, ana_device, "lost")
    ana.close()
    lost = ana.attempt()
    assert lost.state == service.REVOKED and not lost.background
    assert lost.wiped and "lost" in lost.last_error
    with server.engine.connect() as conn:
        names = [f.get("first_name") for f in conn.execute(select(Record.fields)).scalars()]
    assert "Iris" in names

    # Stolen: refused outright and wiped; the state says so.
    admin.revoke_device(server.engine, ben_device, "stolen")
    ben.close()
    stolen = ben.attempt()
    assert stolen.state == service.REVOKED and not stolen.background
    assert stolen.wiped and "stolen" in stolen.last_error


def test_a_disabled_account_is_told_keeps_its_key_and_syncs_once_enabled(
    server: ServerThread, laptops: dict[str, Store]
) -> None:
    svc = SyncService(laptops["ana"], rng=Fixed(0.0))
    assert svc.attempt(PASSWORD).state == service.READY
    admin.set_active(server.engine, "ana", False)
    svc.close()  # a fresh client: it signs in with the saved key
    told = svc.attempt()
    assert told.state == service.DISABLED and told.background and told.failures == 1
    assert "ask IT to enable it" in told.last_error and not told.needs_password
    admin.set_active(server.engine, "ana", True)
    back = svc.attempt()  # no password asked: the saved sign-in was kept
    assert back.state == service.READY and back.failures == 0


def test_open_conflicts_are_counted(server: ServerThread, laptops: dict[str, Store]) -> None:
    ana, ben = SyncService(laptops["ana"]), SyncService(laptops["ben"])
    with laptops["ana"].write() as tx:
        pid = create_participant(tx, data={"first_name": "Luz", "last_name": "Ruiz"})
    assert ana.attempt(PASSWORD).state == service.READY
    assert ben.attempt(PASSWORD).open_conflicts == 0
    for store, name in ((laptops["ana"], "Lucía"), (laptops["ben"], "Lucy")):
        with store.write() as tx:
            update_participant(tx, pid, data={"first_name": name})
    ana.attempt()
    got = ben.attempt()
    assert got.state == service.READY and got.open_conflicts == 1


def test_a_server_needing_a_newer_client_stops_background_syncs(
    server: ServerThread, laptops: dict[str, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = SyncService(laptops["ana"])
    assert svc.attempt(PASSWORD).state == service.READY
    # The server is upgraded to a protocol this client does not speak yet.
    monkeypatch.setattr(deps, "MIN_PROTOCOL_VERSION", PROTOCOL_VERSION + 1)
    got = svc.attempt()
    assert got.state == service.UPDATE and not got.background and got.failures == 0
    assert "Update required" in got.last_error
