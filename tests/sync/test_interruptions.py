"""Interruption anywhere is safe: links cut at every step of a sync, the server killed between
applying a push and answering it, a laptop killed while applying a pull.

Every scenario starts from one snapshot, made once per database kind: a server and two laptops
(ana and ben, one team) with realistic work on both sides: participants with aliases, a service
plan with goals and steps, contacts; ben's edits partly pushed, partly not; ana's not pushed at
all, including a same-field edit that conflicts with ben's. The scenario runs on a copy of the
snapshot, with small push batches and pull pages so a sync has several of each. After the fault
the laptops sync again through the proxy with no more faults, and the end state must equal the
reference run's (the same snapshot synced with no fault at all) exactly: the server's records,
revisions, applied change ids and conflicts; every row of both laptops; their conflicts.

Run as a module, this file is the child laptop process of the kill tests (see ``_child``).
"""

from __future__ import annotations

import itertools
import json
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import Engine, event
from sqlalchemy import select as sql_select
from sqlalchemy.engine import make_url

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
from lead_desktop.store.records import META, table_of
from lead_desktop.store.schema import SYNCED_TABLES, ChangeJournal, Conflict, SyncState
from lead_desktop.store.store import Store
from lead_desktop.sync.apply import NOT_PULLED, PARKED_PREFIX
from lead_desktop.sync.engine import CURSOR_KEY, SyncClient, SyncReport
from lead_desktop.sync.transport import SyncError
from lead_server import admin
from lead_server.db import make_engine
from lead_server.models import AppliedChange, Quarantine, Record, RevCounter
from lead_server.models import Conflict as ServerConflict
from tests.helpers import FAST_KDF, PASSPHRASE, REPO
from tests.server.conftest import PASSWORD, Postgres, ServerThread, free_port
from tests.sync.proxy import Direction, Fault, Position, Proxy

#: The two case managers of one team (each with a laptop).
USERS, TEAM = ("ana", "ben"), "north"
#: Small batches and pages, so one sync makes several push and several pull requests.
BATCH, PAGE = 5, 7
PUSH, PULL = "/api/v1/push", "/api/v1/pull"
#: Columns each laptop keeps for itself (who and when wrote it there): never compared.
LOCAL_ONLY = META - {"id", "rev"}
#: Kinds a laptop holds as rows after a pull.
PULLED = sorted(set(SYNCED_TABLES) - NOT_PULLED)
#: Cut points inside each request and each response.
POSITIONS: tuple[Position, ...] = ("start", "middle", "end")
DIRECTIONS: tuple[Direction, ...] = ("up", "down")


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


# -- a running copy of the snapshot -----------------------------------------------------------


class ServerProcess:
    """``lead-server serve`` in a subprocess on a fixed port, killed with SIGKILL on demand."""

    def __init__(self, database_url: str, port: int, log: Path) -> None:
        self.database_url, self.port, self.log = database_url, port, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it answers."""
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "lead_server.cli", "serve"]
                + ["--database-url", self.database_url, "--port", str(self.port)],
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            with suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{self.port}/api/v1/version").status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("the server did not start in 30 s")

    def kill(self) -> None:
        """SIGKILL the server and reap it."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@dataclass
class World:
    """A server with a proxy before it, and copies of the snapshot's laptops."""

    snapshot: Snapshot
    engine: Engine
    proxy: Proxy
    server: Any
    laptops: dict[str, Path] = field(default_factory=dict)
    stores: dict[str, Store] = field(default_factory=dict)

    def open(self) -> None:
        """Unlock both laptops' stores."""
        for user, path in self.laptops.items():
            if user not in self.stores:
                self.stores[user] = Store.unlock(path, user, PASSPHRASE)

    def close_store(self, user: str) -> None:
        """Close one laptop's store (another process will use it)."""
        self.stores.pop(user).close()

    def close(self) -> None:
        """Close every open store."""
        for user in list(self.stores):
            self.close_store(user)

    def sync(self, user: str) -> SyncReport:
        """One sync of ``user``'s laptop through the proxy, with its saved sync key."""
        with SyncClient(self.stores[user], self.proxy.url, batch=BATCH, page=PAGE) as client:
            return client.sync_once(user)

    def converge(self, *, first: SyncReport | None = None) -> tuple[SyncReport, SyncReport]:
        """Ana retries (unless ``first`` is her retry), then ben, then ana: all in step."""
        retry = first or self.sync("ana")
        assert retry.in_step, retry.drift
        ben = self.sync("ben")
        ana = self.sync("ana")
        assert ben.in_step and ana.in_step, (ben.drift, ana.drift)
        return ana, ben


class Stage:
    """One live server (in a thread) per database kind, and a proxy before it; its database is
    reset to the snapshot before each scenario (cheaper than a new server each time)."""

    def __init__(self, snapshot: Snapshot, root: Path) -> None:
        self.snapshot, self.root = snapshot, root
        self.database_url = _clone_database(snapshot, root / "live")
        self.engine = make_engine(self.database_url)
        self.server = ServerThread(self.database_url).__enter__()
        self.proxy = Proxy(self.server.port).__enter__()

    def close(self) -> None:
        """Stop the proxy and the server; drop the live database."""
        self.proxy.close()
        self.server.__exit__(None, None, None)
        self.engine.dispose()
        _drop_database(self.snapshot, self.database_url)

    def reset(self) -> None:
        """Put the snapshot's data back in the live database, under the running server."""
        snap = self.snapshot
        if snap.pg is None:
            source = sqlite3.connect(str(make_url(snap.database_url).database))
            target = sqlite3.connect(str(make_url(self.database_url).database))
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
            return
        live, base = (str(make_url(u).database) for u in (self.database_url, snap.database_url))
        with psycopg.connect(snap.pg.admin_dsn, autocommit=True) as conn:
            # The server's and our pools reconnect on their own (they ping before each use).
            conn.execute(f'DROP DATABASE "{live}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{live}" TEMPLATE "{base}"')

    @contextmanager
    def scene(self) -> Iterator[World]:
        """A fresh copy of the snapshot's laptops, and the server back at the snapshot."""
        self.reset()
        self.proxy.disarm()
        self.proxy.reset_log()
        dest = self.root / f"scene{next(_scenes)}"
        world = World(
            self.snapshot, self.engine, self.proxy, self.server, _copy_laptops(self.snapshot, dest)
        )
        try:
            world.open()
            yield world
        finally:
            world.close()
            shutil.rmtree(dest, ignore_errors=True)


_scenes = itertools.count()


def _copy_laptops(snapshot: Snapshot, dest: Path) -> dict[str, Path]:
    dest.mkdir(parents=True)
    return {u: Path(shutil.copytree(p, dest / p.name)) for u, p in snapshot.laptops.items()}


@contextmanager
def in_process(snapshot: Snapshot, dest: Path) -> Iterator[World]:
    """A copy of the snapshot served by a real ``lead-server`` process that can be killed."""
    dest.mkdir(parents=True)
    url = _clone_database(snapshot, dest / "db")
    engine = make_engine(url)
    server = ServerProcess(url, free_port(), dest / "server.log")
    try:
        server.start()
        with Proxy(server.port) as proxy:
            laptops = _copy_laptops(snapshot, dest / "laptops")
            world = World(snapshot, engine, proxy, server, laptops)
            try:
                world.open()
                yield world
            finally:
                world.close()
    finally:
        server.stop()
        engine.dispose()
        _drop_database(snapshot, url)


_clones = itertools.count()


def _clone_database(snapshot: Snapshot, dest: Path) -> str:
    """A copy of the snapshot's server database; return its URL."""
    if snapshot.pg is None:
        dest.mkdir(parents=True)
        source = sqlite3.connect(str(make_url(snapshot.database_url).database))
        target = sqlite3.connect(str(dest / "server.db"))
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        return f"sqlite:///{dest / 'server.db'}"
    base = str(make_url(snapshot.database_url).database)
    name = f"{base}_c{next(_clones)}"
    with psycopg.connect(snapshot.pg.admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{base}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:{snapshot.pg.port}/{name}"


def _drop_database(snapshot: Snapshot, url: str) -> None:
    if snapshot.pg is not None:
        name = str(make_url(url).database)
        with psycopg.connect(snapshot.pg.admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- what the server and the laptops hold -------------------------------------------------------


@dataclass
class End:
    """Everything that must be identical after any interrupted run and its retries."""

    records: dict[tuple[str, str], tuple[int, bool, dict[str, Any]]]
    counter: int
    applied: dict[str, tuple[str, int | None]]
    server_conflicts: list[tuple[Any, ...]]
    laptops: dict[str, dict[str, dict[str, dict[str, Any]]]]
    laptop_conflicts: dict[str, list[tuple[Any, ...]]]


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def server_records(engine: Engine) -> dict[tuple[str, str], tuple[int, bool, dict[str, Any]]]:
    """(table, id) -> (revision, deleted, fields) of every record on the server."""
    with engine.connect() as conn:
        return {
            (r.table_name, r.row_id): (int(r.rev), bool(r.deleted), dict(r.fields))
            for r in conn.execute(
                sql_select(
                    Record.table_name, Record.row_id, Record.rev, Record.deleted, Record.fields
                )
            )
        }


def applied_changes(engine: Engine) -> dict[str, tuple[str, int | None]]:
    """change id -> (status, revision) of every change the server has processed."""
    with engine.connect() as conn:
        return {
            r.change_id: (r.status, r.rev)
            for r in conn.execute(
                sql_select(AppliedChange.change_id, AppliedChange.status, AppliedChange.rev)
            )
        }


def laptop_rows(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> id -> the row's synced columns (revision included, local-only ones left out)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with store.read() as conn:
        for name in PULLED:
            table = table_of(SYNCED_TABLES[name])
            out[name] = {
                r["id"]: {k: v for k, v in r.items() if k not in LOCAL_ONLY}
                for r in conn.execute(sql_select(table)).mappings()
            }
    return out


def laptop_conflicts(store: Store) -> list[tuple[Any, ...]]:
    """The conflicts a laptop holds: (table, id, field, its value, the server's, resolved)."""
    with store.read() as conn:
        return sorted(
            (
                r.table_name,
                r.row_id,
                r.field,
                _canon(r.local_value),
                _canon(r.server_value),
                r.resolved_at is not None,
            )
            for r in conn.execute(sql_select(Conflict.__table__))
        )


def end_state(world: World) -> End:
    """What the server and both laptops hold now."""
    with world.engine.connect() as conn:
        counter = int(conn.execute(sql_select(RevCounter.value)).scalar_one())
        conflicts = sorted(
            (
                r.table_name,
                r.row_id,
                r.field,
                _canon(r.server_value),
                _canon(r.client_value),
                r.change_id,
                r.resolved_at is not None,
            )
            for r in conn.execute(sql_select(ServerConflict.__table__))
        )
        quarantined = conn.execute(sql_select(Quarantine.change_id)).all()
    assert not quarantined, "no entry of this scenario may be refused"
    return End(
        records=server_records(world.engine),
        counter=counter,
        applied=applied_changes(world.engine),
        server_conflicts=conflicts,
        laptops={u: laptop_rows(s) for u, s in world.stores.items()},
        laptop_conflicts={u: laptop_conflicts(s) for u, s in world.stores.items()},
    )


def journal(store: Store) -> list[tuple[str, bool]]:
    """(change id, pushed) of every journal entry, in order."""
    with store.read() as conn:
        return [
            (r.change_id, r.pushed_at is not None)
            for r in conn.execute(
                sql_select(ChangeJournal.change_id, ChangeJournal.pushed_at).order_by(
                    ChangeJournal.seq
                )
            )
        ]


def check_converged(world: World, end: End) -> None:
    """Laptops and server agree field by field; every journal entry pushed and applied once."""
    applied = end.applied
    for user, tables in end.laptops.items():
        entries = journal(world.stores[user])
        assert all(pushed for _, pushed in entries), f"{user}: journal not fully pushed"
        lost = [cid for cid, _ in entries if cid not in applied]
        assert not lost, f"{user}: {len(lost)} local changes never reached the server"
        for name, rows in tables.items():
            for row_id, row in rows.items():
                assert row["rev"] is not None, f"{user}: {name} {row_id} never came back"
                rev, deleted, fields = end.records[(name, row_id)]
                assert row["rev"] == rev, f"{user}: {name} {row_id} at rev {row['rev']} != {rev}"
                assert bool(row["deleted"]) == deleted, f"{user}: {name} {row_id} deleted"
                for column, value in row.items():
                    if column in {"id", "rev", "deleted"} or column not in fields:
                        continue
                    assert _canon(value) == _canon(fields[column]), (
                        f"{user}: {name} {row_id} field {column} differs from the server"
                    )
    ana, ben = end.laptops["ana"], end.laptops["ben"]
    assert ana == ben, "the two laptops hold different records"
    assert max(rev for rev, _, _ in end.records.values()) <= end.counter


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
    assert clash[2:5] == ("last_name", _canon("Núñez-Ruiz"), _canon("Nunez"))
    assert (
        "participant",
        p["jose"],
        "last_name",
        _canon("Nunez"),
        _canon("Núñez-Ruiz"),
        False,
    ) in (end.laptop_conflicts["ana"])
    queue = set(snapshot.ana_queue)
    assert queue <= set(end.applied) and len(queue) == 22


# -- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stage(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stage]:
    """The snapshot on each database kind, its live server, and its reference run (no fault)."""
    pg: Postgres | None = None
    if request.param == "postgresql":
        pg = request.getfixturevalue("postgres")
    root = _scratch(tmp_path_factory, request.param)
    url = pg.new_database() if pg else f"sqlite:///{root / 'snapshot.db'}"
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, root, ignore_errors=True)
        snap = make_snapshot(root / "snapshot", url, pg)
        cleanup.callback(_drop_database, snap, url)
        live = Stage(snap, root)
        cleanup.callback(live.close)
        with live.scene() as world:
            first = world.sync("ana")
            snap.plan = [(e.method, e.path) for e in world.proxy.log]
            world.converge(first=first)
            snap.reference = end_state(world)
            check_converged(world, snap.reference)
        check_reference(snap, snap.reference)
        yield live


def _scratch(factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder for the scenarios' files, in memory (tmpfs) when the machine has one: the
    stores and the SQLite server then commit without waiting for a disk, which makes the many
    scenarios fast; what they test does not depend on the disk."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix=f"lead-interrupt-{name}-", dir=shm))
    return factory.mktemp(f"interrupt-{name}")


# -- cut links -----------------------------------------------------------------------------------


def cut_points(snapshot: Snapshot) -> list[Fault]:
    """Start, middle and end of every request and every response of ana's sync."""
    faults: list[Fault] = []
    seen: dict[str, int] = {}
    for _, path in snapshot.plan:
        nth = seen.get(path, 0)
        seen[path] = nth + 1
        for direction in DIRECTIONS:
            faults += [Fault(direction, at, request=nth, path=path) for at in POSITIONS]
    return faults


def check_nothing_partial(world: World, fault: Fault) -> None:
    """After the cut: whole batches marked pushed, whole pages applied, the cursor honest."""
    snap, store = world.snapshot, world.stores["ana"]
    queue = snap.ana_queue
    pushed = {cid for cid, done in journal(store) if done}
    marked = [cid for cid in queue if cid in pushed]
    assert marked == queue[: len(marked)], "pushed entries must be a prefix of the queue"
    on_server = {cid for cid in queue if cid in applied_changes(world.engine)}
    if fault.path == PUSH:
        assert fault.request is not None
        assert len(marked) == BATCH * fault.request, "only the batches answered are marked"
        in_flight = set(queue[: len(marked) + BATCH]) if fault.direction == "down" else set()
        assert on_server == set(marked) | in_flight, "the server holds what it answered"
    elif fault.path == "/api/v1/token":
        assert not marked and not on_server
    else:
        assert marked == queue and on_server == set(queue)
    reference = snap.reference
    assert reference is not None
    assert set(laptop_conflicts(store)) <= set(reference.laptop_conflicts["ana"])
    check_cursor(world, "ana")


def check_cursor(world: World, user: str) -> None:
    """Every record the cursor has passed is here (or parked), and nothing beyond it is."""
    store = world.stores[user]
    reference = world.snapshot.reference
    assert reference is not None
    scope = {(name, rid) for name, rows in reference.laptops[user].items() for rid in rows}
    with store.read() as conn:
        cursor = int(
            conn.execute(sql_select(SyncState.value).where(SyncState.key == CURSOR_KEY)).scalar()
            or 0
        )
        parked = {
            tuple(k[len(PARKED_PREFIX) :].split(":", 1)): json.loads(v)["rev"]
            for k, v in conn.execute(
                sql_select(SyncState.key, SyncState.value).where(
                    SyncState.key.startswith(PARKED_PREFIX)
                )
            )
        }
    local = {
        (name, rid): row["rev"]
        for name, rows in laptop_rows(store).items()
        for rid, row in rows.items()
    }
    for key, (rev, _, _) in server_records(world.engine).items():
        if key not in scope:
            continue
        if rev <= cursor:
            assert local.get(key) == rev or parked.get(key) == rev, (
                f"cursor {cursor} passed {key} at rev {rev} but the laptop has {local.get(key)}"
            )
    # A laptop may learn the revision of a record it created from the push's answer.
    created = own_creations(store, world.engine)
    beyond = {
        k: r for k, r in local.items() if r is not None and r > cursor and created.get(k) != r
    }
    assert not beyond, f"rows applied beyond the cursor {cursor}: {beyond}"


def own_creations(store: Store, engine: Engine) -> dict[tuple[str, str], int | None]:
    """(table, id) -> the revision the server stored it at, for records this laptop created."""
    applied = applied_changes(engine)
    with store.read() as conn:
        rows = conn.execute(
            sql_select(
                ChangeJournal.table_name, ChangeJournal.row_id, ChangeJournal.change_id
            ).where(ChangeJournal.op.in_(["insert", "create"]))
        ).all()
    return {(r.table_name, r.row_id): applied.get(r.change_id, ("", None))[1] for r in rows}


@dataclass
class Outcome:
    """One cut point's result, for the report at the end."""

    fault: Fault
    error: str | None = None


def run_cut(stage: Stage, fault: Fault) -> None:
    """Cut ana's sync at ``fault``; check nothing partial; retry and converge to the reference."""
    with stage.scene() as world:
        world.proxy.arm(fault)
        with pytest.raises(SyncError) as caught:
            world.sync("ana")
        assert world.proxy.fired == fault, "the fault never fired: the sync changed its shape"
        assert caught.value.unreachable, f"not a network error: {caught.value}"
        check_nothing_partial(world, fault)
        world.converge()
        end = end_state(world)
        check_converged(world, end)
        assert stage.snapshot.reference is not None
        _same_end(end, stage.snapshot.reference)


def _same_end(end: End, reference: End) -> None:
    assert end.counter == reference.counter, "revisions used differ: something applied twice"
    assert end.applied == reference.applied, "the applied change ids differ"
    assert end.records == reference.records, "the server's records differ"
    assert end.server_conflicts == reference.server_conflicts, "the server's conflicts differ"
    assert end.laptops == reference.laptops, "the laptops' rows differ"
    assert end.laptop_conflicts == reference.laptop_conflicts, "the laptops' conflicts differ"


@pytest.mark.slow
def test_a_cut_anywhere_in_a_sync_loses_and_duplicates_nothing(stage: Stage) -> None:
    """Every request and response of a sync cut at its start, middle and end, one at a time."""
    snapshot = stage.snapshot
    faults = cut_points(snapshot)
    paths = {path for _, path in snapshot.plan}
    assert {"/api/v1/token", PUSH, PULL, "/api/v1/summary"} <= paths, snapshot.plan
    assert sum(path == PUSH for _, path in snapshot.plan) == 5
    assert sum(path == PULL for _, path in snapshot.plan) >= 3
    failures: list[Outcome] = []
    for fault in faults:
        try:
            run_cut(stage, fault)
        except AssertionError as exc:  # keep going: report every cut point that fails
            failures.append(Outcome(fault, str(exc).splitlines()[0]))
    report = "\n".join(f"{o.fault.label()}: {o.error}" for o in failures)
    assert not failures, f"{len(failures)} of {len(faults)} cut points failed:\n{report}"


def test_a_password_sign_in_cut_keeps_the_saved_sync_key(stage: Stage) -> None:
    """The laptop already holds a sync key; a password sign-in's answer is lost on the way."""
    with stage.scene() as world:
        store = world.stores["ana"]
        with SyncClient(store, world.proxy.url) as client:
            assert client.saved_sync_key("ana") is not None
            world.proxy.arm(Fault("down", "start", request=0, path="/api/v1/token"))
            with pytest.raises(SyncError) as caught:
                client.sync_once("ana", PASSWORD)
            assert caught.value.unreachable
        report = world.sync("ana")  # the background sync: no password at hand
        assert report.in_step


def test_the_proxy_counts_bytes_and_cuts_a_connection_at_a_byte(server: ServerThread) -> None:
    """The proxy itself: byte counts per direction, and a cut after N bytes of a connection."""
    with Proxy(server.port) as proxy:
        got = httpx.get(f"{proxy.url}/api/v1/version")
        assert got.status_code == 200
        [seen] = proxy.log
        assert (seen.method, seen.path, seen.status) == ("GET", "/api/v1/version", 200)
        assert seen.up == proxy.bytes_up and seen.down == proxy.bytes_down
        assert seen.down is not None and seen.down > len(got.content)
        cuts: list[tuple[Direction, int]] = [("up", 10), ("down", 20)]
        for direction, at in cuts:
            fault = Fault(direction, at, request=None, connection=0)
            proxy.arm(fault)
            with pytest.raises(httpx.HTTPError):
                httpx.get(f"{proxy.url}/api/v1/version")
            assert proxy.fired == fault
        assert httpx.get(f"{proxy.url}/api/v1/version").status_code == 200


# -- the server killed between applying and answering -------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("batch", [0, 2, 4])
def test_server_killed_after_applying_a_push_before_answering(stage: Stage, batch: int) -> None:
    """A real server process is SIGKILLed when its answer to a push starts coming back."""
    snapshot = stage.snapshot
    with in_process(snapshot, stage.root / f"process{batch}") as world:
        server = world.server
        assert isinstance(server, ServerProcess)
        world.proxy.arm(Fault("down", "start", request=batch, path=PUSH, kill=server.kill))
        with pytest.raises(SyncError) as caught:
            world.sync("ana")
        assert caught.value.unreachable
        assert server.proc is not None and server.proc.returncode == -signal.SIGKILL
        queue = snapshot.ana_queue
        sent = queue[: BATCH * (batch + 1)]
        assert set(sent) <= set(applied_changes(world.engine)), "the push was committed"
        marked = {cid for cid, done in journal(world.stores["ana"]) if done}
        assert not marked & set(queue[BATCH * batch :]), "the lost answer marked nothing"
        with pytest.raises(SyncError) as down:
            world.sync("ana")
        assert down.value.unreachable, "a dead server is unreachable"
        server.start()  # the same database, the same port
        retry = world.sync("ana")
        assert retry.duplicates == len(sent) - BATCH * batch, "the killed batch is a duplicate"
        assert retry.pushed + retry.conflicts == len(queue) - len(sent)
        world.converge(first=retry)
        end = end_state(world)
        check_converged(world, end)
        assert snapshot.reference is not None
        _same_end(end, snapshot.reference)


# -- the laptop killed while it applies a pull ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("moment", "nth"),
    [("pull-write", 2), ("pull-cursor", 2), ("pull-cursor", 4), ("push-mark", 2)],
)
def test_laptop_killed_mid_apply_loses_nothing(stage: Stage, moment: str, nth: int) -> None:
    """The laptop's sync runs in a child process, SIGKILLed inside a write transaction."""
    snapshot = stage.snapshot
    with stage.scene() as world:
        world.close_store("ana")
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.test_interruptions"]
            + [str(world.laptops["ana"]), "ana", world.proxy.url, moment, str(nth)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            line = _read_line(child, timeout=60)
            assert line == b"PAUSED\n", (line, child.stderr.read() if child.stderr else b"")
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(10)
        assert child.returncode == -signal.SIGKILL
        world.open()
        check_cursor(world, "ana")
        queue = snapshot.ana_queue
        marked = [cid for cid, done in journal(world.stores["ana"]) if done and cid in queue]
        assert marked == queue[: len(marked)]
        if moment == "push-mark":
            assert len(marked) == BATCH * (nth - 1), "the uncommitted batch is not marked"
        world.converge()
        end = end_state(world)
        check_converged(world, end)
        assert snapshot.reference is not None
        _same_end(end, snapshot.reference)


def _read_line(proc: subprocess.Popen[bytes], timeout: float) -> bytes:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline() if ready else b"(no answer)"


class _Pause:
    """In the child: stop dead (waiting for SIGKILL) at a chosen statement of a sync."""

    def __init__(self, moment: str, nth: int) -> None:
        self.moment, self.nth = moment, nth
        self.pages = self.marks = 0
        self.wrote = False

    def after(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        text = statement.lstrip().upper()
        if text.startswith("PRAGMA DEFER_FOREIGN_KEYS"):
            self.pages, self.wrote = self.pages + 1, False
            return
        if self.moment == "push-mark" and text.startswith("UPDATE CHANGE_JOURNAL SET PUSHED_AT"):
            self.marks += 1
            if self.marks == self.nth:
                self._stop()
        if self.pages != self.nth:
            return
        writes = text.startswith(("INSERT", "UPDATE")) and "SYNC_STATE" not in text
        if self.moment == "pull-write" and writes:
            self._stop()
        if self.moment == "pull-cursor" and "SYNC_STATE" in text and CURSOR_KEY in repr(params):
            self._stop()

    @staticmethod
    def _stop() -> None:
        sys.stdout.write("PAUSED\n")
        sys.stdout.flush()
        time.sleep(60)  # the parent kills this process; never commit
        os._exit(3)


def _child(argv: list[str]) -> None:
    """Sync one laptop, pausing (for the parent's SIGKILL) at ``moment``."""
    store_dir, user, url, moment, nth = argv
    store = Store.unlock(Path(store_dir), user, PASSPHRASE)
    pause = _Pause(moment, int(nth))
    event.listen(store.engine, "after_cursor_execute", pause.after)
    with SyncClient(store, url, batch=BATCH, page=PAGE) as client:
        client.sync_once(user)
    sys.stdout.write("FINISHED WITHOUT PAUSING\n")
    sys.stdout.flush()


if __name__ == "__main__":
    _child(sys.argv[1:])
