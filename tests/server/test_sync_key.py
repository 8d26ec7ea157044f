"""Sync keys: a device signs its worker in again without their password, until revoked.

Real server on loopback over SQLite and PostgreSQL, real encrypted laptop stores.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, update

from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import SyncState
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SYNC_KEY_PREFIX, SyncClient
from lead_desktop.sync.revocation import DeviceRevoked
from lead_desktop.sync.transport import SyncError
from lead_server import admin
from lead_server.auth import drop_sync_keys, hash_password
from lead_server.db import write_tx
from lead_server.models import Record, SyncKey, User
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.server.conftest import PASSWORD, ServerThread

NEW_PASSWORD = "another long enough password"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A laptop's encrypted store with worker ana."""
    made = Store.create(tmp_path / "laptop", "ana", PASSPHRASE, kdf=FAST_KDF)
    yield made
    made.close()


@pytest.fixture
def enrolled(server: ServerThread, store: Store) -> str:
    """Server user ana (team north) and the laptop enrolled for her; the server's device id."""
    admin.add_user(server.engine, "ana", "case_manager", PASSWORD, "north")
    with SyncClient(store, server.url) as client:
        return client.enroll(admin.make_enroll_code(server.engine, "ana"), "ana", PASSWORD)


def _add_person(store: Store, first: str) -> None:
    with store.write() as tx:
        create_participant(tx, data={"first_name": first, "last_name": "Ruiz"})


def _keys_on_server(server: ServerThread, device_id: str) -> int:
    with server.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(SyncKey).where(SyncKey.device_id == device_id)
            ).scalar_one()
        )


def _saved_state(store: Store) -> str | None:
    with store.read() as conn:
        value: str | None = conn.execute(
            select(SyncState.value).where(SyncState.key == SYNC_KEY_PREFIX + store.worker_id)
        ).scalar()
        return value


def test_the_key_replaces_the_password_until_the_device_is_revoked(
    server: ServerThread, store: Store, enrolled: str
) -> None:
    with SyncClient(store) as client:
        assert client.saved_sync_key("ana") is None
        assert client.sync_once("ana", PASSWORD).in_step
        key = client.saved_sync_key("ana")
    assert key is not None
    saved = _saved_state(store)
    assert saved is not None and key in saved  # kept inside the encrypted store only
    assert _keys_on_server(server, enrolled) == 1
    with server.engine.connect() as conn:  # the server keeps only a hash of it
        assert key not in str(conn.execute(select(SyncKey.key_hash)).scalar_one())

    # The worker's password changes on the server: the old one is refused, the key still works,
    # so signing in with it never went through the password check.
    with write_tx(server.engine) as conn:
        conn.execute(
            update(User).where(User.name == "ana").values(password_hash=hash_password(NEW_PASSWORD))
        )
    with SyncClient(store) as client, pytest.raises(SyncError) as refused:
        client.sign_in("ana", PASSWORD)
    assert refused.value.code == "bad_credentials"
    _add_person(store, "Luz")
    with SyncClient(store) as client:
        report = client.sync_once("ana")
    assert report.pushed >= 1 and report.in_step, report.drift
    assert _saved_state(store) == saved  # a key sign-in does not replace the key

    # Revoked (lost): the key still signs in so the laptop can push what it holds; the pull is
    # refused, and the laptop, with nothing left to push, wipes its copy.
    admin.revoke_device(server.engine, enrolled, "lost")
    _add_person(store, "Mar")
    with SyncClient(store) as client, pytest.raises(DeviceRevoked) as gone:
        client.sync_once("ana")
    assert gone.value.wiped and not store.root.exists()
    with server.engine.connect() as conn:
        names = [f.get("first_name") for f in conn.execute(select(Record.fields)).scalars()]
    assert "Mar" in names


def test_a_password_sign_in_gives_a_new_key_and_the_old_one_dies(
    server: ServerThread, store: Store, enrolled: str
) -> None:
    with SyncClient(store) as client:
        client.sign_in("ana", PASSWORD)
        first = client.saved_sync_key("ana")
    with SyncClient(store) as client:
        client.sign_in("ana", PASSWORD)
        second = client.saved_sync_key("ana")
    assert first and second and first != second
    with SyncClient(store) as client:
        credential = client.credential
    with httpx.Client(base_url=f"{server.url}/api/v1") as http:
        body = {"device_id": enrolled, "credential": credential, "user": "ana"}
        # Until the new key is used, the old one still works (the answer carrying the new key
        # may have been lost on its way to the laptop)...
        old = http.post("/token", json={**body, "sync_key": first})
        assert old.status_code == 200
        new = http.post("/token", json={**body, "sync_key": second})
        assert new.status_code == 200 and new.json()["sync_key"] is None
        # ...and once it has been used, the old one dies.
        old = http.post("/token", json={**body, "sync_key": first})
        assert old.status_code == 401 and old.json()["error"] == "bad_credentials"
        both = http.post("/token", json={**body, "sync_key": second, "password": PASSWORD})
        assert both.status_code == 422
        neither = http.post("/token", json=body)
        assert neither.status_code == 422
        stranger = http.post("/token", json={**body, "credential": "x" * 43, "sync_key": second})
        assert stranger.status_code == 401


def test_the_key_belongs_to_one_user_on_one_device(
    server: ServerThread, store: Store, enrolled: str, tmp_path: Path
) -> None:
    admin.add_user(server.engine, "ben", "case_manager", PASSWORD, "north")
    with SyncClient(store) as client:
        client.sign_in("ana", PASSWORD)
        key = client.saved_sync_key("ana")
        credential = client.credential
        assert client.saved_sync_key("ben") is None  # kept for ana only
    other = Store.create(tmp_path / "other", "ben", PASSPHRASE, kdf=FAST_KDF)
    try:
        with SyncClient(other, server.url) as client:
            other_id = client.enroll(admin.make_enroll_code(server.engine, "ben"), "ben", PASSWORD)
            other_credential = client.credential
    finally:
        other.close()
    with httpx.Client(base_url=f"{server.url}/api/v1") as http:
        as_ben = {"device_id": enrolled, "credential": credential, "user": "ben", "sync_key": key}
        assert http.post("/token", json=as_ben).status_code == 401
        elsewhere = {
            "device_id": other_id,
            "credential": other_credential,
            "user": "ana",
            "sync_key": key,
        }
        assert http.post("/token", json=elsewhere).status_code == 401


def test_a_token_is_reused_across_syncs_of_one_client(
    server: ServerThread, store: Store, enrolled: str
) -> None:
    with SyncClient(store) as client:
        client.sync_once("ana", PASSWORD)
        # The key dies on the server: this client still holds a valid token, so its next syncs
        # need no sign-in at all; a new client (no token) must sign in and is refused.
        with write_tx(server.engine) as conn:
            assert drop_sync_keys(conn, device_id=enrolled) == 1
        for name in ("Luz", "Ana"):
            _add_person(store, name)
            assert client.sync_once("ana").in_step
    with SyncClient(store) as client, pytest.raises(SyncError) as refused:
        client.sync_once("ana")
    assert refused.value.code == "bad_credentials"


def test_no_saved_key_asks_for_the_password(store: Store, enrolled: str) -> None:
    with SyncClient(store) as client, pytest.raises(SyncError) as needed:
        client.sync_once("ana")
    assert needed.value.code == "bad_credentials" and not needed.value.unreachable


def test_a_stolen_device_is_refused_outright(
    server: ServerThread, store: Store, enrolled: str
) -> None:
    with SyncClient(store) as client:
        client.sign_in("ana", PASSWORD)
        key = client.saved_sync_key("ana")
        credential = client.credential
    admin.revoke_device(server.engine, enrolled, "stolen")
    with httpx.Client(base_url=f"{server.url}/api/v1") as http:
        body = {"device_id": enrolled, "credential": credential, "user": "ana", "sync_key": key}
        got = http.post("/token", json=body)
    assert got.status_code == 403 and got.json()["error"] == "device_revoked"
