"""Conflicts across laptops: send local resolutions, receive the server's conflict notices."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lead_desktop.sync.engine import SyncClient, SyncReport


def send_resolutions(client: SyncClient, report: SyncReport) -> None:
    """Tell the server about conflicts a person resolved on this laptop since the last sync."""


def pull_notices(client: SyncClient, report: SyncReport) -> None:
    """Fetch conflicts (new or resolved elsewhere) on records this worker may see."""
