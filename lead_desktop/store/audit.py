"""Verify the hash-chained audit log: any edited, inserted or deleted row is reported."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from lead_desktop.store.schema import AuditEvent, AuditHead
from lead_desktop.store.tx import GENESIS, audit_hash


@dataclass
class AuditReport:
    """What the verifier found; ``ok`` only when the whole chain holds."""

    rows: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def verify_audit(conn: Connection) -> AuditReport:
    """Walk the chain from the first row to the recorded head."""
    report = AuditReport()
    prev_hash = GENESIS
    expected_seq = 1
    for row in conn.execute(select(AuditEvent).order_by(AuditEvent.seq)).mappings():
        report.rows += 1
        seq = row["seq"]
        if seq != expected_seq:
            report.problems.append(f"rows {expected_seq}..{seq - 1} are missing (deleted)")
        if row["prev_hash"] != prev_hash:
            report.problems.append(f"row {seq} does not follow the row before it")
        if audit_hash(row["prev_hash"], dict(row)) != row["hash"]:
            report.problems.append(f"row {seq} was altered after it was written")
        prev_hash = row["hash"]
        expected_seq = seq + 1
    head = conn.execute(select(AuditHead.seq, AuditHead.hash)).first()
    last_seq = expected_seq - 1
    if head is None:
        if report.rows:
            report.problems.append("the chain's head record is missing")
    elif head.seq != last_seq or head.hash != prev_hash:
        report.problems.append(
            f"the chain ends at row {last_seq} but its head says row {head.seq}: "
            "rows at the end were deleted or the head was altered"
        )
    return report
