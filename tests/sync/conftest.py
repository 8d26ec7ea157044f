"""A real sync server on loopback (SQLite) and laptops with their own encrypted stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lead_desktop.store.store import Store
from lead_server import admin
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.server.conftest import PASSWORD, ServerThread

__all__ = ["PASSWORD"]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerThread]:
    """A running server over a fresh SQLite database, with users ana and ben in team north."""
    with ServerThread(f"sqlite:///{tmp_path / 'server.db'}") as srv:
        for name in ("ana", "ben"):
            admin.add_user(srv.engine, name, "case_manager", PASSWORD, "north")
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
