"""Attachment bytes against a real server on loopback, over SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
from typing import Any

from sqlalchemy import func, select

from lead_desktop.store.ids import uuid7
from lead_desktop.sync.protocol import ATTACHMENT_CHUNK, BLOB_SIZE_HEADER, MAX_ATTACHMENT_SIZE
from lead_server import admin
from lead_server.models import Blob, BlobChunk
from tests.server.conftest import Laptop, ServerThread

OCTETS = {"Content-Type": "application/octet-stream"}


def create(table: str, row_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "change_id": uuid7(),
        "table": table,
        "row_id": row_id,
        "op": "create",
        "base_rev": None,
        "fields": {k: {"old": None, "new": v} for k, v in fields.items()},
    }


def with_record(laptop: Laptop, data: bytes, participant: str = "p1") -> str:
    """Push a participant and an attachment record for ``data``; return its sha256."""
    sha = hashlib.sha256(data).hexdigest()
    results = laptop.push(
        create("participant", participant, first_name="Ana"),
        create(
            "attachment",
            uuid7(),
            participant_id=participant,
            sha256=sha,
            mime="application/pdf",
            size=len(data),
            data={"blob_sha256": sha, "size": len(data)},
        ),
    )
    assert {r["status"] for r in results} == {"applied"}, results
    return sha


def put(laptop: Laptop, sha: str, offset: int, size: int, chunk: bytes) -> Any:
    return laptop.http.put(
        f"/attachments/{sha}",
        params={"offset": offset, "size": size},
        content=chunk,
        headers=OCTETS,
    )


def status(laptop: Laptop, sha: str) -> dict[str, Any]:
    got = laptop.http.get(f"/attachments/{sha}/status")
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


def download(laptop: Laptop, sha: str) -> bytes:
    out = b""
    while True:
        got = laptop.http.get(f"/attachments/{sha}", params={"offset": len(out)})
        assert got.status_code == 200, got.text
        size = int(got.headers[BLOB_SIZE_HEADER])
        assert 0 < len(got.content) <= ATTACHMENT_CHUNK
        out += got.content
        if len(out) >= size:
            return out


def upload_from(laptop: Laptop, sha: str, data: bytes, offset: int) -> int:
    """Send the rest of ``data`` from ``offset``; return how many chunks went."""
    sent = 0
    while True:
        got = put(laptop, sha, offset, len(data), data[offset : offset + ATTACHMENT_CHUNK])
        assert got.status_code == 200, got.text
        sent += 1
        if got.json()["complete"]:
            return sent
        offset = got.json()["received"]


def cut_chunk(server: ServerThread, laptop: Laptop, sha: str, offset: int, size: int) -> None:
    """Start sending a full chunk, stop a third of the way in, and drop the connection."""
    head = (
        f"PUT /api/v1/attachments/{sha}?offset={offset}&size={size} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{server.port}\r\n"
        f"Authorization: {laptop.http.headers['Authorization']}\r\n"
        "Content-Type: application/octet-stream\r\n"
        f"Content-Length: {ATTACHMENT_CHUNK}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall(head.encode() + os.urandom(ATTACHMENT_CHUNK // 3))
        time.sleep(0.1)


def stored(server: ServerThread) -> tuple[int, int]:
    """(blobs, chunks) the server holds."""
    with server.engine.connect() as conn:
        blobs = conn.execute(select(func.count()).select_from(Blob)).scalar_one()
        chunks = conn.execute(select(func.count()).select_from(BlobChunk)).scalar_one()
    return int(blobs), int(chunks)


def test_cut_upload_resumes_from_the_server_offset(server: ServerThread, make_laptop: Any) -> None:
    laptop = make_laptop()
    data = os.urandom(3 * ATTACHMENT_CHUNK + 1000)
    sha = with_record(laptop, data)
    assert status(laptop, sha) == {"sha256": sha, "size": None, "received": 0, "complete": False}
    first = put(laptop, sha, 0, len(data), data[:ATTACHMENT_CHUNK])
    assert first.json()["received"] == ATTACHMENT_CHUNK and not first.json()["complete"]

    cut_chunk(server, laptop, sha, ATTACHMENT_CHUNK, len(data))
    now = status(laptop, sha)
    assert (now["size"], now["received"], now["complete"]) == (len(data), ATTACHMENT_CHUNK, False)
    assert upload_from(laptop, sha, data, now["received"]) == 3  # only the missing chunks
    assert status(laptop, sha)["complete"]
    assert stored(server) == (1, 4)
    assert download(laptop, sha) == data
    # Asking from the end gives nothing more; past it is refused.
    end = laptop.http.get(f"/attachments/{sha}", params={"offset": len(data)})
    assert end.status_code == 200 and end.content == b""
    past = laptop.http.get(f"/attachments/{sha}", params={"offset": len(data) + 1})
    assert past.status_code == 416


def test_wrong_offset_is_409_with_the_offset(make_laptop: Any) -> None:
    laptop = make_laptop()
    data = os.urandom(2 * ATTACHMENT_CHUNK)
    sha = with_record(laptop, data)
    assert put(laptop, sha, 0, len(data), data[:ATTACHMENT_CHUNK]).status_code == 200
    for offset in (0, 1000, len(data) - 10):
        again = put(laptop, sha, offset, len(data), data[offset : offset + 10])
        assert again.status_code == 409
        assert again.json()["error"] == "wrong_offset"
        assert again.json()["offset"] == ATTACHMENT_CHUNK
        assert str(ATTACHMENT_CHUNK) in again.json()["message"]
    assert status(laptop, sha)["received"] == ATTACHMENT_CHUNK


def test_oversized_chunk_and_attachment_are_413(server: ServerThread, make_laptop: Any) -> None:
    laptop = make_laptop()
    data = os.urandom(ATTACHMENT_CHUNK + 1)
    sha = with_record(laptop, data)
    big = put(laptop, sha, 0, len(data), data)
    assert big.status_code == 413
    assert big.json()["error"] == "chunk_too_large"
    assert big.json()["max"] == ATTACHMENT_CHUNK
    huge = put(laptop, sha, 0, MAX_ATTACHMENT_SIZE + 1, data[:10])
    assert huge.status_code == 413 and huge.json()["error"] == "attachment_too_large"
    assert stored(server) == (0, 0)
    # The same attachment in bounded chunks goes through.
    assert upload_from(laptop, sha, data, 0) == 2


def test_corrupted_upload_is_refused_and_nothing_kept(
    server: ServerThread, make_laptop: Any
) -> None:
    laptop = make_laptop()
    data = os.urandom(ATTACHMENT_CHUNK + 5000)
    sha = with_record(laptop, data)
    bad = bytearray(data)
    bad[-1] ^= 0xFF
    assert put(laptop, sha, 0, len(data), bytes(bad[:ATTACHMENT_CHUNK])).status_code == 200
    last = put(laptop, sha, ATTACHMENT_CHUNK, len(data), bytes(bad[ATTACHMENT_CHUNK:]))
    assert last.status_code == 422
    assert last.json()["error"] == "blob_mismatch"
    assert "from the start" in last.json()["message"]
    assert status(laptop, sha) == {"sha256": sha, "size": None, "received": 0, "complete": False}
    assert stored(server) == (0, 0)
    assert laptop.http.get(f"/attachments/{sha}").status_code == 404
    # A chunk past the declared size is refused too, and the right bytes still go through.
    past = put(laptop, sha, 0, 10, data[:11])
    assert past.status_code == 422 and past.json()["error"] == "past_end"
    assert upload_from(laptop, sha, data, 0) == 2
    assert download(laptop, sha) == data


def test_download_outside_scope_is_404(server: ServerThread, make_laptop: Any) -> None:
    ana, ben = make_laptop("ana"), make_laptop("ben")
    stranger = make_laptop("sam", team="south")
    data = os.urandom(5000)
    sha = with_record(ana, data)
    # Not uploaded yet: no bytes for anyone.
    assert ben.http.get(f"/attachments/{sha}").status_code == 404
    upload_from(ana, sha, data, 0)
    assert download(ben, sha) == data
    unknown = hashlib.sha256(b"nothing like it").hexdigest()
    answers = [
        stranger.http.get(f"/attachments/{sha}"),
        stranger.http.get(f"/attachments/{unknown}"),
        stranger.http.get(f"/attachments/{sha}/status"),
        put(stranger, sha, 0, len(data), data),
    ]
    assert [a.status_code for a in answers] == [404, 404, 404, 404]
    assert len({a.json()["message"] for a in answers}) == 1  # the same answer: nothing revealed
    assert stranger.http.get("/attachments/summary").json()["count"] == 0
    assert ben.http.get("/attachments/summary").json()["count"] == 1
    assert ana.http.get("/attachments/not-a-sha").status_code == 422


def test_a_lost_device_may_still_upload_but_not_download(
    server: ServerThread, make_laptop: Any
) -> None:
    laptop = make_laptop()
    data = os.urandom(1000)
    sha = with_record(laptop, data)
    admin.revoke_device(server.engine, laptop.device_id, "lost")
    assert upload_from(laptop, sha, data, 0) == 1
    refused = laptop.http.get(f"/attachments/{sha}")
    assert refused.status_code == 403 and refused.json()["error"] == "device_revoked"
    admin.revoke_device(server.engine, laptop.device_id, "stolen")
    assert laptop.http.get(f"/attachments/{sha}/status").status_code == 403


def test_two_processes_racing_on_one_blob_store_it_once(
    server: ServerThread, make_laptop: Any, database_url: str
) -> None:
    ana = make_laptop("ana")
    data = os.urandom(6 * ATTACHMENT_CHUNK + 77)
    sha = with_record(ana, data)
    make_laptop("ben").http.close()  # ben exists; he uploads through a second server process
    with ServerThread(database_url) as other:
        ben = Laptop(other.url, server.engine, "ben")
        finished: list[str] = []

        def race(laptop: Laptop) -> None:
            offset = 0
            for _ in range(200):
                got = put(laptop, sha, offset, len(data), data[offset : offset + ATTACHMENT_CHUNK])
                if got.status_code == 409:
                    offset = got.json()["offset"]
                    continue
                assert got.status_code == 200, got.text
                if got.json()["complete"]:
                    finished.append(laptop.user)
                    return
                offset = got.json()["received"]

        racers = [threading.Thread(target=race, args=(who,)) for who in (ana, ben)]
        for t in racers:
            t.start()
        for t in racers:
            t.join(60)
        ben.http.close()
    assert sorted(finished) == ["ana", "ben"]
    assert stored(server) == (1, 7)
    assert download(ana, sha) == data
