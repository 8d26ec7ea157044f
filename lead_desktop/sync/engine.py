"""The sync client: enroll this laptop, then push its journal and pull the server's changes."""

from __future__ import annotations

import json
import logging
import queue
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlalchemy import Text, delete, select, type_coerce, update

from lead_desktop.store import conflicts as local_conflicts
from lead_desktop.store.ids import utcnow
from lead_desktop.store.records import table_of
from lead_desktop.store.schema import (
    SYNCED_TABLES,
    ChangeJournal,
    Device,
    SyncState,
)
from lead_desktop.store.tx import Tx
from lead_desktop.sync import attachments, check, conflicts, revocation
from lead_desktop.sync.apply import PageApplier
from lead_desktop.sync.protocol import (
    JOURNAL_OPS,
    MAX_PULL_PAGE,
    MAX_PUSH_ENTRIES,
    EnrollResponse,
    PullPage,
    PushResponse,
    PushResult,
    TokenResponse,
)
from lead_desktop.sync.state import get_state, set_state
from lead_desktop.sync.transport import SyncError, Transport, encode_json_body

logger = logging.getLogger(__name__)

#: SyncState keys.
CURSOR_KEY = "pull_cursor"
SERVER_DEVICE_KEY = "server_device_id"
#: SyncState key prefix of a worker's sync key (+ local worker id): {"user", "key"} JSON.
SYNC_KEY_PREFIX = "sync_key:"
REJECTED_PREFIX = "rejected:"


@dataclass
class SyncReport:
    """What one sync moved, and whether this laptop and the server now agree."""

    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    removed: int = 0
    in_step: bool = False
    drift: list[str] = field(default_factory=list)
    repaired: int = 0
    notices: int = 0
    resolutions: int = 0
    uploaded: int = 0
    downloaded: int = 0


_state, _set_state = get_state, set_state


class SyncClient:
    """Talks protocol v1 to one server for one unlocked store."""

    def __init__(
        self,
        store: Any,
        base_url: str | None = None,
        *,
        fingerprint: str | None = None,
        timeout: float = 30.0,
        batch: int = MAX_PUSH_ENTRIES,
        page: int = MAX_PULL_PAGE,
    ) -> None:
        self.store = store
        with store.read() as conn:
            device = conn.execute(select(Device)).one()
            self.server_device_id = _state(conn, SERVER_DEVICE_KEY)
        url = base_url or device.server_url
        if not url:
            raise SyncError("this laptop is not enrolled: run 'lead-desktop enroll' first")
        self.fingerprint = fingerprint or device.fingerprint
        self.transport = Transport(url, fingerprint=self.fingerprint, timeout=timeout)
        self.base_url = self.transport.base_url
        self.credential: str | None = device.credential
        self.batch, self.page = batch, page
        #: Called as ``progress(phase, done)`` while a sync runs (phase: "push", "upload",
        #: "pull", "download", "check"; done: items of that phase so far). Any thread.
        self.progress: Callable[[str, int], None] | None = None
        #: Seconds between end-of-sync checks when a sync moved nothing (None: check always).
        self.check_interval: float | None = None
        #: The server's newest conflict revision in scope, from the last pull page.
        self.conflict_rev: int | None = None
        #: (user, monotonic time to refresh by, answer) of the token in use, to reuse it.
        self._signed_in: tuple[str, float, TokenResponse] | None = None

    def close(self) -> None:
        """Close the connection pool."""
        self.transport.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- enrollment --------------------------------------------------------------------------

    def enroll(self, code: str, user: str, password: str) -> str:
        """Exchange a one-time code for this device's credential; keep it in the store."""
        # The computer's name helps IT tell devices apart (lead-server list-devices).
        body = {
            "code": code,
            "user": user,
            "password": password,
            "device_name": socket.gethostname()[:128] or None,
        }
        got = EnrollResponse.model_validate(self.transport.call("POST", "/enroll", json=body))
        with self.store.write() as tx:
            tx.conn.execute(
                update(Device).values(
                    server_url=self.base_url,
                    credential=got.credential,
                    fingerprint=self.fingerprint,
                )
            )
            _set_state(tx.conn, SERVER_DEVICE_KEY, got.device_id)
            tx.audit("device_enrolled", "device", got.device_id)
        self.server_device_id, self.credential = got.device_id, got.credential
        logger.info("enrolled", extra={"device_id": got.device_id})
        return got.device_id

    # -- sync --------------------------------------------------------------------------------

    def sign_in(self, user: str, password: str | None = None) -> TokenResponse:
        """Get a short-lived token for this worker on this device.

        With ``password``, sign in with it and keep the sync key the server returns (inside the
        encrypted store, for the worker who unlocked it); without, sign in with that stored key.
        A token still valid for a minute more is reused, so most syncs make no sign-in request.
        A refused key is forgotten and raises ``SyncError`` with code ``bad_credentials``: ask
        the worker for their server password again.
        """
        if not (self.server_device_id and self.credential):
            raise SyncError("this laptop is not enrolled: run 'lead-desktop enroll' first")
        held = self._signed_in
        if held is not None and held[0] == user and time.monotonic() < held[1]:
            return held[2]
        self._signed_in = None
        body: dict[str, Any] = {
            "device_id": self.server_device_id,
            "credential": self.credential,
            "user": user,
        }
        if password is not None:
            body["password"] = password
        else:
            saved = self.saved_sync_key(user)
            if saved is None:
                raise SyncError(
                    "this laptop has no saved sign-in for this worker yet: sign in once with the "
                    "server password",
                    status=401,
                    code="bad_credentials",
                )
            body["sync_key"] = saved
        try:
            got = TokenResponse.model_validate(self.transport.call("POST", "/token", json=body))
        except SyncError as exc:
            if password is None and exc.code == "bad_credentials":
                self._keep_sync_key(user, None)  # refused for good (reset, or device revoked)
            raise
        if got.sync_key is not None:
            self._keep_sync_key(user, got.sync_key)
        self.transport.set_token(got.token)
        # Refreshed a minute early, so a token never expires in the middle of a sync.
        self._signed_in = (user, time.monotonic() + got.expires_in - 60, got)
        return got

    def saved_sync_key(self, user: str) -> str | None:
        """The sync key this store keeps for ``user`` and the worker who unlocked it, if any."""
        with self.store.read() as conn:
            raw = _state(conn, SYNC_KEY_PREFIX + self.store.worker_id)
        try:
            saved = json.loads(raw) if raw else {}
        except ValueError:
            return None
        key = saved.get("key") if isinstance(saved, dict) and saved.get("user") == user else None
        return key if isinstance(key, str) else None

    def _keep_sync_key(self, user: str, key: str | None) -> None:
        """Store (or, with None, forget) the sync key of the worker who unlocked the store."""
        name = SYNC_KEY_PREFIX + self.store.worker_id
        with self.store.write() as tx:
            if key is None:
                tx.conn.execute(delete(SyncState).where(SyncState.key == name))
            else:
                _set_state(tx.conn, name, json.dumps({"user": user, "key": key}))

    def sync_once(self, user: str, password: str | None = None) -> SyncReport:
        """Sign in (password, stored sync key or a still-valid token), push everything unpushed,
        pull everything new, then compare summaries."""
        report = SyncReport()
        try:
            reused = self._signed_in is not None
            self.sign_in(user, password)
            try:
                self.push(report)
            except SyncError as exc:
                if not (reused and exc.code == "unauthorized"):
                    raise
                self._signed_in = None  # the server no longer takes the token: sign in again
                self.sign_in(user, password)
                self.push(report)
            self.after_push(report)
        except SyncError as exc:
            if exc.code == "unauthorized":
                self._signed_in = None
            if exc.code == "device_revoked":
                revocation.handle(self, exc)
            raise
        logger.info(
            "sync done",
            extra={
                "pushed": report.pushed,
                "conflicts": report.conflicts,
                "rejected": report.rejected,
                "pulled": report.pulled,
                "in_step": report.in_step,
            },
        )
        return report

    def after_push(self, report: SyncReport) -> None:
        """The steps of a sync that follow the push: upload attachment bytes, send conflict
        resolutions, pull, file conflict notices, download attachment bytes, check.

        One read first tells which steps have anything to do, so a sync with nothing to do
        costs that read, the pull request and little else.
        """
        with self.store.read() as conn:
            uploads, downloads = attachments.waiting(conn)
            resolutions = local_conflicts.any_pending(conn)
            notices_at = local_conflicts.notice_cursor(conn)
            last_check = check.last_checked(conn)
        if uploads:
            attachments.upload_pending(self, report)
        if resolutions:
            conflicts.send_resolutions(self, report)
        self.pull(report)
        if self.conflict_rev is None or self.conflict_rev > notices_at:
            conflicts.pull_notices(self, report)
        is_due = check.due(self, report, last_check)
        if downloads or is_due or report.uploaded or report.pulled or report.removed:
            attachments.fetch_missing(self, report, is_due=is_due)
        self.compare(report, is_due=is_due)

    def push(self, report: SyncReport) -> None:
        """Send unpushed journal entries in batches; mark each batch once its answers apply.

        Batches go out in journal order, one at a time: the next is sent as soon as the
        server has answered the one before (it may build on it). When there is more than one,
        the network runs on a background thread (see :class:`_Ahead`), so while the server
        works on one batch this thread files the previous batch's answers and reads and
        encodes the next. A journal row is marked pushed only in the transaction that files
        its own answer; after a failed request nothing later is sent, and a batch whose
        answer was lost is answered ``duplicate`` (with its conflicts, if it raised any) when
        it is sent again.
        """
        after = 0
        with _Ahead("lead-sync-push") as ahead:
            while True:
                # The first batch of a push at most FIRST_BATCH long: the server starts on
                # a short one sooner, and the next, full batch is read while it works.
                limit = self.batch if after else min(self.batch, FIRST_BATCH)
                rows = self._unpushed(after, limit)
                if rows:
                    after = rows[-1]["seq"]
                    # Encoded (and compressed) here, before it is its turn to go: the
                    # background thread sends it the moment the batch before is answered.
                    body = encode_json_body({"json_text": self._push_body(rows)})
                    if not ahead.pending and len(rows) < limit:
                        # The only batch (most pushes): nothing to overlap, so no thread.
                        self._file_answers(*self._send_batch(rows, body), report)
                        continue
                    ahead.submit(partial(self._send_batch, rows, body))
                if ahead.pending and (not rows or ahead.pending >= PUSH_AHEAD):
                    sent, got = ahead.result()
                    self._file_answers(sent, got, report)
                elif not rows:
                    return

    def _unpushed(self, after: int, limit: int) -> list[Any]:
        """Up to ``limit`` unpushed journal rows after journal sequence ``after``."""
        with self.store.read() as conn:
            return list(
                conn.execute(_UNPUSHED.where(ChangeJournal.seq > after).limit(limit))
                .mappings()
                .all()
            )

    def _push_body(self, rows: Sequence[Any]) -> str:
        return (
            f'{{"device_id":{json.dumps(self.server_device_id)},"entries":['
            + ",".join(_wire_entry_text(row) for row in rows)
            + "]}"
        )

    def _send_batch(
        self, rows: Sequence[Any], body: dict[str, Any]
    ) -> tuple[Sequence[Any], PushResponse]:
        """POST one batch, its body already encoded (on the background thread: network and
        parsing only)."""
        got = PushResponse.model_validate_json(self.transport.call_bytes("POST", "/push", **body))
        if len(got.results) != len(rows):
            raise SyncError("the server answered a different number of entries")
        return rows, got

    def _file_answers(self, rows: Sequence[Any], got: PushResponse, report: SyncReport) -> None:
        """Settle one batch's answers and mark its rows pushed, in one transaction."""
        with self.store.write() as tx:
            for row, result in zip(rows, got.results, strict=True):
                self._settle(tx, row, result, report)
            tx.conn.exec_driver_sql(
                "UPDATE change_journal SET pushed_at = ? "
                "WHERE seq IN (SELECT value FROM json_each(?))",
                (utcnow(), json.dumps([row["seq"] for row in rows])),
            )
            _learn_created_revs(tx, rows, got.results)
        self._tell("push", report.pushed + report.duplicates + report.conflicts + report.rejected)

    def _tell(self, phase: str, done: int) -> None:
        if self.progress is not None:
            self.progress(phase, done)

    def _settle(self, tx: Tx, row: Any, result: PushResult, report: SyncReport) -> None:
        if result.status == "applied":
            report.pushed += 1
        elif result.status == "duplicate":
            report.duplicates += 1
        elif result.status == "conflict":
            report.conflicts += 1
        else:
            # Quarantined on the server: kept here with its reason, not sent again.
            report.rejected += 1
            _set_state(tx.conn, REJECTED_PREFIX + row["change_id"], result.reason or "rejected")
            logger.warning("change rejected by the server", extra={"table": row["table_name"]})
        if result.conflicts and result.status in ("conflict", "duplicate"):
            # A conflict, or the repeat of one whose first answer never arrived: filed under the
            # server's conflict ids (so a repeat or the later notice is the same row).
            conflicts.from_push(tx, row, result)

    def pull(self, report: SyncReport) -> None:
        """Fetch pages from the stored cursor; apply each and move the cursor in one commit.

        While one page is applied here, the next is fetched and parsed on a background thread
        (see :class:`_Ahead`); pages are still applied one by one, in order, each in its own
        transaction with the cursor move. A failed fetch is raised here after the pages before
        it are committed, as if fetched in turn. A page with nothing in it (nothing new) opens
        no write transaction.
        """
        with self.store.read() as conn:
            cursor = int(_state(conn, CURSOR_KEY) or 0)
        with _Ahead("lead-sync-pull") as ahead:
            page = self._fetch_page(cursor)
            while True:
                last = page.done or page.next_cursor == cursor
                if not last:
                    ahead.submit(partial(self._fetch_page, page.next_cursor))
                if page.records or page.scope_removed or page.next_cursor != cursor:
                    self._commit_page(cursor, page, report)
                self._tell("pull", report.pulled + report.removed)
                self.conflict_rev = page.conflict_rev
                if last:
                    return
                cursor = page.next_cursor
                page = ahead.result()

    def _fetch_page(self, cursor: int) -> PullPage:
        """GET one page and parse it (also on the background thread: no store access)."""
        return PullPage.model_validate_json(
            self.transport.call_bytes("GET", "/pull", params={"cursor": cursor, "limit": self.page})
        )

    def _commit_page(self, cursor: int, page: PullPage, report: SyncReport) -> None:
        """Apply one page fetched from ``cursor`` and move the cursor, in one transaction."""
        with self.store.write() as tx:
            tx.conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            if int(_state(tx.conn, CURSOR_KEY) or 0) != cursor:
                raise SyncError("another sync moved the cursor meanwhile; sync again")
            added = self._apply(tx, page, report)
            _set_state(tx.conn, CURSOR_KEY, str(page.next_cursor))
        if added:
            # The in-memory search index follows the change journal, which a pull does not
            # write: have it reload, so pulled names are found at once.
            self.store.search_index.invalidate()

    def _apply(self, tx: Tx, page: PullPage, report: SyncReport) -> int:
        """Apply one page in ``tx``; return how many search tokens it added."""
        applier = PageApplier(tx)
        applier.run(page)
        report.pulled += applier.applied
        report.removed += applier.removed
        attachments.park(tx, page, report)  # attachment records wait here for their bytes
        return applier.tokens_added

    def compare(self, report: SyncReport, *, is_due: bool | None = None) -> None:
        """End-of-sync check against the server's summary, with repair (see sync/check.py);
        ``is_due`` when the caller has worked out whether the check is due."""
        check.compare(self, report, is_due=is_due)

    def catch_up(self) -> None:
        """Push what the journal holds and pull what follows (after a repair moved records)."""
        self.push(SyncReport())
        self.pull(SyncReport())


#: The longest first batch of a push (see SyncClient.push).
FIRST_BATCH = 500
#: Push batches handed to the background thread and not yet filed: one being answered by the
#: server and one ready to go the moment that answer arrives.
PUSH_AHEAD = 2


class _Ahead:
    """Runs network calls one after another on one background thread, in the order given.

    The caller takes the results in the same order (:meth:`result`), so it can apply one
    answer while the next request is on the wire (the server is another process, and the
    laptop has more than one core). Calls run strictly one at a time: a request is sent only
    once the one before it has been answered. After a call fails, the calls given after it
    are not run; each of their results raises that same error, so the caller sees exactly
    the error the call would have raised on its own thread. The thread never touches the
    store. It starts with the first call given, and leaving the ``with`` block stops it:
    calls not yet started are dropped and a call under way is waited for, so no thread
    outlives the sync step that started it.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        #: Calls given and their results not yet taken.
        self.pending = 0
        self._calls: queue.SimpleQueue[Callable[[], Any] | None] = queue.SimpleQueue()
        self._results: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> _Ahead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, call: Callable[[], Any]) -> None:
        """Queue ``call`` to run after those given before it."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        self._calls.put(call)
        self.pending += 1

    def result(self) -> Any:
        """Wait for the oldest call not yet taken; return its result or raise its error."""
        if not self.pending:
            raise RuntimeError("no call is waiting for its result")
        ok, value = self._results.get()
        self.pending -= 1
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Drop the calls not started, wait for the one under way, end the thread."""
        if self._thread is None:
            return
        self._closing.set()
        self._calls.put(None)
        self._thread.join()
        self._thread = None

    def _run(self) -> None:
        failed: BaseException | None = None
        while True:
            call = self._calls.get()
            if call is None or self._closing.is_set():
                return
            if failed is None:
                try:
                    self._results.put((True, call()))
                    continue
                except BaseException as exc:  # handed to the caller, raised there
                    failed = exc
            self._results.put((False, failed))


#: Unpushed journal rows in order; ``fields`` as the journal's own JSON text (not decoded).
_UNPUSHED = (
    select(
        ChangeJournal.seq,
        ChangeJournal.change_id,
        ChangeJournal.table_name,
        ChangeJournal.row_id,
        ChangeJournal.op,
        ChangeJournal.base_rev,
        ChangeJournal.worker_id,
        type_coerce(ChangeJournal.fields, Text).label("fields_json"),
    )
    .where(ChangeJournal.pushed_at.is_(None))
    .order_by(ChangeJournal.seq)
)


def _wire_entry_text(row: Any) -> str:
    """A journal row as a push entry's JSON text. The journal keeps each field as the pair
    ``[old, new]``, a form the wire accepts, so its text goes out as it is: no decoding and
    re-encoding of every field (most of a first push's time on the laptop otherwise)."""
    return (
        f'{{"change_id":{json.dumps(row["change_id"])},"table":{json.dumps(row["table_name"])},'
        f'"row_id":{json.dumps(row["row_id"])},"op":"{JOURNAL_OPS[row["op"]]}",'
        f'"base_rev":{json.dumps(row["base_rev"])},"fields":{row["fields_json"]}}}'
    )


def _learn_created_revs(tx: Tx, rows: Sequence[Any], results: Sequence[PushResult]) -> None:
    """Give records this laptop created the revision the server stored them at.

    A created record is stored on the server exactly as sent, so the laptop's copy *is* that
    revision and pulling it back would change nothing: knowing the revision lets the next pull
    skip it. Only rows still without a revision are touched (a pull may already have brought a
    newer one); updates are left to the pull, since the server may have merged others' fields.
    """
    learned: dict[str, list[tuple[int, str]]] = {}
    for row, result in zip(rows, results, strict=True):
        if (
            row["op"] in ("insert", "create")
            and result.status in ("applied", "duplicate")
            and result.rev is not None
            and row["table_name"] in SYNCED_TABLES
        ):
            learned.setdefault(row["table_name"], []).append((result.rev, row["row_id"]))
    for name, values in learned.items():
        table = table_of(SYNCED_TABLES[name])  # the name of a known table, not the wire's
        tx.conn.exec_driver_sql(
            f'UPDATE "{table.name}" SET rev = ? WHERE id = ? AND rev IS NULL', values
        )
