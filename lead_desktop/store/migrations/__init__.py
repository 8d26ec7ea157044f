"""Numbered schema migrations, run at unlock in one transaction (PRAGMA user_version)."""

from __future__ import annotations

import logging
import re
import sqlite3
from importlib import resources
from typing import Any

from lead_desktop.errors import StoreError

logger = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str, str]]:
    """Return every migration as (number, file name, SQL), in order."""
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StoreError(f"schema migrations are not numbered 1..n: {numbers}")
    return found


def latest() -> int:
    """Return the schema version this code expects."""
    return len(available())


def statements(sql: str) -> list[str]:
    """Split a migration script into complete statements."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise StoreError("a migration ends with an incomplete statement")
    return out


def migrate(dbapi_conn: Any) -> int:
    """Bring the schema up to date in one transaction; return the number of steps run."""
    current = dbapi_conn.execute("PRAGMA user_version").fetchone()[0]
    steps = [m for m in available() if m[0] > current]
    if current > latest():
        raise StoreError(
            f"this store has schema version {current}, newer than this app ({latest()}): "
            "update LEAD Desktop"
        )
    if not steps:
        return 0
    dbapi_conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the write lock.
        current = dbapi_conn.execute("PRAGMA user_version").fetchone()[0]
        for number, name, sql in [m for m in steps if m[0] > current]:
            logger.info("applying schema migration %s", name)
            for stmt in statements(sql):
                dbapi_conn.execute(stmt)
            dbapi_conn.execute(f"PRAGMA user_version = {number}")
        dbapi_conn.execute("COMMIT")
    except BaseException:
        dbapi_conn.execute("ROLLBACK")
        raise
    return len(steps)
