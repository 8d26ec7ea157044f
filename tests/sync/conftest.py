"""A real sync server on loopback, over SQLite and over PostgreSQL, and laptops with their own
encrypted stores.

``database_url`` (tests/pg.py, registered by the root conftest) is parametrized over both
databases, and the ``server`` fixture depends on it, so every test here that starts a server
runs on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lead_desktop.store.store import Store
from lead_server import admin
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.server.conftest import PASSWORD, Postgres, ServerThread
from tests.sync.interruption_stage import Stage, open_stage

__all__ = ["PASSWORD"]

#: The fixture users: two case managers of one team.
USERS = ("ana", "ben")
TEAM = "north"


@pytest.fixture
def server(database_url: str) -> Iterator[ServerThread]:
    """A running server over a fresh database of each kind, with users ana and ben in north."""
    with ServerThread(database_url) as srv:
        for name in USERS:
            admin.add_user(srv.engine, name, "case_manager", PASSWORD, TEAM)
        yield srv


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Any]:
    """Make a laptop's store with one worker of the given name."""
    made: list[Store] = []

    def make(worker: str) -> Store:
        store = Store.create(tmp_path / f"laptop-{worker}", worker, PASSPHRASE, kdf=FAST_KDF)
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stage(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stage]:
    """For the interruption tests: the snapshot on each database kind, its live server, and
    its reference run (no fault); one per test module."""
    pg: Postgres | None = None
    if request.param == "postgresql":
        pg = request.getfixturevalue("postgres")
    with open_stage(request.param, pg, tmp_path_factory) as live:
        yield live
