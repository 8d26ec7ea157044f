"""Encrypted backup of a whole store in one file, and a restore that verifies before replacing.

Layout: magic ``LEADBAK1``, an 8-byte big-endian header length, a JSON header (format version,
store id, sizes, sha256 of the database part, the keyslot file), then the SQLCipher database
bytes. The database stays encrypted under the store's data key; the keyslots in the header let
any worker who could unlock at backup time (or the recovery key) open it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from lead_desktop.errors import IntegrityError, StoreError
from lead_desktop.store.files import atomic_write, fsync_dir
from lead_desktop.store.ids import utcnow
from lead_desktop.store.keys import KeyFile
from lead_desktop.store.locks import exclusive, lock_path
from lead_desktop.store.schema import Worker
from lead_desktop.store.store import DB_NAME, KEYS_NAME, Store, store_exists

logger = logging.getLogger(__name__)

MAGIC = b"LEADBAK1"
FORMAT_VERSION = 1


def write_backup(store: Store, out: Path) -> dict[str, Any]:
    """Write a consistent encrypted backup of ``store`` to ``out``; return its header."""
    tmp_db = store.root / f".backup-{secrets.token_hex(4)}.db"
    try:
        store.snapshot_to(tmp_db)
        data = tmp_db.read_bytes()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp_db}{suffix}").unlink(missing_ok=True)
    header = {
        "format": "lead-backup",
        "version": FORMAT_VERSION,
        "created_at": utcnow(),
        "store_id": store.keyfile.store_id,
        "db_size": len(data),
        "db_sha256": hashlib.sha256(data).hexdigest(),
        "keyslots": KeyFile.load(store.keys_path).to_json(),  # fresh: other windows may add
    }
    head = json.dumps(header).encode("utf-8")
    atomic_write(out, MAGIC + len(head).to_bytes(8, "big") + head + data)
    with store.write() as tx:
        tx.audit("backup", detail={"bytes": len(data)})
    return header


def read_backup(path: Path) -> tuple[dict[str, Any], bytes]:
    """Read and check a backup file's structure and checksum."""
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read backup {path}: {exc.strerror}") from None
    if not blob.startswith(MAGIC):
        raise IntegrityError(f"{path} is not a LEAD Desktop backup")
    size = int.from_bytes(blob[8:16], "big")
    try:
        header = json.loads(blob[16 : 16 + size])
    except ValueError:
        raise IntegrityError(f"{path}: the backup header is damaged") from None
    if header.get("version") != FORMAT_VERSION:
        raise IntegrityError(f"{path}: backup version {header.get('version')} is not supported")
    data = blob[16 + size :]
    if len(data) != header["db_size"] or hashlib.sha256(data).hexdigest() != header["db_sha256"]:
        raise IntegrityError(f"{path}: the backup is truncated or damaged (checksum mismatch)")
    return header, data


def restore_backup(
    backup: Path,
    root: Path,
    worker_name: str | None,
    passphrase: str,
    *,
    current_passphrase: str | None = None,
) -> Store:
    """Verify a backup fully (checksum, keys, SQLCipher HMAC, audit chain), then swap it in.

    When a store already exists, only one of its administrators may replace it: they unlock it
    first (``current_passphrase``, defaulting to ``passphrase``) and the restore is audited there.
    """
    from lead_desktop.store.audit import verify_audit

    header, data = read_backup(backup)
    if store_exists(root):
        with Store.unlock(root, worker_name, current_passphrase or passphrase) as current:
            with current.read() as conn:
                role = conn.execute(
                    select(Worker.role).where(Worker.id == current.worker_id)
                ).scalar()
            if role != "administrator":
                raise StoreError("only an administrator can replace this store with a backup")
            with current.write() as tx:
                tx.audit("restore_started", detail={"backup_created_at": header["created_at"]})
    staging = root.parent / f".{root.name}.restore-{secrets.token_hex(4)}"
    staging.mkdir(parents=True)
    try:
        (staging / DB_NAME).write_bytes(data)
        KeyFile.from_json(header["keyslots"], where=str(backup)).save(staging / KEYS_NAME)
        probe = Store.unlock(staging, worker_name, passphrase)
        try:
            with probe.read() as conn:
                raw: Any = conn.connection.dbapi_connection
                bad = raw.execute("PRAGMA cipher_integrity_check").fetchall()
                ok = raw.execute("PRAGMA integrity_check").fetchone()[0]
                report = verify_audit(conn)
        finally:
            probe.close()
        if bad or ok != "ok":
            raise IntegrityError("the backup's database failed its integrity check")
        if not report.ok:
            raise IntegrityError("the backup's audit log does not verify: " + report.problems[0])
        for leftover in staging.iterdir():
            if leftover.name not in (DB_NAME, KEYS_NAME):
                leftover.unlink()
        with exclusive(
            lock_path(root), "close LEAD Desktop windows and commands using the store first"
        ):
            _swap_in(staging, root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        lock_path(staging).unlink(missing_ok=True)
    logger.info("store restored from backup")
    store = Store.unlock(root, worker_name, passphrase)
    with store.write() as tx:
        tx.audit("restore", detail={"backup_created_at": header["created_at"]})
    return store


def _swap_in(staging: Path, root: Path) -> None:
    """Replace ``root`` by ``staging`` with renames; a crash leaves one whole store in place."""
    old = root.parent / f".{root.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if store_exists(root) or root.exists():
        os.replace(root, old)
    os.replace(staging, root)
    fsync_dir(root.parent)
    shutil.rmtree(old, ignore_errors=True)
