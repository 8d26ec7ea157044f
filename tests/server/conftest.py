"""Real servers on loopback over SQLite and over a real PostgreSQL started for the session."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine

from lead_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from lead_server import admin
from lead_server.app import create_app
from lead_server.db import make_engine
from tests.pg import PG_BIN, Postgres, free_port

__all__ = ["PG_BIN", "PASSWORD", "Postgres", "ServerThread", "free_port"]

PASSWORD = "a long enough password"


class ServerThread:
    """uvicorn serving the app in a thread on a loopback port (a free one unless given), over
    https when given a certificate and key. ``restart()`` serves again after ``__exit__``, on
    the same port and database."""

    def __init__(
        self, database_url: str, *, tls: tuple[Path, Path] | None = None, port: int | None = None
    ) -> None:
        self.database_url = database_url
        self.app = create_app(database_url)
        self.port = port or free_port()
        self.tls = tls
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self._prepare()

    def _prepare(self) -> None:
        tls: dict[str, Any] = (
            {"ssl_certfile": str(self.tls[0]), "ssl_keyfile": str(self.tls[1])} if self.tls else {}
        )
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_config=None, access_log=False, **tls
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def restart(self) -> None:
        """Serve again (after ``__exit__``) on the same port and database."""
        self._prepare()
        self.__enter__()

    @property
    def engine(self) -> Engine:
        engine: Engine = self.app.state.engine
        return engine

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()


@pytest.fixture
def server(database_url: str) -> Iterator[ServerThread]:
    """A running server over a fresh database."""
    with ServerThread(database_url) as srv:
        yield srv


class Laptop:
    """A device as the protocol sees it: enrolled, signed in, speaking raw HTTP."""

    def __init__(self, url: str, engine: Engine, user: str) -> None:
        self.http = httpx.Client(base_url=f"{url}/api/v1", timeout=30)
        code = admin.make_enroll_code(engine, user)
        got = self.http.post("/enroll", json={"code": code, "user": user, "password": PASSWORD})
        got.raise_for_status()
        self.device_id: str = got.json()["device_id"]
        self.credential: str = got.json()["credential"]
        self.user = user
        self.sign_in()

    def sign_in(self) -> httpx.Response:
        got = self.http.post(
            "/token",
            json={
                "device_id": self.device_id,
                "credential": self.credential,
                "user": self.user,
                "password": PASSWORD,
            },
        )
        if got.status_code == 200:
            self.http.headers["Authorization"] = f"Bearer {got.json()['token']}"
            self.http.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        return got

    def push(self, *entries: Any) -> list[dict[str, Any]]:
        got = self.http.post("/push", json={"device_id": self.device_id, "entries": list(entries)})
        assert got.status_code == 200, got.text
        results: list[dict[str, Any]] = got.json()["results"]
        return results

    def pull_all(self, cursor: int = 0, limit: int = 500) -> list[dict[str, Any]]:
        pages = []
        while True:
            got = self.http.get("/pull", params={"cursor": cursor, "limit": limit})
            assert got.status_code == 200, got.text
            page = got.json()
            pages.append(page)
            cursor = page["next_cursor"]
            if page["done"]:
                return pages


@pytest.fixture
def make_laptop(server: ServerThread) -> Iterator[Any]:
    """Make enrolled, signed-in devices for new or existing users."""
    made: list[Laptop] = []
    users: set[str] = set()

    def make(user: str = "ana", role: str = "case_manager", team: str | None = "north") -> Laptop:
        if user not in users:
            admin.add_user(server.engine, user, role, PASSWORD, team)
            users.add(user)
        laptop = Laptop(server.url, server.engine, user)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.http.close()


def engine_for(url: str) -> Engine:
    """An engine for checking what the server stored."""
    return make_engine(url)
