"""Attachment uploads never finished are dropped after a while; finished ones never are."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from lead_server.db import write_tx
from lead_server.models import Blob, BlobChunk
from tests.server.conftest import ServerThread
from tests.server.test_admin_cli import ok, run_cli


def _blob(server: ServerThread, sha: str, *, complete: bool, started_at: str) -> None:
    with write_tx(server.engine) as conn:
        conn.execute(
            insert(Blob).values(
                sha256=sha,
                size=8,
                received=4 if not complete else 8,
                complete=complete,
                device_id="d",
                started_at=started_at,
                completed_at=started_at if complete else None,
            )
        )
        conn.execute(insert(BlobChunk).values(sha256=sha, start=0, size=4, data=b"abcd"))


def _left(server: ServerThread) -> tuple[set[str], int]:
    with server.engine.connect() as conn:
        blobs = set(conn.execute(select(Blob.sha256)).scalars())
        chunks = conn.execute(select(func.count()).select_from(BlobChunk)).scalar_one()
    return blobs, int(chunks)


def test_old_unfinished_uploads_are_purged_and_nothing_else(server: ServerThread) -> None:
    old, recent, done = "a" * 64, "b" * 64, "c" * 64
    _blob(server, old, complete=False, started_at="2020-01-01T00:00:00.000000Z")
    _blob(server, recent, complete=False, started_at="2099-01-01T00:00:00.000000Z")
    _blob(server, done, complete=True, started_at="2020-01-01T00:00:00.000000Z")

    said = ok(run_cli("purge-uploads", url=server.database_url))
    assert "1 unfinished upload(s) older than 14 days dropped" in said
    assert _left(server) == ({recent, done}, 2)  # the old one's chunk went with it
    assert "0 unfinished" in ok(run_cli("purge-uploads", url=server.database_url))

    refused = run_cli("purge-uploads", "--older-than", "0", url=server.database_url)
    assert refused.returncode == 1 and "at least one day" in refused.stderr
