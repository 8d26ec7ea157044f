"""An attachment the sync server would refuse is refused when it is attached, with the fix."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from lead_desktop.errors import ValidationError
from lead_desktop.store.casework import put_attachment
from lead_desktop.store.schema import MAX_ATTACHMENT_BYTES, Attachment, ChangeJournal
from lead_desktop.store.store import Store
from lead_desktop.sync.protocol import MAX_ATTACHMENT_SIZE


def _counts(store: Store) -> tuple[int, int]:
    with store.read() as conn:
        blobs = conn.execute(select(func.count()).select_from(Attachment)).scalar_one()
        journal = conn.execute(select(func.count()).select_from(ChangeJournal)).scalar_one()
    return blobs, journal


def test_a_file_over_the_limit_is_refused_naming_the_scan_and_the_fix(store: Store) -> None:
    before = _counts(store)
    with pytest.raises(ValidationError) as refused, store.write() as tx:
        put_attachment(tx, data=b"\0" * (MAX_ATTACHMENT_BYTES + 1), mime="image/png")
    [problem] = refused.value.issues
    assert problem.field == "scan"
    assert "64 MB" in problem.problem and "lower resolution" in problem.fix
    assert _counts(store) == before  # nothing written, nothing journaled


def test_the_store_and_the_server_share_one_limit(store: Store) -> None:
    assert MAX_ATTACHMENT_SIZE == MAX_ATTACHMENT_BYTES
    with store.write() as tx:
        put_attachment(tx, data=b"a small scan", mime="image/png")
    assert _counts(store)[0] == 1
