"""Shared fixtures: a real encrypted store in a temporary folder for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lead_desktop.store.store import Store
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.pg import database_url, postgres

__all__ = ["database_url", "postgres"]  # fixtures shared by tests/server and tests/sync


@pytest.fixture
def new_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh encrypted store with one administrator."""
    store = Store.create(tmp_path / "store", "tester", PASSPHRASE, kdf=FAST_KDF)
    yield store
    store.close()
