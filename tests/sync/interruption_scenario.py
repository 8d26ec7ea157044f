"""The reference scenario of the interruption tests: realistic work on two laptops, built into
a snapshot once per database kind (in each test module that uses it) and copied by every run.

A server and two laptops (ana and ben, one team): participants with aliases, a service plan with
goals and steps, contacts; ben's edits partly pushed, partly not; ana's not pushed at all,
including a same-field edit that conflicts with ben's. Syncs use small push batches and pull
pages (``BATCH``, ``PAGE``) so one sync makes several of each. ``check_reference`` proves the
run with no fault kept every edit of both laptops: the end state every interrupted run must
reach. Used by tests/sync/test_cut_matrix.py and tests/sync/test_kill.py; not a test module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select as sql_select

from lead_desktop.store.casework import (
    add_goal,
    add_step,
    create_plan,
    log_encounter,
    update_goal,
    update_plan,
    update_step,
)
from lead_desktop.store.participants import (
    add_alias,
    create_participant,
    remove_alias,
    update_participant,
)
from lead_desktop.store.records import table_of
from lead_desktop.store.schema import SYNCED_TABLES, ChangeJournal
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SyncClient, SyncReport
from lead_server import admin
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.server.conftest import PASSWORD, Postgres, ServerThread
from tests.sync.interruption_state import End, canon

#: The two case managers of one team (each with a laptop).
USERS, TEAM = ("ana", "ben"), "north"
#: Small batches and pages, so one sync makes several push and several pull requests.
BATCH, PAGE = 5, 7
PUSH, PULL = "/api/v1/push", "/api/v1/pull"


# -- the snapshot: realistic work on two laptops -----------------------------------------------


@dataclass
class Work:
    """Ids of the records the snapshot made, to check edits by name."""

    people: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    plan: str = ""
    goals: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def _person(tx: Any, first: str, last: str, dob: str, aliases: list[tuple[str, str]]) -> str:
    data = {"first_name": first, "last_name": last, "dob": dob}
    return create_participant(tx, data=data, aliases=aliases)


def ana_first(store: Store, work: Work) -> None:
    """Ana's caseload, pushed before the snapshot."""
    with store.write() as tx:
        p = work.people
        p["luz"] = _person(tx, "Luz", "Ruiz", "1980-02-01", [("Lucy", "alias")])
        p["jose"] = _person(tx, "José", "Núñez", "1975-07-14", [("Pepe", "street")])
        p["minh"] = _person(
            tx, "Minh Khai", "Nguyễn Thị", "1990-11-30", [("Kay", "alias"), ("MK", "street")]
        )
        p["zoe"] = _person(tx, "Zoë", "O'Brien-Ćosić", "1988-05-09", [])
        work.plan = create_plan(
            tx, data={"participant_id": p["luz"], "plan_date": "2024-03-01", "priorities": "Rest"}
        )
        housing = add_goal(
            tx, plan_id=work.plan, data={"domain": "housing", "goal": "Find stable housing"}
        )
        income = add_goal(
            tx, plan_id=work.plan, data={"domain": "income_benefits", "goal": "Apply for SNAP"}
        )
        work.goals += [housing, income]
        for goal, text in ((housing, "Apply for a voucher"), (housing, "Visit the shelter")):
            work.steps.append(add_step(tx, goal_id=goal, data={"description": text}))
        work.steps.append(add_step(tx, goal_id=income, data={"description": "Gather papers"}))
        log_encounter(
            tx,
            participant_id=p["luz"],
            data={"occurred_at": "2024-03-01T10:00:00", "contact_type": "in_person"},
        )
        log_encounter(
            tx,
            participant_id=p["jose"],
            data={"occurred_at": "2024-03-02T11:30:00", "contact_type": "phone", "note": "ok"},
        )
    with store.read() as conn:
        rows = conn.execute(sql_select(table_of(SYNCED_TABLES["alias"]))).mappings().all()
    work.aliases = {r["alias"]: r["id"] for r in rows}


def ben_pushed(store: Store, work: Work) -> None:
    """Ben's edits, pushed before the snapshot (one clashes with ana's coming edit)."""
    p = work.people
    with store.write() as tx:
        update_participant(tx, p["luz"], data={"preferred_language": "es"})
        update_participant(tx, p["jose"], data={"last_name": "Núñez-Ruiz"})
        p["amara"] = _person(tx, "Amara", "Okafor", "1995-01-20", [("Mara", "alias")])
        goal = add_goal(
            tx,
            plan_id=work.plan,
            data={"domain": "insurance_health", "goal": "Enroll in Medicaid"},
        )
        work.goals.append(goal)
        work.steps.append(add_step(tx, goal_id=goal, data={"description": "Call the navigator"}))
        update_step(tx, work.steps[0], data={"status": "in_progress"})
        log_encounter(
            tx,
            participant_id=p["amara"],
            data={"occurred_at": "2024-03-03T09:00:00", "contact_type": "outreach_attempt"},
        )


def ben_unpushed(store: Store, work: Work) -> None:
    """Ben's edits still on his laptop at the snapshot."""
    p = work.people
    with store.write() as tx:
        update_participant(tx, p["minh"], data={"preferred_language": "vi"})
        add_alias(tx, p["zoe"], alias="Zee")
        log_encounter(
            tx,
            participant_id=p["luz"],
            data={"occurred_at": "2024-03-04T15:00:00", "contact_type": "phone"},
        )
        update_plan(tx, work.plan, data={"review_date": "2024-06-01"})


def ana_unpushed(store: Store, work: Work) -> None:
    """Ana's edits at the snapshot: 22 journal entries, so five push batches of five."""
    p = work.people
    with store.write() as tx:
        update_participant(tx, p["luz"], data={"first_name": "Lucía"})
        update_participant(tx, p["jose"], data={"last_name": "Nunez"})  # ben changed it too
        p["rosa"] = _person(
            tx, "Rosa", "Díaz", "1970-09-09", [("Rosita", "alias"), ("La Flaca", "street")]
        )
        p["tomas"] = _person(tx, "Tomás", "Ortega", "1999-12-31", [("Tito", "alias")])
        remove_alias(tx, work.aliases["MK"])
        update_step(tx, work.steps[1], data={"status": "done"})
        legal = add_goal(tx, plan_id=work.plan, data={"domain": "legal", "goal": "Clear warrant"})
        for text in ("Meet the public defender", "Attend the hearing"):
            add_step(tx, goal_id=legal, data={"description": text})
        update_plan(tx, work.plan, data={"priorities": "Housing first"})
        plan = create_plan(tx, data={"participant_id": p["rosa"], "plan_date": "2024-03-05"})
        goal = add_goal(tx, plan_id=plan, data={"domain": "employment_education", "goal": "GED"})
        add_step(tx, goal_id=goal, data={"description": "Enroll in classes"})
        for who, kind in (("luz", "in_person"), ("rosa", "in_person"), ("tomas", "phone")):
            log_encounter(
                tx,
                participant_id=p[who],
                data={"occurred_at": "2024-03-06T10:00:00", "contact_type": kind},
            )
        log_encounter(
            tx,
            participant_id=p["minh"],
            data={"occurred_at": "2024-03-06T12:00:00", "contact_type": "text"},
        )
        update_participant(tx, p["zoe"], data={"interpreter_needed": True})
        update_goal(tx, work.goals[0], data={"status": "in_progress"})


@dataclass
class Snapshot:
    """A server database and two laptops' store folders, copied for each scenario."""

    root: Path
    database_url: str
    pg: Postgres | None
    laptops: dict[str, Path]
    work: Work
    #: Ana's unpushed change ids at the snapshot, in journal order.
    ana_queue: list[str] = field(default_factory=list)
    reference: End | None = None
    #: The requests of ana's first sync in the reference run: (method, path) in order.
    plan: list[tuple[str, str]] = field(default_factory=list)


def make_snapshot(root: Path, database_url: str, pg: Postgres | None) -> Snapshot:
    """Build the starting state through the real server, then stop everything."""
    root.mkdir(parents=True)
    work = Work()
    laptops = {user: root / f"laptop-{user}" for user in USERS}
    with ServerThread(database_url) as srv:
        for name in USERS:
            admin.add_user(srv.engine, name, "case_manager", PASSWORD, TEAM)
        stores = {u: Store.create(path, u, PASSPHRASE, kdf=FAST_KDF) for u, path in laptops.items()}
        try:
            for user, store in stores.items():
                with SyncClient(store, srv.url) as client:
                    client.enroll(admin.make_enroll_code(srv.engine, user), user, PASSWORD)
            ana, ben = stores["ana"], stores["ben"]
            ana_first(ana, work)
            for user in USERS:  # password sign-ins: each laptop keeps its sync key
                _sync(stores[user], srv.url, user, PASSWORD)
            ben_pushed(ben, work)
            _sync(ben, srv.url, "ben")
            ben_unpushed(ben, work)
            ana_unpushed(ana, work)
            with ana.read() as conn:
                queue = list(
                    conn.execute(
                        sql_select(ChangeJournal.change_id)
                        .where(ChangeJournal.pushed_at.is_(None))
                        .order_by(ChangeJournal.seq)
                    ).scalars()
                )
        finally:
            for store in stores.values():
                store.close()
    return Snapshot(root, database_url, pg, laptops, work, queue)


def _sync(store: Store, url: str, user: str, password: str | None = None) -> SyncReport:
    with SyncClient(store, url, batch=BATCH, page=PAGE) as client:
        report = client.sync_once(user, password)
    assert report.in_step, report.drift
    return report


def check_reference(snapshot: Snapshot, end: End) -> None:
    """The reference run kept every edit of both laptops (merge, conflict, creations)."""
    p, rows = snapshot.work.people, end.laptops["ana"]
    people = rows["participant"]
    assert people[p["luz"]]["first_name"] == "Lucía"  # ana's edit
    assert people[p["luz"]]["preferred_language"] == "es"  # ben's, merged with it
    assert people[p["jose"]]["last_name"] == "Núñez-Ruiz"  # ben's came first: the server's
    assert people[p["minh"]]["preferred_language"] == "vi"  # ben's, pushed after the snapshot
    assert people[p["zoe"]]["interpreter_needed"] is True
    assert {"rosa", "tomas", "amara"} <= set(p) and all(pid in people for pid in p.values())
    assert rows["alias"][snapshot.work.aliases["MK"]]["deleted"]
    assert len(rows["encounter"]) == 2 + 1 + 1 + 4
    assert len(rows["plan_goal"]) == 5 and len(rows["plan_step"]) == 7
    [clash] = [c for c in end.server_conflicts if c[1] == p["jose"]]
    assert clash[2:5] == ("last_name", canon("Núñez-Ruiz"), canon("Nunez"))
    assert (
        "participant",
        p["jose"],
        "last_name",
        canon("Nunez"),
        canon("Núñez-Ruiz"),
        False,
    ) in (end.laptop_conflicts["ana"])
    queue = set(snapshot.ana_queue)
    assert queue <= set(end.applied) and len(queue) == 22
