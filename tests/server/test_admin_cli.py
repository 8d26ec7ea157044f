"""lead-server list-users, list-devices, disable-user, enable-user and reset-password, run as
real processes against SQLite and PostgreSQL while a real server answers on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from lead_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from lead_server.models import Device, SyncKey, User
from tests.server.conftest import PASSWORD, ServerThread

NEW_PASSWORD = "a brand new long password"
ENV = {**os.environ, "LEAD_SERVER_PASSWORD": PASSWORD, "PYTHONDONTWRITEBYTECODE": "1"}


def run_cli(
    *args: str,
    url: str | None = None,
    data_dir: Path | None = None,
    password: str | None = PASSWORD,
) -> subprocess.CompletedProcess[str]:
    """Run ``lead-server ARGS`` on one database, the password (if any) in the environment."""
    where = ["--database-url", url] if url else ["--data-dir", str(data_dir)]
    env = {k: v for k, v in ENV.items() if k != "LEAD_SERVER_PASSWORD"}
    if password is not None:
        env["LEAD_SERVER_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "lead_server.cli", *args, *where],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def ok(got: subprocess.CompletedProcess[str]) -> str:
    """The output of a command that must succeed."""
    assert got.returncode == 0, got.stderr
    return got.stdout


def refused(got: subprocess.CompletedProcess[str]) -> str:
    """The one-line message of a command that must fail with exit code 1."""
    assert got.returncode == 1, (got.stdout, got.stderr)
    assert len(got.stderr.strip().splitlines()) == 1, got.stderr
    assert got.stderr.startswith("lead-server: ")
    return got.stderr


class EnrolledDevice:
    """One laptop as the protocol sees it: enrolled with a code from the CLI, raw HTTP."""

    def __init__(self, server: ServerThread, user: str, name: str, password: str = PASSWORD):
        self.http = httpx.Client(base_url=f"{server.url}/api/v1", timeout=30)
        self.http.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        issued = ok(run_cli("enroll-code", "--user", user, url=server.database_url))
        code = issued.strip().splitlines()[-1]
        got = self.http.post(
            "/enroll",
            json={"code": code, "user": user, "password": password, "device_name": name},
        )
        assert got.status_code == 200, got.text
        self.id: str = got.json()["device_id"]
        self.credential: str = got.json()["credential"]
        self.user = user

    def sign_in(
        self, *, password: str | None = None, sync_key: str | None = None
    ) -> httpx.Response:
        """POST /token with a password or a sync key."""
        body: dict[str, Any] = {"device_id": self.id, "credential": self.credential}
        body["user"] = self.user
        body.update({"password": password} if password else {"sync_key": sync_key})
        return self.http.post("/token", json=body)

    def token_and_key(self, password: str = PASSWORD) -> tuple[str, str]:
        """Sign in with the password: a token and a fresh sync key."""
        got = self.sign_in(password=password)
        assert got.status_code == 200, got.text
        return got.json()["token"], got.json()["sync_key"]

    def pull(self, token: str) -> httpx.Response:
        """One pull page with this bearer token."""
        return self.http.get("/pull", headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def devices(server: ServerThread) -> Any:
    """Make enrolled devices; close their connections after the test."""
    made: list[EnrolledDevice] = []

    def make(user: str, name: str, password: str = PASSWORD) -> EnrolledDevice:
        made.append(EnrolledDevice(server, user, name, password))
        return made[-1]

    yield make
    for device in made:
        device.http.close()


def _secrets(server: ServerThread) -> list[str]:
    """Every stored hash the server holds: none may ever be printed."""
    with server.engine.connect() as conn:
        found = list(conn.execute(select(User.password_hash)).scalars())
        found += conn.execute(select(Device.credential_hash)).scalars()
        found += conn.execute(select(SyncKey.key_hash)).scalars()
        found += [h for h in conn.execute(select(SyncKey.previous_hash)).scalars() if h]
    return found


def test_listings_show_what_was_added_and_never_a_secret(
    server: ServerThread, devices: Any
) -> None:
    url = server.database_url
    assert "no workers yet" in ok(run_cli("list-users", url=url))
    assert json.loads(ok(run_cli("list-users", "--json", url=url))) == []
    assert json.loads(ok(run_cli("list-devices", "--json", url=url))) == []
    ok(run_cli("add-user", "ana", "--role", "case_manager", "--team", "north", url=url))
    ok(run_cli("add-user", "bo", "--role", "supervisor", url=url))
    ok(run_cli("add-user", "eve", "--role", "evaluator", "--team", "research", url=url))
    ok(run_cli("disable-user", "eve", url=url))
    office, home = devices("ana", "ana-office"), devices("ana", "ana-home")
    desk = devices("bo", "front desk")
    shown_secrets = [office.credential, home.credential, desk.credential, PASSWORD]
    for device in (office, home, desk):
        shown_secrets += device.token_and_key()
    ok(run_cli("revoke-device", home.id, "--reason", "lost", url=url))

    users_text = ok(run_cli("list-users", url=url))
    lines = users_text.splitlines()
    assert lines[0].split() == ["NAME", "ROLE", "TEAM", "STATE", "DEVICES"]
    assert lines[1].split() == ["ana", "case_manager", "north", "active", "2", "(1", "revoked)"]
    assert lines[2].split() == ["bo", "supervisor", "-", "active", "1"]
    assert lines[3].split() == ["eve", "evaluator", "research", "disabled", "0"]
    assert len(lines) == 4
    users = json.loads(ok(run_cli("list-users", "--json", url=url)))
    assert [(u["name"], u["role"], u["team"], u["active"], u["devices"]) for u in users] == [
        ("ana", "case_manager", "north", True, 2),
        ("bo", "supervisor", None, True, 1),
        ("eve", "evaluator", "research", False, 0),
    ]
    assert users[0]["devices_revoked"] == 1
    assert set(users[0]) == {
        "id",
        "name",
        "role",
        "team",
        "active",
        "created_at",
        "devices",
        "devices_revoked",
    }

    devices_text = ok(run_cli("list-devices", url=url))
    rows = devices_text.splitlines()
    assert rows[0].split() == ["DEVICE", "NAME", "WORKER", "ENROLLED", "LAST", "SEEN", "REVOKED"]
    assert len(rows) == 4
    by_id = {row.split()[0]: row for row in rows[1:]}
    assert " ana-office " in by_id[office.id] and by_id[office.id].endswith(" none")
    assert " ana-home " in by_id[home.id] and by_id[home.id].endswith(" lost")
    assert " front desk " in by_id[desk.id] and " bo " in by_id[desk.id]
    listed = json.loads(ok(run_cli("list-devices", "--json", url=url)))
    assert [(d["id"], d["name"], d["user"], d["revoked"]) for d in listed] == [
        (office.id, "ana-office", "ana", "none"),
        (home.id, "ana-home", "ana", "lost"),
        (desk.id, "front desk", "bo", "none"),
    ]
    assert all(d["enrolled_at"] and d["last_seen_at"] for d in listed)
    assert listed[1]["revoked_at"] is not None and listed[0]["revoked_at"] is None
    only_bo = json.loads(ok(run_cli("list-devices", "--user", "bo", "--json", url=url)))
    assert [d["id"] for d in only_bo] == [desk.id]
    assert "no devices enrolled by eve" in ok(run_cli("list-devices", "--user", "eve", url=url))

    status = ok(run_cli("status", url=url))
    assert "users: 3" in status and "users_disabled: 1" in status and "devices: 3" in status
    every_output = users_text + devices_text + json.dumps(users) + json.dumps(listed) + status
    for secret in shown_secrets + _secrets(server):
        assert secret not in every_output
    assert "argon2" not in every_output


def test_disable_refuses_sign_in_and_a_held_token_and_enable_restores(
    server: ServerThread, devices: Any
) -> None:
    url = server.database_url
    ok(run_cli("add-user", "ana", "--role", "case_manager", "--team", "north", url=url))
    ok(run_cli("add-user", "bo", "--role", "case_manager", "--team", "north", url=url))
    laptop, other = devices("ana", "ana-laptop"), devices("bo", "bo-laptop")
    token, key = laptop.token_and_key()
    bo_token, _ = other.token_and_key()
    assert laptop.pull(token).status_code == 200

    said = ok(run_cli("disable-user", "ana", url=url))
    assert "ana disabled" in said and "enable-user ana" in said
    held = laptop.pull(token)
    assert held.status_code == 401 and "not active" in held.json()["message"]
    # Told plainly, but only after the right password (or saved sign-in) and device credential.
    by_password = laptop.sign_in(password=PASSWORD)
    assert by_password.status_code == 403 and by_password.json()["error"] == "account_disabled"
    assert laptop.sign_in(password="not the password at all").status_code == 401
    by_key = laptop.sign_in(sync_key=key)
    assert by_key.status_code == 403 and by_key.json()["error"] == "account_disabled"
    assert "ask IT to enable it" in by_key.json()["message"]
    code = ok(run_cli("enroll-code", "--user", "ana", url=url)).strip().splitlines()[-1]
    enroll = laptop.http.post("/enroll", json={"code": code, "user": "ana", "password": PASSWORD})
    assert enroll.status_code == 403 and enroll.json()["error"] == "account_disabled"
    assert other.pull(bo_token).status_code == 200  # only ana is affected
    assert "already disabled" in ok(run_cli("disable-user", "ana", url=url))
    assert '"active": false' in ok(run_cli("list-users", "--json", url=url))

    assert "ana enabled" in ok(run_cli("enable-user", "ana", url=url))
    assert laptop.pull(token).status_code == 200  # a token still within its lifetime
    again = laptop.sign_in(sync_key=key)  # the server kept the key
    assert again.status_code == 200, again.text
    assert laptop.pull(again.json()["token"]).status_code == 200
    assert laptop.sign_in(password=PASSWORD).status_code == 200
    assert "already enabled" in ok(run_cli("enable-user", "ana", url=url))
    # Enabling forgot the failed sign-ins counted while disabled: the rate limit starts afresh.
    for _ in range(4):
        assert laptop.sign_in(password="not the password at all").status_code == 401
    assert laptop.sign_in(password=PASSWORD).status_code == 200


def test_reset_password_drops_every_sync_key_of_the_worker(
    server: ServerThread, devices: Any
) -> None:
    url = server.database_url
    ok(run_cli("add-user", "ana", "--role", "case_manager", "--team", "north", url=url))
    ok(run_cli("add-user", "bo", "--role", "case_manager", "--team", "north", url=url))
    office, home, other = devices("ana", "office"), devices("ana", "home"), devices("bo", "bo")
    office_token, office_key = office.token_and_key()
    _, home_key = home.token_and_key()
    bo_token, bo_key = other.token_and_key()

    assert "at least 12" in refused(run_cli("reset-password", "ana", url=url, password="short"))
    assert "LEAD_SERVER_PASSWORD" in refused(
        run_cli("reset-password", "ana", url=url, password=None)
    )
    assert office.sign_in(sync_key=office_key).status_code == 200  # nothing changed yet

    assert office.pull(office_token).status_code == 200
    said = ok(run_cli("reset-password", "ana", url=url, password=NEW_PASSWORD))
    assert "2 saved sign-ins dropped" in said and "new password" in said
    assert NEW_PASSWORD not in said
    # A token issued before the reset is refused at once, not when it runs out.
    held = office.pull(office_token)
    assert held.status_code == 401 and "password was changed" in held.json()["message"]
    assert other.pull(bo_token).status_code == 200  # bo's is not
    for laptop, key in ((office, office_key), (home, home_key)):
        old = laptop.sign_in(sync_key=key)
        assert old.status_code == 401
        assert "sign in with your server password" in old.json()["message"]
    assert office.sign_in(password=PASSWORD).status_code == 401
    token, new_key = office.token_and_key(NEW_PASSWORD)
    assert office.pull(token).status_code == 200
    assert office.sign_in(sync_key=new_key).status_code == 200
    assert other.sign_in(sync_key=bo_key).status_code == 200  # bo keeps his
    # Three failures above and two more: the name is held back, until a reset forgets them.
    for _ in range(2):
        assert home.sign_in(password="not the password at all").status_code == 401
    assert home.sign_in(password=NEW_PASSWORD).status_code == 429
    ok(run_cli("reset-password", "ana", url=url, password=PASSWORD))
    assert home.sign_in(password=PASSWORD).status_code == 200

    ok(run_cli("disable-user", "ana", url=url))
    said = ok(run_cli("reset-password", "ana", url=url, password=NEW_PASSWORD))
    assert "1 saved sign-in dropped" in said  # the key home was just given
    assert "ana is disabled" in said and "enable-user ana" in said
    assert home.sign_in(password=NEW_PASSWORD).status_code == 403  # account_disabled


def test_unknown_names_say_so_and_exit_1(tmp_path: Path) -> None:
    ok(run_cli("add-user", "ana", "--role", "case_manager", data_dir=tmp_path))
    for args in (
        ("disable-user", "nobody"),
        ("enable-user", "nobody"),
        ("reset-password", "nobody"),
        ("list-devices", "--user", "nobody"),
        ("list-devices", "--user", "nobody", "--json"),
    ):
        got = run_cli(*args, data_dir=tmp_path)
        message = refused(got)
        assert "no user named 'nobody'" in message and "lead-server list-users" in message, args
        assert got.stdout == ""
    # An unknown name is refused before any password is asked for.
    message = refused(run_cli("reset-password", "nobody", data_dir=tmp_path, password=None))
    assert "no user named 'nobody'" in message
    assert "ana" in ok(run_cli("list-users", data_dir=tmp_path))
