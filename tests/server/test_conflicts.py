"""Conflict notices and resolutions on a real server, over SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select, text

from lead_desktop.store.ids import uuid7
from lead_desktop.sync.protocol import conflict_id
from lead_server.db import make_engine, write_tx
from lead_server.migrations import LATEST, m0001_initial, migrate
from lead_server.models import Conflict, ConflictResolution, Record, User
from tests.server.conftest import Laptop, ServerThread
from tests.server.test_protocol import create, edit


def notices(laptop: Laptop, since: int = 0, limit: int = 200) -> dict[str, Any]:
    got = laptop.http.get("/conflicts", params={"since": since, "limit": limit})
    assert got.status_code == 200, got.text
    page: dict[str, Any] = got.json()
    return page


def resolve(laptop: Laptop, cid: str, value: Any, resolution_id: str) -> dict[str, Any]:
    got = laptop.http.post(
        f"/conflicts/{cid}/resolve", json={"resolution_id": resolution_id, "value": value}
    )
    assert got.status_code == 200, got.text
    answer: dict[str, Any] = got.json()
    return answer


def clash(a: Laptop, b: Laptop) -> tuple[str, dict[str, Any]]:
    """Ana and Ben change the same field of one participant; return the conflict's id."""
    [made] = a.push(create("p1", first_name="Ana", status="active", team="north"))
    [ra] = a.push(edit("p1", made["rev"], first_name=("Ana", "Anna")))
    entry = edit("p1", made["rev"], first_name=("Ana", "Ann"))
    [rb] = b.push(entry)
    assert ra["status"] == "applied" and rb["status"] == "conflict"
    return conflict_id(entry["change_id"], "first_name"), ra


def user_id(server: ServerThread, name: str) -> str:
    with server.engine.connect() as conn:
        return str(conn.execute(select(User.id).where(User.name == name)).scalar_one())


def test_one_conflict_with_both_values_and_both_authors(
    server: ServerThread, make_laptop: Any
) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    cid, applied = clash(a, b)
    with server.engine.connect() as conn:
        [row] = conn.execute(select(Conflict)).all()
        counter = conn.execute(text("SELECT value FROM rev_counter")).scalar_one()
    assert row.id == cid
    assert (row.server_value, row.client_value) == ("Anna", "Ann")
    assert row.server_by == user_id(server, "ana") and row.server_at is not None
    assert row.user_id == user_id(server, "ben") and row.device_id == b.device_id
    assert row.team == "north" and row.rev > applied["rev"] and row.rev == counter
    assert row.resolved_at is None


def test_notices_reach_both_devices_in_pages(server: ServerThread, make_laptop: Any) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    cid, _ = clash(a, b)
    for laptop in (a, b):
        page = notices(laptop)
        [notice] = page["conflicts"]
        assert notice["id"] == cid and page["done"]
        assert (notice["table"], notice["row_id"], notice["field"]) == (
            "participant",
            "p1",
            "first_name",
        )
        assert (notice["server_value"], notice["server_by_name"]) == ("Anna", "ana")
        assert (notice["client_value"], notice["client_by_name"]) == ("Ann", "ben")
        assert notice["client_device"] == b.device_id and notice["resolution"] is None
        assert notices(laptop, page["next_cursor"])["conflicts"] == []
    # A second conflict on another field: pages of one, in revision order.
    [now] = a.push(edit("p1", None, status=("active", "exited")))
    assert now["status"] == "applied"
    b.push(edit("p1", None, status=("active", "housed")))
    first = notices(a, limit=1)
    assert not first["done"] and len(first["conflicts"]) == 1
    second = notices(a, first["next_cursor"], limit=1)
    assert [c["field"] for c in second["conflicts"]] == ["status"] and second["done"]
    # Another team sees nothing, and cannot resolve.
    other = make_laptop("cy", team="south")
    assert notices(other)["conflicts"] == []
    got = other.http.post(f"/conflicts/{cid}/resolve", json={"resolution_id": uuid7()})
    assert got.status_code == 404 and got.json()["error"] == "no_conflict"


def test_resolve_is_idempotent_and_tells_the_other_side(
    server: ServerThread, make_laptop: Any
) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    cid, _ = clash(a, b)
    cursor = notices(a)["next_cursor"]
    rid = uuid7()
    first = resolve(b, cid, "Anna", rid)
    assert first["accepted"] and first["followup_id"] is None
    resolution = first["conflict"]["resolution"]
    assert (resolution["value"], resolution["by_name"], resolution["resolution_id"]) == (
        "Anna",
        "ben",
        rid,
    )
    assert resolve(b, cid, "Anna", rid) == first
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ConflictResolution)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(Conflict)).scalar_one() == 1
    [seen] = notices(a, cursor)["conflicts"]
    assert seen["id"] == cid and seen["resolution"] == resolution
    assert seen["rev"] > cursor
    # A resolution id is never reused for another conflict.
    entry = edit("p1", None, status=("pending", "housed"))
    assert [r["status"] for r in b.push(entry)] == ["conflict"]
    other = conflict_id(entry["change_id"], "status")
    got = b.http.post(f"/conflicts/{other}/resolve", json={"resolution_id": rid})
    assert got.status_code == 409 and got.json()["error"] == "resolution_reused"


def test_a_second_resolution_gets_the_first(server: ServerThread, make_laptop: Any) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    cid, _ = clash(a, b)
    first = resolve(a, cid, "Anna", uuid7())
    # The same choice from the other side: the first resolution, nothing new.
    same = resolve(b, cid, "Anna", uuid7())
    assert not same["accepted"] and same["followup_id"] is None
    assert same["conflict"]["resolution"] == first["conflict"]["resolution"]
    # A different choice: the first still stands, and a new conflict shows the two choices.
    rid = uuid7()
    late = resolve(b, cid, "Ann", rid)
    assert not late["accepted"]
    assert late["conflict"]["resolution"] == first["conflict"]["resolution"]
    followup = late["followup_id"]
    assert followup is not None
    assert resolve(b, cid, "Ann", rid) == late  # a retry opens nothing more
    with server.engine.connect() as conn:
        rows = conn.execute(select(Conflict).where(Conflict.id == followup)).all()
    [row] = rows
    assert (row.server_value, row.client_value, row.resolved_at) == ("Anna", "Ann", None)
    assert row.user_id == user_id(server, "ben")
    assert {c["id"] for c in notices(a)["conflicts"]} == {cid, followup}


def test_a_late_choice_already_pushed_sets_the_first_aside(
    server: ServerThread, make_laptop: Any
) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    cid, _ = clash(a, b)
    first = resolve(a, cid, "Anna", uuid7())
    # Ben chose his own value offline: his change reached the server before his resolution.
    [pushed] = b.push(edit("p1", None, first_name=("Anna", "Ann")))
    assert pushed["status"] == "applied"
    late = resolve(b, cid, "Ann", uuid7())
    assert late["conflict"]["resolution"] == first["conflict"]["resolution"]
    with server.engine.connect() as conn:
        row = conn.execute(select(Conflict).where(Conflict.id == late["followup_id"])).one()
    # The record holds Ben's value; Ana's earlier choice is the one set aside.
    assert (row.server_value, row.client_value) == ("Ann", "Anna")
    assert row.user_id == user_id(server, "ana")


def test_migration_gives_old_conflicts_a_revision_and_a_team(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with write_tx(engine) as conn:
            m0001_initial.upgrade(conn)
            conn.execute(text("UPDATE schema_version SET version = 1"))
            conn.execute(text("UPDATE rev_counter SET value = 7"))
            conn.execute(
                insert(Record.__table__).values(
                    table_name="participant",
                    row_id="p1",
                    rev=7,
                    fields={"first_name": "Anna"},
                    deleted=False,
                    team="north",
                    owner_id="p1",
                    updated_at="2024-01-01T00:00:00Z",
                    updated_by="u1",
                    device_id="d1",
                )
            )
            conn.execute(
                text(
                    "INSERT INTO conflict (id, table_name, row_id, field, server_value, "
                    "client_value, server_rev, change_id, device_id, user_id, detected_at) "
                    "VALUES ('c1', 'participant', 'p1', 'first_name', '\"Anna\"', '\"Ann\"', "
                    "7, 'ch1', 'd2', 'u2', '2024-01-02T00:00:00Z')"
                )
            )
        assert migrate(engine) == LATEST
        with engine.connect() as conn:
            row = conn.execute(select(Conflict)).one()
            counter = conn.execute(text("SELECT value FROM rev_counter")).scalar_one()
        assert (row.rev, row.team, row.server_value, row.client_value) == (
            8,
            "north",
            "Anna",
            "Ann",
        )
        assert counter == 8
    finally:
        engine.dispose()


def test_open_conflicts_follow_a_participant_to_its_new_team(
    server: ServerThread, make_laptop: Any
) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    south = make_laptop("sol", team="south")
    boss = make_laptop("root", role="administrator", team=None)
    cid, applied = clash(a, b)
    assert [c["id"] for c in notices(south)["conflicts"]] == []
    seen = notices(a)["next_cursor"]
    # The administrator moves the participant to the south team.
    [moved] = boss.push(edit("p1", applied["rev"], team=("north", "south")))
    assert moved["status"] == "applied"
    page = notices(south)
    assert [c["id"] for c in page["conflicts"]] == [cid]
    assert page["conflicts"][0]["resolution"] is None
    assert notices(a, since=seen)["conflicts"] == []  # north no longer sees it
    with server.engine.connect() as conn:
        team, rev = conn.execute(select(Conflict.team, Conflict.rev)).one()
    assert team == "south" and rev > seen
    # The new team can resolve it.
    answer = resolve(south, cid, "Ann", uuid7())
    assert answer["accepted"] and answer["conflict"]["resolution"]["value"] == "Ann"


def test_pull_pages_name_the_newest_conflict_in_scope(
    server: ServerThread, make_laptop: Any
) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    south = make_laptop("sol", team="south")
    assert a.pull_all()[-1]["conflict_rev"] == 0
    clash(a, b)
    with server.engine.connect() as conn:
        rev = conn.execute(select(Conflict.rev)).scalar_one()
    # On every page, also an empty one after the cursor, and only in the conflict's scope.
    assert {page["conflict_rev"] for page in a.pull_all(limit=1)} == {rev}
    assert a.pull_all(cursor=10**6)[-1]["conflict_rev"] == rev
    assert south.pull_all()[-1]["conflict_rev"] == 0
