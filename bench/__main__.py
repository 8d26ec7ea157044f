"""Entry point: ``python -m bench`` (10k participants) or ``python -m bench --full`` (10k, 100k)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.report import derive, table
from bench.runner import run_size, size_label
from bench.stats import machine
from lead_desktop.store.keys import calibrate

logger = logging.getLogger("bench")
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print a table and write bench/results/latest.json."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--full", action="store_true", help="10k and 100k participants")
    parser.add_argument(
        "--sizes", type=int, nargs="+", help="participant counts (overrides --full)"
    )
    parser.add_argument(
        "--people",
        choices=("demo", "longtail"),
        default="demo",
        help="synthetic people: lead_desktop.demo (default) or bench's long-tail surnames",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    sizes = args.sizes or ([10_000, 100_000] if args.full else [10_000])
    command = "python -m bench" + (" " + " ".join(sys.argv[1:]) if sys.argv[1:] else "")
    started = time.perf_counter()

    params = calibrate()
    results: dict[str, Any] = {
        "command": command,
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "sizes": [size_label(n) for n in sizes],
        "kdf_time_cost": params.time_cost,
        "kdf_memory_mib": params.memory_kib // 1024,
        "kdf_parallelism": params.parallelism,
    }
    for n in sizes:
        results.update(run_size(n, args.people))
    results.update(derive(results, [size_label(n) for n in sizes]))
    results["duration_s"] = round(time.perf_counter() - started, 1)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}
    args.out.write_text(json.dumps(clean, indent=2, ensure_ascii=False) + "\n", "utf-8")
    sys.stdout.write(table(results, [size_label(n) for n in sizes]))
    sys.stdout.write(f"\nwritten to {args.out} in {results['duration_s']:.0f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
