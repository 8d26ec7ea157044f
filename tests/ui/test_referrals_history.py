"""Referrals tab (list, details, decision edits) and history tab (who viewed and changed what)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from lead_desktop.store import casework
from lead_desktop.store.participants import create_participant, get_participant
from lead_desktop.store.records import get_row
from lead_desktop.store.schema import Referral
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.fields import ErrorLabel
from lead_desktop.ui.record.history_tab import HistoryTab
from lead_desktop.ui.record.profile_tab import ProfileTab
from lead_desktop.ui.record.referrals_tab import ReferralsTab

TIMEOUT = 5000


def _person(ctx: AppContext) -> str:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        return create_participant(tx, data={"first_name": "Ana", "last_name": "Lopez"})


def _referral(ctx: AppContext, pid: str, **data: Any) -> str:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        return casework.create_referral(
            tx,
            data={
                "participant_id": pid,
                "referral_type": "social_contact",
                "referred_at": "2026-02-03T10:30",
                "location_text": "Lexington Market",
                "in_area": True,
                **data,
            },
        )


def _stored_referral(ctx: AppContext, rid: str) -> dict[str, Any]:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        return get_row(conn, Referral, rid)


def _cells(table: QTableView, row: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(text)


def _type(field: QLineEdit, text: str) -> None:
    field.setFocus()
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, field, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def test_referrals_tab_says_when_there_are_none(qtbot: QtBot, ctx: AppContext) -> None:
    tab = ReferralsTab(ctx, _person(ctx))
    qtbot.addWidget(tab)
    tab.show()
    empty = tab.findChild(QLabel, "referrals_empty")
    qtbot.waitUntil(empty.isVisible, timeout=TIMEOUT)
    assert "No referrals" in empty.text()
    assert not tab.findChild(QTableView, "referrals").isVisible()


def test_referrals_are_listed_and_the_decision_is_saved(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    older = _referral(ctx, pid, referred_at="2026-01-10T09:00", location_text="Pratt St")
    newer = _referral(ctx, pid, referral_type="arrest_diversion")
    tab = ReferralsTab(ctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    table = tab.findChild(QTableView, "referrals")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=TIMEOUT)
    first = _cells(table, 0)
    assert first[1:5] == ["Arrest diversion", "Lexington Market", "Yes", "Undecided"]
    assert "Pratt St" in _cells(table, 1)
    assert "Arrest diversion" in tab.findChild(QLabel, "referral_facts").text()

    _choose(qtbot, tab.findChild(QComboBox, "decision"), "Declined")
    save = tab.findChild(QPushButton, "save_referral")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    reason_error = tab.findChild(ErrorLabel, "decline_reason_error")
    qtbot.waitUntil(reason_error.isVisible, timeout=TIMEOUT)
    assert "Reason for declining" in reason_error.message()
    assert _stored_referral(ctx, newer)["decision"] == "undecided"

    _type(tab.findChild(QLineEdit, "decline_reason"), "Wants to go to court")
    _choose(qtbot, tab.findChild(QComboBox, "prosecutor_decision"), "Eligible")
    _type(tab.findChild(QLineEdit, "prosecutor_decision_at"), "2026-02-04")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _stored_referral(ctx, newer)["decision"] == "declined", timeout=TIMEOUT)
    stored = _stored_referral(ctx, newer)
    assert stored["decline_reason"] == "Wants to go to court"
    assert stored["prosecutor_decision"] == "eligible"
    assert stored["prosecutor_decision_at"].startswith("2026-02-04")
    assert _stored_referral(ctx, older)["decision"] == "undecided"
    qtbot.waitUntil(lambda: _cells(table, 0)[4] == "Declined", timeout=TIMEOUT)
    assert _cells(table, 0)[5] == "Wants to go to court"


def test_history_lists_the_view_and_the_edit_by_the_worker(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    profile = ProfileTab(ctx, pid)
    qtbot.addWidget(profile)
    profile.show()
    first = profile.findChild(QLineEdit, "first_name")
    qtbot.waitUntil(lambda: first.text() == "Ana", timeout=TIMEOUT)
    _type(first, "bel")
    qtbot.mouseClick(profile.findChild(QPushButton, "save"), Qt.MouseButton.LeftButton)

    def saved() -> bool:
        assert ctx.store is not None
        with ctx.store.read() as conn:
            return bool(get_participant(conn, pid)["first_name"] == "Anabel")

    qtbot.waitUntil(saved, timeout=TIMEOUT)
    history = HistoryTab(ctx, pid)
    qtbot.addWidget(history)
    history.resize(900, 500)
    history.show()
    table = history.findChild(QTableView, "history")
    qtbot.waitUntil(lambda: table.model().rowCount() >= 3, timeout=TIMEOUT)
    rows = [_cells(table, r) for r in range(table.model().rowCount())]
    assert [r[1:4] for r in rows] == [
        ["tester", "Changed", "Profile"],
        ["tester", "Viewed", "Profile"],
        ["tester", "Created", "Profile"],
    ]
    assert rows[0][4] == "First name"
    assert "Anabel" not in str(rows)
    assert "3 events" in history.findChild(QLabel, "history_summary").text()

    _referral(ctx, pid)  # a part of the record, written elsewhere, shows up once announced
    history.refresh()
    qtbot.waitUntil(lambda: table.model().rowCount() == 4, timeout=TIMEOUT)
    assert _cells(table, 0)[2:4] == ["Created", "Referral"]
