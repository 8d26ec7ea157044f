"""A write transaction: one connection, the acting worker, and the journal and audit it writes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from lead_desktop.store.ids import utcnow, uuid7
from lead_desktop.store.schema import AuditEvent, AuditHead, ChangeJournal

GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who is acting, on which device."""

    worker_id: str
    device_id: str


def canonical(obj: Any) -> str:
    """Serialise to the canonical JSON that audit hashes are computed over."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def audit_hash(prev_hash: str, row: dict[str, Any]) -> str:
    """Hash one audit row onto the chain."""
    body = [
        row["seq"],
        row["id"],
        row["at"],
        row["worker_id"],
        row["device_id"],
        row["action"],
        row["entity"],
        row["entity_id"],
        row["detail"],
    ]
    return hashlib.sha256(f"{prev_hash}\n{canonical(body)}".encode()).hexdigest()


@dataclass
class Tx:
    """The unit of work handed to repository functions; flushes journal and audit at commit."""

    conn: Connection
    actor: Actor
    now: str = field(default_factory=utcnow)
    _journal: list[dict[str, Any]] = field(default_factory=list)
    _audit: list[dict[str, Any]] = field(default_factory=list)
    new_tokens: set[str] = field(default_factory=set)
    journal_span: tuple[int, int] | None = None

    def journal(
        self, table: str, row_id: str, op: str, base_rev: int | None, fields: dict[str, Any]
    ) -> str:
        """Record one change for sync; return its change id."""
        change_id = uuid7()
        self._journal.append(
            {
                "change_id": change_id,
                "table_name": table,
                "row_id": row_id,
                "op": op,
                "base_rev": base_rev,
                "fields": fields,
                "at": self.now,
                "worker_id": self.actor.worker_id,
                "device_id": self.actor.device_id,
                "pushed_at": None,
            }
        )
        return change_id

    def audit(
        self,
        action: str,
        entity: str | None = None,
        entity_id: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Queue one audit row; ``detail`` must never hold personal data (field names only)."""
        self._audit.append(
            {
                "id": uuid7(),
                "at": self.now,
                "worker_id": self.actor.worker_id,
                "device_id": self.actor.device_id,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail or {},
            }
        )

    def flush(self) -> None:
        """Write the queued journal and audit rows (called just before commit)."""
        if self._journal:
            self.conn.execute(insert(ChangeJournal), self._journal)
            last = int(self.conn.execute(select(func.max(ChangeJournal.seq))).scalar_one())
            first = last - len(self._journal) + 1
            self.journal_span = (self.journal_span[0] if self.journal_span else first, last)
            self._journal = []
        if self._audit:
            head = self.conn.execute(select(AuditHead.seq, AuditHead.hash)).first()
            seq, prev = (head.seq, head.hash) if head else (0, GENESIS)
            for row in self._audit:
                seq += 1
                row["seq"] = seq
                row["prev_hash"] = prev
                row["hash"] = prev = audit_hash(prev, row)
            self.conn.execute(insert(AuditEvent), self._audit)
            if head:
                self.conn.execute(update(AuditHead).values(seq=seq, hash=prev))
            else:
                self.conn.execute(insert(AuditHead).values(id=1, seq=seq, hash=prev))
            self._audit = []
