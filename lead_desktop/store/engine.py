"""Engine factory: SQLAlchemy over SQLCipher (or plain SQLite for comparison benchmarks)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

logger = logging.getLogger(__name__)

#: Connection pragmas applied to every connection, after the key.
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
)

#: The executions option that makes a transaction take the write lock at BEGIN.
WRITE_OPTION = "lead_write"


def key_pragma(key: bytes) -> str:
    """Return the PRAGMA statement body that gives SQLCipher a raw 256-bit key."""
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    return f"\"x'{key.hex()}'\""


def connect_raw(path: Path, key: bytes | None) -> Any:
    """Open one DB-API connection with the key and pragmas applied; verify the key works."""
    if key is None:
        conn: Any = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    else:
        conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key_pragma(key)}")
    try:
        # Reading the schema is what proves the key: a wrong one fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except Exception:
        conn.close()
        raise
    return conn


def make_engine(path: Path, key: bytes | None) -> Engine:
    """Create an engine over one store file; ``key=None`` means plain SQLite (benchmarks only)."""
    module: Any = sqlite3 if key is None else sqlcipher
    engine = create_engine(
        "sqlite+pysqlite://",
        module=module,
        creator=lambda: connect_raw(path, key),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        hide_parameters=True,  # SQL parameters are personal data: never in errors or logs
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # isolation_level=None hands transaction control to us; writers lock at BEGIN so two
        # writers queue on busy_timeout instead of failing on a lock upgrade.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def is_not_a_database(exc: BaseException) -> bool:
    """Tell whether an exception is SQLCipher's answer to a wrong key (or a non-database)."""
    text = str(exc).lower()
    return "file is not a database" in text or "not an error" in text
