"""A participant's history: every audited action on their record and its parts, newest first."""

from __future__ import annotations

from sqlalchemy import text

from lead_desktop.store import casework
from lead_desktop.store.history import HistoryEvent, history_query, record_history
from lead_desktop.store.participants import (
    add_alias,
    create_participant,
    update_participant,
    view_participant,
)
from lead_desktop.store.store import Store


def _person(store: Store, first: str = "Ana", last: str = "Lopez") -> str:
    with store.write() as tx:
        return create_participant(tx, data={"first_name": first, "last_name": last})


def test_history_lists_the_record_and_its_parts_newest_first(store: Store) -> None:
    pid = _person(store)
    other = _person(store, "Ben", "Okafor")
    with store.write() as tx:
        view_participant(tx, pid)
    with store.write() as tx:
        update_participant(tx, pid, data={"first_name": "Anna", "dob": "1980-03-05"})
        add_alias(tx, pid, alias="Sunny", kind="street")
    with store.write() as tx:
        rid = casework.create_referral(
            tx,
            data={
                "participant_id": pid,
                "referral_type": "social_contact",
                "referred_at": "2026-01-05T10:00",
            },
        )
        plan = casework.create_plan(tx, data={"participant_id": pid, "plan_date": "2026-01-06"})
        goal = casework.add_goal(tx, plan_id=plan, data={"domain": "housing", "goal": "A room"})
        step = casework.add_step(tx, goal_id=goal, data={"description": "Call the shelter"})
        sid, _ = casework.record_screening(
            tx,
            participant_id=pid,
            instrument="PHQ-9",
            items=[0, 0, 0, 0, 0, 0, 0, 0, 1],
            screened_at="2026-01-06",
        )
    with store.write() as tx:
        view_participant(tx, other)

    events = record_history_of(store, pid)
    assert [e.seq for e in events] == sorted((e.seq for e in events), reverse=True)
    assert {e.worker_name for e in events} == {"tester"}
    seen = {(e.action, e.entity) for e in events}
    assert {
        ("create", "participant"),
        ("view", "participant"),
        ("update", "participant"),
        ("create", "alias"),
        ("create", "referral"),
        ("create", "service_plan"),
        ("create", "plan_goal"),
        ("create", "plan_step"),
        ("create", "screening"),
        ("safety_alert", "screening"),
    } <= seen
    ids = {e.entity_id for e in events}
    assert {pid, rid, plan, goal, step, sid} <= ids
    assert other not in ids
    update = next(e for e in events if e.action == "update")
    assert update.fields == ("dob", "first_name")
    assert events[0].local_time.tzinfo is not None


def test_history_never_carries_field_values(store: Store) -> None:
    pid = _person(store, "Zoë", "Ćosić")
    with store.write() as tx:
        update_participant(tx, pid, data={"last_name": "Nuñez"})
    dump = repr(record_history_of(store, pid))
    for value in ("Zoë", "Ćosić", "Nuñez"):
        assert value not in dump


def test_history_is_limited_and_uses_the_entity_index(store: Store) -> None:
    pid = _person(store)
    for _ in range(5):
        with store.write() as tx:
            view_participant(tx, pid)
    with store.read() as conn:
        assert len(record_history(conn, pid, limit=3)) == 3
        query = history_query(pid).compile(compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in conn.execute(text(f"EXPLAIN QUERY PLAN {query}")))
    assert "ix_audit_event_entity_id" in plan
    assert "SCAN audit_event" not in plan, plan


def record_history_of(store: Store, pid: str) -> list[HistoryEvent]:
    """Read a participant's history in a fresh snapshot."""
    with store.read() as conn:
        return record_history(conn, pid)
