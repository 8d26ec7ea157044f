"""A revoked laptop: push what is safe to push, then wipe the local copy (or wipe at once).

The server answers a revoked device with ``403 device_revoked`` and a reason:

- ``lost``: the device may still sign in and push (so no work done on it is lost) but may not
  pull. The client finishes pushing, and once nothing is left unpushed it wipes its store.
- ``stolen``: everything is refused; the client wipes at once, unpushed work included, because
  whoever holds the laptop is not the case manager.

Wiping erases the key slots first (without them the encrypted database cannot be opened by
anyone, whatever is left on the disk), then removes every file of the store.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from lead_desktop.store.schema import ChangeJournal
from lead_desktop.store.wipe import wipe_store
from lead_desktop.sync.transport import SyncError

if TYPE_CHECKING:
    from lead_desktop.sync.engine import SyncClient

logger = logging.getLogger(__name__)


class DeviceRevoked(SyncError):
    """The server revoked this laptop. ``wiped`` tells whether its local copy is now gone."""

    def __init__(self, message: str, *, reason: str, wiped: bool, unpushed: int = 0) -> None:
        super().__init__(message, status=403, code="device_revoked", body={"reason": reason})
        self.reason, self.wiped, self.unpushed = reason, wiped, unpushed


def unpushed_count(client: SyncClient) -> int:
    """Journal entries not yet accepted by the server."""
    with client.store.read() as conn:
        return int(
            conn.execute(select(func.count()).where(ChangeJournal.pushed_at.is_(None))).scalar_one()
        )


def handle(client: SyncClient, exc: SyncError) -> None:
    """React to a ``device_revoked`` answer: wipe when it is safe (or required); always raise."""
    reason = str(exc.body.get("reason") or "stolen")
    if reason == "lost":
        # A lost device may still push: try once more so nothing done on it is lost.
        left = unpushed_count(client)
        if left:
            try:
                from lead_desktop.sync.engine import SyncReport

                client.push(SyncReport())
            except SyncError:
                logger.warning("revoked device could not push its last changes")
            left = unpushed_count(client)
        if left:
            raise DeviceRevoked(
                f"This laptop was reported lost and is revoked. {left} change(s) are not on "
                "the server yet, so the local copy is kept for now; connect to the program "
                "network and sync again so they are saved, after which it will be wiped.",
                reason=reason,
                wiped=False,
                unpushed=left,
            ) from exc
    client.close()
    wipe_store(client.store)
    logger.warning("device revoked: local store wiped", extra={"reason": reason})
    if reason == "lost":
        message = (
            "This laptop was reported lost and is revoked. Everything on it was already saved "
            "on the server, and its local copy has now been wiped. Ask IT to enroll it again."
        )
    else:
        message = (
            "This laptop was reported stolen and is revoked. Its local copy has been wiped. "
            "Ask IT to enroll it again."
        )
    raise DeviceRevoked(message, reason=reason, wiped=True) from exc
