"""Pull pages in any order: children before their parent wait; a team move takes everything."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from lead_desktop.store import casework
from lead_desktop.store.participants import add_alias, create_participant, update_participant
from lead_desktop.store.schema import (
    SYNCED_TABLES,
    Alias,
    Conflict,
    Participant,
    PlanGoal,
    PlanStep,
    SearchToken,
    ServicePlan,
)
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SyncClient
from lead_server import admin
from tests.server.conftest import PASSWORD, ServerThread


def enrolled(store: Store, server: ServerThread, user: str, **kw: Any) -> SyncClient:
    client = SyncClient(store, server.url, **kw)
    client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
    return client


def count(store: Store, model: Any) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def person_with_a_plan(store: Store) -> str:
    with store.write() as tx:
        pid = create_participant(
            tx, data={"first_name": "Inés", "last_name": "Olmo", "dob": "1985-03-04"}
        )
        add_alias(tx, pid, alias="Nena")
        plan = casework.create_plan(tx, data={"participant_id": pid, "plan_date": "2026-11-01"})
        goal = casework.add_goal(tx, plan_id=plan, data={"domain": "housing", "goal": "A room"})
        casework.add_step(tx, goal_id=goal, data={"description": "Call the shelter"})
    return pid


def test_children_pulled_before_their_parent_wait_for_it(
    server: ServerThread, make_store: Any
) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a = enrolled(a_store, server, "ana")
    pid = person_with_a_plan(a_store)
    assert a.sync_once("ana", PASSWORD).in_step
    # The participant changes after its children were created: on the server its revision is
    # now above theirs, so a fresh laptop reading one record per page gets the children first.
    with a_store.write() as tx:
        update_participant(tx, pid, data={"preferred_language": "es"})
    assert a.sync_once("ana", PASSWORD).in_step

    b = enrolled(b_store, server, "ben", page=1)
    report = b.sync_once("ben", PASSWORD)

    assert report.in_step, report.drift
    for model in (Participant, Alias, ServicePlan, PlanGoal, PlanStep):
        assert count(b_store, model) == 1, model.__tablename__
    with b_store.read() as conn:
        tokens = set(
            conn.execute(
                select(SearchToken.token).where(SearchToken.participant_id == pid)
            ).scalars()
        )
    assert {"ines", "olmo", "nena"} <= tokens  # the alias arrived and is searchable


def test_a_participant_leaving_the_team_takes_its_records_along(
    server: ServerThread, make_store: Any
) -> None:
    admin.add_user(server.engine, "sue", "supervisor", PASSWORD, None)
    a_store, b_store, s_store = make_store("ana"), make_store("ben"), make_store("sue")
    a = enrolled(a_store, server, "ana")
    pid = person_with_a_plan(a_store)
    assert a.sync_once("ana", PASSWORD).in_step
    b = enrolled(b_store, server, "ben", page=1)
    assert b.sync_once("ben", PASSWORD).in_step
    assert count(b_store, PlanStep) == 1

    s = enrolled(s_store, server, "sue")
    assert s.sync_once("sue", PASSWORD).in_step
    with s_store.write() as tx:
        update_participant(tx, pid, data={"team": "south"})
    assert s.sync_once("sue", PASSWORD).in_step

    report = b.sync_once("ben", PASSWORD)  # one event per page: the participant's comes first
    assert report.in_step, report.drift
    for name, model in SYNCED_TABLES.items():
        if name != "worker":
            assert count(b_store, model) == 0, name
    assert count(b_store, SearchToken) == 0


def test_conflicts_on_a_participant_leaving_the_team_leave_with_it(
    server: ServerThread, make_store: Any
) -> None:
    admin.add_user(server.engine, "sue", "supervisor", PASSWORD, None)
    a_store, b_store, s_store = make_store("ana"), make_store("ben"), make_store("sue")
    a, b = enrolled(a_store, server, "ana"), enrolled(b_store, server, "ben")
    pid = person_with_a_plan(a_store)
    assert a.sync_once("ana", PASSWORD).in_step
    assert b.sync_once("ben", PASSWORD).in_step
    # Both change the same field offline: ben's laptop files the conflict.
    with a_store.write() as tx:
        update_participant(tx, pid, data={"status": "inactive"})
    with b_store.write() as tx:
        update_participant(tx, pid, data={"status": "in_the_wind"})
    a.sync_once("ana", PASSWORD)
    assert b.sync_once("ben", PASSWORD).conflicts == 1
    assert count(b_store, Conflict) == 1

    s = enrolled(s_store, server, "sue")
    s.sync_once("sue", PASSWORD)
    with s_store.write() as tx:
        update_participant(tx, pid, data={"team": "south"})
    s.sync_once("sue", PASSWORD)

    assert b.sync_once("ben", PASSWORD).in_step
    assert count(b_store, Participant) == 0
    assert count(b_store, Conflict) == 0  # both values were about someone no longer here
