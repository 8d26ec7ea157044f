"""Erase a store for good: key slots first (crypto-erase), then every file of it."""

from __future__ import annotations

import logging
import os
import shutil
from typing import TYPE_CHECKING

from lead_desktop.store.files import fsync_dir

if TYPE_CHECKING:
    from lead_desktop.store.store import Store

logger = logging.getLogger(__name__)


def wipe_store(store: Store) -> None:
    """Close ``store`` and erase it.

    The key slots are the only place the data key is kept (wrapped); removing them first makes
    the database unreadable even if removing the rest is cut short. Then the database, its
    write-ahead log and every other file of the store go, and the folder itself.
    """
    root = store.root
    keys = store.keys_path
    store.close()
    if keys.exists():
        size = keys.stat().st_size
        with open(keys, "r+b") as f:
            f.write(os.urandom(size))
            f.flush()
            os.fsync(f.fileno())
        keys.unlink()
        fsync_dir(root)
    shutil.rmtree(root, ignore_errors=True)
    if root.exists():
        logger.warning("some files of the wiped store could not be removed")
    else:
        fsync_dir(root.parent)
