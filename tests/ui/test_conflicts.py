"""The conflict-review screen, driven as a person would, over a real store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QMainWindow, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lead_desktop.store import conflicts
from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import ChangeJournal, Participant
from lead_desktop.store.store import Store
from lead_desktop.ui.conflicts import ConflictsAction, ConflictsDialog
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.main_window import MainWindow
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.ui.driving import child, focused, key, settle, show

AT = "2024-05-02T15:30:00.000000Z"
#: Where to save screenshots of the screen (unset: none are taken).
SHOTS = os.environ.get("LEAD_SHOTS")


def _conflict(store: Store | None, n: int = 1) -> tuple[str, list[str]]:
    """A participant whose last name two laptops changed (``n`` conflicts on its fields)."""
    assert store is not None
    with store.write() as tx:
        pid = create_participant(tx, data={"first_name": "Luz", "last_name": "Ruiz"})
        ids = []
        for field, kept, other in [("last_name", "Ruiz", "Ruíz Peña"), ("sex", 0, 1)][:n]:
            cid = f"c-{field}"
            conflicts.file_notice(
                tx,
                {
                    "id": cid,
                    "rev": 10,
                    "table": "participant",
                    "row_id": pid,
                    "field": field,
                    "server_value": kept,
                    "server_by": "u-ana",
                    "server_by_name": "ana",
                    "server_at": AT,
                    "client_value": other,
                    "client_by": "u-ben",
                    "client_by_name": "ben",
                    "client_device": "d-ben",
                    "client_at": AT,
                    "resolution": None,
                },
            )
            ids.append(cid)
    return pid, ids


def _dialog(qtbot: QtBot, ctx: AppContext) -> Any:
    dialog = show(qtbot, ctx, ConflictsDialog(ctx))
    dialog.resize(900, 600)
    return dialog


def _stored(ctx: AppContext, pid: str) -> tuple[Any, int, list[str]]:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        name = conn.execute(select(Participant.last_name).where(Participant.id == pid)).scalar()
        journal = conn.execute(
            select(ChangeJournal.fields).where(
                ChangeJournal.row_id == pid, ChangeJournal.op == "update"
            )
        ).scalars()
        pending = [p.conflict_id for p in conflicts.pending_resolutions(conn)]
        return name, len(list(journal)), pending


def test_lists_the_conflict_with_both_values(qtbot: QtBot, ctx: AppContext) -> None:
    _conflict(ctx.store, 2)
    dialog = _dialog(qtbot, ctx)
    table = child(dialog, QAbstractItemView, "conflicts_table")
    model = table.model()
    assert model.rowCount() == 2
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == ["Luz Ruiz", "Profile", "Last name", "Ruiz", "Ruíz Peña"]
    assert [model.index(1, c).data() for c in (2, 3, 4)] == ["Sex", "Female", "Male"]
    assert child(dialog, QLabel, "keep_value").text() == "Ruiz"
    assert child(dialog, QLabel, "use_other_value").text() == "Ruíz Peña"
    assert "ana" in child(dialog, QLabel, "keep_who").text()
    assert "ben" in child(dialog, QLabel, "use_other_who").text()
    assert "Last name" in child(dialog, QLabel, "conflict_heading").text()
    assert not child(dialog, QLabel, "conflicts_empty").isVisible()
    # Arrow keys pick the other conflict, and the panes follow.
    table.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Down)
    assert child(dialog, QLabel, "keep_value").text() == "Female"
    for name in ("keep_button", "use_other_button", "close_button"):
        assert child(dialog, QPushButton, name).accessibleName()


def test_keyboard_choice_resolves_it(qtbot: QtBot, ctx: AppContext) -> None:
    pid, [cid] = _conflict(ctx.store)
    dialog = _dialog(qtbot, ctx)
    table = child(dialog, QAbstractItemView, "conflicts_table")
    table.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Return)  # Enter in the list picks nothing
    settle(qtbot, ctx)
    assert _stored(ctx, pid) == ("Ruiz", 0, [])
    key(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "keep_button"
    key(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "use_other_button"
    key(qtbot, Qt.Key.Key_Space)  # "Use the other value"
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: child(dialog, QLabel, "conflicts_empty").isVisible())
    assert "Saved" in child(dialog, QLabel, "conflicts_status").text()
    assert not table.isVisible()
    # The choice is an ordinary, journaled change; the resolution waits for the next sync.
    assert _stored(ctx, pid) == ("Ruíz Peña", 1, [cid])


def test_mnemonic_keeps_the_value(qtbot: QtBot, ctx: AppContext) -> None:
    pid, [cid] = _conflict(ctx.store)
    dialog = _dialog(qtbot, ctx)
    child(dialog, QAbstractItemView, "conflicts_table").setFocus()
    key(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # &Keep this value
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: child(dialog, QLabel, "conflicts_empty").isVisible())
    assert _stored(ctx, pid) == ("Ruiz", 0, [cid])  # nothing to change; resolved all the same


def test_locking_closes_the_screen(qtbot: QtBot, ctx: AppContext) -> None:
    _conflict(ctx.store)
    dialog = _dialog(qtbot, ctx)
    assert dialog.isVisible()
    ctx.close()
    assert not dialog.isVisible()


def test_empty_state(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    empty = child(dialog, QLabel, "conflicts_empty")
    assert empty.isVisible() and "No conflicts" in empty.text()
    assert not child(dialog, QAbstractItemView, "conflicts_table").isVisible()
    assert not child(dialog, QPushButton, "keep_button").isVisible()


def test_action_counts_open_conflicts_and_opens_the_screen(qtbot: QtBot, ctx: AppContext) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = QAction("Lock", window)
    lock.setEnabled(False)
    action = ConflictsAction(window, lambda: ctx, follow=lock)
    assert not action.isEnabled()
    _conflict(ctx.store)
    lock.setEnabled(True)  # the store is open
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: action.text().replace("&", "") == "Review conflicts (1)")
    assert action.isEnabled() and action.font().bold()
    action.trigger()
    dialog = window.findChild(ConflictsDialog, "conflicts_dialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    child(dialog, QPushButton, "keep_button").click()
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: action.text().replace("&", "") == "Review conflicts")
    dialog.close()


def test_main_window_offers_the_review_with_its_count(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = Store.create(data_dir / "store", "tester", PASSPHRASE, kdf=FAST_KDF)
    _conflict(store)
    store.close()
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    action = window.findChild(QAction, "act_conflicts")
    assert action is not None and not action.isEnabled()  # locked
    field = window.findChild(QLineEdit, "passphrase")
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: action.text().replace("&", "") == "Review conflicts (1)")
    assert action.isEnabled() and action in window.toolbar.actions()
    if SHOTS:
        qtbot.wait(100)  # the toolbar lays the longer, bold label out
        window.grab().save(str(Path(SHOTS) / "main-conflicts.png"))
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(ConflictsDialog, "conflicts_dialog") is not None)
    dialog = window.findChild(ConflictsDialog, "conflicts_dialog")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.close()
    window.lock()
    assert not action.isEnabled()
    window.close()
