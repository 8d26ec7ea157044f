"""Child process: unlock a store, search, and report resident memory as the app would see it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.stats import peak_rss_mb, rss_mb


def main(argv: list[str]) -> int:
    """Usage: python -m bench.rss_probe STORE_ROOT QUERIES_JSON (passphrase on stdin)."""
    from lead_desktop.services import search_participants
    from lead_desktop.store.store import Store

    root, qfile = Path(argv[0]), Path(argv[1])
    queries: list[str] = json.loads(qfile.read_text("utf-8"))
    passphrase = sys.stdin.read().strip()
    base = rss_mb()
    start = time.perf_counter()
    store = Store.unlock(root, None, passphrase)
    unlocked = time.perf_counter()
    try:
        search_participants(store, queries[0], audit=False)
        ready = time.perf_counter()
        for text in queries:
            search_participants(store, text, audit=False)
        out = {
            "rss_mb_before_unlock": base,
            "rss_mb": rss_mb(),
            "peak_rss_mb": peak_rss_mb(),
            "unlock_s": unlocked - start,
            "unlock_to_first_search_s": ready - start,
        }
    finally:
        store.close()
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
