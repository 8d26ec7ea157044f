"""Attachment bytes by sha256: resumable upload in bounded chunks, scoped download.

A blob is stored once per sha256 (two laptops sending the same scan store it once), in the
database as its chunks, so every server process behind a load balancer sees the same bytes.
An upload says where it is (``/status``); each chunk must start exactly where the last ended
(else 409 with the offset to resume from); the last chunk triggers a check of the size and the
sha256 of the whole, and a mismatch discards everything received. Only a device that may see an
attachment record with that sha256 (or that pushed one) may upload or ask about it; only a
worker whose scope holds such a record may download it. Anything else is a plain 404, so the
server never reveals what it holds. Logs carry sha256 prefixes and sizes, never bytes.
"""

# No ``from __future__ import annotations``: FastAPI reads these signatures at definition time.

import hashlib
import logging
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from sqlalchemy import ColumnElement, Connection, delete, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from starlette.requests import ClientDisconnect

from lead_desktop.store.ids import utcnow
from lead_desktop.sync.protocol import (
    ATTACHMENT_CHUNK,
    BLOB_SIZE_HEADER,
    MAX_ATTACHMENT_SIZE,
    SHA256_PATTERN,
    BlobStatus,
    TableSummary,
    checksum,
)
from lead_server.db import read_tx, write_tx
from lead_server.deps import ApiError, Reading, Signed, engine_of
from lead_server.models import Blob, BlobChunk, Record
from lead_server.scope import Principal, record_scope

logger = logging.getLogger(__name__)

router = APIRouter(tags=["attachments"])

Sha = Annotated[str, Path(pattern=SHA256_PATTERN, description="sha256 of the bytes, hex")]

#: Rows read at a time while hashing a finished upload (keeps memory bounded).
HASH_BATCH = 8


def _not_found() -> ApiError:
    return ApiError(
        404,
        "not_found",
        "No attachment with this content is available to you. Sync your changes first; if "
        "it stays missing, the laptop that made it has not uploaded it yet.",
    )


def _has_record(conn: Connection, sha256: str, allowed: ColumnElement[bool]) -> bool:
    """Whether an attachment record with this sha256 matches ``allowed``."""
    found = conn.execute(
        select(Record.row_id)
        .where(
            Record.table_name == "attachment",
            Record.fields["sha256"].as_string() == sha256,
            allowed,
        )
        .limit(1)
    ).first()
    return found is not None


def _uploader_may(p: Principal) -> ColumnElement[bool]:
    """Records a device may upload bytes for: those in its scope, and those it pushed."""
    return or_(record_scope(p), Record.device_id == p.device_id)


def _status(sha256: str, blob: Any) -> BlobStatus:
    if blob is None:
        return BlobStatus(sha256=sha256)
    return BlobStatus(sha256=sha256, size=blob.size, received=blob.received, complete=blob.complete)


async def chunk_body(request: Request) -> bytes:
    """The request body, refused with 413 past ATTACHMENT_CHUNK bytes (never read further)."""
    too_large = ApiError(
        413,
        "chunk_too_large",
        f"A chunk may carry at most {ATTACHMENT_CHUNK} bytes; send smaller chunks.",
        max=ATTACHMENT_CHUNK,
    )
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad_length", "The Content-Length header is not a number.")
        if int(declared) > ATTACHMENT_CHUNK:
            raise too_large
    body = bytearray()
    try:
        async for part in request.stream():
            body += part
            if len(body) > ATTACHMENT_CHUNK:
                raise too_large
    except ClientDisconnect:
        raise ApiError(
            400, "incomplete_chunk", "The chunk was cut off; ask for the status and resume."
        ) from None
    return bytes(body)


@router.get("/attachments/summary")
def attachment_summary(request: Request, p: Reading) -> TableSummary:
    """Count and checksum of the attachment records this worker may see (to detect drift)."""
    with read_tx(engine_of(request)) as conn:
        rows = conn.execute(
            select(Record.row_id, Record.rev).where(
                Record.table_name == "attachment", record_scope(p)
            )
        ).all()
    pairs = [(r.row_id, int(r.rev)) for r in rows]
    return TableSummary(count=len(pairs), checksum=checksum(pairs))


@router.get("/attachments/{sha256}/status")
def upload_status(request: Request, p: Signed, sha256: Sha) -> BlobStatus:
    """What the server holds of these bytes: where an upload resumes, or that none is needed."""
    with read_tx(engine_of(request)) as conn:
        if not _has_record(conn, sha256, _uploader_may(p)):
            raise _not_found()
        blob = conn.execute(
            select(Blob.size, Blob.received, Blob.complete).where(Blob.sha256 == sha256)
        ).first()
        return _status(sha256, blob)


@router.put("/attachments/{sha256}")
def upload_chunk(
    request: Request,
    p: Signed,
    sha256: Sha,
    *,
    offset: Annotated[int, Query(ge=0)],
    size: Annotated[int, Query(ge=0)],
    data: Annotated[bytes, Depends(chunk_body)],
) -> BlobStatus:
    """Store one chunk at ``offset`` of a blob of ``size`` bytes; check the whole on the last."""
    if size > MAX_ATTACHMENT_SIZE:
        raise ApiError(
            413,
            "attachment_too_large",
            f"An attachment may be at most {MAX_ATTACHMENT_SIZE} bytes; attach a smaller file.",
            max=MAX_ATTACHMENT_SIZE,
        )
    if offset + len(data) > size:
        raise ApiError(
            422, "past_end", "This chunk goes past the declared size; send the bytes again."
        )
    if not data and offset < size:
        raise ApiError(422, "empty_chunk", "An empty chunk moves nothing; send the bytes.")
    engine = engine_of(request)
    with write_tx(engine) as conn:
        if not _has_record(conn, sha256, _uploader_may(p)):
            raise _not_found()
        blob = _claim(conn, sha256, size, p.device_id)
        if blob.complete:
            return _status(sha256, blob)  # content addressed: already here, nothing stored
        if blob.size != size and offset == 0:
            # A different declared size can only be a broken earlier attempt: start anew.
            conn.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha256))
            conn.execute(update(Blob).where(Blob.sha256 == sha256).values(size=size, received=0))
            blob.size, blob.received = size, 0
        if offset != blob.received or blob.size != size:
            resume = blob.received if blob.size == size else 0
            raise ApiError(
                409,
                "wrong_offset",
                f"The server has {resume} bytes of this attachment; send from there.",
                offset=resume,
            )
        if data:
            conn.execute(
                insert(BlobChunk).values(sha256=sha256, start=offset, size=len(data), data=data)
            )
        received = offset + len(data)
        ok = received < size or _verify(conn, sha256, size)
        if not ok:
            conn.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha256))
            conn.execute(delete(Blob).where(Blob.sha256 == sha256))
        else:
            done = received == size
            conn.execute(
                update(Blob)
                .where(Blob.sha256 == sha256)
                .values(received=received, complete=done, completed_at=utcnow() if done else None)
            )
    if not ok:
        logger.warning("attachment upload discarded", extra={"sha256": sha256[:12], "size": size})
        raise ApiError(
            422,
            "blob_mismatch",
            "The bytes received do not match their sha256 and size, so they were discarded. "
            "Send the attachment again from the start.",
        )
    if received == size:
        logger.info("attachment stored", extra={"sha256": sha256[:12], "size": size})
    return BlobStatus(sha256=sha256, size=size, received=received, complete=received == size)


@dataclass
class _Held:
    """An upload's state as locked in this transaction."""

    size: int
    received: int
    complete: bool


def _claim(conn: Connection, sha256: str, size: int, device_id: str) -> _Held:
    """The blob's row, created if new, locked until commit (several processes may race)."""
    values = {
        "sha256": sha256,
        "size": size,
        "received": 0,
        "complete": False,
        "device_id": device_id,
        "started_at": utcnow(),
        "completed_at": None,
    }
    make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(make(Blob).values(**values).on_conflict_do_nothing(index_elements=["sha256"]))
    row = conn.execute(
        select(Blob.size, Blob.received, Blob.complete)
        .where(Blob.sha256 == sha256)
        .with_for_update()
    ).one()
    return _Held(size=int(row.size), received=int(row.received), complete=bool(row.complete))


def _verify(conn: Connection, sha256: str, size: int) -> bool:
    """Hash the stored chunks in order; True when they are exactly ``size`` bytes of ``sha256``."""
    digest, total, expected = hashlib.sha256(), 0, 0
    rows = conn.execute(
        select(BlobChunk.start, BlobChunk.data)
        .where(BlobChunk.sha256 == sha256)
        .order_by(BlobChunk.start)
        .execution_options(yield_per=HASH_BATCH)
    )
    for start, data in rows:
        if start != expected:
            return False
        digest.update(data)
        total += len(data)
        expected = total
    return total == size and digest.hexdigest() == sha256


@router.get(
    "/attachments/{sha256}",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def download(
    request: Request,
    p: Reading,
    sha256: Sha,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Up to ATTACHMENT_CHUNK bytes from ``offset``, if this worker may see such an attachment;
    the whole size is in the Lead-Blob-Size header."""
    with read_tx(engine_of(request)) as conn:
        size = conn.execute(
            select(Blob.size).where(Blob.sha256 == sha256, Blob.complete.is_(True))
        ).scalar()
        if size is None or not _has_record(conn, sha256, record_scope(p)):
            raise _not_found()
        if offset > size:
            raise ApiError(416, "bad_offset", f"This attachment has only {size} bytes.")
        end = min(offset + ATTACHMENT_CHUNK, size)
        parts = conn.execute(
            select(BlobChunk.start, BlobChunk.data)
            .where(
                BlobChunk.sha256 == sha256,
                BlobChunk.start > offset - ATTACHMENT_CHUNK,
                BlobChunk.start < end,
            )
            .order_by(BlobChunk.start)
        ).all()
    body = bytearray()
    for start, data in parts:
        lo, hi = max(offset - start, 0), min(end - start, len(data))
        if lo < hi:
            body += data[lo:hi]
    return Response(
        content=bytes(body),
        media_type="application/octet-stream",
        headers={BLOB_SIZE_HEADER: str(size)},
    )
