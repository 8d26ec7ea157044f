"""The profile tab: edit, save, refuse bad input beside its field, undo, 8/9/99 answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from lead_desktop import settings
from lead_desktop.store import casework
from lead_desktop.store.participants import create_participant, get_participant
from lead_desktop.store.schema import AuditEvent
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.fields import ErrorLabel
from lead_desktop.ui.record.profile_tab import ProfileTab

TIMEOUT = 5000


def _person(ctx: AppContext, **data: Any) -> str:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        return create_participant(
            tx, data={"first_name": "Ana", "last_name": "Lopez", **data}, aliases=[]
        )


def _stored(ctx: AppContext, pid: str) -> dict[str, Any]:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        return get_participant(conn, pid)


def _updates(ctx: AppContext, pid: str) -> int:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        return int(
            conn.execute(
                select(func.count()).where(
                    AuditEvent.action == "update", AuditEvent.entity_id == pid
                )
            ).scalar_one()
        )


def _open(qtbot: QtBot, ctx: AppContext, pid: str) -> ProfileTab:
    tab = ProfileTab(ctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1100, 800)
    tab.show()
    first = tab.findChild(QLineEdit, "first_name")
    qtbot.waitUntil(lambda: first.text() != "", timeout=TIMEOUT)
    return tab


def _type(field: QLineEdit, text: str) -> None:
    """Type text key by key (QTest.keyClicks only knows ASCII; names often are not)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, field, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def _retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    _type(field, text)


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry with the keyboard: Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def _click(qtbot: QtBot, tab: ProfileTab, name: str) -> None:
    button = tab.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_typing_a_new_name_and_saving_stores_it(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    assert tab.findChild(QLabel, "profile_title").text() == "Ana Lopez"
    _retype(qtbot, tab.findChild(QLineEdit, "first_name"), "Zoë")
    _retype(qtbot, tab.findChild(QLineEdit, "preferred_language"), "Spanish")
    assert "not saved" in tab.findChild(QLabel, "profile_state").text()
    _click(qtbot, tab, "save")
    qtbot.waitUntil(lambda: _stored(ctx, pid)["first_name"] == "Zoë", timeout=TIMEOUT)
    assert _stored(ctx, pid)["preferred_language"] == "Spanish"
    qtbot.waitUntil(lambda: tab.findChild(QLabel, "profile_title").text() == "Zoë Lopez")
    assert tab.findChild(QLabel, "profile_state").text() == "Saved"


def test_ctrl_s_saves(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    last = tab.findChild(QLineEdit, "last_name")
    _retype(qtbot, last, "López")
    qtbot.keyClick(last, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _stored(ctx, pid)["last_name"] == "López", timeout=TIMEOUT)


def test_a_birth_date_in_the_future_is_refused_beside_the_field(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _person(ctx, dob="1980-03-05")
    tab = _open(qtbot, ctx, pid)
    before = _updates(ctx, pid)
    _retype(qtbot, tab.findChild(QLineEdit, "first_name"), "Anita")
    _retype(qtbot, tab.findChild(QLineEdit, "dob"), "2999-01-01")
    _click(qtbot, tab, "save")
    error = tab.findChild(ErrorLabel, "dob_error")
    qtbot.waitUntil(error.isVisible, timeout=TIMEOUT)
    assert "Date of birth" in error.message()
    assert "future" in error.message()
    assert not tab.findChild(ErrorLabel, "first_name_error").isVisible()
    ctx.ops.drain()
    stored = _stored(ctx, pid)
    assert (stored["first_name"], stored["dob"]) == ("Ana", "1980-03-05")
    assert _updates(ctx, pid) == before


def test_undo_puts_back_the_values_before_the_last_save(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    last = tab.findChild(QLineEdit, "last_name")
    _retype(qtbot, last, "Okafor")
    _click(qtbot, tab, "save")
    qtbot.waitUntil(lambda: _stored(ctx, pid)["last_name"] == "Okafor", timeout=TIMEOUT)
    undo = tab.findChild(QPushButton, "undo")
    qtbot.waitUntil(undo.isEnabled, timeout=TIMEOUT)
    _click(qtbot, tab, "undo")
    qtbot.waitUntil(lambda: _stored(ctx, pid)["last_name"] == "Lopez", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: last.text() == "Lopez", timeout=TIMEOUT)
    assert _updates(ctx, pid) == 2  # the save and its undo, both audited
    assert not undo.isEnabled()


def test_client_prefers_not_to_answer_dob_quality_stores_9(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    _choose(qtbot, tab.findChild(QComboBox, "dob_dq"), "Client prefers not to answer")
    _click(qtbot, tab, "save")
    qtbot.waitUntil(lambda: _stored(ctx, pid)["dob_dq"] == 9, timeout=TIMEOUT)


def test_race_categories_and_8_9_99_exclude_each_other(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx, race_none=99)
    tab = _open(qtbot, ctx, pid)
    asian = tab.findChild(QCheckBox, "race_Asian")
    asian.setFocus()
    qtbot.keyClick(asian, Qt.Key.Key_Space)
    assert asian.isChecked()
    assert tab.findChild(QComboBox, "race_none").currentIndex() == 0
    _click(qtbot, tab, "save")
    qtbot.waitUntil(lambda: _stored(ctx, pid)["race"] == ["Asian"], timeout=TIMEOUT)
    assert _stored(ctx, pid)["race_none"] is None


def test_ssn_shows_last_four_until_show_is_pressed(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx, ssn="123-45-6789")
    tab = _open(qtbot, ctx, pid)
    ssn = tab.findChild(QLineEdit, "ssn")
    assert ssn.text().endswith("6789") and "12345" not in ssn.text()
    assert ssn.isReadOnly()
    _click(qtbot, tab, "ssn_show")
    assert ssn.text() == "123456789"
    assert not ssn.isReadOnly()


def test_aliases_are_added_and_removed(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    aliases = tab.findChild(QListWidget, "aliases")
    text = tab.findChild(QLineEdit, "alias_text")
    _type(text, "Señor Sol")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: aliases.count() == 1, timeout=TIMEOUT)
    assert "Señor Sol" in aliases.item(0).text()
    assert [a["alias"] for a in _stored(ctx, pid)["aliases"]] == ["Señor Sol"]
    aliases.setCurrentRow(0)
    _click(qtbot, tab, "alias_remove")
    qtbot.waitUntil(lambda: aliases.count() == 0, timeout=TIMEOUT)
    assert _stored(ctx, pid)["aliases"] == []


def test_unsaved_edits_are_kept_as_a_draft_and_restored(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    _retype(qtbot, tab.findChild(QLineEdit, "middle_name"), "Maria")
    qtbot.waitUntil(lambda: tab.keeper.saves == 1, timeout=TIMEOUT)
    tab.close()
    again = _open(qtbot, ctx, pid)
    restore = again.findChild(QPushButton, "draft_restore")
    qtbot.waitUntil(restore.isVisible, timeout=TIMEOUT)
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert again.findChild(QLineEdit, "middle_name").text() == "Maria"
    assert _stored(ctx, pid)["middle_name"] is None
    _click(qtbot, again, "save")
    qtbot.waitUntil(lambda: _stored(ctx, pid)["middle_name"] == "Maria", timeout=TIMEOUT)
    ctx.ops.drain()
    assert ctx.store is not None
    with ctx.store.read() as conn:
        assert casework.list_drafts(conn, ctx.store.worker_id) == []


def test_assigning_over_the_caseload_limit_warns_and_needs_an_override(
    qtbot: QtBot, ctx: AppContext
) -> None:
    assert ctx.store is not None
    settings.save(ctx.store, settings.ProgramSettings(per_worker_max=1))
    worker = ctx.store.worker_id
    _person(ctx, first_name="Ben", status="active", case_manager_id=worker)
    pid = _person(ctx, status="active")
    tab = _open(qtbot, ctx, pid)
    _choose(qtbot, tab.findChild(QComboBox, "case_manager_id"), "tester")
    warning = tab.findChild(ErrorLabel, "case_manager_id_error")
    qtbot.waitUntil(warning.isVisible, timeout=TIMEOUT)
    assert "maximum caseload (1 of 1 active)" in warning.message()
    override = tab.findChild(QCheckBox, "capacity_override")
    assert override.isVisible()  # the tester is an administrator
    _click(qtbot, tab, "save")
    qtbot.waitUntil(lambda: "Not saved" in tab.findChild(QLabel, "profile_state").text())
    assert _stored(ctx, pid)["case_manager_id"] is None
    override.setFocus()
    qtbot.keyClick(override, Qt.Key.Key_Space)
    _click(qtbot, tab, "save")
    qtbot.waitUntil(lambda: _stored(ctx, pid)["case_manager_id"] == worker, timeout=TIMEOUT)
