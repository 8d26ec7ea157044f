"""Where the interruption scenarios run: copies of the snapshot behind a loopback proxy, and the
checks that a run converged.

``open_stage`` builds the snapshot (tests/sync/interruption_scenario.py) on one database kind,
starts one live server in a thread with a ``Proxy`` before it, and makes the reference run: the
snapshot synced with no fault. ``Stage.scene`` then hands out a ``World`` per scenario: the live
database reset to the snapshot and fresh copies of both laptops. ``end_state`` reads what the
server and both laptops hold, ``check_converged`` compares them field by field, ``check_cursor``
checks a laptop's pull cursor against what it holds. Used by tests/sync/test_cut_matrix.py and
tests/sync/test_kill.py; not a test module.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy import select as sql_select
from sqlalchemy.engine import make_url

from lead_desktop.store.schema import SyncState
from lead_desktop.store.store import Store
from lead_desktop.sync.apply import PARKED_PREFIX
from lead_desktop.sync.engine import CURSOR_KEY, SyncClient, SyncReport
from lead_server.db import make_engine
from lead_server.models import Conflict as ServerConflict
from lead_server.models import Quarantine, RevCounter
from tests.helpers import PASSPHRASE
from tests.server.conftest import Postgres, ServerThread
from tests.sync.interruption_scenario import BATCH, PAGE, Snapshot, check_reference, make_snapshot
from tests.sync.interruption_state import (
    End,
    applied_changes,
    canon,
    journal,
    laptop_conflicts,
    laptop_rows,
    own_creations,
    server_records,
)
from tests.sync.proxy import Proxy


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
        self.database_url = clone_database(snapshot, root / "live")
        self.engine = make_engine(self.database_url)
        self.server = ServerThread(self.database_url).__enter__()
        self.proxy = Proxy(self.server.port).__enter__()

    def close(self) -> None:
        """Stop the proxy and the server; drop the live database."""
        self.proxy.close()
        self.server.__exit__(None, None, None)
        self.engine.dispose()
        drop_database(self.snapshot, self.database_url)

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
            self.snapshot, self.engine, self.proxy, self.server, copy_laptops(self.snapshot, dest)
        )
        try:
            world.open()
            yield world
        finally:
            world.close()
            shutil.rmtree(dest, ignore_errors=True)


_scenes = itertools.count()


def copy_laptops(snapshot: Snapshot, dest: Path) -> dict[str, Path]:
    """Copies of the snapshot's laptop folders under ``dest``: user -> folder."""
    dest.mkdir(parents=True)
    return {u: Path(shutil.copytree(p, dest / p.name)) for u, p in snapshot.laptops.items()}


_clones = itertools.count()


def clone_database(snapshot: Snapshot, dest: Path) -> str:
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


def drop_database(snapshot: Snapshot, url: str) -> None:
    """Drop a PostgreSQL database made for the snapshot (SQLite files go with their folder)."""
    if snapshot.pg is not None:
        name = str(make_url(url).database)
        with psycopg.connect(snapshot.pg.admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def end_state(world: World) -> End:
    """What the server and both laptops hold now."""
    with world.engine.connect() as conn:
        counter = int(conn.execute(sql_select(RevCounter.value)).scalar_one())
        conflicts = sorted(
            (
                r.table_name,
                r.row_id,
                r.field,
                canon(r.server_value),
                canon(r.client_value),
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
                    assert canon(value) == canon(fields[column]), (
                        f"{user}: {name} {row_id} field {column} differs from the server"
                    )
    ana, ben = end.laptops["ana"], end.laptops["ben"]
    assert ana == ben, "the two laptops hold different records"
    assert max(rev for rev, _, _ in end.records.values()) <= end.counter


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


@contextmanager
def open_stage(kind: str, pg: Postgres | None, factory: pytest.TempPathFactory) -> Iterator[Stage]:
    """The snapshot on one database kind (``pg`` for "postgresql"), its live server, and its
    reference run (no fault); everything is dropped on exit."""
    root = _scratch(factory, kind)
    url = pg.new_database() if pg else f"sqlite:///{root / 'snapshot.db'}"
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, root, ignore_errors=True)
        snap = make_snapshot(root / "snapshot", url, pg)
        cleanup.callback(drop_database, snap, url)
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
