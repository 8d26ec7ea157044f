"""A case manager's whole day in the real main window, offscreen, from first run to idle lock.

First run -> referral in the area (a new person) -> referral outside the area (declined) ->
the same person referred again (duplicate found and chosen) -> PHQ-9 with the item-9 alert ->
a plan with two goals -> a contact logged -> an unsaved edit -> idle lock -> unlock and resume.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from lead_desktop.store.participants import get_participant
from lead_desktop.store.schema import Encounter, Participant, PlanGoal, Referral, Screening
from lead_desktop.ui.main_window import MainWindow
from lead_desktop.ui.record_view import RecordView
from lead_desktop.ui.wizard import ReferralWizard
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.ui.test_wizard import (
    CAMDEN_YARDS,
    LEXINGTON_MARKET,
    answer_screen,
    choose,
    click,
    click_map,
    fill_referral,
    find,
    look_up,
    next_page,
    tick,
)

TIMEOUT = 10_000


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(3):
        window.ctx.ops.drain()
        qtbot.wait(30)


def _count(window: MainWindow, model: Any, *where: Any) -> int:
    store = window.ctx.store
    assert store is not None
    with store.read() as conn:
        query = select(func.count()).select_from(model)
        for cond in where:
            query = query.where(cond)
        return int(conn.execute(query).scalar_one())


def _trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def _first_run(qtbot: QtBot, window: MainWindow) -> None:
    name = window.findChild(QLineEdit, "worker_name")
    qtbot.keyClicks(name, "maria")
    for field in ("passphrase", "passphrase_again"):
        qtbot.keyClicks(window.findChild(QLineEdit, field), PASSPHRASE)
    qtbot.keyClick(window.findChild(QLineEdit, "passphrase_again"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "caseload") is not None, timeout=TIMEOUT)
    assert "maria" in window.findChild(QLabel, "lock_state").text()


def _new_referral(qtbot: QtBot, window: MainWindow) -> ReferralWizard:
    _trigger(window, "act_new_referral")
    assert window.tabs is not None
    wizard = window.tabs.currentWidget()
    assert isinstance(wizard, ReferralWizard)
    qtbot.waitUntil(lambda: wizard.ready, timeout=TIMEOUT)
    return wizard


def _finish(qtbot: QtBot, wizard: ReferralWizard) -> Any:
    with qtbot.waitSignal(wizard.sig_finished, timeout=TIMEOUT) as done:
        next_page(qtbot, wizard)
    return done.args[0]


def _record(qtbot: QtBot, window: MainWindow, pid: str) -> RecordView:
    def shown() -> bool:
        assert window.tabs is not None
        current = window.tabs.currentWidget()
        return isinstance(current, RecordView) and current.participant_id == pid

    qtbot.waitUntil(shown, timeout=TIMEOUT)
    assert window.tabs is not None
    record = window.tabs.currentWidget()
    assert isinstance(record, RecordView)
    return record


def _page(qtbot: QtBot, window: MainWindow, record: RecordView, title: str) -> QWidget:
    tabs = record.findChild(QTabWidget, "record_tabs")
    for i in range(tabs.count()):
        if tabs.tabText(i).replace("&", "") == title:
            qtbot.mouseClick(
                tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(i).center()
            )
            _settle(qtbot, window)
            assert tabs.currentIndex() == i
            return tabs.currentWidget()
    raise AssertionError(title)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _referrals(qtbot: QtBot, window: MainWindow) -> str:
    """Three referrals: in area (new person), out of area (declined), the same person again."""
    wizard = _new_referral(qtbot, window)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    assert "Inside the LEAD area" in find(wizard, QLabel, "area_result_text").text()
    next_page(qtbot, wizard)
    answer_screen(qtbot, wizard, {})
    next_page(qtbot, wizard)
    look_up(qtbot, wizard, "José", "Núñez", "3/4/1980")
    click(qtbot, wizard, "choose_new")
    next_page(qtbot, wizard)
    click(qtbot, wizard, "decision_accept")
    next_page(qtbot, wizard)
    choose(wizard, "intake_sex", 1)
    tick(qtbot, find(wizard, QCheckBox, "race_HispanicLatinaeo"))
    choose(wizard, "intake_veteran_status", 0)
    next_page(qtbot, wizard)
    tick(qtbot, find(wizard, QCheckBox, "consent_record"))  # consent later, on paper
    next_page(qtbot, wizard)
    first = _finish(qtbot, wizard)
    assert first.new_participant
    _record(qtbot, window, first.participant_id)

    wizard = _new_referral(qtbot, window)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *CAMDEN_YARDS)
    assert "Outside the LEAD area" in find(wizard, QLabel, "area_result_text").text()
    click(qtbot, wizard, "decline_outside")
    declined = _finish(qtbot, wizard)
    assert declined.decision == "declined" and declined.participant_id is None

    wizard = _new_referral(qtbot, window)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    next_page(qtbot, wizard)
    answer_screen(qtbot, wizard, {})
    next_page(qtbot, wizard)
    look_up(qtbot, wizard, "Jose", "Nunez", "1980-03-04")
    assert find(wizard, QWidget, "duplicate_candidates").model().index(0, 0).data() == (
        "José Núñez"
    )
    click(qtbot, wizard, "choose_existing")
    next_page(qtbot, wizard)
    click(qtbot, wizard, "decision_accept")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    tick(qtbot, find(wizard, QCheckBox, "consent_record"))
    next_page(qtbot, wizard)
    again = _finish(qtbot, wizard)
    assert again.participant_id == first.participant_id and not again.new_participant
    assert _count(window, Participant) == 1
    assert _count(window, Referral) == 3
    assert _count(window, Referral, Referral.decision == "declined") == 1
    return str(first.participant_id)


def _screening(qtbot: QtBot, window: MainWindow, record: RecordView, pid: str) -> None:
    page = _page(qtbot, window, record, "Assessments")
    combo = page.findChild(QComboBox, "instrument")
    combo.setFocus()
    while not combo.currentText().startswith("PHQ-9"):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    for item in range(1, 10):
        choice = 1 if item in (1, 9) else 0
        radio = page.findChild(QRadioButton, f"item_{item}_choice_{choice}")
        radio.setFocus()
        qtbot.keyClick(radio, Qt.Key.Key_Space)
        assert radio.isChecked()
    alert = page.findChild(QWidget, "safety_alert")
    assert alert.isVisible()
    assert "SAFETY ALERT" in page.findChild(QLabel, "safety_alert_text").text()
    save = page.findChild(QPushButton, "save_screening")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    _settle(qtbot, window)
    assert _count(window, Screening) == 0  # refused until the protocol is acknowledged
    ack = page.findChild(QCheckBox, "safety_ack")
    ack.setFocus()
    qtbot.keyClick(ack, Qt.Key.Key_Space)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _count(window, Screening) == 1, timeout=TIMEOUT)
    assert _count(window, Screening, Screening.safety_alert.is_(True)) == 1


def _plan(qtbot: QtBot, window: MainWindow, record: RecordView) -> None:
    page = _page(qtbot, window, record, "Service plan")
    qtbot.mouseClick(page.findChild(QPushButton, "plan_new"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_focused(), "A place to stay; keep my court date")
    qtbot.mouseClick(page.findChild(QPushButton, "plan_add_goal"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(_focused(), "Move into stable housing")
    qtbot.mouseClick(page.findChild(QPushButton, "plan_add_step"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_focused(), "Apply for a shelter bed")
    qtbot.mouseClick(page.findChild(QPushButton, "plan_add_goal"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_focused(), "Sub")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(_focused(), "Keep naloxone on hand")
    with qtbot.waitSignal(window.ctx.sig_changed, timeout=TIMEOUT):
        qtbot.mouseClick(page.findChild(QPushButton, "plan_save"), Qt.MouseButton.LeftButton)
    _settle(qtbot, window)
    assert _count(window, PlanGoal) == 2


def _contact(qtbot: QtBot, window: MainWindow, record: RecordView) -> None:
    page = _page(qtbot, window, record, "Contacts")
    page.findChild(QWidget, "contact_type").setFocus()
    qtbot.keyClicks(_focused(), "In")
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(_focused(), "Lexington Market")
    with qtbot.waitSignal(window.ctx.sig_changed, timeout=TIMEOUT):
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    _settle(qtbot, window)
    assert _count(window, Encounter) == 1


def test_a_case_managers_day(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path, kdf=FAST_KDF)
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    qtbot.waitExposed(window)
    _first_run(qtbot, window)

    pid = _referrals(qtbot, window)
    record = _record(qtbot, window, pid)
    _screening(qtbot, window, record, pid)
    _plan(qtbot, window, record)
    _contact(qtbot, window, record)

    # An edit left unsaved on the profile, then nobody touches the laptop.
    profile = _page(qtbot, window, record, "Profile")
    language = profile.findChild(QLineEdit, "preferred_language")
    language.setFocus()
    qtbot.keyClicks(language, "Spanish")
    window.idle.set_minutes(0.01)  # 0.6 s instead of the program's 10 minutes
    qtbot.waitUntil(lambda: window.ctx.store is None, timeout=TIMEOUT)
    assert window.findChild(QWidget, "unlock_screen") is not None
    assert "Locked" in window.findChild(QLabel, "unlock_message").text()

    field = window.findChild(QLineEdit, "passphrase")
    qtbot.keyClicks(field, PASSPHRASE)
    window.idle.set_minutes(10)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    back = _record(qtbot, window, pid)  # reopened by itself, where the worker was
    _settle(qtbot, window)
    tabs = back.findChild(QTabWidget, "record_tabs")
    assert tabs.tabText(tabs.currentIndex()).replace("&", "") == "Profile"
    qtbot.waitUntil(
        lambda: back.findChild(QLineEdit, "preferred_language").text() == "Spanish",
        timeout=TIMEOUT,
    )
    store = window.ctx.store
    assert store is not None
    with store.read() as conn:
        assert get_participant(conn, pid)["preferred_language"] != "Spanish"  # still unsaved
    window.close()
