"""Fixtures for GUI tests: a real encrypted store opened in a real application context."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lead_desktop.store.store import Store
from lead_desktop.ui.collector import GuiThreadCollector
from lead_desktop.ui.context import AppContext
from tests.helpers import FAST_KDF, PASSPHRASE


@pytest.fixture(autouse=True)
def gui_thread_collection(qapp: object) -> Iterator[None]:
    """Collect garbage on the GUI thread only, as the app does (see ui/collector.py)."""
    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path) -> Iterator[AppContext]:
    """An application context over a fresh store, unlocked as administrator 'tester'."""
    context = AppContext(tmp_path)
    context.open(Store.create(context.root, "tester", PASSPHRASE, kdf=FAST_KDF))
    yield context
    context.close()
    context.ops.shutdown()
