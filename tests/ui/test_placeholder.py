"""The first window: it tells the user where their store is and who can unlock it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from lead_desktop.store.store import Store
from lead_desktop.ui.placeholder import PlaceholderWindow


def _text(window: PlaceholderWindow) -> str:
    return " ".join(label.text() for label in window.findChildren(QLabel))


def test_window_without_a_store_says_how_to_make_one(qtbot: QtBot, tmp_path: Path) -> None:
    window = PlaceholderWindow(tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "LEAD Desktop"
    assert "lead-desktop init" in _text(window)


def test_window_lists_the_workers_of_an_existing_store(
    qtbot: QtBot, tmp_path: Path, new_store: Store
) -> None:
    window = PlaceholderWindow(new_store.root.parent)
    qtbot.addWidget(window)
    window.show()
    assert "tester" in _text(window)
    labels = window.findChildren(QLabel)
    assert all(label.accessibleName() for label in labels)
