"""Attachment bytes between laptops (real encrypted stores) through a real server on loopback."""

from __future__ import annotations

import hashlib
import os
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn
from sqlalchemy import delete, func, select, update

from lead_desktop.store import consents
from lead_desktop.store.casework import put_attachment
from lead_desktop.store.schema import Attachment, ChangeJournal, Consent, SyncState
from lead_desktop.store.store import Store
from lead_desktop.sync import attachments
from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.protocol import ATTACHMENT_CHUNK
from lead_desktop.sync.transport import SyncError
from lead_server import admin
from lead_server.models import Blob, BlobChunk, Record
from tests.documents.world import STROKES, add_consent, add_person
from tests.server.conftest import PASSWORD, ServerThread

BIG = 3 * 1024 * 1024 + 123  # about 3 MB: 13 chunks
BIG_CHUNKS = -(-BIG // ATTACHMENT_CHUNK)


def enroll(store: Store, server: ServerThread, user: str) -> SyncClient:
    client = SyncClient(store, server.url)
    client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
    return client


def blobs(store: Store) -> dict[str, bytes]:
    """sha256 -> bytes of every attachment row of a laptop."""
    with store.read() as conn:
        return {r.sha256: bytes(r.data) for r in conn.execute(select(Attachment))}


def on_server(server: ServerThread) -> tuple[int, int, int]:
    """(attachment records, complete blobs, chunks) the server holds."""
    with server.engine.connect() as conn:
        records = conn.execute(
            select(func.count()).where(Record.table_name == "attachment")
        ).scalar_one()
        done = conn.execute(select(func.count()).where(Blob.complete.is_(True))).scalar_one()
        chunks = conn.execute(select(func.count()).select_from(BlobChunk)).scalar_one()
    return int(records), int(done), int(chunks)


def counting(client: SyncClient) -> Counter[str]:
    """Count progress calls per phase ("upload" and "download" are one per chunk)."""
    seen: Counter[str] = Counter()
    client.progress = lambda phase, _done: seen.update([phase])
    return seen


def stop_after(client: SyncClient, server: ServerThread, phase: str, chunks: int) -> None:
    """Shut the server down once ``chunks`` chunks of ``phase`` went through."""
    seen: Counter[str] = Counter()

    def progress(name: str, _done: int) -> None:
        seen.update([name])
        if name == phase and seen[name] == chunks:
            server.server.should_exit = True
            server.thread.join(10)

    client.progress = progress


@contextmanager
def restarted(old: ServerThread) -> Iterator[ServerThread]:
    """A new server on the same database and the same port as a stopped one."""
    srv = ServerThread(old.engine.url.render_as_string(hide_password=False))
    srv.port, srv.url = old.port, old.url
    config = uvicorn.Config(
        srv.app, host="127.0.0.1", port=old.port, log_config=None, access_log=False
    )
    srv.server = uvicorn.Server(config)
    srv.thread = threading.Thread(target=srv.server.run, daemon=True)
    with srv:
        yield srv


def test_signed_consent_reaches_the_other_laptop(server: ServerThread, make_store: Any) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a = enroll(a_store, server, "ana")
    with a_store.write() as tx:
        pid = add_person(tx, "José Núñez")
        cid = add_consent(tx, pid, "release", "José Núñez")
    first = a.sync_once("ana", PASSWORD)
    assert (first.uploaded, first.rejected) == (1, 0)
    assert first.in_step, first.drift
    assert attachments.in_step(a)
    assert on_server(server)[:2] == (1, 1)

    b = enroll(b_store, server, "ben")
    got = b.sync_once("ben", PASSWORD)
    assert got.downloaded == 1 and got.uploaded == 0
    assert got.in_step, got.drift
    assert attachments.in_step(b)
    assert blobs(b_store) == blobs(a_store) and len(blobs(b_store)) == 1
    with b_store.read() as conn:
        signature = conn.execute(
            select(Consent.signature_attachment_id).where(Consent.id == cid)
        ).scalar_one()
        assert consents.signature_strokes(conn, signature) == STROKES
        journaled = select(func.count()).where(ChangeJournal.table_name == "attachment")
        assert conn.execute(journaled).scalar_one() == 0  # pulled, not a local change
        for prefix in (attachments.WANTED_PREFIX, attachments.PART_PREFIX):
            waiting = select(func.count()).where(SyncState.key.startswith(prefix))
            assert conn.execute(waiting).scalar_one() == 0

    a.sync_once("ana", PASSWORD)  # takes ben's worker record
    for client, user in ((a, "ana"), (b, "ben")):
        idle = client.sync_once(user, PASSWORD)
        assert idle.in_step, idle.drift
        assert (idle.uploaded, idle.downloaded, idle.pulled) == (0, 0, 0)

    # Drift (a row lost on this laptop) is found by the end-of-sync check and repaired.
    with b_store.write() as tx:
        tx.conn.execute(delete(Attachment))
    assert not attachments.in_step(b)
    fixed = b.sync_once("ben", PASSWORD)
    assert fixed.repaired == 1 and fixed.downloaded == 1
    assert fixed.in_step, fixed.drift
    assert blobs(b_store) == blobs(a_store)
    a.close()
    b.close()


def test_big_attachment_resumes_an_interrupted_upload_and_download(
    server: ServerThread, make_store: Any
) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a, b = enroll(a_store, server, "ana"), enroll(b_store, server, "ben")
    data = os.urandom(BIG)
    with a_store.write() as tx:
        put_attachment(
            tx, data=data, mime="application/pdf", participant_id=add_person(tx, "José Núñez")
        )

    stop_after(a, server, "upload", 5)
    with pytest.raises(SyncError) as cut:
        a.sync_once("ana", PASSWORD)
    assert cut.value.unreachable
    assert on_server(server) == (1, 0, 5)

    with restarted(server) as again:
        seen = counting(a)
        done = a.sync_once("ana", PASSWORD)
        assert done.uploaded == 1 and done.in_step, done.drift
        assert seen["upload"] == BIG_CHUNKS - 5  # the first five were not sent again
        assert on_server(again) == (1, 1, BIG_CHUNKS)

        stop_after(b, again, "download", 4)
        with pytest.raises(SyncError):
            b.sync_once("ben", PASSWORD)
        assert blobs(b_store) == {}

    with restarted(server):
        seen = counting(b)
        got = b.sync_once("ben", PASSWORD)
        assert got.in_step, got.drift
        assert seen["download"] == BIG_CHUNKS - 4  # resumed from the chunks kept in the store
        assert blobs(b_store) == {hashlib.sha256(data).hexdigest(): data}
        assert attachments.in_step(b)
        with b_store.read() as conn:
            parts = select(func.count()).where(SyncState.key.startswith(attachments.PART_PREFIX))
            assert conn.execute(parts).scalar_one() == 0
    a.close()
    b.close()


def test_same_blob_on_two_laptops_is_stored_once(server: ServerThread, make_store: Any) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a, b = enroll(a_store, server, "ana"), enroll(b_store, server, "ben")
    scan = os.urandom(ATTACHMENT_CHUNK + 10)
    for store in (a_store, b_store):
        with store.write() as tx:
            put_attachment(tx, data=scan, mime="image/png")
    assert a.sync_once("ana", PASSWORD).uploaded == 1
    seen = counting(b)
    second = b.sync_once("ben", PASSWORD)
    assert second.uploaded == 0 and seen["upload"] == 0  # the server had it: nothing sent
    assert second.in_step, second.drift
    assert on_server(server) == (2, 1, 2)  # two records, one blob
    third = a.sync_once("ana", PASSWORD)
    assert third.in_step, third.drift
    for client, store in ((a, a_store), (b, b_store)):
        assert attachments.in_step(client)  # the other laptop's record counts as held
        assert list(blobs(store).values()) == [scan]
    a.close()
    b.close()


def test_bytes_that_do_not_match_are_rejected_once_retried(
    server: ServerThread, make_store: Any
) -> None:
    a_store, b_store = make_store("ana"), make_store("ben")
    a, b = enroll(a_store, server, "ana"), enroll(b_store, server, "ben")
    with a_store.write() as tx:
        put_attachment(tx, data=b"the real scan", mime="image/png")
    with a_store.write() as tx:  # damaged on the laptop after it was stored
        tx.conn.execute(update(Attachment).values(data=b"the fake scan"))
    got = a.sync_once("ana", PASSWORD)
    assert got.rejected == 1 and got.uploaded == 0
    assert not got.in_step and "rejected changes" in got.drift
    assert on_server(server) == (1, 0, 0)  # the record arrived; no bytes kept
    # The other laptop waits for the bytes: the attachment check says so.
    got_b = b.sync_once("ben", PASSWORD)
    assert got_b.downloaded == 0
    assert not attachments.in_step(b)
    assert blobs(b_store) == {}
    a.close()
    b.close()
