"""First run and unlock screens, driven through their real controls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from lead_desktop.store.store import Store, store_exists
from lead_desktop.ui.ops import Ops
from lead_desktop.ui.unlock import FirstRunScreen, UnlockScreen
from tests.helpers import FAST_KDF, PASSPHRASE


def _child(widget: object, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = widget.findChild(kind, name)  # type: ignore[attr-defined]
    assert found is not None, name
    return found


def test_first_run_creates_the_store_after_refusing_a_weak_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ops = Ops()
    screen = FirstRunScreen(tmp_path, ops, kdf=FAST_KDF)
    qtbot.addWidget(screen)
    screen.show()
    opened: list[tuple[Store, bool]] = []
    screen.sig_opened.connect(lambda s, demo: opened.append((s, demo)))
    qtbot.keyClicks(_child(screen, QLineEdit, "worker_name"), "maria")
    qtbot.keyClicks(_child(screen, QLineEdit, "passphrase"), "short")
    assert "short" in _child(screen, QLabel, "strength_hint").text().lower()
    qtbot.keyClicks(_child(screen, QLineEdit, "passphrase_again"), "short")
    qtbot.mouseClick(_child(screen, QPushButton, "create_store"), Qt.MouseButton.LeftButton)
    error = _child(screen, QLabel, "first_run_error")
    qtbot.waitUntil(lambda: error.isVisible() and "15" in error.text(), timeout=5000)
    assert not store_exists(tmp_path / "store")
    for name in ("passphrase", "passphrase_again"):
        field = _child(screen, QLineEdit, name)
        field.clear()
        qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(_child(screen, QLineEdit, "passphrase_again"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    store, demo = opened[0]
    assert not demo and store.worker_name == "maria"
    store.close()
    ops.shutdown()


def test_wrong_passphrases_start_a_countdown_then_the_right_one_unlocks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    Store.create(tmp_path / "store", "maria", PASSPHRASE, kdf=FAST_KDF).close()
    ops = Ops()
    screen = UnlockScreen(tmp_path / "store", ops)
    qtbot.addWidget(screen)
    screen.show()
    unlocked: list[Store] = []
    screen.sig_unlocked.connect(unlocked.append)
    field = _child(screen, QLineEdit, "passphrase")
    message = _child(screen, QLabel, "unlock_message")
    button = _child(screen, QPushButton, "unlock")
    for _ in range(6):
        qtbot.waitUntil(button.isEnabled, timeout=5000)
        if "Try again in" in message.text():
            break
        qtbot.keyClicks(field, "not the passphrase at all")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Unlocking" not in message.text(), timeout=5000)
        if "Try again in" in message.text():
            break
    assert "Try again in" in message.text()
    assert not button.isEnabled()
    assert not unlocked
    ops.shutdown()


def test_unlock_with_the_right_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    Store.create(tmp_path / "store", "maria", PASSPHRASE, kdf=FAST_KDF).close()
    ops = Ops()
    screen = UnlockScreen(tmp_path / "store", ops)
    qtbot.addWidget(screen)
    unlocked: list[Store] = []
    screen.sig_unlocked.connect(unlocked.append)
    qtbot.keyClicks(_child(screen, QLineEdit, "passphrase"), PASSPHRASE)
    qtbot.keyClick(_child(screen, QLineEdit, "passphrase"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(unlocked), timeout=5000)
    assert unlocked[0].worker_name == "maria"
    unlocked[0].close()
    ops.shutdown()
