"""Screenings: scored live as answers change; the PHQ-9 item 9 alert must be acknowledged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from lead_desktop.domain.screening import score
from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import AuditEvent, Screening
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.assessments_tab import AssessmentsTab
from lead_desktop.ui.record.fields import ErrorLabel

TIMEOUT = 5000


def _person(ctx: AppContext, **data: Any) -> str:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        return create_participant(tx, data={"first_name": "Ana", "last_name": "Lopez", **data})


def _screenings(ctx: AppContext, pid: str) -> list[dict[str, Any]]:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        rows = conn.execute(select(Screening).where(Screening.participant_id == pid)).mappings()
        return [dict(r) for r in rows]


def _open(qtbot: QtBot, ctx: AppContext, pid: str) -> AssessmentsTab:
    tab = AssessmentsTab(ctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1000, 900)
    tab.show()
    ctx.ops.drain()
    qtbot.wait(50)
    return tab


def _answer(qtbot: QtBot, tab: AssessmentsTab, item: int, choice: int) -> None:
    """Answer one item with the keyboard: focus its first answer, arrow to the choice."""
    first = tab.findChild(QRadioButton, f"item_{item}_choice_0")
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    radio = first
    for n in range(1, choice + 1):
        qtbot.keyClick(radio, Qt.Key.Key_Right)
        radio = tab.findChild(QRadioButton, f"item_{item}_choice_{n}")
    assert radio.isChecked()


def _pick_instrument(qtbot: QtBot, tab: AssessmentsTab, name: str) -> None:
    combo = tab.findChild(QComboBox, "instrument")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(name):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(name)


def test_phq9_item_9_raises_an_alert_that_must_be_acknowledged(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    _pick_instrument(qtbot, tab, "PHQ-9")
    alert = tab.findChild(QWidget, "safety_alert")
    assert not alert.isVisible()
    answers = [1, 0, 2, 1, 0, 0, 1, 0, 1]  # item 9: "Several days"
    for item, choice in enumerate(answers[:8], 1):
        _answer(qtbot, tab, item, choice)
    assert not alert.isVisible()
    _answer(qtbot, tab, 9, 1)
    assert tab.findChild(QRadioButton, "item_9_choice_1").text() == "Several days"
    assert alert.isVisible()
    assert "SAFETY ALERT" in tab.findChild(QLabel, "safety_alert_text").text()
    assert alert.accessibleName() == "Safety alert"
    expected = score("PHQ-9", answers)
    shown = tab.findChild(QLabel, "screening_score").text()
    assert f"Total {expected.total} of 27" in shown
    assert "Mild" in shown and expected.band == "mild"

    save = tab.findChild(QPushButton, "save_screening")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    refusal = tab.findChild(ErrorLabel, "safety_ack_error")
    assert refusal.isVisible() and "safety protocol" in refusal.message()
    ctx.ops.drain()
    assert _screenings(ctx, pid) == []

    ack = tab.findChild(QCheckBox, "safety_ack")
    ack.setFocus()
    qtbot.keyClick(ack, Qt.Key.Key_Space)
    assert ack.isChecked()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_screenings(ctx, pid)) == 1, timeout=TIMEOUT)
    stored = _screenings(ctx, pid)[0]
    assert stored["safety_alert"] is True
    assert stored["total"] == expected.total and stored["band"] == "mild"
    assert stored["items"] == answers
    assert ctx.store is not None
    with ctx.store.read() as conn:
        actions = set(
            conn.execute(
                select(AuditEvent.action).where(AuditEvent.entity_id == stored["id"])
            ).scalars()
        )
    assert {"safety_alert", "safety_protocol_followed"} <= actions

    table = tab.findChild(QTableView, "screenings")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=TIMEOUT)
    alert_cell = table.model().index(0, 5).data()
    assert alert_cell == "Safety alert"
    assert not alert.isVisible()  # the form starts over after a save


def test_answering_0_on_item_9_lowers_the_alert(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    _pick_instrument(qtbot, tab, "PHQ-9")
    _answer(qtbot, tab, 9, 2)
    alert = tab.findChild(QWidget, "safety_alert")
    assert alert.isVisible()
    assert "Answer all items to score (1 of 9 answered)" in (
        tab.findChild(QLabel, "screening_score").text()
    )
    _answer(qtbot, tab, 9, 0)
    assert not alert.isVisible()


def test_audit_c_score_follows_the_answers(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx, sex=1)
    tab = _open(qtbot, ctx, pid)
    _pick_instrument(qtbot, tab, "AUDIT-C")
    label = tab.findChild(QLabel, "screening_score")
    assert label.text() == "Answer all items to score (0 of 3 answered)"
    _answer(qtbot, tab, 1, 2)
    _answer(qtbot, tab, 2, 0)
    assert label.text() == "Answer all items to score (2 of 3 answered)"
    _answer(qtbot, tab, 3, 1)
    assert label.text() == "Total 3 of 12: negative screen"  # a man: positive from 4
    _answer(qtbot, tab, 3, 2)
    assert label.text() == "Total 4 of 12: positive screen"
    assert score("AUDIT-C", [2, 0, 2], sex="male").positive is True
    qtbot.mouseClick(tab.findChild(QPushButton, "save_screening"), Qt.MouseButton.LeftButton)
    state = tab.findChild(QLabel, "screening_state")
    qtbot.waitUntil(lambda: state.text() == "Screening saved", timeout=TIMEOUT)
    stored = _screenings(ctx, pid)[0]
    assert (stored["total"], stored["positive"], stored["safety_alert"]) == (4, True, False)


def test_unsaved_answers_come_back_from_the_draft(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    _pick_instrument(qtbot, tab, "DAST-10")
    _answer(qtbot, tab, 1, 0)  # "Yes"
    qtbot.waitUntil(lambda: tab.form.keeper.saves >= 1, timeout=TIMEOUT)
    tab.close()
    again = _open(qtbot, ctx, pid)
    restore = again.findChild(QPushButton, "draft_restore")
    qtbot.waitUntil(restore.isVisible, timeout=TIMEOUT)
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert again.findChild(QComboBox, "instrument").currentText().startswith("DAST-10")
    assert again.findChild(QRadioButton, "item_1_choice_0").isChecked()


def test_empty_state_until_a_screening_is_saved(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    tab = _open(qtbot, ctx, pid)
    empty = tab.findChild(QLabel, "screenings_empty")
    assert empty.isVisible() and "No screenings" in empty.text()
    qtbot.mouseClick(tab.findChild(QPushButton, "save_screening"), Qt.MouseButton.LeftButton)
    assert "at least one item" in tab.findChild(ErrorLabel, "screening_error").message()
