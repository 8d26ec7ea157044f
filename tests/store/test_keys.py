"""Key management on real files: passphrases, back-off, recovery, rotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lead_desktop.errors import BackoffError, UnlockError, ValidationError
from lead_desktop.store.keys import (
    KeyFile,
    calibrate,
    generate_recovery_pair,
    load_recovery_private_key,
)
from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import Participant
from lead_desktop.store.store import Store
from tests.helpers import FAST_KDF, HARD_NAMES, PASSPHRASE


def _names(store: Store) -> list[str]:
    with store.read() as conn:
        return sorted(conn.execute(select(Participant.last_name)).scalars())


def _add_people(store: Store) -> None:
    with store.write() as tx:
        for name in HARD_NAMES:
            first, last = name.split(" ", 1)
            create_participant(tx, data={"first_name": first, "last_name": last})


def test_real_argon2id_parameters_are_strong_and_stored_per_slot(tmp_path: Path) -> None:
    params = calibrate()
    assert params.memory_kib >= 64 * 1024
    store = Store.create(tmp_path / "s", "ana", PASSPHRASE)
    store.close()
    slot = json.loads((tmp_path / "s" / "keyslots.json").read_text())["slots"][0]
    assert slot["kdf"]["name"] == "argon2id"
    assert slot["kdf"]["memory_kib"] >= 64 * 1024
    assert len(slot["kdf"]["salt"]) >= 22  # 16 random bytes, base64
    with Store.unlock(tmp_path / "s", "ana", PASSPHRASE) as again:
        assert again.worker_name == "ana"


def test_keyslot_file_never_holds_a_key_in_clear(new_store: Store) -> None:
    text = new_store.keys_path.read_text()
    assert new_store._dek.hex() not in text
    assert new_store._kek.hex() not in text
    assert json.loads(text)["version"] == 1


def test_wrong_passphrase_fails_cleanly_and_backs_off_across_restarts(new_store: Store) -> None:
    root = new_store.root
    new_store.close()
    now = [1000.0]
    for _ in range(3):
        with pytest.raises(UnlockError, match="wrong passphrase"):
            Store.unlock(root, "tester", "not the right passphrase at all", clock=lambda: now[0])
    # A "restart": nothing in memory; the count lives on disk, so the right passphrase must wait.
    with pytest.raises(BackoffError) as waited:
        Store.unlock(root, "tester", PASSPHRASE, clock=lambda: now[0])
    assert waited.value.wait_seconds == pytest.approx(2.0)
    now[0] += 2.5
    with Store.unlock(root, "tester", PASSPHRASE, clock=lambda: now[0]):
        pass
    assert json.loads((root / "unlock-state.json").read_text()) == {}


def test_back_off_grows_exponentially(new_store: Store) -> None:
    root = new_store.root
    new_store.close()
    now = [0.0]
    waits = []
    for _ in range(6):
        now[0] += 10_000
        with pytest.raises(UnlockError) as err:
            Store.unlock(root, None, "wrong wrong wrong wrong", clock=lambda: now[0])
        waits.append(str(err.value))
    assert "wait 2 s" in waits[2] and "wait 4 s" in waits[3] and "wait 16 s" in waits[5]


def test_weak_passphrases_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="passphrase"):
        Store.create(tmp_path / "s", "ana", "short one", kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="passphrase"):
        Store.create(tmp_path / "s", "ana", "passwordpassword", kdf=FAST_KDF)
    assert not (tmp_path / "s" / "keyslots.json").exists()


def test_passphrase_change_keeps_data_and_old_one_stops_working(new_store: Store) -> None:
    _add_people(new_store)
    new_store.change_passphrase(PASSPHRASE, "harbor pepper sixteen kites", kdf=FAST_KDF)
    root = new_store.root
    new_store.close()
    with pytest.raises(UnlockError):
        Store.unlock(root, None, PASSPHRASE)
    with Store.unlock(root, None, "harbor pepper sixteen kites") as store:
        assert _names(store) == sorted(n.split(" ", 1)[1] for n in HARD_NAMES)


def test_change_passphrase_checks_the_old_one(new_store: Store) -> None:
    with pytest.raises(UnlockError):
        new_store.change_passphrase("a wrong old passphrase", "harbor pepper sixteen kites")


def test_each_worker_has_their_own_slot(new_store: Store) -> None:
    new_store.add_worker("bea", "orchid tunnel maple rocket", kdf=FAST_KDF)
    root = new_store.root
    new_store.close()
    with pytest.raises(UnlockError):
        Store.unlock(root, "bea", PASSPHRASE)
    with Store.unlock(root, "bea", "orchid tunnel maple rocket") as store:
        assert store.worker_name == "bea"
    with pytest.raises(UnlockError, match="several workers"):
        Store.unlock(root, None, PASSPHRASE)


def test_rekey_keeps_all_data_and_every_worker(new_store: Store) -> None:
    new_store.add_worker("bea", "orchid tunnel maple rocket", kdf=FAST_KDF)
    _add_people(new_store)
    old_dek = new_store._dek
    new_store.rotate_data_key()
    assert new_store._dek != old_dek
    root = new_store.root
    new_store.close()
    for worker, phrase in (("tester", PASSPHRASE), ("bea", "orchid tunnel maple rocket")):
        with Store.unlock(root, worker, phrase) as store:
            assert len(_names(store)) == 3
    # The old key no longer opens the database.
    from lead_desktop.store.engine import connect_raw

    with pytest.raises(Exception, match="not a database"):
        connect_raw(root / "lead.db", old_dek)


def test_interrupted_rotation_is_finished_at_next_unlock(new_store: Store) -> None:
    """Simulate a crash after the rekey but before the key file was updated."""
    _add_people(new_store)
    root = new_store.root
    before = KeyFile.load(new_store.keys_path).to_json()
    new_store.rotate_data_key()
    new_store.close()
    after = KeyFile.load(root / "keyslots.json")
    crashed = KeyFile.load(root / "keyslots.json")
    crashed.data_key = before["data_key"]
    crashed.data_key_next = after.data_key
    crashed.save(root / "keyslots.json")
    with Store.unlock(root, None, PASSPHRASE) as store:
        assert len(_names(store)) == 3
    assert KeyFile.load(root / "keyslots.json").data_key_next is None


def test_recovery_key_opens_a_store_whose_passphrase_is_lost(tmp_path: Path) -> None:
    private_pem, public_pem = generate_recovery_pair("recovery vault passphrase 2026")
    root = tmp_path / "store"
    store = Store.create(root, "ana", PASSPHRASE, kdf=FAST_KDF, recovery_public_pem=public_pem)
    _add_people(store)
    store.close()
    key = load_recovery_private_key(private_pem, "recovery vault passphrase 2026")
    with Store.recover(root, key, "ana", "fresh start passphrase 77", kdf=FAST_KDF) as rec:
        assert len(_names(rec)) == 3
    with Store.unlock(root, "ana", "fresh start passphrase 77") as store:
        with store.read() as conn:
            assert conn.execute(select(func.count()).select_from(Participant)).scalar() == 3
    with pytest.raises(UnlockError):
        Store.unlock(root, "ana", PASSPHRASE)


def test_a_foreign_recovery_key_is_refused(tmp_path: Path) -> None:
    _, public_pem = generate_recovery_pair(None)
    other_private, _ = generate_recovery_pair(None)
    root = tmp_path / "store"
    Store.create(root, "ana", PASSPHRASE, kdf=FAST_KDF, recovery_public_pem=public_pem).close()
    with pytest.raises(UnlockError, match="does not belong"):
        Store.recover(
            root, load_recovery_private_key(other_private, None), "ana", "fresh start passphrase 77"
        )
