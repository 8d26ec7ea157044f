"""The unlocked store: keys, engine, migrations, workers, and transactions for repositories."""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection, Engine, delete, insert, select

from lead_desktop.domain.passphrase import check_passphrase
from lead_desktop.domain.workers import ROLES
from lead_desktop.errors import (
    BackoffError,
    StoreError,
    StoreExistsError,
    StoreMissingError,
    UnlockError,
    ValidationError,
    issue,
)
from lead_desktop.store import migrations
from lead_desktop.store.backoff import Backoff
from lead_desktop.store.engine import WRITE_OPTION, connect_raw, is_not_a_database, key_pragma
from lead_desktop.store.engine import make_engine as _make_engine
from lead_desktop.store.files import fsync_dir
from lead_desktop.store.ids import utcnow, uuid7
from lead_desktop.store.keys import KdfParams, KeyFile, calibrate
from lead_desktop.store.locks import FileLock, keyfile_lock, lock_path
from lead_desktop.store.records import create_row, update_row
from lead_desktop.store.schema import Device, Setting, Worker
from lead_desktop.store.search import TokenIndex
from lead_desktop.store.tx import Actor, Tx

logger = logging.getLogger(__name__)

DB_NAME = "lead.db"
KEYS_NAME = "keyslots.json"
BACKOFF_NAME = "unlock-state.json"


def store_exists(root: Path) -> bool:
    """Tell whether a store lives in ``root`` (finishing a restore cut short, if any)."""
    recover_interrupted_restore(root)
    return (root / KEYS_NAME).exists() and (root / DB_NAME).exists()


def recover_interrupted_restore(root: Path) -> None:
    """If a restore was cut between its two renames, put the previous store back."""
    old = root.parent / f".{root.name}.old"
    if not root.exists() and old.exists():
        os.replace(old, root)
        fsync_dir(root.parent)


def _store_lock(root: Path) -> FileLock:
    """Take the shared store lock: held while a store is open; rotation and restore need it
    alone. Taken before the key file is read, so nobody reads it mid-rotation."""
    lock = FileLock(lock_path(root))
    lock.acquire(
        exclusive=False,
        wait=False,
        busy_message="a restore or key rotation is running on this store; try again after it",
    )
    return lock


def worker_names(root: Path) -> list[str]:
    """List the workers who can unlock the store (readable before unlocking)."""
    if not store_exists(root):
        raise StoreMissingError(f"no store in {root}; create one with 'lead-desktop init'")
    return sorted(KeyFile.load(root / KEYS_NAME).worker_names().values(), key=str.casefold)


class Store:
    """An unlocked store. Obtain one with :meth:`create`, :meth:`unlock` or :meth:`recover`."""

    def __init__(  # noqa: PLR0917 - private constructor, called by the factories below
        self,
        root: Path,
        keyfile: KeyFile,
        kek: bytes,
        dek: bytes,
        worker_id: str,
        engine: Engine,
        lock: FileLock,
    ) -> None:
        self._lock = lock
        self.root = root
        self.keyfile = keyfile
        self._kek = kek
        self._dek = dek
        self.engine = engine
        self.worker_id = worker_id
        with self.engine.connect() as conn:
            self.device_id: str = conn.execute(select(Device.id)).scalar_one()
        self.actor = Actor(worker_id, self.device_id)
        self.search_index = TokenIndex()
        self._listeners: list[Callable[[Tx], None]] = [
            lambda tx: self.search_index.after_write(tx.new_tokens, tx.journal_span)
        ]

    # -- paths -------------------------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        """The SQLCipher database file."""
        return self.root / DB_NAME

    @property
    def keys_path(self) -> Path:
        """The keyslot file."""
        return self.root / KEYS_NAME

    @property
    def worker_name(self) -> str:
        """The name of the worker who unlocked the store."""
        return str(self.keyfile.worker_names()[self.worker_id])

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        root: Path,
        worker_name: str,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        recovery_public_pem: bytes | None = None,
        encrypted: bool = True,
    ) -> Store:
        """Create a new store with its first worker (an administrator)."""
        if store_exists(root):
            raise StoreExistsError(f"a store already exists in {root}")
        check_passphrase(passphrase, worker_name)
        if (root / DB_NAME).exists() and (root / DB_NAME).stat().st_size > 0:
            # A database without its keyslot file: never overwrite it (it may be recoverable).
            marker = root / ".creating"
            if not marker.exists():
                raise StoreExistsError(
                    f"{root} holds a database but no keyslot file; restore keyslots.json or a "
                    "backup, or move the folder away; nothing was changed"
                )
        root.mkdir(parents=True, exist_ok=True)
        (root / ".creating").touch()
        for leftover in (root / DB_NAME, root / f"{DB_NAME}-wal", root / f"{DB_NAME}-shm"):
            leftover.unlink(missing_ok=True)  # a half-made store from a crash during init
        keyfile, kek, dek = KeyFile.create(uuid7())
        worker_id = uuid7()
        keyfile.set_slot(worker_id, worker_name, passphrase, kek, kdf or calibrate())
        if recovery_public_pem:
            keyfile.set_recovery(recovery_public_pem, kek)
        key = dek if encrypted else None
        conn = connect_raw(root / DB_NAME, key)
        try:
            migrations.migrate(conn)
            device_id = uuid7()
            conn.execute("INSERT INTO device (id, created_at) VALUES (?, ?)", (device_id, utcnow()))
            conn.commit()
        finally:
            conn.close()
        keyfile.save(root / KEYS_NAME)  # written last: its presence marks a complete store
        (root / ".creating").unlink()
        engine = _make_engine(root / DB_NAME, key)
        store = cls(root, keyfile, kek, dek, worker_id, engine, _store_lock(root))
        with store.write() as tx:
            create_row(tx, Worker, {"name": worker_name, "role": "administrator"}, row_id=worker_id)
            tx.audit("store_created")
        return store

    @classmethod
    def unlock(
        cls,
        root: Path,
        worker_name: str | None,
        passphrase: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> Store:
        """Unlock as a worker; wrong passphrases count toward a back-off that survives restarts."""
        keyfile = cls._load_keyfile(root)
        worker_id = cls._pick_worker(keyfile, worker_name)
        name = keyfile.worker_names()[worker_id]
        backoff = Backoff(root / BACKOFF_NAME, clock)
        wait = backoff.remaining(worker_id)
        if wait > 0:
            raise BackoffError(name, wait)
        try:
            kek = keyfile.unwrap_kek(worker_id, passphrase)
        except UnlockError:
            wait = backoff.record_failure(worker_id)
            logger.info("failed unlock (worker id %s)", worker_id)
            suffix = f"; wait {wait:.0f} s before the next try" if wait else ""
            raise UnlockError(f"wrong passphrase for worker {name!r}{suffix}") from None
        backoff.record_success(worker_id)
        store = cls._open_with_kek(root, kek, worker_id)
        with store.write() as tx:
            tx.audit("unlock")
        return store

    @classmethod
    def recover(
        cls,
        root: Path,
        private_key: X25519PrivateKey,
        worker_name: str,
        new_passphrase: str,
        *,
        kdf: KdfParams | None = None,
    ) -> Store:
        """Open with the recovery key and give ``worker_name`` a new passphrase (break-glass)."""
        check_passphrase(new_passphrase, worker_name)
        keyfile = cls._load_keyfile(root)
        kek = keyfile.recover_kek(private_key)
        worker_id = keyfile.find_worker(worker_name)
        store = cls._open_with_kek(root, kek, worker_id)
        store._update_keyfile(
            lambda kf: kf.set_slot(worker_id, worker_name, new_passphrase, kek, kdf or calibrate())
        )
        Backoff(root / BACKOFF_NAME).record_success(worker_id)
        store.worker_id = worker_id
        store.actor = Actor(worker_id, store.device_id)
        with store.write() as tx:
            tx.audit("recovery_unlock", "worker", worker_id)
        return store

    @staticmethod
    def _load_keyfile(root: Path) -> KeyFile:
        if not store_exists(root):
            raise StoreMissingError(f"no store in {root}; create one with 'lead-desktop init'")
        return KeyFile.load(root / KEYS_NAME)

    @staticmethod
    def _pick_worker(keyfile: KeyFile, worker_name: str | None) -> str:
        if worker_name:
            return keyfile.find_worker(worker_name)
        if len(keyfile.slots) == 1:
            return next(iter(keyfile.slots))
        names = ", ".join(sorted(keyfile.worker_names().values()))
        raise UnlockError(f"this store has several workers ({names}); choose one with --worker")

    @classmethod
    def _open_with_kek(cls, root: Path, kek: bytes, worker_id: str) -> Store:
        lock = _store_lock(root)
        try:
            with keyfile_lock(root):
                # Read under the locks: a rotation that finished a moment ago is seen whole.
                keyfile = KeyFile.load(root / KEYS_NAME)
                dek = cls._settle_rotation(root, keyfile, kek)
            conn = connect_raw(root / DB_NAME, dek)
            try:
                migrations.migrate(conn)
            finally:
                conn.close()
            return cls(root, keyfile, kek, dek, worker_id, _make_engine(root / DB_NAME, dek), lock)
        except BaseException:
            lock.release()
            raise

    @staticmethod
    def _settle_rotation(root: Path, keyfile: KeyFile, kek: bytes) -> bytes:
        """Return the key that opens the database, finishing or dropping a staged rotation.

        Safe because the caller holds the store lock: no rotation is running elsewhere.
        """
        dek = keyfile.unwrap_dek(kek)
        if keyfile.data_key_next is None:
            return dek
        try:
            connect_raw(root / DB_NAME, dek).close()
            keyfile.data_key_next = None  # staged but never applied: drop it
        except Exception as exc:
            if not is_not_a_database(exc):
                raise StoreError(f"the store database cannot be opened: {exc}") from None
            dek = keyfile.unwrap_dek(kek, which="next")  # the rekey happened: finish it
            connect_raw(root / DB_NAME, dek).close()
            keyfile.promote_next_dek()
            logger.info("completed an interrupted data-key rotation")
        keyfile.save(root / KEYS_NAME)
        return dek

    def close(self) -> None:
        """Close every connection, forget the keys and release the store lock."""
        self.engine.dispose()
        self._kek = self._dek = b""
        self._lock.release()

    def _update_keyfile(self, change: Callable[[KeyFile], None]) -> None:
        """Re-read the keyslot file under a lock, apply one change, save it (other processes
        may have changed other slots since this store was unlocked)."""
        with keyfile_lock(self.root):
            fresh = KeyFile.load(self.keys_path)
            if fresh.store_id != self.keyfile.store_id:
                raise StoreError("the keyslot file now belongs to another store; reopen it")
            change(fresh)
            fresh.save(self.keys_path)
            self.keyfile = fresh

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------------------------

    def add_listener(self, listener: Callable[[Tx], None]) -> None:
        """Call ``listener(tx)`` after every committed write (search index, views)."""
        self._listeners.append(listener)

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """Run repository functions in one durable transaction (all or nothing)."""
        with self.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
            with conn.begin():
                tx = Tx(conn, self.actor)
                yield tx
                tx.flush()
        for listener in self._listeners:
            listener(tx)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """Give a connection for reads, in one consistent snapshot."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # -- workers and keys --------------------------------------------------------------------

    def add_worker(
        self,
        name: str,
        passphrase: str,
        *,
        role: str = "case_manager",
        team: str | None = None,
        kdf: KdfParams | None = None,
    ) -> str:
        """Add a worker who can unlock this store with their own passphrase."""
        if not name.strip():
            raise ValidationError([issue("worker", "the name is empty", "give a login name")])
        if role not in ROLES:
            raise ValidationError(
                [
                    issue(
                        "role",
                        "{value} is not a role",
                        "use one of {options}",
                        value=repr(role),
                        options=", ".join(ROLES),
                    )
                ]
            )
        check_passphrase(passphrase, name)
        with self.read() as conn:
            existing = conn.execute(
                select(Worker.id, Worker.active).where(Worker.name == name)
            ).first()
        if existing is not None and existing.active:
            raise ValidationError(
                [issue("worker", "{value} already exists", "choose another name", value=repr(name))]
            )
        worker_id = existing.id if existing is not None else uuid7()
        params = kdf or calibrate()

        def give_slot(kf: KeyFile) -> None:
            for stale_id, stale_name in kf.worker_names().items():  # a slot whose row never
                if stale_name.casefold() == name.casefold():  # committed (crash): replace it
                    kf.remove_slot(stale_id)
            kf.set_slot(worker_id, name, passphrase, self._kek, params)

        with self.write() as tx:
            if existing is None:
                create_row(tx, Worker, {"name": name, "role": role, "team": team}, row_id=worker_id)
            else:  # a former worker comes back: same id, so their history stays theirs
                update_row(tx, Worker, worker_id, {"active": True, "role": role, "team": team})
            # The slot is saved inside the transaction: if saving fails, the row rolls back.
            self._update_keyfile(give_slot)
        return worker_id

    def remove_worker(self, name: str) -> None:
        """Remove a worker's slot and mark them inactive (their records stay)."""
        worker_id = KeyFile.load(self.keys_path).find_worker(name)  # fresh: others may have added
        if worker_id == self.worker_id:
            raise StoreError("you cannot remove yourself; unlock as another administrator")
        with self.write() as tx:
            update_row(tx, Worker, worker_id, {"active": False})
            self._update_keyfile(lambda kf: kf.remove_slot(worker_id))

    def change_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Rewrap this worker's slot under a new passphrase (checks the old one first).

        A wrong old passphrase counts toward the same back-off as a failed unlock, so an
        unlocked laptop cannot be used to guess a worker's passphrase at full speed.
        """
        backoff = Backoff(self.root / BACKOFF_NAME)
        wait = backoff.remaining(self.worker_id)
        if wait > 0:
            raise BackoffError(self.worker_name, wait)
        try:
            KeyFile.load(self.keys_path).unwrap_kek(self.worker_id, old)
        except UnlockError:
            backoff.record_failure(self.worker_id)
            raise UnlockError("the current passphrase is wrong; nothing was changed") from None
        backoff.record_success(self.worker_id)
        check_passphrase(new, self.worker_name)
        params = kdf or calibrate()
        with self.write() as tx:
            tx.audit("passphrase_changed", "worker", self.worker_id)
            self._update_keyfile(
                lambda kf: kf.set_slot(self.worker_id, self.worker_name, new, self._kek, params)
            )

    def set_recovery_key(self, public_pem: bytes) -> None:
        """Seal (or reseal) the store's keys to a program recovery public key."""
        with self.write() as tx:
            self._update_keyfile(lambda kf: kf.set_recovery(public_pem, self._kek))
            recipient = (self.keyfile.recovery or {}).get("recipient")
            tx.audit("recovery_key_set", detail={"recipient": recipient})

    def rotate_data_key(self) -> None:
        """Re-encrypt the database under a new random data key (PRAGMA rekey), crash-safely."""
        self._lock.acquire(
            exclusive=True,
            wait=False,
            busy_message="close other LEAD Desktop windows and commands before rotating the key",
        )
        try:
            self._rotate()
        finally:
            self._lock.acquire(exclusive=False, wait=True)

    def _rotate(self) -> None:
        new_dek = secrets.token_bytes(32)
        # 1. the new key is recoverable before it is used
        self._update_keyfile(lambda kf: kf.stage_next_dek(self._kek, new_dek))
        self.engine.dispose()
        conn = connect_raw(self.db_path, self._dek)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute(f"PRAGMA rekey = {key_pragma(new_dek)}")  # 2. atomic via its journal
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        self._update_keyfile(KeyFile.promote_next_dek)  # 3. the new key is the current one
        self._dek = new_dek
        self.engine = _make_engine(self.db_path, new_dek)
        with self.write() as tx:
            tx.audit("data_key_rotated", detail={"key_id": self.keyfile.data_key["key_id"]})

    # -- backup support ----------------------------------------------------------------------

    def snapshot_to(self, target: Path) -> None:
        """Write a consistent encrypted copy of the database (same key) to ``target``."""
        target.unlink(missing_ok=True)
        with self.engine.connect() as conn:
            raw: Any = conn.connection.dbapi_connection
            dest = connect_raw(target, self._dek)
            try:
                raw.backup(dest)
            finally:
                dest.close()

    def settings_get(self, key: str, default: Any = None) -> Any:
        """Read a program setting."""
        with self.read() as conn:
            value = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
        return default if value is None else value

    def settings_set(self, key: str, value: Any) -> None:
        """Write a program setting (audited)."""
        with self.write() as tx:
            tx.conn.execute(delete(Setting).where(Setting.key == key))
            tx.conn.execute(insert(Setting).values(key=key, value=value, updated_at=tx.now))
            tx.audit("setting_changed", "setting", key)
