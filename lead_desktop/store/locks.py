"""Advisory file locks between processes sharing one store (GUI, CLI, backups)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from lead_desktop.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: msvcrt locks are mandatory and byte-range; see below
    fcntl = None  # type: ignore[assignment]


class StoreBusyError(StoreError):
    """Another LEAD Desktop process holds the store."""


def _open(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime


class FileLock:
    """A shared or exclusive lock on one lock file, held until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[bytes] | None = None

    def acquire(self, *, exclusive: bool, wait: bool, busy_message: str = "") -> None:
        """Take (or convert) the lock; raise StoreBusyError when it cannot be had now."""
        if self._fh is None:
            self._fh = _open(self.path)
        if fcntl is None:
            return
        flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        if not wait:
            flags |= fcntl.LOCK_NB
        try:
            fcntl.flock(self._fh.fileno(), flags)
        except BlockingIOError:
            raise StoreBusyError(
                busy_message or "the store is in use by another LEAD Desktop window or command"
            ) from None

    def release(self) -> None:
        """Drop the lock."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None


@contextmanager
def exclusive(path: Path, busy_message: str) -> Iterator[None]:
    """Hold an exclusive lock for a block, failing at once if anyone else holds the file."""
    lock = FileLock(path)
    lock.acquire(exclusive=True, wait=False, busy_message=busy_message)
    try:
        yield
    finally:
        lock.release()


@contextmanager
def keyfile_lock(root: Path) -> Iterator[None]:
    """Serialise read-modify-write of the keyslot file between processes."""
    lock = FileLock(root / "keyslots.lock")
    lock.acquire(exclusive=True, wait=True)
    try:
        yield
    finally:
        lock.release()


def lock_path(root: Path) -> Path:
    """The lock file of a store folder (beside it, so it survives a restore's swap)."""
    return root.parent / f".{root.name}.lock"


__all__ = ["FileLock", "StoreBusyError", "exclusive", "keyfile_lock", "lock_path"]
