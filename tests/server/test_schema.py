"""The frozen migrations and the ORM models describe the same tables, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect

from lead_server.db import make_engine
from lead_server.migrations import LATEST, migrate
from lead_server.models import Base


def test_migrations_match_the_models_and_run_once(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        assert migrate(engine) == LATEST
        assert migrate(engine) == LATEST  # a second start finds nothing to do
        found = inspect(engine)
        for table in Base.metadata.sorted_tables:
            columns = {c["name"]: c for c in found.get_columns(table.name)}
            assert set(columns) == {c.name for c in table.columns}, table.name
            for col in table.columns:
                if not col.primary_key:
                    assert columns[col.name]["nullable"] == col.nullable, (table.name, col.name)
    finally:
        engine.dispose()
