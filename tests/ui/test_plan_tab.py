"""The service plan tab: built by keyboard, saved whole, bad input placed, drafts and undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lead_desktop.store import casework, record_queries
from lead_desktop.store.participants import create_participant
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.fields import ErrorLabel
from lead_desktop.ui.record.plan_tab import PlanTab
from tests.ui.driving import child, click, focused, settle, show, tab_key, type_text


def _participant(ctx: AppContext) -> str:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        return create_participant(tx, data={"first_name": "Zoë", "last_name": "O'Brien-Ćosić"})


def _open(qtbot: QtBot, ctx: AppContext, pid: str) -> PlanTab:
    return show(qtbot, ctx, PlanTab(ctx, pid))


def _tree_texts(tab: QWidget) -> list[str]:
    tree = child(tab, QTreeWidget, "plan_goals")
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
    assert "No service plan yet" in child(tab, QLabel, "plan_empty").text()

    click(qtbot, tab, "plan_new")
    assert focused().objectName() == "plan_priorities"
    type_text(qtbot, "Somewhere safe to sleep; see my daughter")

    click(qtbot, tab, "plan_add_goal")
    assert focused().objectName() == "goal_domain"  # first unused domain: housing
    tab_key(qtbot)
    type_text(qtbot, "Move into stable housing")
    tab_key(qtbot)
    type_text(qtbot, "No ID")
    click(qtbot, tab, "plan_add_step")
    assert focused().objectName() == "step_description"
    type_text(qtbot, "Get a Maryland state ID")
    tab_key(qtbot)  # who: participant (default); partner's name is skipped while disabled
    tab_key(qtbot)
    assert focused().objectName() == "step_target_date"
    type_text(qtbot, "3/20/2026")

    click(qtbot, tab, "plan_add_goal")
    type_text(qtbot, "Sub")  # picks "Substance use" in the domain list
    tab_key(qtbot)
    type_text(qtbot, "Keep naloxone on hand")
    click(qtbot, tab, "plan_add_step")
    type_text(qtbot, "Pick up a kit at the drop-in")
    tab_key(qtbot)
    type_text(qtbot, "Case")  # who: case manager
    assert _tree_texts(tab) == [
        "Housing: Move into stable housing",
        "  Get a Maryland state ID",
        "Substance use: Keep naloxone on hand",
        "  Pick up a kit at the drop-in",
    ]

    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        click(qtbot, tab, "plan_save")
    settle(qtbot, ctx)
    assert "saved" in child(tab, QLabel, "plan_message").text()
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
    click(qtbot, tab, "plan_mark_done")
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        click(qtbot, tab, "plan_save")
    settle(qtbot, ctx)
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
    click(qtbot, tab, "plan_new")
    click(qtbot, tab, "plan_add_goal")
    tab_key(qtbot)
    type_text(qtbot, "Apply for SNAP")
    click(qtbot, tab, "plan_add_step")
    type_text(qtbot, "Go to the DSS office together")
    tab_key(qtbot, 2)
    type_text(qtbot, "2026-02-30")
    click(qtbot, tab, "plan_add_goal")  # move away: the problem must be found on save anyway
    tab_key(qtbot)
    type_text(qtbot, "See a counselor")

    click(qtbot, tab, "plan_save")
    settle(qtbot, ctx)
    error = child(tab, ErrorLabel, "error_step_target_date")
    assert error.isVisible()
    assert "Target date" in error.message() and "not a date" in error.message()
    date_field = child(tab, QWidget, "step_target_date")
    assert focused() is date_field  # the bad step was selected and its date focused
    assert "Nothing was saved" in child(tab, QLabel, "plan_message").text()
    assert _plans(ctx, pid) == []

    # Fixing the date clears the message; the plan then saves.
    date_field.selectAll()
    type_text(qtbot, "2026-03-02")
    assert not error.isVisible()
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        click(qtbot, tab, "plan_save")
    settle(qtbot, ctx)
    assert len(_plans(ctx, pid)) == 1


def test_undo_takes_back_the_last_goal_or_step_edit(qtbot: QtBot, ctx: AppContext) -> None:
    tab = _open(qtbot, ctx, _participant(ctx))
    click(qtbot, tab, "plan_new")
    click(qtbot, tab, "plan_add_goal")
    tab_key(qtbot)
    type_text(qtbot, "Enroll in Medicaid")
    click(qtbot, tab, "plan_add_step")
    type_text(qtbot, "Use the program address")
    assert len(_tree_texts(tab)) == 2
    click(qtbot, tab, "plan_undo")  # the step's description
    assert _tree_texts(tab)[1] == "  (new step)"
    click(qtbot, tab, "plan_undo")  # the step itself
    assert _tree_texts(tab) == ["Housing: Enroll in Medicaid"]
    tree = child(tab, QTreeWidget, "plan_goals")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _tree_texts(tab) == ["Housing: (new goal)"]


def test_the_plan_draft_brings_the_edit_back(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _participant(ctx)
    tab = _open(qtbot, ctx, pid)
    click(qtbot, tab, "plan_new")
    type_text(qtbot, "A bed before winter")
    click(qtbot, tab, "plan_add_goal")
    tab_key(qtbot)
    type_text(qtbot, "Housing voucher")
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
    assert not child(fresh, QTreeWidget, "plan_goals").isVisible()  # no plan stored yet
    fresh.restore_payload(payload)
    assert child(fresh, QPlainTextEdit, "plan_priorities").toPlainText() == "A bed before winter"
    assert _tree_texts(fresh) == ["Housing: Housing voucher"]
    assert "Unsaved edits were restored" in child(fresh, QLabel, "plan_message").text()
    # A reload in the background does not wipe the restored edits.
    fresh.refresh()
    settle(qtbot, ctx)
    assert _tree_texts(fresh) == ["Housing: Housing voucher"]
    # Saving it stores the plan and drops the draft.
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        click(qtbot, fresh, "plan_save")
    settle(qtbot, ctx)
    assert len(_plans(ctx, pid)) == 1
