"""The sync engine and its CLI against a real server on loopback (SQLite)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from lead_desktop.store.participants import create_participant, update_participant
from lead_desktop.store.schema import ChangeJournal, Conflict, Participant
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.transport import SyncError, check_url
from lead_server import admin
from lead_server.models import Conflict as ServerConflict
from lead_server.models import Record
from tests.helpers import run_cli
from tests.server.conftest import PASSWORD, ServerThread

FIELDS = ("first_name", "last_name", "dob", "preferred_language", "rev", "deleted")


def enroll(store: Store, server: ServerThread, user: str) -> SyncClient:
    client = SyncClient(store, server.url)
    client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
    return client


def people(store: Store) -> dict[str, dict[str, Any]]:
    with store.read() as conn:
        rows = conn.execute(select(Participant.__table__)).mappings().all()
        return {r["id"]: {f: r[f] for f in FIELDS} for r in rows}


def add_person(store: Store, first: str, last: str) -> str:
    with store.write() as tx:
        return create_participant(
            tx, data={"first_name": first, "last_name": last, "dob": "1980-02-01"}
        )


def test_two_laptops_converge_merge_and_conflict(server: ServerThread, make_store: Any) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a = enroll(a_store, server, "ana")
    ids = [add_person(a_store, "Luz", "Ruiz"), add_person(a_store, "José", "Núñez")]
    first = a.sync_once("ana", PASSWORD)
    assert first.pushed >= 2 and first.rejected == 0 and first.conflicts == 0
    assert first.in_step, first.drift
    with server.engine.connect() as conn:
        on_server = set(
            conn.execute(select(Record.row_id).where(Record.table_name == "participant")).scalars()
        )
    assert set(ids) <= on_server
    with a_store.read() as conn:
        pending = select(func.count()).where(ChangeJournal.pushed_at.is_(None))
        assert conn.execute(pending).scalar_one() == 0

    b = enroll(b_store, server, "ben")
    got = b.sync_once("ben", PASSWORD)
    assert got.in_step, got.drift
    assert got.pulled >= 2
    a.sync_once("ana", PASSWORD)
    assert people(a_store) == people(b_store)
    with b_store.read() as conn:  # pulled rows are not journaled as local changes
        journaled = conn.execute(
            select(func.count()).where(ChangeJournal.table_name == "participant")
        ).scalar_one()
        assert journaled == 0

    # Different fields on both laptops merge.
    with a_store.write() as tx:
        update_participant(tx, ids[0], data={"first_name": "Lucía"})
    with b_store.write() as tx:
        update_participant(tx, ids[0], data={"preferred_language": "es"})
    a.sync_once("ana", PASSWORD)
    b.sync_once("ben", PASSWORD)
    a.sync_once("ana", PASSWORD)
    assert people(a_store) == people(b_store)
    assert people(a_store)[ids[0]]["first_name"] == "Lucía"
    assert people(a_store)[ids[0]]["preferred_language"] == "es"

    # The same field on both: one conflict on the server, both values kept.
    with a_store.write() as tx:
        update_participant(tx, ids[1], data={"last_name": "Nunez"})
    with b_store.write() as tx:
        update_participant(tx, ids[1], data={"last_name": "Núñez-Ruiz"})
    a.sync_once("ana", PASSWORD)
    clash = b.sync_once("ben", PASSWORD)
    assert clash.conflicts == 1
    assert clash.in_step, clash.drift
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ServerConflict)).scalar_one() == 1
    with b_store.read() as conn:
        [local] = conn.execute(select(Conflict.__table__)).all()
    assert (local.field, local.server_value, local.local_value) == (
        "last_name",
        "Nunez",
        "Núñez-Ruiz",
    )
    a.sync_once("ana", PASSWORD)
    assert people(a_store) == people(b_store)
    assert people(b_store)[ids[1]]["last_name"] == "Nunez"

    # Nothing to do: in step, nothing moves.
    for client, user in ((a, "ana"), (b, "ben")):
        idle = client.sync_once(user, PASSWORD)
        assert idle.in_step
        assert (idle.pushed, idle.duplicates, idle.conflicts, idle.rejected, idle.pulled) == (
            0,
            0,
            0,
            0,
            0,
        )
    a.close()
    b.close()


def test_plain_http_only_to_loopback() -> None:
    assert check_url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000"
    assert check_url("http://localhost:8000") == "http://localhost:8000"
    with pytest.raises(SyncError, match="only allowed to this machine"):
        check_url("http://10.0.0.5:8000")
    with pytest.raises(SyncError):
        check_url("https://sync.example.org")


def test_wrong_password_is_a_sync_error(server: ServerThread, make_store: Any) -> None:
    store = make_store("ana")
    with enroll(store, server, "ana") as client, pytest.raises(SyncError, match="401"):
        client.sync_once("ana", "wrong password entirely")


def test_the_server_knows_the_laptop_by_its_computer_name(
    server: ServerThread, make_store: Any
) -> None:
    with enroll(make_store("ana"), server, "ana") as client:
        device = client.server_device_id
    [listed] = [d for d in admin.list_devices(server.engine) if d.id == device]
    assert listed.name == socket.gethostname() and listed.user == "ana"


def test_cli_enroll_and_sync(server: ServerThread, tmp_path: Path) -> None:
    env = {"LEAD_SERVER_PASSWORD": PASSWORD}
    data = tmp_path / "cli"
    assert run_cli("init", "--worker", "ana", data_dir=data).returncode == 0
    code = admin.make_enroll_code(server.engine, "ana")
    got = run_cli(
        "enroll", "--server", server.url, "--code", code, "--user", "ana", data_dir=data, env=env
    )
    assert got.returncode == 0, got.stderr
    assert "enrolled" in got.stdout
    assert run_cli("demo-data", "--participants", "3", data_dir=data).returncode == 0
    got = run_cli("sync", data_dir=data, env=env)
    assert got.returncode == 0, got.stderr + got.stdout
    assert "in step" in got.stdout
    with server.engine.connect() as conn:
        count = select(func.count()).where(Record.table_name == "participant")
        assert conn.execute(count).scalar_one() == 3
    again = run_cli("sync", data_dir=data, env=env)
    assert again.returncode == 0
    assert "pushed 0" in again.stdout and "pulled 0" in again.stdout
    bad = run_cli("sync", data_dir=data, env={"LEAD_SERVER_PASSWORD": "not it at all"})
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "401" in bad.stderr
    # No password at hand (no environment variable, no terminal): the laptop's sync key serves.
    keyed = run_cli("sync", data_dir=data)
    assert keyed.returncode == 0, keyed.stderr + keyed.stdout
    assert "in step" in keyed.stdout
    assert "uploaded 0, downloaded 0, repaired 0" in keyed.stdout
