"""Attachment bytes: upload what the server lacks, fetch what this laptop lacks (by sha256).

Attachment records travel like any other record, but without their bytes (the journal holds
``{"blob_sha256", "size"}`` in place of ``data``); the bytes travel separately, addressed by
their sha256, in chunks of at most ATTACHMENT_CHUNK bytes:

- **Upload** (after push): for every attachment here whose bytes the server has not confirmed
  holding (those made on this laptop), ask the server what it holds, then send the rest chunk
  by chunk from the server's offset, so an interrupted upload resumes where the server
  stopped. Bytes the server already holds (another laptop sent the same scan) are not sent
  again. A refused whole is sent once more from the start, then counted as rejected: it never
  loops.
- **Park** (during pull, in the page's transaction): a pulled attachment record cannot become a
  local row before its bytes are here (``data`` is NOT NULL), so it waits as a SyncState entry
  inside the encrypted store.
- **Download** (after pull): fetch each waiting record's bytes in chunks, keeping finished
  chunks in the encrypted store so a cut download resumes, verify size and sha256, and only
  then insert the row. Bytes never touch the disk outside the encrypted store.
- **Check**: the attachment records this worker may see, by ``(id, revision)``, against the
  server's count and checksum; records missing here are fetched again, and a lasting
  difference is reported as drift. A record whose bytes this laptop already holds under
  another id (two laptops attached the same file) counts as present: the store keeps one
  copy of each content.

Logs carry sha256 prefixes and sizes only.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import (
    ColumnElement,
    Connection,
    delete,
    exists,
    insert,
    literal,
    or_,
    select,
    update,
)

from lead_desktop.store.records import META, journal_value, table_of
from lead_desktop.store.schema import Attachment, Participant, SyncState
from lead_desktop.store.tx import Tx
from lead_desktop.sync import check
from lead_desktop.sync.protocol import (
    ATTACHMENT_CHUNK,
    MAX_PULL_PAGE,
    BlobStatus,
    PullPage,
    PullRecord,
    RecordIndex,
    TableSummary,
    checksum,
)
from lead_desktop.sync.state import set_state, under
from lead_desktop.sync.transport import SyncError

if TYPE_CHECKING:
    from lead_desktop.sync.engine import SyncClient, SyncReport

logger = logging.getLogger(__name__)

TABLE = "attachment"
#: SyncState key prefixes: a pulled record waiting for its bytes (+ row id: the record as
#: JSON); a downloaded chunk (+ sha256 + ":" + 12-digit offset: base64); bytes the server
#: confirmed holding (+ sha256).
WANTED_PREFIX = "attachment_wanted:"
PART_PREFIX = "attachment_part:"
SENT_PREFIX = "attachment_sent:"
#: Server error codes that refuse an upload for good (as opposed to "try again later").
REFUSED = frozenset(
    {"blob_mismatch", "past_end", "empty_chunk", "attachment_too_large", "chunk_too_large"}
)


def _keys(conn: Connection, prefix: str) -> list[str]:
    return list(conn.execute(select(SyncState.key).where(under(prefix))).scalars())


def _drop(conn: Connection, prefix: str) -> None:
    conn.execute(delete(SyncState).where(under(prefix)))


def _wanted(conn: Connection) -> list[PullRecord]:
    rows = conn.execute(select(SyncState.value).where(under(WANTED_PREFIX))).scalars()
    return [PullRecord.model_validate_json(v) for v in rows]


def _sha(rec: PullRecord) -> str:
    return str(rec.fields.get("sha256") or "")


# -- park (inside pull's transaction) -------------------------------------------------------


def park(tx: Tx, page: PullPage, report: SyncReport) -> None:
    """Keep a pulled page's attachment records until their bytes arrive; apply its removals.

    A record this laptop already holds as a row (its own, coming back) only takes its new
    revision. Called by ``SyncClient._apply`` in the transaction that moves the cursor.
    """
    taken, removed = _park(tx, page)
    report.pulled += taken
    report.removed += removed


def _park(tx: Tx, page: PullPage, *, exact: bool = False) -> tuple[int, int]:
    """Park or re-revision a page's attachment records; return (records taken, rows removed).
    ``exact`` (repair) takes any revision that differs, not only a newer one."""
    latest: dict[str, PullRecord] = {}
    for rec in page.records:
        if rec.table == TABLE and (rec.row_id not in latest or latest[rec.row_id].rev < rec.rev):
            latest[rec.row_id] = rec
    table = table_of(Attachment)
    taken = removed = 0
    local: dict[str, int | None] = {}
    if latest:
        for row in tx.conn.execute(
            select(table.c.id, table.c.rev).where(table.c.id.in_(sorted(latest)))
        ):
            local[row.id] = row.rev
    for rec in latest.values():
        if rec.row_id in local:
            rev = local[rec.row_id]
            if rev is None or (rev != rec.rev if exact else rev < rec.rev):
                tx.conn.execute(update(table).where(table.c.id == rec.row_id).values(rev=rec.rev))
                taken += 1
            continue
        held = tx.conn.execute(
            select(SyncState.value).where(SyncState.key == WANTED_PREFIX + rec.row_id)
        ).scalar()
        if held is not None:
            rev = PullRecord.model_validate_json(held).rev
            if rev == rec.rev or (rev > rec.rev and not exact):
                continue
        set_state(tx.conn, WANTED_PREFIX + rec.row_id, rec.model_dump_json())
        taken += 1
    for gone in page.scope_removed:
        if gone.table == TABLE:
            tx.conn.execute(delete(SyncState).where(SyncState.key == WANTED_PREFIX + gone.row_id))
            removed += tx.conn.execute(delete(table).where(table.c.id == gone.row_id)).rowcount
    return taken, removed


# -- upload ----------------------------------------------------------------------------------


def _unsent() -> ColumnElement[bool]:
    """Attachments whose bytes the server has not confirmed (one indexed probe each)."""
    return ~exists().where(SyncState.key == literal(SENT_PREFIX).concat(Attachment.sha256))


def upload_pending(client: SyncClient, report: SyncReport) -> None:
    """Send the bytes of every local attachment the server does not hold yet."""
    with client.store.read() as conn:
        rows = conn.execute(
            select(Attachment.id, Attachment.sha256, Attachment.size).where(_unsent())
        ).all()
    todo = {r.sha256: r for r in rows}
    chunks = 0
    for sha, row in sorted(todo.items()):
        outcome, n = _upload(client, row.id, sha, int(row.size), chunks)
        chunks += n
        if outcome in ("stored", "present"):
            report.uploaded += outcome == "stored"
            with client.store.write() as tx:
                set_state(tx.conn, SENT_PREFIX + sha, str(row.size))
        elif outcome == "rejected":
            report.rejected += 1


def _upload(client: SyncClient, row_id: str, sha: str, size: int, chunks: int) -> tuple[str, int]:
    """Upload one blob from the server's offset; return (outcome, chunks sent).

    Outcomes: "stored", "present" (the server had it), "rejected", "unknown" (the server has
    no record of it for this device yet: tried again next sync).
    """
    path = f"/attachments/{sha}"
    try:
        status = BlobStatus.model_validate(client.transport.call("GET", f"{path}/status"))
    except SyncError as exc:
        if exc.code == "not_found":
            logger.info("attachment not known to the server yet", extra={"sha256": sha[:12]})
            return "unknown", 0
        raise
    if status.complete:
        return "present", 0
    with client.store.read() as conn:
        data = bytes(
            conn.execute(select(Attachment.data).where(Attachment.id == row_id)).scalar_one()
        )
    offset = status.received if status.size == size else 0
    restarted, sent = False, 0
    for _ in range(4 * (size // ATTACHMENT_CHUNK + 2)):  # bounded: never loops forever
        try:
            got = BlobStatus.model_validate(
                client.transport.call(
                    "PUT",
                    path,
                    params={"offset": offset, "size": size},
                    content=data[offset : offset + ATTACHMENT_CHUNK],
                    headers={"Content-Type": "application/octet-stream"},
                )
            )
        except SyncError as exc:
            if exc.code == "wrong_offset":
                offset = int(exc.body.get("offset") or 0)
                continue
            if exc.code == "blob_mismatch" and not restarted:
                restarted, offset = True, 0  # the server discarded it all: once more from zero
                continue
            if exc.code in REFUSED:
                logger.warning(
                    "attachment upload refused",
                    extra={"sha256": sha[:12], "size": size, "code": exc.code},
                )
                return "rejected", sent
            if exc.code == "not_found":
                return "unknown", sent
            raise
        sent += 1
        client._tell("upload", chunks + sent)
        if got.complete:
            logger.info("attachment uploaded", extra={"sha256": sha[:12], "size": size})
            return "stored", sent
        offset = got.received
    logger.warning("attachment upload made no progress", extra={"sha256": sha[:12]})
    return "rejected", sent


# -- download --------------------------------------------------------------------------------


@dataclass
class _Fetch:
    """One download pass: the client, its report and chunks received so far."""

    client: SyncClient
    report: SyncReport
    chunks: int = 0


def waiting(conn: Connection) -> tuple[bool, bool]:
    """(an attachment's bytes wait to be sent, a pulled attachment waits for its bytes)."""
    up = conn.execute(select(exists().where(_unsent()).select_from(Attachment))).scalar()
    down = conn.execute(
        select(exists().where(or_(under(WANTED_PREFIX), under(PART_PREFIX))))
    ).scalar()
    return bool(up), bool(down)


def fetch_missing(client: SyncClient, report: SyncReport, *, is_due: bool | None = None) -> None:
    """Download the bytes of pulled attachment records this laptop does not hold yet, then
    check the attachment records against the server's (when the end-of-sync check is due;
    ``is_due`` when the caller has worked that out already)."""
    run = _Fetch(client, report)
    _fetch_wanted(run)
    moved = report.uploaded + report.downloaded
    if is_due is None:
        is_due = check.due(client, report)
    if not (moved or is_due):
        return
    if in_step(client):
        return
    logger.warning("attachments drift; repairing")
    _repair(client, report)
    _fetch_wanted(run)
    if not in_step(client):
        report.drift.append(TABLE)


def _fetch_wanted(run: _Fetch) -> None:
    """Download and insert every waiting record whose bytes are not here under any id."""
    with run.client.store.read() as conn:
        wanted = _wanted(conn)
        parts = _keys(conn, PART_PREFIX)
        if not (wanted or parts):
            return  # the usual case: no reading of every attachment's hash
        held = set(conn.execute(select(Attachment.sha256)).scalars())
    by_sha: dict[str, list[PullRecord]] = defaultdict(list)
    for rec in wanted:
        if _sha(rec) not in held:
            by_sha[_sha(rec)].append(rec)
    stale = [k for k in parts if k[len(PART_PREFIX) :].split(":")[0] not in by_sha]
    if stale:
        with run.client.store.write() as tx:
            tx.conn.execute(delete(SyncState).where(SyncState.key.in_(stale)))
    for sha, recs in sorted(by_sha.items()):
        rec = min(recs, key=lambda r: r.row_id)
        size = rec.fields.get("size")
        if not isinstance(size, int) or size < 0:
            logger.warning("attachment record without a size", extra={"sha256": sha[:12]})
            continue
        data = _download(run, sha, size)
        if data is not None and _insert(run.client, rec, data):
            run.report.downloaded += 1


def _download(run: _Fetch, sha: str, size: int) -> bytes | None:
    """The verified bytes of one blob, resuming from chunks kept in the store; None when the
    server has none for this worker yet, or they did not verify twice."""
    client = run.client
    for _attempt in range(2):
        with client.store.read() as conn:
            kept = conn.execute(
                select(SyncState.key, SyncState.value)
                .where(under(f"{PART_PREFIX}{sha}:"))
                .order_by(SyncState.key)
            ).all()
        parts: list[bytes] = []
        for key, value in kept:
            if int(key.rsplit(":", 1)[1]) != sum(map(len, parts)):
                break
            parts.append(base64.b64decode(value))
        have = sum(map(len, parts))
        while have < size:
            chunk = _get_bytes(client, f"/attachments/{sha}", have)
            if chunk is None:
                logger.info("attachment bytes not available yet", extra={"sha256": sha[:12]})
                return None
            if not chunk:
                break
            if have + len(chunk) < size:  # keep it, so a cut download resumes here
                with client.store.write() as tx:
                    set_state(
                        tx.conn,
                        f"{PART_PREFIX}{sha}:{have:012d}",
                        base64.b64encode(chunk).decode("ascii"),
                    )
            parts.append(chunk)
            have += len(chunk)
            run.chunks += 1
            client._tell("download", run.chunks)
        data = b"".join(parts)
        if len(data) == size and hashlib.sha256(data).hexdigest() == sha:
            return data
        logger.warning("downloaded attachment did not verify", extra={"sha256": sha[:12]})
        with client.store.write() as tx:
            _drop(tx.conn, f"{PART_PREFIX}{sha}:")
    return None


def _get_bytes(client: SyncClient, path: str, offset: int) -> bytes | None:
    """GET raw bytes from the server; None on 404 (not available to this worker)."""
    transport = client.transport
    try:
        got = transport.http.get(path, params={"offset": offset})
    except httpx.HTTPError as exc:
        raise transport._network_error(exc) from exc
    if got.status_code == 404:
        return None
    if got.status_code >= 400:
        try:
            body: Any = got.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        raise SyncError(
            f"server refused {path} ({got.status_code}): "
            f"{body.get('message') or got.reason_phrase}",
            status=got.status_code,
            code=str(body["error"]) if "error" in body else None,
            body=body,
        )
    return got.content


def _insert(client: SyncClient, rec: PullRecord, data: bytes) -> bool:
    """Insert a verified attachment as a local row (never journaled); drop what waited."""
    table = table_of(Attachment)
    columns = set(table.columns.keys()) - META - {"data", "deleted"}
    values = {k: v for k, v in rec.fields.items() if k in columns}
    sha = _sha(rec)
    with client.store.write() as tx:
        _drop(tx.conn, f"{PART_PREFIX}{sha}:")
        if tx.conn.execute(select(Attachment.id).where(Attachment.sha256 == sha)).first():
            return False  # made here meanwhile: the record now counts as held
        owner = values.get("participant_id")
        if (
            owner
            and not tx.conn.execute(select(Participant.id).where(Participant.id == owner)).first()
        ):
            logger.info("attachment waits for its participant", extra={"sha256": sha[:12]})
            return False
        tx.conn.execute(
            insert(table).values(
                **values,
                data=data,
                deleted=rec.deleted,
                id=rec.row_id,
                rev=rec.rev,
                updated_at=str(rec.fields.get("updated_at") or tx.now),
                updated_by=str(rec.fields.get("updated_by") or "server"),
                device_id="server",
            )
        )
        tx.conn.execute(delete(SyncState).where(SyncState.key == WANTED_PREFIX + rec.row_id))
        set_state(tx.conn, SENT_PREFIX + sha, str(len(data)))  # the server has these bytes
    logger.info("attachment downloaded", extra={"sha256": sha[:12], "size": len(data)})
    return True


# -- check and repair ------------------------------------------------------------------------


def local_pairs(conn: Connection) -> list[tuple[str, int]]:
    """``(id, rev)`` of the attachment records this laptop holds: its rows with a revision,
    and waiting records whose bytes it holds under another id."""
    rows = conn.execute(
        select(Attachment.id, Attachment.rev, Attachment.sha256).where(Attachment.rev.is_not(None))
    ).all()
    pairs = {r.id: int(r.rev) for r in rows}
    held = set(conn.execute(select(Attachment.sha256)).scalars())
    for rec in _wanted(conn):
        if _sha(rec) in held and rec.row_id not in pairs:
            pairs[rec.row_id] = rec.rev
    return sorted(pairs.items())


def in_step(client: SyncClient) -> bool:
    """Whether this laptop holds exactly the attachment records the server shows its worker."""
    remote = TableSummary.model_validate(client.transport.call("GET", "/attachments/summary"))
    with client.store.read() as conn:
        mine = local_pairs(conn)
    return len(mine) == remote.count and checksum(mine) == remote.checksum


def _repair(client: SyncClient, report: SyncReport) -> None:
    """Fetch the attachment records whose revision here differs from the server's, and
    forget waiting records the server no longer shows this worker."""
    index = RecordIndex.model_validate(
        client.transport.call("GET", "/index", params={"table": TABLE})
    )
    theirs = dict(index.rows)
    with client.store.read() as conn:
        mine = dict(local_pairs(conn))
        waiting = {r.row_id: r.rev for r in _wanted(conn)}
    fetch = sorted(
        rid for rid, rev in theirs.items() if rev not in (mine.get(rid), waiting.get(rid))
    )
    gone = [rid for rid in waiting if rid not in theirs]
    lost = sorted(rid for rid in mine if rid not in theirs and rid not in waiting)
    for page in check.fetch_records(client, TABLE, fetch):
        with client.store.write() as tx:
            report.repaired += _park(tx, page, exact=True)[0]
    if gone:
        with client.store.write() as tx:
            tx.conn.execute(
                delete(SyncState).where(SyncState.key.in_([WANTED_PREFIX + g for g in gone]))
            )
    if lost:
        report.repaired += _send_again(client, lost)


def _send_again(client: SyncClient, ids: list[str]) -> int:
    """Journal attachments the server no longer holds as new creations and forget that their
    bytes were sent, so the next sync restores both (nothing that reached a laptop is lost)."""
    table = table_of(Attachment)
    with client.store.write() as tx:
        for start in range(0, len(ids), MAX_PULL_PAGE):
            part = ids[start : start + MAX_PULL_PAGE]
            for row in tx.conn.execute(select(table).where(table.c.id.in_(part))).mappings():
                fields = {k: [None, journal_value(v)] for k, v in row.items() if k not in META}
                tx.journal(TABLE, row["id"], "insert", None, fields)
                tx.conn.execute(
                    delete(SyncState).where(SyncState.key == SENT_PREFIX + row["sha256"])
                )
            tx.conn.execute(update(table).where(table.c.id.in_(part)).values(rev=None))
    logger.warning("attachments missing on the server sent again", extra={"count": len(ids)})
    return len(ids)
