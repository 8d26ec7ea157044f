"""Sync in the main window: status bar states, Sync now, background back-off, the password dialog
and setting up sync, against a real server on loopback and real encrypted stores."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from lead_desktop.store.participants import create_participant
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SyncClient
from lead_desktop.ui.main_window import MainWindow
from lead_server import admin
from lead_server.certs import make_self_signed
from lead_server.models import Record
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.server.conftest import PASSWORD, ServerThread

TIMEOUT = 15_000
SHOTS = os.environ.get("LEAD_SHOTS")  # a folder: save the status bar in each state there


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerThread]:
    """A server over SQLite with case managers ana and ben (team north)."""
    srv = ServerThread(f"sqlite:///{tmp_path / 'server.db'}")
    with srv:
        for name in ("ana", "ben"):
            admin.add_user(srv.engine, name, "case_manager", PASSWORD, "north")
        yield srv


def _laptop(root: Path, worker: str) -> Store:
    return Store.create(root, worker, PASSPHRASE, kdf=FAST_KDF)


def _enroll(store: Store, server: ServerThread, user: str, *, keep_key: bool) -> None:
    with SyncClient(store, server.url) as client:
        client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
        if keep_key:
            client.sign_in(user, PASSWORD)


def _open(qtbot: QtBot, data_dir: Path) -> MainWindow:
    """The main window, unlocked by typing the passphrase."""
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    field = window.findChild(QLineEdit, "passphrase")
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "caseload") is not None, timeout=TIMEOUT)
    return window


def _status(window: MainWindow) -> QToolButton:
    button = window.findChild(QToolButton, "sync_state")
    assert button is not None
    return button


def _shot(window: MainWindow, name: str) -> None:
    if SHOTS:
        window.statusBar().layout().activate()  # the new text's width, before the next paint
        window.statusBar().grab().save(str(Path(SHOTS) / f"status-{name}.png"))


def _sync_now(qtbot: QtBot, window: MainWindow) -> None:
    """Press Ctrl+Shift+S, as a person would."""
    window.activateWindow()
    target = window.focusWidget() or window
    qtbot.keyClick(
        target,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def _caseload_text(window: MainWindow) -> str:
    """Everything the caseload table shows, as one text."""
    table = window.findChild(QTableView, "caseload_table")
    model: QAbstractItemModel = table.model()
    return " | ".join(
        str(model.index(row, col).data())
        for row in range(model.rowCount())
        for col in range(model.columnCount())
    )


def test_not_set_up_then_set_up_by_an_administrator(
    qtbot: QtBot, tmp_path: Path, server: ServerThread
) -> None:
    _laptop(tmp_path / "store", "ana").close()
    window = _open(qtbot, tmp_path)
    qtbot.waitUntil(lambda: _status(window).text() == "Sync: not set up", timeout=TIMEOUT)
    _shot(window, "not-set-up")

    _sync_now(qtbot, window)  # an administrator is offered the set-up
    dialog = None

    def opened() -> bool:
        nonlocal dialog
        dialog = window.findChild(QDialog, "sync_setup_dialog")
        return dialog is not None and dialog.isVisible()

    qtbot.waitUntil(opened, timeout=TIMEOUT)
    assert dialog is not None
    code = admin.make_enroll_code(server.engine, "ana")
    for name, text in (("server_url", server.url), ("enroll_code", code)):
        qtbot.keyClicks(dialog.findChild(QLineEdit, name), text)
    assert dialog.findChild(QLineEdit, "server_user").text() == "ana"
    qtbot.keyClicks(dialog.findChild(QLineEdit, "server_password"), "wrong password!!")
    qtbot.mouseClick(dialog.findChild(QPushButton, "enroll_button"), Qt.MouseButton.LeftButton)
    problem = dialog.findChild(QWidget, "setup_password_error")
    qtbot.waitUntil(problem.isVisible, timeout=TIMEOUT)
    assert "refused" in problem.accessibleDescription()

    field = dialog.findChild(QLineEdit, "server_password")
    field.clear()
    qtbot.keyClicks(field, PASSWORD)
    qtbot.mouseClick(dialog.findChild(QPushButton, "enroll_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not (shiboken6.isValid(dialog) and dialog.isVisible()), timeout=TIMEOUT)
    # Enrolled and signed in once: the first sync runs with no second password prompt.
    qtbot.waitUntil(lambda: _status(window).text() == "Synced just now", timeout=TIMEOUT)
    assert window.findChild(QDialog, "sync_password_dialog") is None
    window.close()


def test_sync_now_pulls_another_laptops_record_then_offline_backs_off(
    qtbot: QtBot, tmp_path: Path, server: ServerThread
) -> None:
    ana = _laptop(tmp_path / "store", "ana")
    _enroll(ana, server, "ana", keep_key=True)
    ana.close()
    ben = _laptop(tmp_path / "ben", "ben")
    _enroll(ben, server, "ben", keep_key=True)
    with ben.write() as tx:
        create_participant(tx, data={"first_name": "Zoë", "last_name": "Ćosić"})
    with SyncClient(ben) as client:
        assert client.sync_once("ben").in_step
    ben.close()

    window = _open(qtbot, tmp_path)
    status = _status(window)
    qtbot.waitUntil(lambda: status.text() == "Sync: not synced yet", timeout=TIMEOUT)
    assert "Ćosić" not in _caseload_text(window)

    # Count GUI ticks while the sync runs: the event loop keeps turning.
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    seen: set[str] = set()
    status_text = status.text
    _sync_now(qtbot, window)

    def synced() -> bool:
        if status_text().startswith("Syncing…") and not seen:
            _shot(window, "syncing")
        seen.add(status_text())
        return status_text() == "Synced just now"

    qtbot.waitUntil(synced, timeout=TIMEOUT)
    timer.stop()
    assert any(text.startswith("Syncing…") for text in seen), seen
    assert len(ticks) >= 3
    qtbot.waitUntil(lambda: "Zoë Ćosić" in _caseload_text(window), timeout=TIMEOUT)
    _shot(window, "synced")

    server.__exit__()
    _sync_now(qtbot, window)
    qtbot.waitUntil(lambda: status_text().startswith("Offline — next try in"), timeout=TIMEOUT)
    # The first retry: 30 s, shortened by up to a tenth (jitter).
    seconds = int(status_text().removeprefix("Offline — next try in ").removesuffix(" s"))
    assert 26 <= seconds <= 30
    assert "cannot be reached" in status.toolTip()
    _shot(window, "offline")
    window.close()


def test_password_dialog_when_no_key_is_stored(
    qtbot: QtBot, tmp_path: Path, server: ServerThread
) -> None:
    ana = _laptop(tmp_path / "store", "ana")
    _enroll(ana, server, "ana", keep_key=False)
    ana.close()
    window = _open(qtbot, tmp_path)
    status = _status(window)
    qtbot.waitUntil(lambda: status.text() == "Sync needs your server password", timeout=TIMEOUT)
    _shot(window, "password")
    _sync_now(qtbot, window)
    dialog = None

    def asked() -> bool:
        nonlocal dialog
        dialog = window.findChild(QDialog, "sync_password_dialog")
        return dialog is not None and dialog.isVisible()

    qtbot.waitUntil(asked, timeout=TIMEOUT)
    assert dialog is not None
    field = dialog.findChild(QLineEdit, "server_password")
    assert field.accessibleName() == "Server password"
    qtbot.waitUntil(field.hasFocus, timeout=TIMEOUT)  # ready to type in
    qtbot.keyClicks(field, PASSWORD)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status.text() == "Synced just now", timeout=TIMEOUT)

    # From now on the stored key signs in: Sync now asks nothing.
    _sync_now(qtbot, window)
    qtbot.wait(200)
    qtbot.waitUntil(lambda: status.text() == "Synced just now", timeout=TIMEOUT)
    found = window.findChild(QDialog, "sync_password_dialog")
    assert found is None or not found.isVisible()
    window.close()


def test_set_up_over_https_checks_the_certificate_fingerprint(qtbot: QtBot, tmp_path: Path) -> None:
    cert, key, fingerprint = make_self_signed(tmp_path / "tls", ["127.0.0.1"])
    _laptop(tmp_path / "store", "ana").close()
    with ServerThread(f"sqlite:///{tmp_path / 'server.db'}", tls=(cert, key)) as srv:
        admin.add_user(srv.engine, "ana", "case_manager", PASSWORD, "north")
        window = _open(qtbot, tmp_path)
        status = _status(window)
        qtbot.waitUntil(lambda: status.text() == "Sync: not set up", timeout=TIMEOUT)
        window.findChild(QAction, "act_setup_sync").trigger()
        dialog = window.findChild(QDialog, "sync_setup_dialog")
        assert dialog is not None and dialog.isVisible()
        code = admin.make_enroll_code(srv.engine, "ana")
        for name, text in (
            ("server_url", srv.url),
            ("enroll_code", code),
            ("server_password", PASSWORD),
        ):
            qtbot.keyClicks(dialog.findChild(QLineEdit, name), text)
        enroll = dialog.findChild(QPushButton, "enroll_button")
        qtbot.mouseClick(enroll, Qt.MouseButton.LeftButton)  # not before the certificate
        problem = dialog.findChild(QWidget, "certificate_error")
        assert problem.isVisible() and "Check the certificate" in problem.accessibleDescription()

        check = dialog.findChild(QPushButton, "check_certificate")
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
        shown = dialog.findChild(QLabel, "certificate_fingerprint")
        qtbot.waitUntil(lambda: shown.accessibleDescription() == fingerprint, timeout=TIMEOUT)
        confirm = dialog.findChild(QCheckBox, "fingerprint_confirmed")
        pasted = dialog.findChild(QLineEdit, "it_fingerprint")
        comparison = dialog.findChild(QLabel, "fingerprint_comparison")
        wrong = "AB:" * 31 + "AB"
        qtbot.keyClicks(pasted, wrong)
        assert "does NOT match" in comparison.text() and not confirm.isChecked()
        pasted.clear()
        qtbot.keyClicks(pasted, fingerprint.replace(":", "").lower())  # typed any way
        assert comparison.text() == "It matches the server's certificate."
        assert confirm.isChecked()
        if SHOTS:
            qtbot.wait(100)  # let the dialog grow to its new contents
            dialog.grab().save(str(Path(SHOTS) / "setup-https.png"))

        qtbot.mouseClick(enroll, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: status.text() == "Synced just now", timeout=TIMEOUT)
        window.close()


def test_lock_stops_a_running_sync_and_unlock_resumes(
    qtbot: QtBot, tmp_path: Path, server: ServerThread
) -> None:
    ana = _laptop(tmp_path / "store", "ana")
    _enroll(ana, server, "ana", keep_key=True)
    with ana.write() as tx:
        for n in range(600):
            create_participant(tx, data={"first_name": f"Person{n}", "last_name": "Ruiz"})
    ana.close()
    window = _open(qtbot, tmp_path)
    status = _status(window)
    qtbot.waitUntil(lambda: status.text() == "Sync: not synced yet", timeout=TIMEOUT)
    _sync_now(qtbot, window)
    qtbot.waitUntil(lambda: status.text().startswith("Syncing…"), timeout=TIMEOUT)
    start = time.monotonic()
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    assert window.findChild(QWidget, "unlock_screen") is not None
    assert time.monotonic() - start < 5
    assert status.text() == "Sync: paused while locked"
    qtbot.wait(300)
    assert status.text() == "Sync: paused while locked"  # nothing came back after the lock

    field = window.findChild(QLineEdit, "passphrase")
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "caseload") is not None, timeout=TIMEOUT)
    _sync_now(qtbot, window)
    qtbot.waitUntil(lambda: status.text() == "Synced just now", timeout=TIMEOUT)
    with server.engine.connect() as conn:
        stored = conn.execute(
            select(func.count()).select_from(Record).where(Record.table_name == "participant")
        ).scalar_one()
    assert stored == 600
    window.close()


def test_a_stolen_laptop_is_told_and_goes_back_to_the_door(
    qtbot: QtBot, tmp_path: Path, server: ServerThread
) -> None:
    ana = _laptop(tmp_path / "store", "ana")
    _enroll(ana, server, "ana", keep_key=True)
    with SyncClient(ana) as client:
        device = client.server_device_id
    ana.close()
    assert device
    window = _open(qtbot, tmp_path)
    status = _status(window)
    qtbot.waitUntil(lambda: status.text() == "Sync: not synced yet", timeout=TIMEOUT)
    admin.revoke_device(server.engine, device, "stolen")
    _sync_now(qtbot, window)
    box = None

    def told() -> bool:
        nonlocal box
        box = next((b for b in window.findChildren(QMessageBox) if b.isVisible()), None)
        return box is not None

    qtbot.waitUntil(told, timeout=TIMEOUT)
    assert box is not None and "stolen" in box.text()
    assert window.findChild(QWidget, "first_run_screen") is not None  # the copy is gone
    assert not (tmp_path / "store").exists()
    box.accept()
    window.close()


def test_a_disabled_account_is_told_in_the_status_bar(
    qtbot: QtBot, tmp_path: Path, server: ServerThread
) -> None:
    ana = _laptop(tmp_path / "store", "ana")
    _enroll(ana, server, "ana", keep_key=True)
    ana.close()
    window = _open(qtbot, tmp_path)
    status = _status(window)
    qtbot.waitUntil(lambda: status.text() == "Sync: not synced yet", timeout=TIMEOUT)
    admin.set_active(server.engine, "ana", False)
    _sync_now(qtbot, window)
    qtbot.waitUntil(lambda: status.text() == "Sync: your account is disabled", timeout=TIMEOUT)
    assert "Ask IT to enable your account" in status.toolTip()
    assert status.accessibleName()  # read out like every other sync state
    _shot(window, "disabled")
    admin.set_active(server.engine, "ana", True)
    _sync_now(qtbot, window)  # no password asked: the laptop kept its saved sign-in
    qtbot.waitUntil(lambda: status.text() == "Synced just now", timeout=TIMEOUT)
    window.close()
