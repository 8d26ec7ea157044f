"""Refusals from the core are shown in the interface language, with the typed value kept."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lead_desktop.domain.passphrase import strength_hint, strength_issue
from lead_desktop.errors import Issue, ValidationError, issue
from lead_desktop.store.participants import create_participant
from lead_desktop.store.tx import Tx
from lead_desktop.ui import i18n, labels
from lead_desktop.ui.context import AppContext, Change, user_message


def test_issue_formats_the_english_exactly_as_before() -> None:
    value = "31/31/1980"
    made = issue(
        "dob", "{value} is not a date", "use YYYY-MM-DD, e.g. 1980-03-05", value=repr(value)
    )
    assert made == Issue("dob", f"{value!r} is not a date", "use YYYY-MM-DD, e.g. 1980-03-05")
    assert str(made) == "dob: '31/31/1980' is not a date; use YYYY-MM-DD, e.g. 1980-03-05"
    assert made.templates == ("{value} is not a date", "use YYYY-MM-DD, e.g. 1980-03-05")
    assert made.args == {"value": "'31/31/1980'"}
    on_line = issue("SSN", "is empty", "give every row the PersonalID from HMIS", 7)
    assert on_line.line == 7 and on_line.problem == "is empty"


def _refusal(ctx: AppContext, qtbot: QtBot, data: dict[str, str]) -> BaseException:
    failures: list[BaseException] = []

    def create(tx: Tx) -> str:
        return create_participant(tx, data=data, today=date(2026, 3, 5))

    ctx.write(create, lambda pid: Change("participant", (pid,)), on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    return failures[0]


def test_a_refused_date_of_birth_is_explained_in_spanish(
    ctx: AppContext, qtbot: QtBot, qapp: QApplication
) -> None:
    assert i18n.install(qapp, "es")
    try:
        future = _refusal(
            ctx, qtbot, {"first_name": "Ana", "last_name": "Ruiz", "dob": "2031-07-09"}
        )
        assert isinstance(future, ValidationError)
        shown = user_message(future)
        assert "2031-07-09 está en el futuro" in shown
        assert "verifique el año" in shown
        assert "in the future" not in shown

        typed = _refusal(ctx, qtbot, {"first_name": "Ana", "dob": "31/31/1980"})
        shown = user_message(typed)
        assert "'31/31/1980' no es una fecha" in shown
        assert "use AAAA-MM-DD" in shown
    finally:
        i18n.install(qapp, "en")
    english = user_message(future)
    assert "2031-07-09 is in the future" in english and "check the year" in english


def test_an_issue_without_templates_stays_as_written(qapp: QApplication) -> None:
    assert i18n.install(qapp, "es")
    try:
        assert labels.issue_text(Issue("x", "is odd", "look again")) == ("is odd", "look again")
    finally:
        i18n.install(qapp, "en")


def test_the_passphrase_strength_hint_is_translated(qapp: QApplication) -> None:
    assert strength_hint("short") == "too short: 5 of 15 characters"
    assert i18n.install(qapp, "es")
    try:
        hint, _ = labels.issue_text(strength_issue("short"))
        assert hint == "demasiado corta: 5 de 15 caracteres"
    finally:
        i18n.install(qapp, "en")
