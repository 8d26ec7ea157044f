"""Sync protocol v1 against a real server on loopback, over SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from lead_desktop.store.ids import uuid7
from lead_desktop.sync.protocol import PROTOCOL_HEADER
from lead_server import admin
from lead_server.models import AppliedChange, Conflict, Quarantine, Record, RevCounter
from tests.server.conftest import ServerThread


def create(row_id: str, table: str = "participant", **fields: Any) -> dict[str, Any]:
    return {
        "change_id": uuid7(),
        "table": table,
        "row_id": row_id,
        "op": "create",
        "base_rev": None,
        "fields": {k: {"old": None, "new": v} for k, v in fields.items()},
    }


def edit(row_id: str, base_rev: int | None, **fields: tuple[Any, Any]) -> dict[str, Any]:
    return {
        "change_id": uuid7(),
        "table": "participant",
        "row_id": row_id,
        "op": "update",
        "base_rev": base_rev,
        "fields": {k: {"old": old, "new": new} for k, (old, new) in fields.items()},
    }


def revision(server: ServerThread) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(RevCounter.value)).scalar_one())


def test_push_applies_and_a_repeat_is_a_duplicate(server: ServerThread, make_laptop: Any) -> None:
    laptop = make_laptop()
    entry = create("p1", first_name="Ana", last_name="Ruiz")
    [first] = laptop.push(entry)
    assert first["status"] == "applied" and first["rev"] == 1
    [again] = laptop.push(entry)
    assert again == {**first, "status": "duplicate"}
    assert revision(server) == 1
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AppliedChange)).scalar_one() == 1
    # Twice in one batch: the second sight is a duplicate too.
    other = create("p2", first_name="Luz")
    assert [r["status"] for r in laptop.push(other, other)] == ["applied", "duplicate"]


def test_edits_to_different_fields_merge(make_laptop: Any) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    [made] = a.push(create("p1", first_name="Ana", last_name="Ruiz", dob=None))
    [ra] = a.push(edit("p1", made["rev"], first_name=("Ana", "Anna")))
    [rb] = b.push(edit("p1", made["rev"], dob=(None, "1980-02-01")))
    assert ra["status"] == rb["status"] == "applied"
    [page] = b.pull_all()
    [record] = page["records"]
    assert record["fields"] == {"first_name": "Anna", "last_name": "Ruiz", "dob": "1980-02-01"}
    assert record["rev"] == rb["rev"]


def test_same_field_on_both_sides_is_one_stored_conflict(
    server: ServerThread, make_laptop: Any
) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    [made] = a.push(create("p1", first_name="Ana", status="active"))
    [ra] = a.push(edit("p1", made["rev"], first_name=("Ana", "Anna")))
    [rb] = b.push(edit("p1", made["rev"], first_name=("Ana", "Ann"), status=("active", "exited")))
    assert ra["status"] == "applied"
    assert rb["status"] == "conflict"
    assert rb["conflicts"] == [
        {"field": "first_name", "server_value": "Anna", "client_value": "Ann"}
    ]
    with server.engine.connect() as conn:
        rows = conn.execute(select(Conflict)).all()
        stored = conn.execute(select(Record.fields)).scalar_one()
    assert [(c.field, c.server_value, c.client_value) for c in rows] == [
        ("first_name", "Anna", "Ann")
    ]
    assert rows[0].device_id == b.device_id and rows[0].resolved_at is None
    # The server kept its value; the other field of the same change merged.
    assert stored == {"first_name": "Anna", "status": "exited"}
    # A retry of the conflicted change is answered, not stored again.
    [again] = b.push(
        edit("p1", made["rev"], first_name=("Ana", "Ann")) | {"change_id": rb["change_id"]}
    )
    assert again["status"] == "duplicate"
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Conflict)).scalar_one() == 1


def test_append_only_records_never_conflict(make_laptop: Any) -> None:
    a = make_laptop()
    a.push(create("p1", first_name="Ana"))
    enc = create(
        "e1",
        table="encounter",
        participant_id="p1",
        occurred_at="2025-01-01T10:00:00Z",
        contact_type="street",
    )
    assert a.push(enc)[0]["status"] == "applied"
    wrong = dict(enc, change_id=uuid7(), op="update")
    [res] = a.push(wrong)
    assert res["status"] == "rejected" and "append-only" in res["reason"]


def test_a_malformed_entry_is_quarantined_and_the_rest_apply(
    server: ServerThread, make_laptop: Any
) -> None:
    laptop = make_laptop()
    good1, good2 = create("p1", first_name="Ana"), create("p2", first_name="Luz")
    bad_table = create("x1", table="no_such_table", a=1)
    bad_field = create("p3", not_a_column="x")
    orphan = edit("missing", 4, first_name=("a", "b"))
    garbage = {"what": "is this"}
    batch = [good1, bad_table, garbage, bad_field, orphan, good2]
    results = laptop.push(*batch)
    assert [r["status"] for r in results] == [
        "applied",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "applied",
    ]
    assert "unknown table" in results[1]["reason"]
    assert "unknown fields" in results[3]["reason"]
    assert "no participant record" in results[4]["reason"]
    assert results[2]["change_id"] is None
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Quarantine)).scalar_one() == 4
    # Sent again (a retry after a cut): same answers, nothing stored twice.
    again = laptop.push(*batch)
    assert [r["status"] for r in again] == [
        "duplicate",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "duplicate",
    ]
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Quarantine)).scalar_one() == 5
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == 2


def test_pull_pages_by_cursor_in_revision_order_with_tombstones(make_laptop: Any) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    a.push(*[create(f"p{i}", first_name=f"n{i}") for i in range(7)])
    [gone] = a.push(
        {
            "change_id": uuid7(),
            "table": "participant",
            "row_id": "p2",
            "op": "delete",
            "base_rev": 3,
            "fields": {"deleted": {"old": False, "new": True}},
        }
    )
    assert gone["status"] == "applied"
    pages = b.pull_all(limit=3)
    assert [p["done"] for p in pages] == [False, False, True]
    revs = [r["rev"] for p in pages for r in p["records"]]
    assert revs == sorted(revs) and len(revs) == 7
    assert [p["cursor"] for p in pages[1:]] == [p["next_cursor"] for p in pages[:-1]]
    tomb = [r for p in pages for r in p["records"] if r["deleted"]]
    assert [t["row_id"] for t in tomb] == ["p2"] and tomb[0]["rev"] == revs[-1]
    # Nothing new: an empty page that keeps the cursor.
    [empty] = b.pull_all(cursor=pages[-1]["next_cursor"])
    assert empty["records"] == [] and empty["done"] and empty["next_cursor"] == revs[-1]


def test_scope_follows_the_team_and_leaving_it_is_told(make_laptop: Any) -> None:
    north, south = make_laptop("ana", team="north"), make_laptop("sol", team="south")
    boss = make_laptop("root", role="administrator", team=None)
    north.push(create("p1", first_name="Ana", team="north"))
    north.push(create("a1", table="alias", participant_id="p1", alias="Annie"))
    assert {r["row_id"] for p in north.pull_all() for r in p["records"]} == {"p1", "a1"}
    assert [r for p in south.pull_all() for r in p["records"]] == []
    [refused] = south.push(edit("p1", 1, first_name=("Ana", "X")))
    assert refused["status"] == "rejected" and "scope" in refused["reason"]
    # The administrator moves the participant to the south team: everything follows.
    [moved] = boss.push(edit("p1", 1, team=("north", "south")))
    assert moved["status"] == "applied"
    after = north.pull_all(cursor=2)
    assert {r["row_id"] for p in after for r in p["scope_removed"]} == {"p1", "a1"}
    assert {r["row_id"] for p in south.pull_all() for r in p["records"]} == {"p1", "a1"}


def test_summary_counts_and_checksums_the_scope(make_laptop: Any) -> None:
    a = make_laptop()
    a.push(create("p1", first_name="Ana"), create("p2", first_name="Luz"))
    got = a.http.get("/summary").json()
    assert got["rev"] == 2 and got["tables"]["participant"]["count"] == 2
    from lead_desktop.sync.protocol import checksum

    assert got["tables"]["participant"]["checksum"] == checksum([("p1", 1), ("p2", 2)])


def test_an_outdated_client_is_told_to_update(server: ServerThread, make_laptop: Any) -> None:
    laptop = make_laptop()
    got = laptop.http.get("/version", headers={PROTOCOL_HEADER: "0"})
    assert got.status_code == 426
    assert got.json()["error"] == "update_required"
    assert "Update required" in got.json()["message"]
    assert laptop.http.get("/version").json()["protocol"] == 1
    pushed = laptop.http.post(
        "/push", json={"protocol": 0, "device_id": laptop.device_id, "entries": []}
    )
    assert pushed.status_code == 426 and "Install the current LEAD Desktop" in pushed.text
    assert laptop.http.get("/openapi.json").json()["info"]["title"] == "LEAD sync server"


def test_sign_in_is_rate_limited_and_tokens_are_checked(
    server: ServerThread, make_laptop: Any
) -> None:
    laptop = make_laptop()
    body = {"device_id": laptop.device_id, "credential": laptop.credential, "user": "ana"}
    codes = [
        laptop.http.post("/token", json=body | {"password": "wrong password"}).status_code
        for _ in range(6)
    ]
    assert codes == [401] * 5 + [429]
    assert laptop.sign_in().status_code == 429  # even the right password waits now
    assert (
        laptop.http.get("/pull", headers={"Authorization": "Bearer forged.token"}).status_code
        == 401
    )
    bad_cred = laptop.http.post(
        "/token", json=body | {"credential": "x", "password": "p", "user": "zed"}
    )
    assert bad_cred.status_code == 401


def test_revoked_devices(server: ServerThread, make_laptop: Any) -> None:
    lost, stolen = make_laptop("ana"), make_laptop("ana")
    admin.revoke_device(server.engine, lost.device_id, "lost")
    admin.revoke_device(server.engine, stolen.device_id, "stolen")
    # Lost: may still push what it holds, then is told to wipe.
    assert lost.push(create("p1", first_name="Ana"))[0]["status"] == "applied"
    refused = lost.http.get("/pull")
    assert refused.status_code == 403 and refused.json()["wipe"] is True
    # Stolen: refused outright, even a fresh sign-in.
    assert stolen.http.get("/pull").status_code == 403
    again = stolen.sign_in()
    assert again.status_code == 403 and again.json()["reason"] == "stolen"
