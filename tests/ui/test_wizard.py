"""The street referral wizard, driven the way a worker drives it, page by page."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from lead_desktop import settings
from lead_desktop.domain import casework as rules
from lead_desktop.store import casework
from lead_desktop.store.participants import create_participant, get_participant
from lead_desktop.store.records import get_row, tombstone_row
from lead_desktop.store.referrals import ReferralResult
from lead_desktop.store.schema import Consent, Participant, Referral
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.coverage_map import CoverageMap
from lead_desktop.ui.wizard import ReferralWizard

LEXINGTON_MARKET = (39.2915, -76.6214)
CAMDEN_YARDS = (39.2839, -76.6217)


# -- driving the wizard -------------------------------------------------------------------


def open_wizard(qtbot: QtBot, ctx: AppContext, **kwargs: Any) -> ReferralWizard:
    wizard = ReferralWizard(ctx, **kwargs)
    qtbot.addWidget(wizard)
    wizard.resize(1100, 760)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.ready, timeout=5000)
    return wizard


def find(wizard: QWidget, kind: type[Any], name: str) -> Any:
    found = wizard.findChild(kind, name)
    assert found is not None, name
    return found


def heading(wizard: ReferralWizard) -> str:
    return str(find(wizard, QLabel, "wizard_heading").text())


def click(qtbot: QtBot, wizard: QWidget, name: str) -> None:
    button = find(wizard, QWidget, name)
    assert button.isEnabled(), name
    tick(qtbot, button)


def tick(qtbot: QtBot, button: QWidget) -> None:
    """Click a button where its text starts (a check box or radio button reacts to its
    indicator and label, not to the empty width a layout gives it)."""
    spot = QPoint(min(8, button.width() // 2), button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=spot)


def next_page(qtbot: QtBot, wizard: ReferralWizard) -> None:
    click(qtbot, wizard, "wizard_next")


def choose(wizard: QWidget, name: str, data: Any) -> None:
    combo: QComboBox = find(wizard, QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def type_into(qtbot: QtBot, wizard: QWidget, name: str, text: str) -> None:
    """Type like a user; letters beyond ASCII arrive as key events carrying their text."""
    widget = find(wizard, QWidget, name)
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


def fill_referral(qtbot: QtBot, wizard: ReferralWizard) -> None:
    assert "step 1 of 8" in heading(wizard)
    choose(wizard, "referral_type", "arrest_diversion")
    tick(qtbot, find(wizard, QCheckBox, "handoff_done"))
    type_into(qtbot, wizard, "officer_name", "Officer Reyes")
    type_into(qtbot, wizard, "officer_id", "B-4471")
    type_into(qtbot, wizard, "incident_number", "26-0305-118")
    choose(wizard, "offense_category", "possession")
    next_page(qtbot, wizard)


def click_map(qtbot: QtBot, wizard: ReferralWizard, lat: float, lon: float) -> None:
    assert "Location" in heading(wizard)
    the_map = find(wizard, CoverageMap, "coverage_map")
    spot = the_map.to_screen(lat, lon)
    qtbot.mouseClick(
        the_map, Qt.MouseButton.LeftButton, pos=QPoint(round(spot.x()), round(spot.y()))
    )


def answer_screen(qtbot: QtBot, wizard: ReferralWizard, answers: dict[int, str]) -> None:
    assert "Exclusion screen" in heading(wizard)
    for n in range(1, len(rules.EXCLUSION_ITEMS) + 1):
        tick(qtbot, find(wizard, QRadioButton, f"screen_item_{n}_{answers.get(n, 'no')}"))


def look_up(qtbot: QtBot, wizard: ReferralWizard, first: str, last: str, dob: str) -> None:
    assert "Have we met this person?" in heading(wizard)
    type_into(qtbot, wizard, "lookup_first_name", first)
    type_into(qtbot, wizard, "lookup_last_name", last)
    type_into(qtbot, wizard, "lookup_dob", dob)
    status = find(wizard, QLabel, "candidates_status")
    click(qtbot, wizard, "find_person")
    qtbot.waitUntil(lambda: "Looking" not in status.text() and status.text() != "", timeout=5000)


def count(ctx: AppContext, model: Any) -> int:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def drafts(ctx: AppContext) -> list[dict[str, Any]]:
    store = ctx.store
    assert store is not None
    ctx.ops.drain()
    with store.read() as conn:
        return [d for d in casework.list_drafts(conn, store.worker_id) if d["kind"] == "referral"]


def save(qtbot: QtBot, wizard: ReferralWizard) -> ReferralResult:
    with qtbot.waitSignal(wizard.sig_finished, timeout=5000) as finished:
        next_page(qtbot, wizard)
    result = finished.args[0]
    assert isinstance(result, ReferralResult)
    return result


# -- the flows ------------------------------------------------------------------------------


def test_an_in_area_referral_of_a_new_person_through_every_page(
    qtbot: QtBot, ctx: AppContext
) -> None:
    wizard = open_wizard(qtbot, ctx)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    assert "Inside the LEAD area" in find(wizard, QLabel, "area_result_text").text()
    next_page(qtbot, wizard)
    answer_screen(qtbot, wizard, {})
    tick(qtbot, find(wizard, QCheckBox, "records_check_done"))
    next_page(qtbot, wizard)

    look_up(qtbot, wizard, "Zoë", "O'Brien-Ćosić", "11/2/1979")
    assert "No one in the store matches" in find(wizard, QLabel, "candidates_status").text()
    click(qtbot, wizard, "choose_new")
    assert find(wizard, QLabel, "person_choice").text() == "Chosen: a new person."
    next_page(qtbot, wizard)

    assert "Decision" in heading(wizard)
    summary = find(wizard, QLabel, "decision_summary").text()
    assert "inside the LEAD area" in summary and "new to the program" in summary
    click(qtbot, wizard, "decision_accept")
    next_page(qtbot, wizard)

    assert "Quick intake" in heading(wizard)
    assert find(wizard, QLineEdit, "intake_first_name").text() == "Zoë"  # carried over
    assert find(wizard, QLineEdit, "intake_dob").text() == "11/2/1979"
    choose(wizard, "intake_sex", 0)
    tick(qtbot, find(wizard, QCheckBox, "race_White"))
    choose(wizard, "intake_veteran_status", 0)
    next_page(qtbot, wizard)

    assert "Consent" in heading(wizard)
    assert find(wizard, QLineEdit, "consent_signer_name").text() == "Zoë O'Brien-Ćosić"
    type_into(qtbot, wizard, "consent_recipients", "State's Attorney's Office")
    tick(qtbot, find(wizard, QCheckBox, "consent_info_participation"))
    type_into(qtbot, wizard, "consent_purpose", "coordinate services and court dates")
    tick(qtbot, find(wizard, QCheckBox, "consent_signed_on_paper"))
    next_page(qtbot, wizard)  # refused: the witness is missing
    assert "Consent" in heading(wizard)
    assert "witnessed" in find(wizard, QLabel, "error_witness_name_text").text()
    type_into(qtbot, wizard, "consent_witness", "Sam Case")
    next_page(qtbot, wizard)

    assert "First plan steps" in heading(wizard)
    type_into(qtbot, wizard, "plan_priorities", "A bed tonight")
    type_into(qtbot, wizard, "goal_1_goal", "Shelter bed tonight")
    type_into(qtbot, wizard, "goal_1_step", "Call the shelter hotline together")
    choose(wizard, "goal_1_responsible", "case_manager")
    assert find(wizard, QPushButton, "wizard_next").text() == "&Save referral"
    qtbot.waitUntil(lambda: len(drafts(ctx)) == 1, timeout=5000)  # kept as a draft meanwhile
    result = save(qtbot, wizard)

    assert result.new_participant and result.consent_id and result.plan_id
    assert ctx.store is not None
    with ctx.store.read() as conn:
        person = get_participant(conn, str(result.participant_id))
        referral = get_row(conn, Referral, result.referral_id)
        consent = get_row(conn, Consent, str(result.consent_id))
        plan = casework.plan_tree(conn, str(result.plan_id))
    assert (person["first_name"], person["last_name"]) == ("Zoë", "O'Brien-Ćosić")
    assert person["dob"] == "1979-11-02" and person["sex"] == 0 and person["race"] == ["White"]
    assert referral["participant_id"] == result.participant_id
    assert referral["in_area"] is True and referral["officer_name"] == "Officer Reyes"
    assert referral["decision"] == "accepted" and referral["records_check_done"] is True
    assert len(referral["exclusion_screen"]) == len(rules.EXCLUSION_ITEMS)
    assert consent["witness_name"] == "Sam Case" and consent["signature_kind"] == "paper"
    assert consent["recipients"] == ["State's Attorney's Office"] and consent["status"] == "draft"
    assert plan["goals"][0]["goal"] == "Shelter bed tonight"
    assert plan["goals"][0]["steps"][0]["responsible"] == "case_manager"
    qtbot.waitUntil(lambda: drafts(ctx) == [], timeout=5000)  # the draft is gone once saved
    assert not find(wizard, QPushButton, "wizard_next").isEnabled()  # no second save


def test_an_out_of_area_referral_ends_declined(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = open_wizard(qtbot, ctx)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *CAMDEN_YARDS)
    assert "Outside the LEAD area" in find(wizard, QLabel, "area_result_text").text()
    click(qtbot, wizard, "decline_outside")

    assert "Decision" in heading(wizard)
    assert not find(wizard, QRadioButton, "decision_accept").isEnabled()
    assert find(wizard, QRadioButton, "decision_decline").isChecked()
    assert find(wizard, QComboBox, "decline_reason_code").currentData() == "outside_area"
    assert "cannot be accepted" in find(wizard, QLabel, "error_blocked_text").text()
    assert find(wizard, QPushButton, "wizard_next").text() == "&Save declined referral"
    result = save(qtbot, wizard)

    assert result.decision == "declined" and result.participant_id is None
    assert ctx.store is not None
    with ctx.store.read() as conn:
        referral = get_row(conn, Referral, result.referral_id)
    assert referral["decision"] == "declined" and referral["decline_reason"] == "outside_area"
    assert referral["in_area"] is False
    assert count(ctx, Participant) == 0 and count(ctx, Consent) == 0


def test_a_duplicate_is_found_and_the_referral_joins_that_participant(
    qtbot: QtBot, ctx: AppContext
) -> None:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        existing = create_participant(
            tx, data={"first_name": "José", "last_name": "Núñez", "dob": "1980-03-04"}
        )
    wizard = open_wizard(qtbot, ctx)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    next_page(qtbot, wizard)
    answer_screen(qtbot, wizard, {7: "unknown"})
    next_page(qtbot, wizard)

    look_up(qtbot, wizard, "Jose", "Nunez", "1980-03-04")
    table = find(wizard, QTableView, "duplicate_candidates")
    model = table.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "José Núñez"
    assert model.index(0, 1).data() == "1980-03-04"
    assert model.index(0, 2).data() == "90 of 100"  # no alias given: that part scores nothing
    assert model.index(0, 3).data() == "name 100, date of birth 100"
    assert find(wizard, QPushButton, "choose_existing").isEnabled()  # the best match is selected
    click(qtbot, wizard, "choose_existing")
    assert (
        "José Núñez (1980-03-04), already a participant"
        in find(wizard, QLabel, "person_choice").text()
    )
    next_page(qtbot, wizard)

    summary = find(wizard, QLabel, "decision_summary").text()
    assert "already a participant, José Núñez" in summary and "still to check" in summary
    click(qtbot, wizard, "decision_accept")
    next_page(qtbot, wizard)
    assert (
        "will be added to the record of José Núñez"
        in find(wizard, QLabel, "existing_person").text()
    )
    next_page(qtbot, wizard)
    tick(qtbot, find(wizard, QCheckBox, "consent_record"))
    next_page(qtbot, wizard)
    type_into(qtbot, wizard, "goal_1_goal", "Keep court dates")
    type_into(qtbot, wizard, "goal_1_step", "Write down the next date")
    result = save(qtbot, wizard)

    assert result.participant_id == existing and not result.new_participant
    assert result.consent_id is None
    assert count(ctx, Participant) == 1
    with ctx.store.read() as conn:
        assert get_row(conn, Referral, result.referral_id)["participant_id"] == existing


def test_a_restored_draft_comes_back_at_the_same_page_with_the_same_values(
    qtbot: QtBot, ctx: AppContext
) -> None:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        create_participant(
            tx, data={"first_name": "José", "last_name": "Núñez", "dob": "1980-03-04"}
        )
    first = open_wizard(qtbot, ctx)
    fill_referral(qtbot, first)
    click_map(qtbot, first, *LEXINGTON_MARKET)
    next_page(qtbot, first)
    answer_screen(qtbot, first, {2: "unknown"})
    next_page(qtbot, first)
    look_up(qtbot, first, "Jose", "Nunez", "1980-03-04")
    click(qtbot, first, "choose_existing")
    payload = first.draft_payload()
    pin = first.findChild(CoverageMap, "coverage_map").pin()

    again = open_wizard(qtbot, ctx, draft_id="resumed-draft", payload=payload)
    assert "step 4 of 8" in heading(again)
    assert find(again, QLineEdit, "lookup_first_name").text() == "Jose"
    assert find(again, QLineEdit, "lookup_dob").text() == "1980-03-04"
    table = find(again, QTableView, "duplicate_candidates")
    assert table.model().index(0, 0).data() == "José Núñez"
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
    assert "José Núñez" in find(again, QLabel, "person_choice").text()
    assert find(again, QComboBox, "referral_type").currentData() == "arrest_diversion"
    assert find(again, QLineEdit, "officer_name").text() == "Officer Reyes"
    assert find(again, CoverageMap, "coverage_map").pin() == pytest.approx(pin)
    assert "Inside the LEAD area" in find(again, QLabel, "area_result_text").text()
    assert find(again, QRadioButton, "screen_item_2_unknown").isChecked()
    assert find(again, QRadioButton, "screen_item_1_no").isChecked()
    assert again.draft_payload() == payload
    click(qtbot, again, "wizard_back")  # the way back is kept too
    assert "Exclusion screen" in heading(again)


def test_a_refusal_at_save_time_jumps_to_the_page_and_saves_nothing(
    qtbot: QtBot, ctx: AppContext
) -> None:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        existing = create_participant(
            tx, data={"first_name": "José", "last_name": "Núñez", "dob": "1980-03-04"}
        )
    wizard = open_wizard(qtbot, ctx)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    next_page(qtbot, wizard)
    answer_screen(qtbot, wizard, {})
    next_page(qtbot, wizard)
    look_up(qtbot, wizard, "Jose", "Nunez", "1980-03-04")
    click(qtbot, wizard, "choose_existing")
    next_page(qtbot, wizard)
    click(qtbot, wizard, "decision_accept")
    for _ in range(3):  # intake, consent, plan
        next_page(qtbot, wizard)
    with ctx.store.write() as tx:  # meanwhile, the record is removed elsewhere
        tombstone_row(tx, Participant, existing)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: "Have we met this person?" in heading(wizard), timeout=5000)
    assert "no longer in the store" in find(wizard, QLabel, "error_choice_text").text()
    assert "Nothing was saved" in find(wizard, QLabel, "error_wizard_text").text()
    assert count(ctx, Referral) == 0 and count(ctx, Consent) == 0


def test_save_and_close_keeps_the_draft(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = open_wizard(qtbot, ctx)
    fill_referral(qtbot, wizard)
    with qtbot.waitSignal(wizard.sig_cancelled, timeout=2000):
        click(qtbot, wizard, "wizard_save_close")
    kept = drafts(ctx)
    assert len(kept) == 1 and kept[0]["payload"]["page"] == 1
    assert kept[0]["payload"]["pages"]["type"]["officer_name"] == "Officer Reyes"


def test_bad_input_is_shown_beside_its_field_and_the_page_stays(
    qtbot: QtBot, ctx: AppContext
) -> None:
    wizard = open_wizard(qtbot, ctx)
    next_page(qtbot, wizard)
    assert "step 1 of 8" in heading(wizard)
    assert "Is not chosen" in find(wizard, QLabel, "error_referral_type_text").text()
    choose(wizard, "referral_type", "social_contact")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)  # no place chosen
    assert "Location" in heading(wizard)
    assert "No place is chosen" in find(wizard, QLabel, "error_pin_text").text()
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    assert find(wizard, QLabel, "error_pin_text").text() == ""
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)  # nothing answered
    assert "Is not answered" in find(wizard, QLabel, "error_item_1_text").text()


def test_a_yes_on_the_screen_makes_the_person_ineligible(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = open_wizard(qtbot, ctx)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    next_page(qtbot, wizard)
    tick(qtbot, find(wizard, QRadioButton, "screen_item_6_yes"))
    assert (
        "Not eligible: “Under 18” was answered yes"
        in find(wizard, QLabel, "error_eligibility_text").text()
    )
    next_page(qtbot, wizard)  # the other answers are no longer needed
    look_up(qtbot, wizard, "Ana", "Lopez", "")
    click(qtbot, wizard, "choose_new")
    next_page(qtbot, wizard)
    assert not find(wizard, QRadioButton, "decision_accept").isEnabled()
    assert find(wizard, QComboBox, "decline_reason_code").currentData() == "excluded"
    type_into(qtbot, wizard, "decline_detail", "17 years old")
    result = save(qtbot, wizard)
    assert ctx.store is not None
    with ctx.store.read() as conn:
        referral = get_row(conn, Referral, result.referral_id)
    assert referral["decline_reason"] == "excluded: 17 years old"
    assert [i["answer"] for i in referral["exclusion_screen"]] == ["yes"]
    assert count(ctx, Participant) == 0


def test_every_control_has_an_accessible_name(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = open_wizard(qtbot, ctx)
    kinds = (QLineEdit, QComboBox, QCheckBox, QRadioButton, QPushButton, QPlainTextEdit)
    unnamed = [
        w.objectName() or type(w).__name__
        for kind in kinds
        for w in wizard.findChildren(kind)
        if not w.accessibleName() and not w.objectName().startswith("qt_")  # Qt's inner parts
    ]
    assert unnamed == []


def tab_stops(qtbot: QtBot, wizard: ReferralWizard) -> list[QWidget]:
    """Every widget Tab visits, once round."""
    start = QApplication.focusWidget()
    assert start is not None
    seen: list[QWidget] = []
    widget = start
    for _ in range(200):
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start:
            return seen
    raise AssertionError("Tab never came back round")


def test_keyboard_only_every_tab_stop_is_named_and_answers_take_arrows(
    qtbot: QtBot, ctx: AppContext
) -> None:
    wizard = open_wizard(qtbot, ctx)
    stops = tab_stops(qtbot, wizard)
    assert [w for w in stops if not w.accessibleName()] == []
    assert {"referral_type", "officer_name", "wizard_next"} <= {w.objectName() for w in stops}
    fill_referral(qtbot, wizard)
    the_map = find(wizard, CoverageMap, "coverage_map")
    assert QApplication.focusWidget() is the_map  # the map takes the keys first
    qtbot.keyClick(the_map, Qt.Key.Key_Up)
    qtbot.keyClick(the_map, Qt.Key.Key_Return)
    assert "Inside the LEAD area" in find(wizard, QLabel, "area_result_text").text()
    assert [w for w in tab_stops(qtbot, wizard) if not w.accessibleName()] == []
    next_page(qtbot, wizard)
    first = find(wizard, QRadioButton, "screen_item_1_yes")
    names = [w.objectName() for w in tab_stops(qtbot, wizard)]
    # One stop per question: Tab goes question to question, arrows choose the answer.
    assert [n for n in names if n.startswith("screen_item_")] == [
        f"screen_item_{n}_yes" for n in range(1, len(rules.EXCLUSION_ITEMS) + 1)
    ]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert find(wizard, QRadioButton, "screen_item_1_no").isChecked()


def test_the_program_s_own_exclusion_items_are_asked_as_written(
    qtbot: QtBot, ctx: AppContext
) -> None:
    assert ctx.store is not None
    custom = replace(settings.ProgramSettings(), exclusion_items=("under_18", "Carrying a weapon"))
    settings.save(ctx.store, custom)
    wizard = open_wizard(qtbot, ctx)
    fill_referral(qtbot, wizard)
    click_map(qtbot, wizard, *LEXINGTON_MARKET)
    next_page(qtbot, wizard)
    assert find(wizard, QLabel, "screen_item_1_label").text() == "Under 18"  # a code, translated
    assert find(wizard, QLabel, "screen_item_2_label").text() == "Carrying a weapon"  # as typed
    assert wizard.findChild(QRadioButton, "screen_item_3_no") is None
    tick(qtbot, find(wizard, QRadioButton, "screen_item_1_no"))
    tick(qtbot, find(wizard, QRadioButton, "screen_item_2_yes"))
    assert (
        "“Carrying a weapon” was answered yes"
        in find(wizard, QLabel, "error_eligibility_text").text()
    )
