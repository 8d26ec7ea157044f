"""Attachment bytes: upload what the server lacks, fetch what this laptop lacks (by sha256)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lead_desktop.sync.engine import SyncClient, SyncReport


def upload_pending(client: SyncClient, report: SyncReport) -> None:
    """Send the bytes of every local attachment the server does not hold yet."""


def fetch_missing(client: SyncClient, report: SyncReport) -> None:
    """Download the bytes of pulled attachment records this laptop does not hold yet."""
