"""PostgreSQL for the tests: one real cluster per test session, started as the postgres user.

The fixtures (``postgres``, ``database_url``) are registered by the root conftest, so the server
and the sync tests share one cluster.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

PG_BIN = Path(os.environ.get("LEAD_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _pg(*cmd: str, check: bool = True) -> None:
    """Run a PostgreSQL tool, as the postgres user when we are root (initdb refuses root)."""
    argv = list(cmd)
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        argv = (
            [runuser, "-u", "postgres", "--", *argv]
            if runuser
            else ["su", "postgres", "-c", shlex.join(argv)]
        )
    subprocess.run(argv, check=check, capture_output=True, timeout=120)


@dataclass
class Postgres:
    """A PostgreSQL cluster in a temporary folder on a loopback port."""

    port: int
    counter: int = 0

    def new_database(self) -> str:
        """Create an empty database; return its URL."""
        self.counter += 1
        name = f"lead_{os.getpid()}_{self.counter}"
        with psycopg.connect(self.admin_dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    @property
    def admin_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """Start PostgreSQL for the session (as the postgres user when run as root); stop it after."""
    if not (PG_BIN / "initdb").exists():
        pytest.fail(
            f"PostgreSQL binaries not found in {PG_BIN}: run 'make test' (it installs "
            "postgresql-15) or set LEAD_PG_BIN"
        )
    base = Path(tempfile.mkdtemp(prefix="lead-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", free_port()
    _pg(str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    opts = f"-k {base} -h 127.0.0.1 -p {port} -F -c max_connections=200"
    _pg(str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w", "start")
    try:
        yield Postgres(port)
    finally:
        _pg(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    pg: Postgres = request.getfixturevalue("postgres")
    return pg.new_database()
