"""Sync's key/value state: prefix reads match exactly the keys under the prefix."""

from __future__ import annotations

from sqlalchemy import select

from lead_desktop.store.schema import SyncState
from lead_desktop.store.store import Store
from lead_desktop.sync.state import set_state, under


def test_keys_under_a_prefix_and_nothing_else(new_store: Store) -> None:
    keys = [
        "attachment_sent:",
        "attachment_sent:ab",
        "attachment_sent:%_x",
        "attachment_sent;",
        "attachment_sen",
        "attachment_part:ab:0",
        "Attachment_sent:ab",
    ]
    with new_store.write() as tx:
        for key in keys:
            set_state(tx.conn, key, "1")
    with new_store.read() as conn:
        got = set(conn.execute(select(SyncState.key).where(under("attachment_sent:"))).scalars())
        wild = set(conn.execute(select(SyncState.key).where(under("attachment_sent:%"))).scalars())
    assert got == {"attachment_sent:", "attachment_sent:ab", "attachment_sent:%_x"}
    assert wild == {"attachment_sent:%_x"}  # no wildcard meaning for % or _
