"""Fixtures for document tests: a populated encrypted store, built once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lead_desktop.store.store import Store
from tests.documents.world import World, have_tools, populate
from tests.helpers import FAST_KDF, HARD_NAMES, PASSPHRASE


@pytest.fixture(scope="module")
def world_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, World]]:
    """A store holding every HARD_NAMES person with signed consents, a plan and disclosures."""
    root = tmp_path_factory.mktemp("docs") / "store"
    store = Store.create(root, "tester", PASSPHRASE, kdf=FAST_KDF)
    try:
        yield store, populate(store, HARD_NAMES)
    finally:
        store.close()


@pytest.fixture(autouse=True)
def _tools() -> None:
    if not have_tools():
        pytest.fail("poppler-utils and qpdf are needed: run scripts/bootstrap.sh test")


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    """A scratch folder for extracted PDFs."""
    return tmp_path
