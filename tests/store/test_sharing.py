"""Several processes (GUI, CLI) on one store: keyslots, restore and re-init stay safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from lead_desktop.errors import BackoffError, StoreError, StoreExistsError, UnlockError
from lead_desktop.store.backup import restore_backup, write_backup
from lead_desktop.store.keys import KeyFile
from lead_desktop.store.locks import StoreBusyError
from lead_desktop.store.store import Store, worker_names
from tests.helpers import FAST_KDF, PASSPHRASE

BEA, CID = "orchid tunnel maple rocket", "velvet comet harbor lime"


def test_two_open_handles_do_not_undo_each_others_keyslot_changes(new_store: Store) -> None:
    other = Store.unlock(new_store.root, None, PASSPHRASE)
    try:
        other.add_worker("bea", BEA, kdf=FAST_KDF)
        new_store.add_worker("cid", CID, kdf=FAST_KDF)  # holds an older copy of the file
        other.remove_worker("cid")
        new_store.change_passphrase(PASSPHRASE, "harbor pepper sixteen kites", kdf=FAST_KDF)
    finally:
        other.close()
    assert worker_names(new_store.root) == ["bea", "tester"]
    with pytest.raises(UnlockError):
        Store.unlock(new_store.root, "cid", CID)
    Store.unlock(new_store.root, "bea", BEA).close()


def test_a_removed_worker_can_be_added_back(new_store: Store) -> None:
    new_store.add_worker("bea", BEA, kdf=FAST_KDF)
    new_store.remove_worker("bea")
    first_id = new_store.add_worker("bea", CID, kdf=FAST_KDF)
    with Store.unlock(new_store.root, "bea", CID) as bea:
        assert bea.worker_id == first_id


def test_restore_refuses_while_the_store_is_open_elsewhere(
    new_store: Store, tmp_path: Path
) -> None:
    write_backup(new_store, tmp_path / "b.leadbak")
    with pytest.raises(StoreBusyError, match="close LEAD Desktop"):
        restore_backup(tmp_path / "b.leadbak", new_store.root, None, PASSPHRASE)


def test_only_an_administrator_may_restore(new_store: Store, tmp_path: Path) -> None:
    new_store.add_worker("bea", BEA, kdf=FAST_KDF)
    write_backup(new_store, tmp_path / "b.leadbak")
    root = new_store.root
    new_store.close()
    with pytest.raises(StoreError, match="administrator"):
        restore_backup(tmp_path / "b.leadbak", root, "bea", BEA)


def test_init_never_overwrites_a_database_whose_keyslots_are_missing(new_store: Store) -> None:
    root = new_store.root
    new_store.close()
    (root / "keyslots.json").unlink()
    with pytest.raises(StoreExistsError, match="no keyslot file"):
        Store.create(root, "tester", PASSPHRASE, kdf=FAST_KDF)
    assert (root / "lead.db").stat().st_size > 0


def test_unlocking_during_a_rotation_is_refused_and_leaves_the_staged_key(
    new_store: Store,
) -> None:
    """The rotation window: new key staged, rekey under way in another process."""
    new_store._lock.acquire(exclusive=True, wait=False)
    new_store._update_keyfile(lambda kf: kf.stage_next_dek(new_store._kek, bytes(32)))
    with pytest.raises(StoreBusyError, match="rotation"):
        Store.unlock(new_store.root, None, PASSPHRASE)
    assert KeyFile.load(new_store.keys_path).data_key_next is not None


def test_a_wrong_current_passphrase_counts_toward_back_off(new_store: Store) -> None:
    for _ in range(3):
        with pytest.raises(UnlockError, match="current passphrase is wrong"):
            new_store.change_passphrase("not my passphrase at all", BEA, kdf=FAST_KDF)
    with pytest.raises(BackoffError):
        new_store.change_passphrase(PASSPHRASE, BEA, kdf=FAST_KDF)
    with pytest.raises(BackoffError):
        Store.unlock(new_store.root, None, PASSPHRASE)


def test_a_backup_carries_the_slots_added_in_another_window(
    new_store: Store, tmp_path: Path
) -> None:
    other = Store.unlock(new_store.root, None, PASSPHRASE)
    other.add_worker("bea", BEA, kdf=FAST_KDF)
    other.close()
    write_backup(new_store, tmp_path / "b.leadbak")
    root = new_store.root
    new_store.close()
    with restore_backup(tmp_path / "b.leadbak", root, "tester", PASSPHRASE):
        pass
    Store.unlock(root, "bea", BEA).close()
