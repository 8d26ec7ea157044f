"""Two server processes on one PostgreSQL, pushed to at once: nothing lost, no revision twice."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from lead_desktop.store.ids import uuid7
from lead_server import admin
from lead_server.db import make_engine
from lead_server.models import AppliedChange, Record, RevCounter
from tests.server.conftest import PASSWORD, Laptop, Postgres, free_port
from tests.server.test_cli import serving

FIELDS = (
    "first_name",
    "middle_name",
    "last_name",
    "name_suffix",
    "race_detail",
    "gender_identity",
    "preferred_language",
    "external_id",
)
ROUNDS, PER_BATCH = 15, 20


@pytest.fixture
def two_servers(postgres: Postgres, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    url = postgres.new_database()
    ports = [free_port(), free_port()]
    urls = [f"http://127.0.0.1:{p}" for p in ports]
    with (
        serving("--database-url", url, "--port", str(ports[0]), url=urls[0]),
        serving("--database-url", url, "--port", str(ports[1]), url=urls[1]),
    ):
        yield url, urls


def test_concurrent_pushes_through_two_processes(two_servers: tuple[str, list[str]]) -> None:
    db_url, urls = two_servers
    engine = make_engine(db_url)
    admin.add_user(engine, "ana", "case_manager", PASSWORD, "north")
    laptops = [Laptop(urls[i % 2], engine, "ana") for i in range(len(FIELDS))]
    [made] = laptops[0].push(
        {
            "change_id": uuid7(),
            "table": "participant",
            "row_id": "shared",
            "op": "create",
            "base_rev": None,
            "fields": {f: {"old": None, "new": None} for f in FIELDS},
        }
    )
    assert made["status"] == "applied"

    def work(n: int) -> list[dict[str, Any]]:
        laptop, field, out = laptops[n], FIELDS[n], []
        previous = None
        for k in range(ROUNDS):
            value = f"{field}-{k}"
            creates = [
                {
                    "change_id": uuid7(),
                    "table": "participant",
                    "row_id": uuid7(),
                    "op": "create",
                    "base_rev": None,
                    "fields": {"first_name": {"old": None, "new": f"{n}-{k}-{i}"}},
                }
                for i in range(PER_BATCH)
            ]
            shared = {
                "change_id": uuid7(),
                "table": "participant",
                "row_id": "shared",
                "op": "update",
                "base_rev": None,
                "fields": {field: {"old": previous, "new": value}},
            }
            out += laptop.push(*creates, shared)
            previous = value
        return out

    with ThreadPoolExecutor(len(laptops)) as pool:
        results = [r for batch in pool.map(work, range(len(laptops))) for r in batch]
    for laptop in laptops:
        laptop.http.close()

    assert {r["status"] for r in results} == {"applied"}
    revs = [r["rev"] for r in results]
    assert len(set(revs)) == len(revs), "a revision was given twice"
    with engine.connect() as conn:
        shared = conn.execute(select(Record.fields).where(Record.row_id == "shared")).scalar_one()
        count = conn.execute(select(func.count()).select_from(Record)).scalar_one()
        applied = conn.execute(select(func.count()).select_from(AppliedChange)).scalar_one()
        top = conn.execute(select(func.max(Record.rev))).scalar_one()
        counter = conn.execute(select(RevCounter.value)).scalar_one()
    engine.dispose()
    # Every field's last edit is there: no update was lost to a concurrent one.
    assert shared == {f: f"{f}-{ROUNDS - 1}" for f in FIELDS}
    assert count == 1 + len(FIELDS) * ROUNDS * PER_BATCH
    assert applied == 1 + len(results)
    assert top == counter == 1 + len(results)
