"""Synthetic demo data: valid, diverse, deterministic, and loadable with casework."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select

from lead_desktop.demo import generate_people, load_demo
from lead_desktop.domain.participant import validate_alias, validate_participant
from lead_desktop.store.schema import (
    Alias,
    Encounter,
    Participant,
    PlanGoal,
    PlanStep,
    Referral,
    Screening,
    ServicePlan,
)
from lead_desktop.store.store import Store

TODAY = date(2026, 3, 1)


def count(store: Store, model: type) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_500_people_validate_and_are_diverse() -> None:
    people = generate_people(500)
    assert len(people) == 500
    for values, aliases in people:
        assert validate_participant(values, today=TODAY) == values
        for alias, kind in aliases:
            assert validate_alias(alias, kind) == (alias, kind)
    names = [
        " ".join(v[f] for f in ("first_name", "middle_name", "last_name") if v[f])
        for v, _ in people
    ]
    assert sum(not n.isascii() for n in names) >= 25
    letters = set("".join(names))
    assert {"é", "ñ", "ễ", "ł", "ś", "'"} & letters == {"é", "ñ", "ễ", "ł", "ś", "'"}
    street = sum(any(k == "street" for _, k in a) for _, a in people)
    assert 100 <= street <= 200  # about 30 %
    statuses = Counter(v["status"] for v, _ in people)
    assert statuses["active"] > statuses["inactive"] > 0 and statuses["in_the_wind"] > 0
    dob_dq = Counter(v["dob_dq"] for v, _ in people)
    assert dob_dq[1] > 350 and dob_dq[2] > 0 and dob_dq[8] > 0
    assert all(v["dob"] is None or "1955-01-01" <= v["dob"] <= "2006-12-31" for v, _ in people)
    ssn_dq = Counter(v["ssn_dq"] for v, _ in people)
    assert ssn_dq[2] > ssn_dq[99] > 0
    assert all(v["ssn"] is None or v["ssn"].startswith("xxxxx") for v, _ in people)
    races = Counter(r for v, _ in people for r in v["race"])
    assert races["BlackAfAmerican"] > races["White"] > races["HispanicLatinaeo"] > 0
    assert races["Asian"] > 0 and races["MidEastNAfrican"] > 0
    assert {v["sex"] for v, _ in people} >= {0, 1}


def test_same_seed_same_people_and_prefix_stable() -> None:
    assert generate_people(200, seed=3) == generate_people(200, seed=3)
    assert generate_people(50, seed=3) == generate_people(200, seed=3)[:50]
    assert generate_people(50, seed=3) != generate_people(50, seed=4)
    assert generate_people(0) == []


def test_intake_dates_only_with_today() -> None:
    assert all(v.get("intake_date") is None for v, _ in generate_people(20))
    dated = generate_people(200, today=TODAY)
    assert all("2023-03-01" <= v["intake_date"] <= TODAY.isoformat() for v, _ in dated)


def test_load_demo_creates_people_and_casework(store: Store) -> None:
    assert load_demo(store, 60, today=TODAY) == 60
    assert count(store, Participant) == 60
    assert count(store, Alias) > 0
    assert count(store, Referral) == 60
    assert count(store, Encounter) > 60
    assert count(store, ServicePlan) > 5
    assert count(store, PlanGoal) == 2 * count(store, ServicePlan)
    assert count(store, PlanStep) == 2 * count(store, PlanGoal)
    with store.read() as conn:
        referrals = conn.execute(select(Referral)).mappings().all()
        instruments = set(conn.execute(select(Screening.instrument)).scalars())
    assert instruments == {"AUDIT-C", "PHQ-9"}
    types = Counter(r["referral_type"] for r in referrals)
    assert types["arrest_diversion"] > 0 and types["social_contact"] > 0
    assert all(r["in_area"] is True for r in referrals)
    assert all(39.28 < r["lat"] < 39.30 and -76.63 < r["lon"] < -76.61 for r in referrals)


def test_load_demo_without_casework_and_cap(store: Store) -> None:
    assert load_demo(store, 30, seed=11, with_casework=False) == 30
    assert count(store, Referral) == 0
    assert load_demo(store, 250, seed=12, today=TODAY) == 250
    assert count(store, Participant) == 280
    assert count(store, Referral) == 200
