"""A push batch applied in memory and written in bulk keeps every guarantee of one-by-one
application; the kept summary equals a fresh count; pulls never skip a later commit."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import func, select

from lead_desktop.sync.protocol import checksum
from lead_server.models import (
    AppliedChange,
    Conflict,
    Quarantine,
    Record,
    RevCounter,
    ScopeEvent,
)
from tests.server.conftest import ServerThread
from tests.server.test_protocol import create, edit


def stored(server: ServerThread) -> dict[tuple[str, str], Any]:
    with server.engine.connect() as conn:
        return {(r.table_name, r.row_id): r for r in conn.execute(select(Record))}


def counts(server: ServerThread) -> dict[str, int]:
    with server.engine.connect() as conn:
        return {
            model.__tablename__: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (AppliedChange, Conflict, Quarantine, Record, ScopeEvent)
        }


def test_a_mixed_batch_answers_each_entry_as_one_by_one(
    server: ServerThread, make_laptop: Any
) -> None:
    a = make_laptop("ana")
    a.push(create("old", first_name="Ana", status="active"))
    b = make_laptop("ben")
    [early] = b.push(edit("old", 1, first_name=("Ana", "Anna")))
    made = create("p1", first_name="Luz", last_name="Ruiz")
    batch = [
        made,
        edit("p1", None, last_name=("Ruiz", "Ruiz-Díaz")),  # on a record made in this batch
        create("a1", table="alias", participant_id="p1", alias="Lucy"),  # its parent too
        made,  # the same change id again
        create("p2", first_name="Zoë", not_a_column=1),  # unknown field
        edit("ghost", 3, first_name=("x", "y")),  # no such record
        edit("old", 1, first_name=("Ana", "Ann"), status=("active", "inactive")),  # conflict
        {"change_id": "bad", "op": "create"},  # malformed
        create("p3", first_name="José", team="north"),
    ]
    results = a.push(*batch)
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "applied",
        "duplicate",
        "rejected",
        "rejected",
        "conflict",
        "rejected",
        "applied",
    ]
    assert results[3]["rev"] == results[0]["rev"]
    assert results[6]["conflicts"][0]["server_value"] == "Anna"
    revs = [r["rev"] for r in results if r["status"] in ("applied", "conflict")]
    assert revs[:3] == sorted(revs[:3]) and revs[2] > early["rev"]
    rows = stored(server)
    assert rows[("participant", "p1")].fields["last_name"] == "Ruiz-Díaz"
    assert rows[("participant", "p1")].rev == results[1]["rev"]
    assert rows[("alias", "a1")].owner_id == "p1" and rows[("alias", "a1")].team == "north"
    assert rows[("participant", "old")].fields == {"first_name": "Anna", "status": "inactive"}
    with server.engine.connect() as conn:
        top = conn.execute(select(RevCounter.value)).scalar_one()
        conflicts = conn.execute(select(Conflict.field, Conflict.client_value)).all()
    assert top >= max(r.rev for r in rows.values())
    assert [(c.field, c.client_value) for c in conflicts] == [("first_name", "Ann")]
    assert counts(server)["quarantine"] == 3
    # The whole batch again (a retry after a cut): nothing applies twice.
    again = a.push(*batch)
    assert [r["status"] for r in again] == [
        "duplicate",
        "duplicate",
        "duplicate",
        "duplicate",
        "rejected",
        "rejected",
        "duplicate",
        "rejected",
        "duplicate",
    ]
    assert stored(server) == rows


def test_a_refused_entry_after_its_conflict_leaves_no_conflict(
    server: ServerThread, make_laptop: Any
) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    a.push(create("p1", first_name="Ana", team="north"))
    b.push(edit("p1", 1, first_name=("Ana", "Anna")))
    # A conflict on first_name, then a move out of the worker's team: refused as a whole.
    out = edit("p1", 1, first_name=("Ana", "Ann"), team=("north", "south"))
    fine = create("p2", first_name="Luz")
    results = a.push(out, fine)
    assert [r["status"] for r in results] == ["rejected", "applied"]
    assert "scope" in results[0]["reason"]
    assert counts(server)["conflict"] == 0
    assert stored(server)[("participant", "p1")].fields["team"] == "north"


def test_an_entry_the_database_refuses_is_quarantined_alone(
    server: ServerThread, make_laptop: Any
) -> None:
    laptop = make_laptop("root", role="administrator", team=None)
    # PostgreSQL refuses both values when the batch is written (JSONB has no NUL, the team
    # column holds 128 characters); SQLite stores them. Either way the others apply.
    nul = create("p2", first_name="bad\u0000name")
    long_team = create("p3", first_name="Ana", team="t" * 300)
    batch = [create("p1", first_name="Luz"), nul, long_team, create("p4", first_name="José")]
    results = laptop.push(*batch)
    statuses = [r["status"] for r in results]
    assert statuses[0] == statuses[3] == "applied"
    rows = stored(server)
    if server.engine.dialect.name == "postgresql":
        assert statuses[1:3] == ["rejected", "rejected"]
        assert results[1]["reason"] == "the server could not store this entry"
        assert set(rows) == {("participant", "p1"), ("participant", "p4")}
    else:
        assert statuses[1:3] == ["applied", "applied"]
    revs = [r["rev"] for r in results if r["status"] == "applied"]
    assert len(set(revs)) == len(revs) and revs == sorted(revs)
    assert {r.rev for r in rows.values()} == set(revs)
    again = laptop.push(*batch)
    assert [r["status"] for r in again] == ["duplicate" if s == "applied" else s for s in statuses]


def test_a_team_move_in_a_batch_takes_what_the_batch_made_along(
    server: ServerThread, make_laptop: Any
) -> None:
    north = make_laptop("ana", team="north")
    boss = make_laptop("root", role="administrator", team=None)
    north.push(create("p1", first_name="Ana", team="north"))
    north.push(create("a1", table="alias", participant_id="p1", alias="Annie"))
    results = boss.push(
        create("a2", table="alias", participant_id="p1", alias="Nana"),
        create("sp", table="service_plan", participant_id="p1", plan_date="2026-01-05"),
        create("g1", table="plan_goal", plan_id="sp", goal="housing"),
        edit("p1", 1, team=("north", "south")),
        create("a3", table="alias", participant_id="p1", alias="After"),
    )
    assert {r["status"] for r in results} == {"applied"}
    rows = stored(server)
    owned = {k for k, r in rows.items() if r.owner_id == "p1"}
    assert owned == {
        ("participant", "p1"),
        ("alias", "a1"),
        ("alias", "a2"),
        ("alias", "a3"),
        ("service_plan", "sp"),
        ("plan_goal", "g1"),
    }
    assert {rows[k].team for k in owned} == {"south"}
    removed = {r["row_id"] for p in north.pull_all(cursor=2) for r in p["scope_removed"]}
    assert removed == {"p1", "a1", "a2", "sp", "g1"}
    revs = [r.rev for r in rows.values()]
    with server.engine.connect() as conn:
        events = list(conn.execute(select(ScopeEvent.rev)).scalars())
    assert len(set(revs + events)) == len(revs) + len(events)


def summary_of_database(server: ServerThread, team: str | None) -> dict[str, Any]:
    """The summary worked out from scratch from the records table."""
    pairs: dict[str, list[tuple[str, int | None]]] = {}
    with server.engine.connect() as conn:
        query = select(Record.table_name, Record.row_id, Record.rev)
        if team is not None:
            query = query.where(Record.team == team)
        for r in conn.execute(query):
            pairs.setdefault(r.table_name, []).append((r.row_id, int(r.rev)))
    return {
        name: {"count": len(rows), "checksum": checksum(rows)}
        for name, rows in sorted(pairs.items())
    }


def test_the_kept_summary_follows_every_change(server: ServerThread, make_laptop: Any) -> None:
    north, south = make_laptop("ana", team="north"), make_laptop("sol", team="south")
    boss = make_laptop("root", role="administrator", team=None)

    def check() -> None:
        for laptop, team in ((north, "north"), (south, "south"), (boss, None)):
            for _ in range(2):  # the second answer comes from the kept tally
                got = laptop.http.get("/summary").json()
                assert got["tables"] == summary_of_database(server, team)

    check()
    north.push(*[create(f"p{i}", first_name=f"n{i}") for i in range(5)])
    check()
    north.push(create("a1", table="alias", participant_id="p1", alias="x"))
    north.push(edit("p2", None, first_name=("n2", "m2")), edit("p3", None, deleted=(False, True)))
    check()
    boss.push(edit("p1", None, team=(None, "south")))  # p1 and a1 leave north
    check()
    [moved] = south.push(edit("p1", None, first_name=("n1", "back")))
    boss.push(edit("p1", None, team=("south", "north")))
    assert moved["status"] == "applied"
    check()
    boss.push(edit("p1", None, team=("north", "south")), edit("p1", None, team=("south", "north")))
    check()


def test_a_pull_cursor_never_skips_a_later_commit(server: ServerThread, make_laptop: Any) -> None:
    writers = [make_laptop("ana") for _ in range(4)]
    reader = make_laptop("ben")
    made: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def write(n: int) -> None:
        for k in range(12):
            batch = [create(f"w{n}-{k}-{i}", first_name="x") for i in range(15)]
            assert {r["status"] for r in writers[n].push(*batch)} == {"applied"}
            with lock:
                made.extend(e["row_id"] for e in batch)

    seen: set[str] = set()

    def read() -> None:
        cursor = 0
        while True:
            last = stop.is_set()
            for page in reader.pull_all(cursor=cursor, limit=50):
                seen.update(r["row_id"] for r in page["records"])
                cursor = page["next_cursor"]
            if last:
                return

    with ThreadPoolExecutor(len(writers) + 1) as pool:
        reading = pool.submit(read)
        list(pool.map(write, range(len(writers))))
        stop.set()
        reading.result()
    assert len(made) == 4 * 12 * 15
    assert seen == set(made)


def _principal(engine: Any, name: str) -> Any:
    from lead_server import admin
    from lead_server.scope import Principal

    user_id = admin.add_user(engine, name, "case_manager", "a long enough password", "north")
    return Principal(user_id, "case_manager", "north", f"device-{name}")


def _race(url: str, first: list[Any], racing: list[Any]) -> list[Any]:
    """Push ``first`` while ``racing`` commits between its reads and its revision lock."""
    from lead_server.db import make_engine, write_tx
    from lead_server.migrations import migrate
    from lead_server.push import Push

    engine = make_engine(url)
    migrate(engine)
    ana, ben = _principal(engine, "ana"), _principal(engine, "ben")
    with write_tx(engine) as conn:
        Push(conn, ana).run([create("p1", first_name="Ana", status="active")])
    answers: list[Any] = []
    with write_tx(engine) as holder:
        holder.execute(select(RevCounter.value).with_for_update())  # the revision lock

        def push() -> None:
            with write_tx(engine) as conn:
                answers.extend(Push(conn, ana).run(first))

        thread = threading.Thread(target=push)
        thread.start()
        thread.join(1.0)  # it has read, and waits for the lock
        assert thread.is_alive()
        Push(holder, ben).run(racing)
    thread.join(30)
    engine.dispose()
    return answers


def test_a_record_changed_while_waiting_for_the_lock_is_read_again(postgres: Any) -> None:
    url = postgres.new_database()
    mine = edit("p1", 1, first_name=("Ana", "Anna"))
    theirs = edit("p1", 1, first_name=("Ana", "Ann"), status=("active", "inactive"))
    [answer] = _race(url, [mine], [theirs])
    # Not a lost update: the first name the other push set is seen, and both are kept.
    assert answer.status == "conflict"
    assert [(c.server_value, c.client_value) for c in answer.conflicts] == [("Ann", "Anna")]


def test_a_change_applied_while_waiting_for_the_lock_is_a_duplicate(postgres: Any) -> None:
    url = postgres.new_database()
    same = create("p2", first_name="Luz")
    [answer] = _race(url, [same, create("p3", first_name="José")], [same])[:1]
    assert answer.status == "duplicate"
    from lead_server.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AppliedChange)).scalar_one() == 3
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == 3
    engine.dispose()
