"""Numbered schema migrations, each run once in one transaction; the version is recorded."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, text

from lead_server.db import write_tx
from lead_server.migrations import (
    m0001_initial,
    m0002_attachments,
    m0003_conflicts,
    m0004_sync_keys,
    m0005_sync_key_previous,
    m0006_tokens_valid_from,
)

logger = logging.getLogger(__name__)

#: Every step in order: (number, function applying it on an open transaction).
STEPS: list[tuple[int, Callable[[Connection], None]]] = [
    (1, m0001_initial.upgrade),
    (2, m0002_attachments.upgrade),
    (3, m0003_conflicts.upgrade),
    (4, m0004_sync_keys.upgrade),
    (5, m0005_sync_key_previous.upgrade),
    (6, m0006_tokens_valid_from.upgrade),
]
LATEST = STEPS[-1][0]


def current_version(conn: Connection) -> int:
    """Return the schema version of the database (0 when empty)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    value = conn.execute(text("SELECT version FROM schema_version WHERE id = 1")).scalar()
    return int(value or 0)


def migrate(engine: Engine) -> int:
    """Bring the database to the latest schema; safe when several processes start at once."""
    with write_tx(engine) as conn:
        if conn.dialect.name == "postgresql":
            # Processes starting together queue here; the second finds the work done.
            conn.execute(text("SELECT pg_advisory_xact_lock(7400301)"))
        version = current_version(conn)
        for number, step in STEPS:
            if number > version:
                logger.info("applying server migration %d", number)
                step(conn)
                version = number
        conn.execute(text("UPDATE schema_version SET version = :v WHERE id = 1"), {"v": version})
        exists = conn.execute(
            text("SELECT count(*) FROM server_setting WHERE key = 'token_secret'")
        ).scalar_one()
        if not exists:
            conn.execute(
                text("INSERT INTO server_setting (key, value) VALUES ('token_secret', :v)"),
                {"v": secrets.token_hex(32)},
            )
    return version
