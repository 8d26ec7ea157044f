"""Conflicts across laptops: file push answers, send local resolutions, receive notices.

- **Push answer** (``from_push``, in the push batch's transaction): a change the server merged
  with a conflict is filed under the server's conflict id (derived from the change id and the
  field, see ``protocol.conflict_id``), so the later notice of the same conflict is the same
  row; the record takes the value the server kept.
- **Resolutions** (``send_resolutions``, after push, so the chosen value, an ordinary journaled
  change, reaches the server first): each resolution made here is sent with its resolution id;
  the server's answer is filed and only then is the pending flag cleared. When someone else
  resolved the conflict first, this laptop adopts that resolution (and a different choice comes
  back as a new conflict, by notice).
- **Notices** (``pull_notices``, after pull): conflicts on records this worker may see, new or
  resolved elsewhere, from the conflict cursor, one committed page at a time.

Logs carry ids and counts only, never values.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from lead_desktop.store import conflicts as local
from lead_desktop.store.tx import Tx
from lead_desktop.sync.protocol import (
    MAX_CONFLICT_PAGE,
    ConflictPage,
    PushResult,
    ResolveRequest,
    ResolveResponse,
    conflict_id,
)
from lead_desktop.sync.transport import SyncError

if TYPE_CHECKING:
    from lead_desktop.sync.engine import SyncClient, SyncReport

logger = logging.getLogger(__name__)


def from_push(tx: Tx, row: Any, result: PushResult) -> None:
    """File the conflicts one pushed journal row raised (``row``: the journal row mapping)."""
    local.file_pushed(
        tx,
        table=row["table_name"],
        row_id=row["row_id"],
        seq=int(row["seq"]),
        worker_id=row["worker_id"],
        conflicts=[
            local.PushedConflict(
                id=conflict_id(row["change_id"], c.field),
                field=c.field,
                server_value=c.server_value,
                local_value=c.client_value,
            )
            for c in result.conflicts
        ],
    )


def send_resolutions(client: SyncClient, report: SyncReport) -> None:
    """Tell the server about conflicts a person resolved on this laptop since the last sync."""
    with client.store.read() as conn:
        waiting = [
            p
            for p in local.pending_resolutions(conn)
            # Its chosen value must reach the server first (resolved while a sync ran).
            if not local.has_unpushed_change(conn, p.table, p.row_id)
        ]
    for item in waiting:
        body = ResolveRequest(resolution_id=item.resolution_id, value=item.value)
        try:
            answer = ResolveResponse.model_validate(
                client.transport.call(
                    "POST",
                    f"/conflicts/{item.conflict_id}/resolve",
                    json=body.model_dump(mode="json"),
                )
            )
        except SyncError as exc:
            if exc.code != "no_conflict":
                raise
            # The server does not know it (or it left this team's records): nothing to tell.
            with client.store.write() as tx:
                local.drop_pending(tx, item.conflict_id)
            logger.warning("resolution not taken", extra={"conflict_id": item.conflict_id})
            continue
        with client.store.write() as tx:
            local.file_notice(tx, answer.conflict.model_dump(mode="json"), confirmed=True)
        report.resolutions += 1
        logger.info(
            "resolution sent",
            extra={
                "conflict_id": item.conflict_id,
                "accepted": answer.accepted,
                "followup_id": answer.followup_id,
            },
        )


def pull_notices(client: SyncClient, report: SyncReport) -> None:
    """Fetch conflicts (new or resolved elsewhere) on records this worker may see."""
    if client.conflict_rev is not None:
        with client.store.read() as conn:
            if local.notice_cursor(conn) >= client.conflict_rev:
                return  # the pull said there is nothing newer: no request needed
    filed = 0
    while True:
        with client.store.read() as conn:
            cursor = local.notice_cursor(conn)
        page = ConflictPage.model_validate(
            client.transport.call(
                "GET", "/conflicts", params={"since": cursor, "limit": MAX_CONFLICT_PAGE}
            )
        )
        with client.store.write() as tx:
            if local.notice_cursor(tx.conn) != cursor:
                raise SyncError("another sync moved the conflict cursor meanwhile; sync again")
            for notice in page.conflicts:
                local.file_notice(tx, notice.model_dump(mode="json"))
            local.set_notice_cursor(tx, page.next_cursor)
        filed += len(page.conflicts)
        if page.done or page.next_cursor == cursor:
            break
    report.notices += filed
    if filed:
        logger.info("conflict notices filed", extra={"count": filed})
