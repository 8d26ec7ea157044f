"""The caseload query: each filter finds the right people; capacity counts active caseloads."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select

from lead_desktop.demo import load_demo
from lead_desktop.domain.capacity import CapacityRules
from lead_desktop.store import casework
from lead_desktop.store.caseload import (
    FILTERS,
    SORT_KEYS,
    CaseRow,
    capacity,
    caseload_flags,
    caseload_people,
    caseload_rows,
    count_capacity,
    select_rows,
    sort_rows,
    with_flags,
)
from lead_desktop.store.participants import create_participant, update_participant
from lead_desktop.store.records import tombstone_row
from lead_desktop.store.schema import Participant, ServicePlan
from lead_desktop.store.store import Store
from tests.helpers import FAST_KDF, PASSPHRASE

TODAY = date.today()


def _day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def _person(store: Store, first: str, last: str, **data: Any) -> str:
    with store.write() as tx:
        return create_participant(tx, data={"first_name": first, "last_name": last, **data})


@pytest.fixture
def people(store: Store) -> dict[str, str]:
    """A small program: one person per situation the caseload must flag."""
    other = store.add_worker("rivera", PASSPHRASE, kdf=FAST_KDF)
    me = store.worker_id
    ids = {
        "quiet": _person(store, "Ana", "Quiet", dob="1980-03-05", case_manager_id=me),
        "inactive": _person(store, "Ivo", "Inactive", status="inactive", case_manager_id=me),
        "wind": _person(store, "Wen", "Wind", status="in_the_wind", case_manager_id=other),
        "overdue": _person(store, "Otto", "Overdue", case_manager_id=other),
        "due": _person(store, "Dana", "Due", case_manager_id=me),
        "done": _person(store, "Don", "Done", intake_date=_day(-3)),
        "consent": _person(store, "Cora", "Consent"),
        "expired": _person(store, "Eli", "Expired"),
        "review": _person(store, "Rae", "Review", case_manager_id=me),
        "later": _person(store, "Lou", "Later"),
        "gone": _person(store, "Gus", "Gone", case_manager_id=me),
    }
    with store.write() as tx:
        for key, days_ago in (("overdue", 45), ("due", 10), ("done", 40)):
            casework.create_referral(
                tx,
                data={
                    "participant_id": ids[key],
                    "referral_type": "social_contact",
                    "referred_at": f"{_day(-days_ago)}T10:00:00",
                },
            )
        casework.create_consent(
            tx,
            participant_id=ids["consent"],
            data={"consent_type": "release", "status": "signed", "expiry_date": _day(20)},
        )
        casework.create_consent(  # far from expiry: no flag
            tx,
            participant_id=ids["consent"],
            data={"consent_type": "tpo", "status": "signed", "expiry_date": _day(200)},
        )
        for status, expiry in (("draft", _day(5)), ("signed", _day(-2))):  # neither counts
            casework.create_consent(
                tx,
                participant_id=ids["expired"],
                data={"consent_type": "release", "status": status, "expiry_date": expiry},
            )
        casework.create_plan(
            tx,
            data={
                "participant_id": ids["review"],
                "plan_date": _day(-200),
                "review_date": _day(60),
                "status": "reviewed",
            },
        )
        casework.create_plan(  # the latest plan: its review is due in 5 days
            tx,
            data={
                "participant_id": ids["review"],
                "plan_date": _day(-85),
                "review_date": _day(5),
                "status": "active",
            },
        )
        casework.create_plan(  # review far away
            tx,
            data={
                "participant_id": ids["later"],
                "plan_date": _day(-10),
                "review_date": _day(80),
                "status": "active",
            },
        )
        for when in (-30, -2, -9):
            casework.log_encounter(
                tx,
                participant_id=ids["quiet"],
                data={"occurred_at": f"{_day(when)}T09:30:00", "contact_type": "phone"},
            )
        tombstone_row(tx, Participant, ids["gone"])
    return ids


def _rows(store: Store, **kw: Any) -> dict[str, CaseRow]:
    with store.read() as conn:
        return {r.participant_id: r for r in caseload_rows(conn, today=TODAY, **kw)}


def _named(store: Store, people: dict[str, str], **kw: Any) -> set[str]:
    by_id = {v: k for k, v in people.items()}
    return {by_id[pid] for pid in _rows(store, **kw)}


def test_every_live_participant_is_listed_once_with_name_and_case_manager(
    store: Store, people: dict[str, str]
) -> None:
    rows = _rows(store)
    assert set(rows) == {pid for key, pid in people.items() if key != "gone"}
    quiet = rows[people["quiet"]]
    assert quiet.name == "Ana Quiet"
    assert quiet.dob == "1980-03-05"
    assert quiet.status == "active"
    assert quiet.case_manager_id == store.worker_id
    assert quiet.case_manager == "tester"
    assert quiet.last_contact == _day(-2)
    assert not quiet.flagged
    assert rows[people["wind"]].case_manager == "rivera"
    assert rows[people["consent"]].case_manager == ""


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ("active", {"quiet", "overdue", "due", "done", "consent", "expired", "review", "later"}),
        ("inactive", {"inactive"}),
        ("in_the_wind", {"wind"}),
        ("intake_overdue", {"overdue"}),
        ("consent_expiring", {"consent"}),
        ("plan_review_due", {"review"}),
    ],
)
def test_each_filter_finds_the_right_people(
    store: Store, people: dict[str, str], filter_: str, expected: set[str]
) -> None:
    assert _named(store, people, filter_=filter_) == expected
    with store.read() as conn:
        everyone = caseload_rows(conn, today=TODAY)
    assert {r.participant_id for r in select_rows(everyone, filter_)} == {
        people[k] for k in expected
    }


def test_my_caseload_is_the_people_assigned_to_me(store: Store, people: dict[str, str]) -> None:
    mine = _named(store, people, worker_id=store.worker_id)
    assert mine == {"quiet", "inactive", "due", "review"}
    assert _named(store, people, worker_id=store.worker_id, filter_="active") == {
        "quiet",
        "due",
        "review",
    }
    with store.read() as conn:
        everyone = caseload_rows(conn, today=TODAY)
    assert len(select_rows(everyone, "all", store.worker_id)) == 4


def test_intake_countdown_uses_the_program_setting(store: Store, people: dict[str, str]) -> None:
    rows = _rows(store)
    due, overdue = rows[people["due"]], rows[people["overdue"]]
    assert (due.intake, due.intake_days_left, due.intake_due) == ("due", 20, _day(20))
    assert (overdue.intake, overdue.intake_days_left) == ("overdue", -15)
    assert rows[people["done"]].intake == ""  # intake date recorded: done, never overdue
    short = _rows(store, intake_days=7)
    assert short[people["due"]].intake == "overdue"
    assert _named(store, people, filter_="intake_overdue", intake_days=7) == {"overdue", "due"}


def test_consent_and_plan_flags_carry_their_dates(store: Store, people: dict[str, str]) -> None:
    rows = _rows(store)
    assert rows[people["consent"]].consent_expiry == _day(20)
    assert rows[people["expired"]].consent_expiry is None
    assert rows[people["review"]].plan_review == _day(5)  # the latest plan, not the older one
    assert rows[people["later"]].plan_review is None


def test_an_overdue_review_and_a_closed_plan(store: Store, people: dict[str, str]) -> None:
    with store.write() as tx:
        casework.create_plan(
            tx,
            data={
                "participant_id": people["later"],
                "plan_date": _day(-1),
                "review_date": _day(-1),
                "status": "active",
            },
        )
    assert _rows(store)[people["later"]].plan_review == _day(-1)  # past: still due
    with store.read() as conn:
        plan_ids = (
            conn.execute(
                select(ServicePlan.id).where(ServicePlan.participant_id == people["later"])
            )
            .scalars()
            .all()
        )
    with store.write() as tx:
        for plan_id in plan_ids:
            casework.update_plan(tx, plan_id, data={"status": "closed"})
    assert _rows(store)[people["later"]].plan_review is None


def test_a_name_change_and_an_unknown_filter(store: Store, people: dict[str, str]) -> None:
    with store.write() as tx:
        update_participant(tx, people["quiet"], data={"middle_name": "María", "last_name": ""})
    assert _rows(store, ids=[people["quiet"]])[people["quiet"]].name == "Ana María"
    with store.read() as conn, pytest.raises(ValueError, match="unknown caseload filter"):
        caseload_rows(conn, today=TODAY, filter_="everyone")
    assert set(FILTERS) >= {"all", "intake_overdue"}


def test_capacity_counts_active_participants_per_case_manager(
    store: Store, people: dict[str, str]
) -> None:
    rules = CapacityRules(program_capacity=8, per_worker_max=3)
    with store.read() as conn:
        counts = capacity(conn, rules)
        rows = caseload_rows(conn, today=TODAY)
    assert counts.program_active == 8
    assert counts.program_full
    assert counts.worker_active(store.worker_id) == 3  # quiet, due, review (not inactive, gone)
    assert counts.worker_full(store.worker_id)
    assert not counts.worker_full("nobody")
    assert count_capacity(rows, rules) == counts


def test_sorting_by_each_field(store: Store, people: dict[str, str]) -> None:
    with store.read() as conn:
        rows = caseload_rows(conn, today=TODAY)
    names = [r.name for r in sort_rows(rows, "name")]
    assert names == sorted(names, key=str.casefold)
    assert sort_rows(rows, "flags", descending=True)[0].participant_id == people["overdue"]
    assert sort_rows(rows, "last_contact", descending=True)[0].participant_id == people["quiet"]
    for field_ in SORT_KEYS:
        assert len(sort_rows(rows, field_)) == len(rows)
    with pytest.raises(ValueError, match="cannot sort"):
        sort_rows(rows, "ssn")


def test_bulk_caseload_is_a_few_queries_not_one_per_person(store: Store) -> None:
    load_demo(store, 600, seed=3, with_casework=True, today=TODAY)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.read() as conn:
            rows = caseload_rows(conn, today=TODAY)
            counts = capacity(conn, CapacityRules())
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(rows) == 600
    assert len(statements) <= 8
    assert counts.program_active == sum(r.status == "active" for r in rows)
    assert sum(r.last_contact is not None for r in rows) > 100  # demo casework: contacts
    assert {r.status for r in rows} == {"active", "inactive", "in_the_wind"}


def test_a_few_people_read_through_the_indexes_match_the_full_load(store: Store) -> None:
    load_demo(store, 200, seed=5, with_casework=True, today=TODAY)
    with store.read() as conn:
        everyone = {r.participant_id: r for r in caseload_rows(conn, today=TODAY)}
    waiting = list(everyone)[:8]  # intake not recorded yet: a few pending among many
    with store.write() as tx:
        for pid in waiting:
            update_participant(tx, pid, data={"intake_date": None})
            casework.create_referral(
                tx,
                data={
                    "participant_id": pid,
                    "referral_type": "arrest_diversion",
                    "referred_at": f"{_day(-40)}T08:00:00",
                },
            )
    with store.read() as conn:
        full = {r.participant_id: r for r in caseload_rows(conn, today=TODAY)}
        some = caseload_rows(conn, today=TODAY, ids=list(full)[:50])
    # pending, due or overdue depending on their latest referral (demo ones may be later)
    assert all(full[pid].intake in ("due", "overdue") for pid in waiting)
    assert all(full[pid].intake_due is not None for pid in waiting)
    assert sum(r.intake != "" for r in full.values()) == len(waiting)
    assert {r.participant_id: r for r in some} == {pid: full[pid] for pid in list(full)[:50]}
    with store.read() as conn:
        assert caseload_rows(conn, today=TODAY, ids=[]) == []


def test_capacity_for_one_worker_takes_two_counts(store: Store, people: dict[str, str]) -> None:
    rules = CapacityRules(program_capacity=8, per_worker_max=3)
    with store.read() as conn:
        full = capacity(conn, rules)
        mine = capacity(conn, rules, worker_id=store.worker_id)
        nobody = capacity(conn, rules, worker_id="nobody")
    assert mine.program_active == full.program_active == 8
    assert mine.worker_active(store.worker_id) == full.worker_active(store.worker_id) == 3
    assert nobody.worker_active("nobody") == 0


def test_two_phases_give_the_same_rows_as_one_load(store: Store) -> None:
    load_demo(store, 300, seed=11, with_casework=True, today=TODAY)
    with store.read() as conn:
        pid = conn.execute(select(Participant.id)).scalars().first()
    assert pid is not None
    with store.write() as tx:
        update_participant(tx, pid, data={"intake_date": None})
        casework.create_referral(
            tx,
            data={
                "participant_id": pid,
                "referral_type": "arrest_diversion",
                "referred_at": f"{_day(-40)}T08:00:00",
            },
        )
    with store.read() as conn:
        full = {r.participant_id: r for r in caseload_rows(conn, today=TODAY)}
        people = caseload_people(conn)
        flags = caseload_flags(conn, today=TODAY, pending=people.pending)
    assert pid in people.pending
    assert len(people.rows) == len(full)
    for row in people.rows:  # phase 1: the people, no casework yet
        assert row.name == full[row.participant_id].name
        assert row.case_manager == full[row.participant_id].case_manager
        assert (row.last_contact, row.intake, row.consent_expiry, row.plan_review) == (
            None,
            "",
            None,
            None,
        )
    assert {r.participant_id: r for r in with_flags(people.rows, flags)} == full
    assert full[pid].intake in ("due", "overdue")
    assert sum(r.last_contact is not None for r in full.values()) > 50
