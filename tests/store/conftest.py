"""Fixtures for store tests: a real encrypted store with cheap key derivation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lead_desktop.store.store import Store
from tests.helpers import FAST_KDF, PASSPHRASE


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new store in tmp_path, unlocked as worker 'tester' (an administrator)."""
    created = Store.create(tmp_path / "store", "tester", PASSPHRASE, kdf=FAST_KDF)
    try:
        yield created
    finally:
        created.close()
