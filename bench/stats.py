"""Small statistics and machine facts for the benchmark report."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
from collections.abc import Sequence
from pathlib import Path


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0-100) with linear interpolation, as numpy does by default."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Return p50, p95, max and mean in milliseconds of durations given in seconds."""
    ms = [s * 1000.0 for s in seconds]
    return {
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "max": max(ms),
        "mean": statistics.fmean(ms),
    }


def _status_kib(field: str, pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return float(line.split()[1])
    return float("nan")


def rss_mb() -> float:
    """Resident memory of this process now (VmRSS), in MB (10^6 bytes, as the budget)."""
    return _status_kib("VmRSS") * 1024 / 1e6


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM), in MB."""
    return _status_kib("VmHWM") * 1024 / 1e6


def machine() -> dict[str, object]:
    """Describe the machine and the libraries the figures depend on."""
    import sqlcipher3.dbapi2 as sqlcipher

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA key = 'provider probe'")  # the provider is only known once keyed
        cipher_version = conn.execute("PRAGMA cipher_version").fetchone()[0]
        provider = conn.execute("PRAGMA cipher_provider").fetchone()
        version = conn.execute("PRAGMA cipher_provider_version").fetchone()
        cipher_provider = " ".join(str(x[0]) for x in (provider, version) if x)
    finally:
        conn.close()
    mem_kib = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = float(line.split()[1])
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kib / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlcipher": str(cipher_version),
        "sqlcipher_provider": str(cipher_provider),
        "sqlcipher_sqlite": sqlcipher.sqlite_version,
        "plain_sqlite": sqlite3.sqlite_version,
    }
