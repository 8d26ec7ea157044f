"""A street referral is stored whole or not at all: person, referral, consent and first plan."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from lead_desktop.domain import casework as rules
from lead_desktop.domain.coverage import load_default
from lead_desktop.errors import ValidationError
from lead_desktop.store import casework
from lead_desktop.store.participants import create_participant, get_participant
from lead_desktop.store.records import get_row
from lead_desktop.store.referrals import (
    check_payload,
    complete_referral,
    decline_reason,
    decline_referral,
    finish_referral,
    page_of,
    split_decline_reason,
)
from lead_desktop.store.schema import (
    Consent,
    Participant,
    PlanGoal,
    PlanStep,
    Referral,
    ServicePlan,
)
from lead_desktop.store.store import Store

TODAY = date(2026, 3, 5)
NOW = datetime(2026, 3, 5, 20, 0, tzinfo=UTC)
LEXINGTON_MARKET = (39.2915, -76.6214)
CAMDEN_YARDS = (39.2839, -76.6217)


def referral(**changes: Any) -> dict[str, Any]:
    base = {
        "referral_type": "arrest_diversion",
        "referred_at": "2026-03-05T14:30:00-05:00",
        "handoff_at": "2026-03-05T14:50:00-05:00",
        "officer_name": "Officer Reyes",
        "officer_id": "B-4471",
        "district": "Central",
        "incident_number": "26-0305-118",
        "offense_category": "possession",
        "quantity_band": "under_1g",
        "location_text": "Lexington Market",
        "lat": LEXINGTON_MARKET[0],
        "lon": LEXINGTON_MARKET[1],
        "in_area": True,
        "exclusion_screen": [{"item": item, "answer": "no"} for item in rules.EXCLUSION_ITEMS],
        "records_check_done": True,
    }
    return {**base, **changes}


def accepted(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "referral": referral(),
        "person_choice": "new",
        "existing_participant_id": None,
        "decision": "accepted",
        "decline_reason": None,
        "participant": {
            "first_name": "Zoë",
            "last_name": "O'Brien-Ćosić",
            "name_dq": 1,
            "dob": "1979-11-02",
            "dob_dq": 1,
            "sex": 0,
            "race": ["White"],
            "veteran_status": 0,
        },
        "aliases": [["Zee", "street"]],
        "consent": {
            "consent_type": "release",
            "language": "en",
            "discloser": "LEAD Program",
            "recipients": ["State's Attorney's Office", "Public Defender"],
            "information": {"categories": ["participation"], "detail": ""},
            "purpose": "coordinate services",
            "expiry_date": "2027-03-01",
            "signer_name": "Zoë O'Brien-Ćosić",
            "signer_role": "participant",
            "signature_kind": "paper",
            "witness_name": "Sam Case",
            "signed_at": "2026-03-05",
            "copy_given": True,
            "copy_method": "paper copy handed over",
        },
        "plan": {
            "priorities": "A place to sleep tonight",
            "goals": [
                {
                    "domain": "housing",
                    "goal": "Shelter bed tonight",
                    "description": "Call the shelter hotline together",
                    "responsible": "case_manager",
                    "target_date": "2026-03-05",
                },
                {"domain": "legal", "goal": "", "description": ""},
            ],
        },
    }
    return {**base, **changes}


def count(store: Store, model: Any) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def counts(store: Store) -> dict[str, int]:
    models = (Participant, Referral, Consent, ServicePlan, PlanGoal, PlanStep)
    return {m.__tablename__: count(store, m) for m in models}


def test_accepting_a_new_person_stores_everything_in_one_go(store: Store) -> None:
    with store.write() as tx:
        result = complete_referral(tx, accepted(), area=load_default(), today=TODAY, now=NOW)
    assert result.new_participant and result.decision == "accepted"
    assert result.participant_id and result.consent_id and result.plan_id
    with store.read() as conn:
        person = get_participant(conn, result.participant_id)
        ref = get_row(conn, Referral, result.referral_id)
        consent = get_row(conn, Consent, result.consent_id)
        plan = casework.plan_tree(conn, result.plan_id)
    assert person["last_name"] == "O'Brien-Ćosić"
    assert person["intake_date"] == "2026-03-05" and person["status"] == "active"
    assert person["case_manager_id"] == store.worker_id
    assert [a["alias"] for a in person["aliases"]] == ["Zee"]
    assert ref["participant_id"] == result.participant_id
    assert ref["decision"] == "accepted" and ref["in_area"] is True
    assert ref["lat"] == pytest.approx(39.2915)
    assert {i["answer"] for i in ref["exclusion_screen"]} == {"no"}
    assert all(i["verified_by"] == store.worker_id for i in ref["exclusion_screen"])
    assert consent["status"] == "draft" and consent["witness_name"] == "Sam Case"
    assert consent["recipients"] == ["State's Attorney's Office", "Public Defender"]
    assert plan["priorities"] == "A place to sleep tonight"
    assert [g["goal"] for g in plan["goals"]] == ["Shelter bed tonight"]  # empty row skipped
    assert plan["goals"][0]["steps"][0]["responsible"] == "case_manager"


def test_accepting_an_existing_person_creates_no_new_participant(store: Store) -> None:
    with store.write() as tx:
        pid = create_participant(
            tx, data={"first_name": "José", "last_name": "Núñez", "dob": "1980-03-04"}
        )
    before = count(store, Participant)
    payload = accepted(
        person_choice="existing", existing_participant_id=pid, participant={}, aliases=[]
    )
    with store.write() as tx:
        result = finish_referral(tx, payload, today=TODAY, now=NOW)
    assert result.participant_id == pid and not result.new_participant
    assert count(store, Participant) == before
    with store.read() as conn:
        assert get_row(conn, Referral, result.referral_id)["participant_id"] == pid
        assert get_row(conn, Consent, result.consent_id)["participant_id"] == pid


def test_declining_records_the_reason_and_keeps_no_new_person(store: Store) -> None:
    payload = accepted(
        referral=referral(lat=CAMDEN_YARDS[0], lon=CAMDEN_YARDS[1], in_area=False),
        decision="declined",
        decline_reason=decline_reason("outside_area"),
        person_choice=None,
    )
    with store.write() as tx:
        result = decline_referral(tx, payload, area=load_default(), today=TODAY, now=NOW)
    assert result.participant_id is None and result.consent_id is None and result.plan_id is None
    with store.read() as conn:
        ref = get_row(conn, Referral, result.referral_id)
    assert ref["decision"] == "declined" and ref["in_area"] is False
    assert split_decline_reason(ref["decline_reason"]) == ("outside_area", "")
    assert counts(store)["participant"] == 0 and counts(store)["consent"] == 0


def test_a_declined_referral_needs_a_reason(store: Store) -> None:
    with pytest.raises(ValidationError) as caught, store.write() as tx:
        decline_referral(tx, accepted(decision="declined"), today=TODAY, now=NOW)
    assert [i.field for i in caught.value.issues] == ["decision.decline_reason"]
    assert counts(store)["referral"] == 0


def test_every_problem_names_its_page_and_field_and_nothing_is_written(store: Store) -> None:
    screen = [{"item": i, "answer": "no"} for i in rules.EXCLUSION_ITEMS]
    screen[5] = {"item": "under_18", "answer": "yes"}
    bad = accepted(
        referral=referral(
            referred_at="2026-03-07T10:00:00-05:00",
            handoff_at=None,
            lat=CAMDEN_YARDS[0],
            lon=CAMDEN_YARDS[1],
            exclusion_screen=screen,
        ),
        participant={"first_name": "Ana", "last_name": "Lopez", "dob": "2999-01-01"},
        consent={**accepted()["consent"], "witness_name": "", "purpose": "Any purpose"},
        plan={"goals": [{"domain": "housing", "goal": "Stable housing", "description": ""}]},
    )
    with pytest.raises(ValidationError) as caught, store.write() as tx:
        complete_referral(tx, bad, area=load_default(), today=TODAY, now=NOW)
    fields = [i.field for i in caught.value.issues]
    assert "type.referred_at" in fields  # in the future
    assert "location.in_area" in fields  # Camden Yards is outside (recomputed from the area)
    assert "screen.item_6" in fields  # under 18 answered yes
    assert "intake.dob" in fields
    assert "consent.witness_name" in fields and "consent.purpose" in fields
    assert "plan.goal_1.description" in fields
    assert {page_of(i)[0] for i in caught.value.issues} <= {
        "type",
        "location",
        "screen",
        "intake",
        "consent",
        "plan",
    }
    assert all(i.fix for i in caught.value.issues)
    assert set(counts(store).values()) == {0}


def test_a_crash_mid_save_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as tx:
        complete_referral(tx, accepted(), area=load_default(), today=TODAY, now=NOW)
        raise RuntimeError("power cut")
    assert set(counts(store).values()) == {0}


def test_a_participant_gone_since_the_lookup_is_refused(store: Store) -> None:
    payload = accepted(person_choice="existing", existing_participant_id="no-such-id")
    with pytest.raises(ValidationError) as caught, store.write() as tx:
        complete_referral(tx, payload, today=TODAY, now=NOW)
    assert [i.field for i in caught.value.issues] == ["person.choice"]


def test_undecided_checks_only_what_every_referral_needs() -> None:
    draft = {
        "referral": referral(exclusion_screen=[{"item": "under_18", "answer": None}]),
        "decision": None,
    }
    fields = [i.field for i in check_payload(draft, today=TODAY, now=NOW)]
    assert fields == ["screen.item_1", "person.choice"]
    draft["referral"]["exclusion_screen"] = [
        {"item": "under_18", "answer": "yes"},
        {"item": "exploits_minors", "answer": None},
    ]
    # A "yes" ends eligibility: the other answers are no longer needed.
    assert [i.field for i in check_payload(draft, today=TODAY, now=NOW)] == ["person.choice"]


def test_a_new_person_needs_some_name_and_a_consent_can_wait() -> None:
    payload = accepted(participant={"dob": "1980-01-01"}, aliases=[], consent=None, plan=None)
    issues = check_payload(payload, today=TODAY, now=NOW)
    assert [i.field for i in issues] == ["intake.first_name"]
    street_name_only = accepted(participant={"name_dq": 2}, aliases=[["Smokey", "street"]])
    assert check_payload(street_name_only, today=TODAY, now=NOW) == []


def test_decline_reason_round_trip() -> None:
    text = decline_reason("person_declined", "  wants to  think it over ")
    assert text == "person_declined: wants to think it over"
    assert split_decline_reason(text) == ("person_declined", "wants to think it over")
    assert split_decline_reason("refused") == ("other", "refused")
