"""The caseload screen, driven as a user would: search, filter, open, capacity, live refresh."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QRadioButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from lead_desktop import settings as program_settings
from lead_desktop.store import casework
from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import AuditEvent
from lead_desktop.store.store import Store
from lead_desktop.ui.caseload import CaseloadView
from lead_desktop.ui.context import AppContext, Change
from tests.helpers import FAST_KDF, PASSPHRASE

WAIT = 5000


def _store(ctx: AppContext) -> Store:
    assert ctx.store is not None
    return ctx.store


def _add(ctx: AppContext, first: str, last: str, **data: Any) -> str:
    with _store(ctx).write() as tx:
        return create_participant(tx, data={"first_name": first, "last_name": last, **data})


@pytest.fixture
def program(ctx: AppContext) -> dict[str, str]:
    """Five people: three on tester's caseload, one on another worker's, one unassigned."""
    store = _store(ctx)
    other = store.add_worker("rivera", PASSPHRASE, kdf=FAST_KDF)
    me = store.worker_id
    ids = {
        "johnson": _add(ctx, "Ana", "Johnson", dob="1980-03-05", case_manager_id=me),
        "nguyen": _add(ctx, "Minh", "Nguyễn", dob="1975-01-02", case_manager_id=me),
        "wind": _add(ctx, "Wen", "Wilder", status="in_the_wind", case_manager_id=me),
        "other": _add(ctx, "Oscar", "Ortiz", case_manager_id=other),
        "nobody": _add(ctx, "Nell", "Park"),
    }
    with store.write() as tx:
        casework.create_referral(
            tx,
            data={
                "participant_id": ids["other"],
                "referral_type": "social_contact",
                "referred_at": f"{date.today() - timedelta(days=50)}T10:00:00",
            },
        )
    return ids


def _view(qtbot: QtBot, ctx: AppContext) -> CaseloadView:
    view = CaseloadView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    program = _label(view, "caseload_program_capacity")  # shown once everyone is loaded
    qtbot.waitUntil(lambda: program.text() != "", timeout=WAIT)
    return view


def _label(view: CaseloadView, name: str) -> QLabel:
    found = view.findChild(QLabel, name)
    assert found is not None, name
    return found


def _table(view: CaseloadView) -> QTableView:
    found = view.findChild(QTableView, "caseload_table")
    assert found is not None
    return found


def _names(view: CaseloadView) -> list[str]:
    table = _table(view)
    model = table.model()
    if not table.isVisible():
        return []
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _search(view: CaseloadView) -> QLineEdit:
    found = view.findChild(QLineEdit, "caseload_search")
    assert found is not None
    return found


def _radio(view: CaseloadView, name: str) -> QRadioButton:
    found = view.findChild(QRadioButton, name)
    assert found is not None
    return found


def _audited_searches(ctx: AppContext) -> int:
    with _store(ctx).read() as conn:
        count = conn.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "search")
        ).scalar_one()
    return int(count)


def test_my_caseload_first_then_everyone(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    assert _radio(view, "caseload_mine").isChecked()  # tester has a caseload: start with it
    assert _names(view) == ["Ana Johnson", "Minh Nguyễn", "Wen Wilder"]
    assert _label(view, "caseload_count").text() == "3 participants"
    qtbot.mouseClick(_radio(view, "caseload_everyone"), Qt.MouseButton.LeftButton)
    everyone = ["Ana Johnson", "Minh Nguyễn", "Nell Park", "Oscar Ortiz", "Wen Wilder"]
    qtbot.waitUntil(lambda: sorted(_names(view)) == everyone, timeout=WAIT)  # loaded now
    count = _label(view, "caseload_count")  # then what needs attention, a moment later
    qtbot.waitUntil(lambda: count.text() == "5 participants", timeout=WAIT)


def test_typing_a_misspelt_name_finds_the_person(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    qtbot.keyClicks(_search(view), "Jonson")
    count = _label(view, "caseload_count")
    qtbot.waitUntil(lambda: "match" in count.text(), timeout=WAIT)
    assert _names(view)[0] == "Ana Johnson"
    qtbot.keyClicks(_search(view), " 1980")  # name and birth year
    qtbot.waitUntil(lambda: _names(view) == ["Ana Johnson"], timeout=WAIT)
    _search(view).clear()  # back to the list
    qtbot.waitUntil(lambda: len(_names(view)) == 3, timeout=WAIT)


def test_someone_outside_my_caseload_is_found_with_their_details(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    assert _radio(view, "caseload_mine").isChecked()
    qtbot.keyClicks(_search(view), "Ortiz")
    model = _table(view).model()
    qtbot.waitUntil(lambda: _names(view)[:1] == ["Oscar Ortiz"], timeout=WAIT)
    qtbot.waitUntil(lambda: model.index(0, 3).data() == "rivera", timeout=WAIT)
    assert model.index(0, 2).data() == "Active"
    assert "Intake overdue" in model.index(0, 5).data()


def test_a_diacritic_free_search_and_nothing_found(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    qtbot.keyClicks(_search(view), "minh nguyen")
    qtbot.waitUntil(lambda: _names(view)[:1] == ["Minh Nguyễn"], timeout=WAIT)
    _search(view).clear()
    qtbot.keyClicks(_search(view), "Zzyzxq")
    empty = _label(view, "caseload_empty")
    qtbot.waitUntil(empty.isVisible, timeout=WAIT)
    assert "Nobody matches" in empty.text()
    assert not _table(view).isVisible()


def test_the_filter_narrows_the_rows(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    combo = view.findChild(QComboBox, "caseload_filter")
    assert combo is not None
    combo.setCurrentIndex(combo.findText("In the wind"))
    assert _names(view) == ["Wen Wilder"]
    assert _label(view, "caseload_count").text() == "1 participant"
    combo.setCurrentIndex(combo.findText("Intake overdue"))
    assert _names(view) == []  # the overdue person is someone else's
    assert "No one matches this filter" in _label(view, "caseload_empty").text()
    qtbot.mouseClick(_radio(view, "caseload_everyone"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(view) == ["Oscar Ortiz"], timeout=WAIT)
    flags = _table(view).model().index(0, 5).data()
    assert "Intake overdue by 20 days" in flags


def test_enter_on_a_row_opens_that_participant(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    table = _table(view)
    row = _names(view).index("Minh Nguyễn")
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.sig_open_participant, timeout=WAIT) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [program["nguyen"]]
    with qtbot.waitSignal(view.sig_open_participant, timeout=WAIT) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [program["nguyen"]]


def test_a_search_is_audited_once_not_per_keystroke(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    before = _audited_searches(ctx)
    search = _search(view)
    search.setFocus()
    qtbot.keyClicks(search, "Ortis")
    qtbot.waitUntil(lambda: _names(view)[:1] == ["Oscar Ortiz"], timeout=WAIT)
    with qtbot.waitSignal(view.sig_open_participant, timeout=WAIT) as opened:
        qtbot.keyClick(search, Qt.Key.Key_Return)  # Enter in the search box opens the best
    assert opened.args == [program["other"]]
    ctx.ops.drain()
    assert _audited_searches(ctx) == before + 1
    qtbot.wait(1700)  # the typing pause passes: nothing more is recorded for the same text
    ctx.ops.drain()
    assert _audited_searches(ctx) == before + 1


def test_capacity_labels_show_the_counts_and_warn_when_full(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    store = _store(ctx)
    current = program_settings.load(store)
    program_settings.save(
        store,
        program_settings.ProgramSettings(
            **{**current.__dict__, "program_capacity": 10, "per_worker_max": 2}
        ),
    )
    view = _view(qtbot, ctx)
    program_label = _label(view, "caseload_program_capacity")
    mine = _label(view, "caseload_my_capacity")
    assert program_label.text() == "Program: 4 of 10 active"
    assert not program_label.font().bold()
    assert mine.text() == "My caseload: 2 of 2: at capacity"  # Ana and Minh; Wen is in the wind
    assert mine.font().bold()


def test_a_participant_saved_elsewhere_shows_up(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    table = _table(view)
    row = _names(view).index("Minh Nguyễn")
    table.selectRow(row)
    me = _store(ctx).worker_id

    def create(tx: Any) -> str:
        return create_participant(
            tx, data={"first_name": "Aaron", "last_name": "Abbott", "case_manager_id": me}
        )

    with qtbot.waitSignal(ctx.sig_changed, timeout=WAIT):
        ctx.write(create, lambda pid: Change("participant", (pid,)))
    qtbot.waitUntil(lambda: "Aaron Abbott" in _names(view), timeout=WAIT)
    assert _names(view)[0] == "Aaron Abbott"  # sorted by name
    assert _names(view)[table.currentIndex().row()] == "Minh Nguyễn"  # selection kept


def test_sorting_by_a_column_header(qtbot: QtBot, ctx: AppContext, program: dict[str, str]) -> None:
    view = _view(qtbot, ctx)
    qtbot.mouseClick(_radio(view, "caseload_everyone"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_names(view)) == 5, timeout=WAIT)
    table = _table(view)
    header = table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(1) + header.sectionSize(1) // 2, 5)

    def births() -> list[str]:
        model = table.model()
        return [str(model.index(r, 1).data()) for r in range(model.rowCount())]

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert births() == ["", "", "", "1975-01-02", "1980-03-05"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert births() == ["1980-03-05", "1975-01-02", "", "", ""]


def test_locking_forgets_every_row(qtbot: QtBot, ctx: AppContext, program: dict[str, str]) -> None:
    view = _view(qtbot, ctx)
    assert _names(view)
    ctx.close()
    assert _table(view).model().rowCount() == 0
    assert _label(view, "caseload_count").text() == ""


def test_an_empty_program_says_how_people_arrive(qtbot: QtBot, ctx: AppContext) -> None:
    view = _view(qtbot, ctx)
    empty = _label(view, "caseload_empty")
    qtbot.waitUntil(lambda: "No participants yet" in empty.text(), timeout=WAIT)
    assert _label(view, "caseload_count").text() == "0 participants"
    assert _radio(view, "caseload_everyone").isChecked()


def test_ctrl_f_target_focuses_the_search_box(qtbot: QtBot, ctx: AppContext) -> None:
    view = _view(qtbot, ctx)
    _table(view).setFocus()
    view.focus_search()
    qtbot.waitUntil(_search(view).hasFocus, timeout=WAIT)


def test_everyone_is_usable_before_what_needs_attention_is_filled_in(
    qtbot: QtBot, ctx: AppContext, program: dict[str, str]
) -> None:
    view = _view(qtbot, ctx)
    table = _table(view)
    model = table.model()
    count = _label(view, "caseload_count")
    combo = view.findChild(QComboBox, "caseload_filter")
    assert combo is not None
    gate = threading.Event()
    qtbot.mouseClick(_radio(view, "caseload_everyone"), Qt.MouseButton.LeftButton)
    # Keep the read thread busy behind the people's load: their casework (phase 2) waits.
    ctx.call(lambda _store: gate.wait(10), None, None)
    try:
        qtbot.waitUntil(lambda: len(_names(view)) == 5, timeout=WAIT)  # phase 1: people
        ortiz = _names(view).index("Oscar Ortiz")
        assert model.index(ortiz, 3).data() == "rivera"
        assert model.index(ortiz, 5).data() == "…"  # needs attention: still loading
        assert "still loading" in count.text()
        combo.setCurrentIndex(combo.findText("In the wind"))  # status filters work already
        assert _names(view) == ["Wen Wilder"]
        combo.setCurrentIndex(combo.findText("Intake overdue"))  # waits for phase 2
        assert "Still loading what needs attention" in _label(view, "caseload_empty").text()
        combo.setCurrentIndex(combo.findText("All"))
        ortiz = _names(view).index("Oscar Ortiz")
        rect = table.visualRect(model.index(ortiz, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert table.currentIndex().row() == ortiz
        resets: list[int] = []
        model.modelReset.connect(lambda: resets.append(1))
    finally:
        gate.set()
    qtbot.waitUntil(lambda: "Intake overdue" in str(model.index(ortiz, 5).data()), timeout=WAIT)
    assert count.text() == "5 participants"
    assert resets == []  # the cells were updated in place
    assert _names(view)[table.currentIndex().row()] == "Oscar Ortiz"  # selection kept
    assert table.selectionModel().isRowSelected(ortiz)
    combo.setCurrentIndex(combo.findText("Intake overdue"))
    assert _names(view) == ["Oscar Ortiz"]
