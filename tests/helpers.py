"""Test helpers: constants, cheap Argon2id, and running the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lead_desktop.store.keys import KdfParams

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "granite lantern velvet orbit 42"
#: Cheap parameters for tests that are not about key derivation (each slot stores its own).
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
HARD_NAMES = ("Nguyễn Thị Minh Khai", "Zoë O'Brien-Ćosić", "José Núñez")


def run_cli(
    *args: str, data_dir: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the real lead-desktop command in a subprocess."""
    full_env = {**os.environ, "LEAD_PASSPHRASE": PASSPHRASE, **(env or {})}
    full_env.pop("LEAD_WORKER", None) if "LEAD_WORKER" not in (env or {}) else None
    return subprocess.run(
        [sys.executable, "-m", "lead_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        cwd=REPO,
        check=False,
    )
