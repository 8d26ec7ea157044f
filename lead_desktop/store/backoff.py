"""Failed-unlock back-off that survives restarts (a small JSON file beside the keyslots)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lead_desktop.store.files import atomic_write

#: Failures allowed before any wait (typos happen); then 2, 4, 8 ... seconds, at most 15 minutes.
FREE_FAILURES = 2
MAX_WAIT = 15 * 60


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failed unlocks."""
    if failures <= FREE_FAILURES:
        return 0.0
    return float(min(2 ** (failures - FREE_FAILURES), MAX_WAIT))


class Backoff:
    """Counts failed unlocks per worker id; holds no personal data."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.clock = clock

    def _load(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.path.read_text("utf-8"))
            return data
        except (FileNotFoundError, ValueError):
            return {}

    def failures(self, worker_id: str) -> int:
        """Return the consecutive failures recorded for a worker."""
        return int(self._load().get(worker_id, {}).get("failures", 0))

    def remaining(self, worker_id: str) -> float:
        """Seconds before this worker may try again (0 when they may try now)."""
        entry = self._load().get(worker_id)
        if not entry:
            return 0.0
        until = float(entry["last_failure"]) + wait_after(int(entry["failures"]))
        return max(0.0, until - self.clock())

    def record_failure(self, worker_id: str) -> float:
        """Count one failure; return the wait now required."""
        data = self._load()
        failures = int(data.get(worker_id, {}).get("failures", 0)) + 1
        data[worker_id] = {"failures": failures, "last_failure": self.clock()}
        atomic_write(self.path, json.dumps(data).encode())
        return wait_after(failures)

    def record_success(self, worker_id: str) -> None:
        """Clear a worker's failures after a good unlock."""
        data = self._load()
        if data.pop(worker_id, None) is not None:
            atomic_write(self.path, json.dumps(data).encode())
