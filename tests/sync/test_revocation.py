"""A revoked laptop: "lost" pushes what it has and then wipes; "stolen" is refused and wipes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from lead_desktop.store.participants import create_participant
from lead_desktop.store.store import Store, store_exists
from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.revocation import DeviceRevoked
from lead_server import admin
from lead_server.models import Record, SyncKey
from tests.server.conftest import PASSWORD, ServerThread


def enrolled(store: Store, server: ServerThread, user: str) -> tuple[SyncClient, str]:
    client = SyncClient(store, server.url)
    device = client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
    return client, device


def add_person(store: Store, first: str) -> str:
    with store.write() as tx:
        return create_participant(
            tx, data={"first_name": first, "last_name": "Ríos", "dob": "1979-05-06"}
        )


def sync_keys(server: ServerThread, device: str) -> int:
    with server.engine.connect() as conn:
        return len(conn.execute(select(SyncKey).where(SyncKey.device_id == device)).all())


def on_server(server: ServerThread) -> set[str]:
    with server.engine.connect() as conn:
        return set(
            conn.execute(select(Record.row_id).where(Record.table_name == "participant")).scalars()
        )


def test_lost_device_pushes_its_work_then_wipes(server: ServerThread, make_store: Any) -> None:
    store = make_store("ana")
    client, device = enrolled(store, server, "ana")
    synced = add_person(store, "Alba")
    assert client.sync_once("ana", PASSWORD).in_step
    unsynced = add_person(store, "Berta")  # done offline, after the last sync
    admin.revoke_device(server.engine, device, "lost")
    assert sync_keys(server, device) == 1  # kept: it signs in to push what it holds

    with pytest.raises(DeviceRevoked, match="reported lost") as caught:
        client.sync_once("ana", PASSWORD)

    assert caught.value.wiped
    assert {synced, unsynced} <= on_server(server)  # nothing done on the laptop is lost
    assert not store_exists(store.root)
    assert not store.root.exists()


def test_stolen_device_is_refused_and_wipes_at_once(server: ServerThread, make_store: Any) -> None:
    store = make_store("ana")
    client, device = enrolled(store, server, "ana")
    assert client.sync_once("ana", PASSWORD).in_step
    kept_local = add_person(store, "Carla")
    admin.revoke_device(server.engine, device, "stolen")
    assert sync_keys(server, device) == 0  # its standing sign-in is gone with it

    with pytest.raises(DeviceRevoked, match="reported stolen") as caught:
        client.sync_once("ana", PASSWORD)

    assert caught.value.wiped
    assert kept_local not in on_server(server)  # a stolen laptop may not push anything
    assert not store.root.exists()


def test_revoked_device_cannot_be_used_by_another_laptop_s_credential(
    server: ServerThread, make_store: Any
) -> None:
    """A second, healthy laptop of the same worker keeps syncing after the first is revoked."""
    lost, healthy = make_store("ana"), make_store("ana2")
    client, device = enrolled(lost, server, "ana")
    other, _ = enrolled(healthy, server, "ana")
    add_person(healthy, "Dora")
    admin.revoke_device(server.engine, device, "stolen")
    assert sync_keys(server, device) == 0  # its standing sign-in is gone with it
    with pytest.raises(DeviceRevoked):
        client.sync_once("ana", PASSWORD)
    assert other.sync_once("ana", PASSWORD).in_step
    assert healthy.root.exists()
