"""The service plan tab: built by keyboard, saved whole, bad input placed, drafts and undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lead_desktop.store import casework, record_queries
from lead_desktop.store.participants import create_participant
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.fields import ErrorLabel
from lead_desktop.ui.record.plan_tab import PlanTab


def _participant(ctx: AppContext) -> str:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        return create_participant(tx, data={"first_name": "Zoë", "last_name": "O'Brien-Ćosić"})


def _settle(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.ops.drain()
    qtbot.wait(50)
    ctx.ops.drain()
    qtbot.wait(20)


def _open(qtbot: QtBot, ctx: AppContext, pid: str) -> PlanTab:
    tab = PlanTab(ctx, pid)
    qtbot.addWidget(tab)
    tab.resize(1100, 900)
    tab.show()
    tab.activateWindow()
    qtbot.waitExposed(tab)
    _settle(qtbot, ctx)
    return tab


def _child(tab: QWidget, cls: type[Any], name: str) -> Any:
    found = tab.findChild(cls, name)
    assert found is not None, name
    return found


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(_focused(), text)


def _tab_key(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)


def _click(qtbot: QtBot, tab: QWidget, name: str) -> None:
    qtbot.mouseClick(_child(tab, QPushButton, name), Qt.MouseButton.LeftButton)


def _tree_texts(tab: QWidget) -> list[str]:
    tree = _child(tab, QTreeWidget, "plan_goals")
    out = []
    for g in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(g)
        out.append(top.text(0))
        out += ["  " + top.child(s).text(0) for s in range(top.childCount())]
    return out


def _plans(ctx: AppContext, pid: str) -> list[dict[str, Any]]:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        return record_queries.list_plans(conn, pid)


def test_a_plan_with_two_goals_is_built_by_keyboard_and_saved(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _participant(ctx)
    tab = _open(qtbot, ctx, pid)
    assert "No service plan yet" in _child(tab, QLabel, "plan_empty").text()

    _click(qtbot, tab, "plan_new")
    assert _focused().objectName() == "plan_priorities"
    _type(qtbot, "Somewhere safe to sleep; see my daughter")

    _click(qtbot, tab, "plan_add_goal")
    assert _focused().objectName() == "goal_domain"  # first unused domain: housing
    _tab_key(qtbot)
    _type(qtbot, "Move into stable housing")
    _tab_key(qtbot)
    _type(qtbot, "No ID")
    _click(qtbot, tab, "plan_add_step")
    assert _focused().objectName() == "step_description"
    _type(qtbot, "Get a Maryland state ID")
    _tab_key(qtbot)  # who: participant (default); partner's name is skipped while disabled
    _tab_key(qtbot)
    assert _focused().objectName() == "step_target_date"
    _type(qtbot, "3/20/2026")

    _click(qtbot, tab, "plan_add_goal")
    _type(qtbot, "Sub")  # picks "Substance use" in the domain list
    _tab_key(qtbot)
    _type(qtbot, "Keep naloxone on hand")
    _click(qtbot, tab, "plan_add_step")
    _type(qtbot, "Pick up a kit at the drop-in")
    _tab_key(qtbot)
    _type(qtbot, "Case")  # who: case manager
    assert _tree_texts(tab) == [
        "Housing: Move into stable housing",
        "  Get a Maryland state ID",
        "Substance use: Keep naloxone on hand",
        "  Pick up a kit at the drop-in",
    ]

    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        _click(qtbot, tab, "plan_save")
    _settle(qtbot, ctx)
    assert "saved" in _child(tab, QLabel, "plan_message").text()
    plans = _plans(ctx, pid)
    assert len(plans) == 1
    assert ctx.store is not None
    with ctx.store.read() as conn:
        tree = casework.plan_tree(conn, plans[0]["id"])
    assert tree["priorities"] == "Somewhere safe to sleep; see my daughter"
    assert [(g["domain"], g["goal"], g["barriers"]) for g in tree["goals"]] == [
        ("housing", "Move into stable housing", "No ID"),
        ("substance_use", "Keep naloxone on hand", None),
    ]
    steps = [
        [(s["description"], s["responsible"], s["target_date"]) for s in g["steps"]]
        for g in tree["goals"]
    ]
    assert steps == [
        [("Get a Maryland state ID", "participant", "2026-03-20")],
        [("Pick up a kit at the drop-in", "case_manager", None)],
    ]
    # Saving again after an edit updates the same plan, nothing is duplicated.
    _click(qtbot, tab, "plan_mark_done")
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        _click(qtbot, tab, "plan_save")
    _settle(qtbot, ctx)
    with ctx.store.read() as conn:
        again = casework.plan_tree(conn, plans[0]["id"])
    assert len(_plans(ctx, pid)) == 1
    assert [len(g["steps"]) for g in again["goals"]] == [1, 1]
    assert again["goals"][1]["steps"][0]["status"] == "done"


def test_a_bad_target_date_is_shown_beside_it_and_nothing_is_written(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _participant(ctx)
    tab = _open(qtbot, ctx, pid)
    _click(qtbot, tab, "plan_new")
    _click(qtbot, tab, "plan_add_goal")
    _tab_key(qtbot)
    _type(qtbot, "Apply for SNAP")
    _click(qtbot, tab, "plan_add_step")
    _type(qtbot, "Go to the DSS office together")
    _tab_key(qtbot, 2)
    _type(qtbot, "2026-02-30")
    _click(qtbot, tab, "plan_add_goal")  # move away: the problem must be found on save anyway
    _tab_key(qtbot)
    _type(qtbot, "See a counselor")

    _click(qtbot, tab, "plan_save")
    _settle(qtbot, ctx)
    error = _child(tab, ErrorLabel, "error_step_target_date")
    assert error.isVisible()
    assert "Target date" in error.message() and "not a date" in error.message()
    date_field = _child(tab, QWidget, "step_target_date")
    assert _focused() is date_field  # the bad step was selected and its date focused
    assert "Nothing was saved" in _child(tab, QLabel, "plan_message").text()
    assert _plans(ctx, pid) == []

    # Fixing the date clears the message; the plan then saves.
    date_field.selectAll()
    _type(qtbot, "2026-03-02")
    assert not error.isVisible()
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        _click(qtbot, tab, "plan_save")
    _settle(qtbot, ctx)
    assert len(_plans(ctx, pid)) == 1


def test_undo_takes_back_the_last_goal_or_step_edit(qtbot: QtBot, ctx: AppContext) -> None:
    tab = _open(qtbot, ctx, _participant(ctx))
    _click(qtbot, tab, "plan_new")
    _click(qtbot, tab, "plan_add_goal")
    _tab_key(qtbot)
    _type(qtbot, "Enroll in Medicaid")
    _click(qtbot, tab, "plan_add_step")
    _type(qtbot, "Use the program address")
    assert len(_tree_texts(tab)) == 2
    _click(qtbot, tab, "plan_undo")  # the step's description
    assert _tree_texts(tab)[1] == "  (new step)"
    _click(qtbot, tab, "plan_undo")  # the step itself
    assert _tree_texts(tab) == ["Housing: Enroll in Medicaid"]
    tree = _child(tab, QTreeWidget, "plan_goals")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _tree_texts(tab) == ["Housing: (new goal)"]


def test_the_plan_draft_brings_the_edit_back(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _participant(ctx)
    tab = _open(qtbot, ctx, pid)
    _click(qtbot, tab, "plan_new")
    _type(qtbot, "A bed before winter")
    _click(qtbot, tab, "plan_add_goal")
    _tab_key(qtbot)
    _type(qtbot, "Housing voucher")
    assert ctx.store is not None
    store = ctx.store

    def drafts() -> list[dict[str, Any]]:
        with store.read() as conn:
            return [
                d
                for d in casework.list_drafts(conn, store.worker_id)
                if d["kind"] == "plan" and d["ref_id"] == pid
            ]

    qtbot.waitUntil(
        lambda: bool(drafts()) and "voucher" in str(drafts()[0]["payload"]), timeout=5000
    )
    payload = drafts()[0]["payload"]

    fresh = _open(qtbot, ctx, pid)
    assert not _child(fresh, QTreeWidget, "plan_goals").isVisible()  # no plan stored yet
    fresh.restore_payload(payload)
    assert _child(fresh, QPlainTextEdit, "plan_priorities").toPlainText() == "A bed before winter"
    assert _tree_texts(fresh) == ["Housing: Housing voucher"]
    assert "Unsaved edits were restored" in _child(fresh, QLabel, "plan_message").text()
    # A reload in the background does not wipe the restored edits.
    fresh.refresh()
    _settle(qtbot, ctx)
    assert _tree_texts(fresh) == ["Housing: Housing voucher"]
    # Saving it stores the plan and drops the draft.
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        _click(qtbot, fresh, "plan_save")
    _settle(qtbot, ctx)
    assert len(_plans(ctx, pid)) == 1
