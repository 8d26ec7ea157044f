"""Operations run off the GUI thread and report back on it; drafts are kept as forms change."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from lead_desktop.errors import ValidationError
from lead_desktop.store import casework
from lead_desktop.store.participants import create_participant
from lead_desktop.ui.context import AppContext, Change
from lead_desktop.ui.drafts import DraftKeeper


def test_writes_run_off_the_gui_thread_and_announce_the_change(
    qtbot: QtBot, ctx: AppContext
) -> None:
    seen: dict[str, Any] = {}

    def job(tx: Any) -> str:
        seen["thread"] = threading.current_thread()
        return create_participant(tx, data={"first_name": "Ana", "last_name": "Lopez"})

    with qtbot.waitSignal(ctx.sig_changed, timeout=5000) as changed:
        ctx.write(job, lambda pid: Change("participant", (pid,)), None)
    assert seen["thread"] is not threading.main_thread()
    assert changed.args[0].entity == "participant"


def test_a_refused_write_reports_its_issues_on_the_gui_thread(
    qtbot: QtBot, ctx: AppContext
) -> None:
    failures: list[tuple[BaseException, threading.Thread]] = []

    def bad(tx: Any) -> str:
        return create_participant(tx, data={"first_name": "", "last_name": "", "dob": "2999-01-01"})

    ctx.write(bad, None, None, lambda e: failures.append((e, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    error, thread = failures[0]
    assert isinstance(error, ValidationError)
    assert thread is threading.main_thread()


class _Form(QObject):
    sig_edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.value = ""

    def draft_payload(self) -> dict[str, Any]:
        return {"value": self.value}

    def restore_payload(self, payload: dict[str, Any]) -> None:
        self.value = payload["value"]


def test_a_form_edit_is_kept_as_a_draft_and_dropped_once_saved(
    qtbot: QtBot, ctx: AppContext
) -> None:
    form = _Form()
    keeper = DraftKeeper(ctx, form, "intake")
    form.value = "half-typed"
    form.sig_edited.emit()
    assert ctx.store is not None
    store = ctx.store

    def drafts() -> list[dict[str, Any]]:
        with store.read() as conn:
            return casework.list_drafts(conn, store.worker_id)

    qtbot.waitUntil(lambda: keeper.saves == 1, timeout=5000)
    assert [d["payload"] for d in drafts()] == [{"value": "half-typed"}]
    keeper.discard()
    ctx.ops.drain()
    assert drafts() == []
