"""Backups are one encrypted file; restore verifies first and gives back an identical store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lead_desktop.errors import IntegrityError, UnlockError
from lead_desktop.store.backup import restore_backup, write_backup
from lead_desktop.store.participants import create_participant, update_participant
from lead_desktop.store.schema import Base
from lead_desktop.store.store import Store
from tests.helpers import HARD_NAMES, PASSPHRASE

SKIP = {"audit_event", "audit_head"}  # restore itself is audited, after the copy


def _dump(store: Store) -> dict[str, list[Any]]:
    with store.read() as conn:
        return {
            t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr)
            for t in Base.metadata.sorted_tables
            if t.name not in SKIP
        }


def _fill(store: Store) -> list[str]:
    ids = []
    with store.write() as tx:
        for name in HARD_NAMES:
            first, last = name.split(" ", 1)
            ids.append(create_participant(tx, data={"first_name": first, "last_name": last}))
    return ids


def test_backup_restores_to_an_identical_store(new_store: Store, tmp_path: Path) -> None:
    ids = _fill(new_store)
    before = _dump(new_store)
    out = tmp_path / "nightly.leadbak"
    write_backup(new_store, out)
    for name in HARD_NAMES:
        assert name.encode() not in out.read_bytes()
    with new_store.write() as tx:  # later edits, which the restore must undo
        update_participant(tx, ids[0], data={"last_name": "Changed"})
    root = new_store.root
    new_store.close()
    with restore_backup(out, root, None, PASSPHRASE) as restored:
        assert _dump(restored) == before


def test_damaged_backup_is_refused_and_the_store_is_untouched(
    new_store: Store, tmp_path: Path
) -> None:
    _fill(new_store)
    out = tmp_path / "b.leadbak"
    write_backup(new_store, out)
    blob = bytearray(out.read_bytes())
    blob[-5000] ^= 0xFF
    (tmp_path / "bad.leadbak").write_bytes(bytes(blob))
    before = _dump(new_store)
    root = new_store.root
    new_store.close()
    with pytest.raises(IntegrityError, match="damaged"):
        restore_backup(tmp_path / "bad.leadbak", root, None, PASSPHRASE)
    with pytest.raises(UnlockError):
        restore_backup(out, root, None, "some other passphrase entirely")
    with Store.unlock(root, None, PASSPHRASE) as store:
        assert _dump(store) == before
    leftovers = [p.name for p in root.parent.iterdir() if p.name.startswith(".")]
    assert leftovers in ([], [".store.lock"])  # no staging folder or half-restored store
