"""Background sync policy: when to sync next, and what to tell the worker (no Qt, no threads).

The GUI owns the threads: it calls :meth:`SyncService.attempt` (or :meth:`SyncService.run_once`)
on a worker thread, gets back a :class:`SyncSnapshot`, and schedules the next run after
``snapshot.delay`` seconds. This module only decides:

- the delay: the normal interval (5 minutes) after a success; after failures an exponential
  back-off (30 s, 1 min, 2 min, 4 min, 8 min, then 15 min at most), each shortened by up to
  10 % at random so laptops that lost the network together do not all come back at once;
- the state to show: not enrolled, synced (and when), offline, password needed, update required,
  device revoked, or another error, with a message for people and never personal data.

The one :class:`SyncClient` is kept between runs so a still-valid sign-in token is reused.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from lead_desktop.errors import LeadError
from lead_desktop.store.ids import utcnow
from lead_desktop.store.records import table_of
from lead_desktop.store.schema import SYNCED_TABLES, Conflict, Device, SyncState
from lead_desktop.sync.engine import (
    CURSOR_KEY,
    SERVER_DEVICE_KEY,
    SYNC_KEY_PREFIX,
    SyncClient,
    SyncReport,
)
from lead_desktop.sync.transport import SyncError

logger = logging.getLogger(__name__)

#: Seconds between background syncs while all is well.
NORMAL_INTERVAL = 5 * 60.0
#: First retry after a failure; each further failure doubles it, up to MAX_RETRY.
FIRST_RETRY = 30.0
MAX_RETRY = 15 * 60.0
#: A delay is shortened by up to this fraction at random (jitter).
JITTER = 0.1
#: Seconds one request may take in a background sync (the lock waits at most about this).
TIMEOUT = 20.0
#: SyncState key of the last successful sync (ISO UTC).
LAST_SYNCED_KEY = "last_synced_at"
#: Columns whose values name the records a pulled row belongs to (views refresh by these ids).
_OWNER_COLUMNS = ("participant_id", "plan_id", "goal_id")

#: States a snapshot can be in.
NOT_ENROLLED = "not_enrolled"
READY = "ready"  # enrolled, no problem known (synced or not yet)
OFFLINE = "offline"
PASSWORD = "password"  # the server password is needed (no sync key, or it was refused)
UPDATE = "update_required"
REVOKED = "revoked"
DISABLED = "account_disabled"  # IT disabled the worker's account; tried again, slowly
ERROR = "error"
#: States in which background syncs stop until the worker acts ("Sync now").
STOPPED = frozenset({NOT_ENROLLED, PASSWORD, UPDATE, REVOKED})


def backoff_delay(failures: int) -> float:
    """Seconds before the next try after ``failures`` failures in a row (no jitter)."""
    if failures <= 0:
        return NORMAL_INTERVAL
    return min(MAX_RETRY, FIRST_RETRY * 2.0 ** min(failures - 1, 30))


class SyncCancelled(LeadError):
    """The sync was asked to stop (the store is being locked); it stopped between steps."""


@dataclass(frozen=True)
class SyncSnapshot:
    """What the status bar shows, read on the worker thread and handed to the GUI."""

    state: str
    enrolled: bool
    server_url: str | None = None
    user: str = ""
    last_synced_at: str | None = None
    last_error: str = ""
    failures: int = 0
    open_conflicts: int = 0
    delay: float = NORMAL_INTERVAL
    wiped: bool = False
    report: SyncReport | None = None
    #: Ids of the records (and their participants, plans, goals) this sync wrote here.
    changed_ids: tuple[str, ...] = field(default=())

    @property
    def needs_password(self) -> bool:
        """Whether the worker must type their server password before the next sync."""
        return self.state == PASSWORD

    @property
    def background(self) -> bool:
        """Whether background syncs should go on in this state."""
        return self.state not in STOPPED


#: Seconds a background sync that moved nothing may go without the end-of-sync check.
CHECK_INTERVAL = 3600.0


class SyncService:
    """The sync policy for one unlocked store and the worker who unlocked it."""

    def __init__(
        self,
        store: Any,
        *,
        rng: random.Random | None = None,
        timeout: float = TIMEOUT,
        client_factory: Callable[[Any], SyncClient] | None = None,
    ) -> None:
        self.store = store
        self.rng = rng or random.Random()
        self.timeout = timeout
        self._factory = client_factory or (lambda s: SyncClient(s, timeout=self.timeout))
        self.client: SyncClient | None = None
        self.failures = 0
        self.state = READY
        self.last_error = ""
        self.wiped = False
        self.cancelled = False
        #: Called as ``progress(phase, done)`` during a run, on the thread running it.
        self.progress: Callable[[str, int], None] | None = None

    # -- the policy ------------------------------------------------------------------------

    def next_delay(self) -> float:
        """Seconds to wait before the next background sync, with jitter after failures."""
        base = backoff_delay(self.failures)
        if self.failures <= 0:
            return base
        return base * (1.0 - JITTER * self.rng.random())

    # -- running -----------------------------------------------------------------------------

    def user(self) -> str:
        """The server account to sign in as: the one whose key is saved, else the worker."""
        with self.store.read() as conn:
            raw = _state(conn, SYNC_KEY_PREFIX + self.store.worker_id)
        try:
            saved = json.loads(raw) if raw else {}
        except ValueError:
            saved = {}
        name = saved.get("user") if isinstance(saved, dict) else None
        return name if isinstance(name, str) and name else str(self.store.worker_name)

    def run_once(self, password: str | None = None) -> SyncReport:
        """Sync once now; update the state and failure count; raise ``SyncError`` on failure."""
        self.cancelled = False
        try:
            client = self._client()
            client.progress = self._progress
            report = client.sync_once(self.user(), password)
        except SyncError as exc:
            self._failed(exc)
            raise
        except SyncCancelled:
            raise
        except LeadError as exc:  # the store refused something: keep trying, say what
            self._note(ERROR, str(exc), count=True)
            raise
        self.failures, self.state, self.last_error = 0, READY, ""
        if not report.in_step:
            self.last_error = (
                "Synced, but this laptop and the server do not agree yet on: "
                f"{', '.join(report.drift)}. The next sync tries again."
            )
        with self.store.write() as tx:
            _set_state(tx.conn, LAST_SYNCED_KEY, utcnow())
        return report

    def attempt(self, password: str | None = None) -> SyncSnapshot:
        """Run once and describe the outcome (a failed run is a state, not an exception)."""
        if not self.is_enrolled():
            self.state = NOT_ENROLLED
            return self.snapshot()
        self.wiped = False
        with self.store.read() as conn:
            cursor = int(_state(conn, CURSOR_KEY) or 0)
        report: SyncReport | None = None
        try:
            report = self.run_once(password)
        except SyncError as exc:
            self.wiped = bool(getattr(exc, "wiped", False))
            if self.wiped:  # the store is gone: describe nothing more from it
                return SyncSnapshot(REVOKED, False, last_error=self.last_error, wiped=True)
        except SyncCancelled:
            logger.info("sync stopped for a lock")
        except LeadError:
            pass  # already a state with its message (see run_once)
        changed = self._changed_since(cursor) if report and report.pulled + report.removed else ()
        return self.snapshot(report, changed)

    def cancel(self) -> None:
        """Ask a running sync to stop at its next step (any thread)."""
        self.cancelled = True

    def close(self) -> None:
        """Close the connection pool (call when the run is over, before the store closes)."""
        if self.client is not None:
            self.client.close()
            self.client = None

    def forget_client(self) -> None:
        """Build a new client next run (after enrolling again)."""
        self.close()
        self.state, self.failures, self.last_error = READY, 0, ""

    # -- reading the state -------------------------------------------------------------------

    def is_enrolled(self) -> bool:
        """Whether this laptop holds a device credential for a server."""
        with self.store.read() as conn:
            return _enrolled(conn)

    def snapshot(
        self, report: SyncReport | None = None, changed: tuple[str, ...] = ()
    ) -> SyncSnapshot:
        """Read what the status bar shows (on the worker thread)."""
        with self.store.read() as conn:
            enrolled = _enrolled(conn)
            url = conn.execute(select(Device.server_url)).scalar()
            last = _state(conn, LAST_SYNCED_KEY)
            key = _state(conn, SYNC_KEY_PREFIX + self.store.worker_id)
            conflicts = int(
                conn.execute(
                    select(func.count()).select_from(Conflict).where(Conflict.resolved_at.is_(None))
                ).scalar_one()
            )
        state = self.state
        if not enrolled:
            state = NOT_ENROLLED
        elif state == NOT_ENROLLED:
            state = READY
        if state == READY and key is None:
            state = PASSWORD  # known before any request: no key saved for this worker yet
        self.state = state
        return SyncSnapshot(
            state=state,
            enrolled=enrolled,
            server_url=url,
            user=self.user(),
            last_synced_at=last,
            last_error=self.last_error,
            failures=self.failures,
            open_conflicts=conflicts,
            delay=self.next_delay(),
            report=report,
            changed_ids=changed,
        )

    # -- inside ------------------------------------------------------------------------------

    def _client(self) -> SyncClient:
        if self.client is None:
            self.client = self._factory(self.store)
            # Background syncs that move nothing skip the end-of-sync check, at most for an
            # hour (any sync that moves something, and every CLI sync, checks).
            if self.client.check_interval is None:
                self.client.check_interval = CHECK_INTERVAL
        return self.client

    def _progress(self, phase: str, done: int) -> None:
        if self.cancelled:
            raise SyncCancelled("the sync stopped because the store is being locked")
        if self.progress is not None:
            self.progress(phase, done)

    def _note(self, state: str, message: str, *, count: bool) -> None:
        self.state, self.last_error = state, message
        if count:
            self.failures += 1

    def _failed(self, exc: SyncError) -> None:
        code = exc.code or ""
        if exc.unreachable:
            self._note(
                OFFLINE,
                "The sync server cannot be reached (no network, or the server is down). "
                "Your work is safe on this laptop; sync tries again by itself.",
                count=True,
            )
        elif code in ("bad_credentials", "password_required"):
            self._note(
                PASSWORD,
                "Sync needs your server password: choose Sync now and type it once.",
                count=False,
            )
        elif code == "update_required":
            self._note(UPDATE, str(exc.body.get("message") or exc), count=False)
        elif code == "device_revoked":
            self._note(REVOKED, str(exc), count=False)
        elif code == "account_disabled":
            self._note(
                DISABLED,
                "This account is disabled on the program's server; ask IT to enable it. "
                "Your work is safe on this laptop.",
                count=True,
            )
        elif code == "too_many_attempts":
            self._note(
                PASSWORD,
                "The server holds back sign-ins after too many wrong passwords. Wait a few "
                "minutes, then choose Sync now and type the password again.",
                count=True,
            )
        else:
            self._note(ERROR, str(exc), count=True)
        logger.info("sync failed", extra={"code": code or "unreachable", "status": exc.status})

    def _changed_since(self, cursor: int) -> tuple[str, ...]:
        """Ids of rows at a revision above ``cursor`` (pulled or echoed back by this sync)."""
        found: set[str] = set()
        with self.store.read() as conn:
            for cls in SYNCED_TABLES.values():
                table = table_of(cls)
                owners = [table.c[name] for name in _OWNER_COLUMNS if name in table.c]
                for row in conn.execute(select(table.c.id, *owners).where(table.c.rev > cursor)):
                    found.update(str(v) for v in row if v)
        return tuple(sorted(found))


def enroll_laptop(
    store: Any,
    url: str,
    code: str,
    user: str,
    password: str,
    *,
    fingerprint: str | None = None,
    timeout: float = TIMEOUT,
) -> str:
    """Enroll this laptop with a one-time code, then sign in once so the store keeps a sync
    key for the worker who unlocked it (no second password prompt); return the device id."""
    with SyncClient(store, url, fingerprint=fingerprint, timeout=timeout) as client:
        device_id = client.enroll(code, user, password)
        client.sign_in(user, password)
    return device_id


def _state(conn: Connection, key: str) -> str | None:
    value: str | None = conn.execute(select(SyncState.value).where(SyncState.key == key)).scalar()
    return value


def _set_state(conn: Connection, key: str, value: str) -> None:
    if conn.execute(update(SyncState).where(SyncState.key == key).values(value=value)).rowcount:
        return
    conn.execute(insert(SyncState).values(key=key, value=value))


def _enrolled(conn: Connection) -> bool:
    device = conn.execute(select(Device.server_url, Device.credential)).first()
    return bool(device and device.server_url and device.credential) and bool(
        _state(conn, SERVER_DEVICE_KEY)
    )
