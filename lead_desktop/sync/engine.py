"""The sync client: enroll this laptop, then push its journal and pull the server's changes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from lead_desktop.store.ids import utcnow, uuid7
from lead_desktop.store.participants import reindex
from lead_desktop.store.records import META, _defaults, table_of
from lead_desktop.store.schema import (
    SYNCED_TABLES,
    Alias,
    ChangeJournal,
    Conflict,
    Device,
    SyncState,
)
from lead_desktop.store.tx import Tx
from lead_desktop.sync import attachments, conflicts, revocation
from lead_desktop.sync.protocol import (
    MAX_PUSH_ENTRIES,
    EnrollResponse,
    PullPage,
    PullRecord,
    PushResponse,
    PushResult,
    Summary,
    TokenResponse,
    checksum,
    entry_from_journal,
)
from lead_desktop.sync.transport import SyncError, Transport

logger = logging.getLogger(__name__)

#: SyncState keys.
CURSOR_KEY = "pull_cursor"
SERVER_DEVICE_KEY = "server_device_id"
REJECTED_PREFIX = "rejected:"
#: Order parents before children when applying one pulled page.
TABLE_ORDER = [
    "worker",
    "participant",
    "alias",
    "referral",
    "assessment",
    "screening",
    "service_plan",
    "plan_goal",
    "plan_step",
    "consent",
    "encounter",
    "document",
    "disclosure",
]
#: Kinds this client does not apply from a pull yet (attachment bytes travel separately).
NOT_PULLED = frozenset({"attachment", "audit_event"})


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


def _state(conn: Connection, key: str) -> str | None:
    value: str | None = conn.execute(select(SyncState.value).where(SyncState.key == key)).scalar()
    return value


def _set_state(conn: Connection, key: str, value: str) -> None:
    if conn.execute(update(SyncState).where(SyncState.key == key).values(value=value)).rowcount:
        return
    conn.execute(insert(SyncState).values(key=key, value=value))


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
        page: int = 500,
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
        body = {"code": code, "user": user, "password": password}
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

    def sign_in(self, user: str, password: str) -> TokenResponse:
        """Get a short-lived token for this worker on this device."""
        if not (self.server_device_id and self.credential):
            raise SyncError("this laptop is not enrolled: run 'lead-desktop enroll' first")
        body = {
            "device_id": self.server_device_id,
            "credential": self.credential,
            "user": user,
            "password": password,
        }
        got = TokenResponse.model_validate(self.transport.call("POST", "/token", json=body))
        self.transport.set_token(got.token)
        return got

    def sync_once(self, user: str, password: str) -> SyncReport:
        """Sign in, push everything unpushed, pull everything new, then compare summaries."""
        report = SyncReport()
        try:
            self.sign_in(user, password)
            self.push(report)
            attachments.upload_pending(self, report)
            conflicts.send_resolutions(self, report)
            self.pull(report)
            conflicts.pull_notices(self, report)
            attachments.fetch_missing(self, report)
            self.compare(report)
        except SyncError as exc:
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

    def push(self, report: SyncReport) -> None:
        """Send unpushed journal entries in batches; mark each batch once its answers apply."""
        while True:
            with self.store.read() as conn:
                rows = (
                    conn.execute(
                        select(ChangeJournal)
                        .where(ChangeJournal.pushed_at.is_(None))
                        .order_by(ChangeJournal.seq)
                        .limit(self.batch)
                    )
                    .mappings()
                    .all()
                )
            if not rows:
                return
            entries = [entry_from_journal(row).model_dump(mode="json") for row in rows]
            body = {"device_id": self.server_device_id, "entries": entries}
            got = PushResponse.model_validate(self.transport.call("POST", "/push", json=body))
            if len(got.results) != len(rows):
                raise SyncError("the server answered a different number of entries")
            with self.store.write() as tx:
                for row, result in zip(rows, got.results, strict=True):
                    self._settle(tx, row, result, report)
            self._tell(
                "push", report.pushed + report.duplicates + report.conflicts + report.rejected
            )

    def _tell(self, phase: str, done: int) -> None:
        if self.progress is not None:
            self.progress(phase, done)

    def _settle(self, tx: Tx, row: Any, result: PushResult, report: SyncReport) -> None:
        now = utcnow()
        if result.status == "applied":
            report.pushed += 1
        elif result.status == "duplicate":
            report.duplicates += 1
        elif result.status == "conflict":
            report.conflicts += 1
            if result.conflicts:
                tx.conn.execute(
                    insert(Conflict),
                    [
                        {
                            "id": uuid7(),
                            "table_name": row["table_name"],
                            "row_id": row["row_id"],
                            "field": c.field,
                            "local_value": c.client_value,
                            "server_value": c.server_value,
                            "server_by": None,
                            "server_at": None,
                            "detected_at": now,
                            "resolved_at": None,
                        }
                        for c in result.conflicts
                    ],
                )
        else:
            # Quarantined on the server: kept here with its reason, not sent again.
            report.rejected += 1
            _set_state(tx.conn, REJECTED_PREFIX + row["change_id"], result.reason or "rejected")
            logger.warning("change rejected by the server", extra={"table": row["table_name"]})
        tx.conn.execute(
            update(ChangeJournal).where(ChangeJournal.seq == row["seq"]).values(pushed_at=now)
        )

    def pull(self, report: SyncReport) -> None:
        """Fetch pages from the stored cursor; apply each and move the cursor in one commit."""
        while True:
            with self.store.read() as conn:
                cursor = int(_state(conn, CURSOR_KEY) or 0)
            page = PullPage.model_validate(
                self.transport.call("GET", "/pull", params={"cursor": cursor, "limit": self.page})
            )
            with self.store.write() as tx:
                tx.conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                if int(_state(tx.conn, CURSOR_KEY) or 0) != cursor:
                    raise SyncError("another sync moved the cursor meanwhile; sync again")
                self._apply(tx, page, report)
                _set_state(tx.conn, CURSOR_KEY, str(page.next_cursor))
            self._tell("pull", report.pulled + report.removed)
            if page.done or page.next_cursor == cursor:
                return

    def _apply(self, tx: Tx, page: PullPage, report: SyncReport) -> None:
        order = {name: n for n, name in enumerate(TABLE_ORDER)}
        touched: set[str] = set()
        for rec in sorted(page.records, key=lambda r: (order.get(r.table, 99), r.rev)):
            if rec.table in NOT_PULLED or rec.table not in SYNCED_TABLES:
                continue
            if self._apply_record(tx, rec):
                report.pulled += 1
                if rec.table == "participant":
                    touched.add(rec.row_id)
                elif rec.table == "alias" and isinstance(rec.fields.get("participant_id"), str):
                    touched.add(rec.fields["participant_id"])
        for gone in page.scope_removed:
            if gone.table in NOT_PULLED or gone.table not in SYNCED_TABLES:
                continue
            table = table_of(SYNCED_TABLES[gone.table])
            if gone.table == "participant":
                tx.conn.execute(
                    delete(Alias.__table__).where(  # type: ignore[arg-type]
                        Alias.participant_id == gone.row_id
                    )
                )
                touched.discard(gone.row_id)
                reindex_gone(tx, gone.row_id)
            report.removed += tx.conn.execute(
                delete(table).where(table.c.id == gone.row_id)
            ).rowcount
        for participant_id in touched:
            reindex(tx, participant_id)

    def _apply_record(self, tx: Tx, rec: PullRecord) -> bool:
        """Write one server record directly (never journaled); keep unpushed local edits."""
        table = table_of(SYNCED_TABLES[rec.table])
        columns = set(table.columns.keys()) - META
        values = {k: v for k, v in rec.fields.items() if k in columns}
        values["deleted"] = rec.deleted
        current = tx.conn.execute(select(table).where(table.c.id == rec.row_id)).mappings().first()
        if current is not None and current["rev"] is not None and current["rev"] >= rec.rev:
            return False
        pending = set()
        for fields in tx.conn.execute(
            select(ChangeJournal.fields).where(
                ChangeJournal.table_name == rec.table,
                ChangeJournal.row_id == rec.row_id,
                ChangeJournal.pushed_at.is_(None),
            )
        ).scalars():
            pending |= set(fields)
        values = {k: v for k, v in values.items() if k not in pending}
        if current is None:
            row = {**_defaults(table), **values}
            tx.conn.execute(
                insert(table).values(
                    id=rec.row_id,
                    rev=rec.rev,
                    updated_at=str(rec.fields.get("updated_at") or tx.now),
                    updated_by=str(rec.fields.get("updated_by") or "server"),
                    device_id="server",
                    **row,
                )
            )
        else:
            tx.conn.execute(
                update(table).where(table.c.id == rec.row_id).values(rev=rec.rev, **values)
            )
        return True

    def compare(self, report: SyncReport) -> None:
        """End-of-sync check: per-table count and checksum against the server's summary."""
        self._tell("check", 0)
        remote = Summary.model_validate(self.transport.call("GET", "/summary"))
        with self.store.read() as conn:
            unpushed = int(
                conn.execute(
                    select(func.count()).where(ChangeJournal.pushed_at.is_(None))
                ).scalar_one()
            )
            names = (set(remote.tables) | set(SYNCED_TABLES)) - NOT_PULLED
            for name in sorted(names):
                local: list[tuple[str, int | None]] = []
                if name in SYNCED_TABLES:
                    table = table_of(SYNCED_TABLES[name])
                    local = [
                        (r.id, int(r.rev))
                        for r in conn.execute(
                            select(table.c.id, table.c.rev).where(table.c.rev.is_not(None))
                        )
                    ]
                theirs = remote.tables.get(name)
                count, digest = (theirs.count, theirs.checksum) if theirs else (0, checksum([]))
                if len(local) != count or checksum(local) != digest:
                    report.drift.append(name)
        if unpushed:
            report.drift.append("unpushed changes")
        if report.rejected:
            report.drift.append("rejected changes")
        report.in_step = not report.drift


def reindex_gone(tx: Tx, participant_id: str) -> None:
    """Drop the search tokens of a participant that left this worker's scope."""
    from lead_desktop.store.schema import SearchToken

    tx.conn.execute(delete(SearchToken).where(SearchToken.participant_id == participant_id))
