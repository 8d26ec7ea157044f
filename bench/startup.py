"""Start to unlock window: spawn the real app (offscreen) and time until its unlock screen shows.

    python -m bench.startup [--runs N]

The clock starts before the process is spawned (so interpreter start, imports, translations and
the first paint all count) and stops when the child reports that the unlock screen is exposed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.stats import machine

logger = logging.getLogger("bench")
RESULTS = Path(__file__).resolve().parent / "results" / "startup.json"
BUDGET_S = 1.0
_PROBE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from lead_desktop.ui import i18n
from lead_desktop.ui.main_window import MainWindow
from lead_desktop.ui.prefs import load_prefs
app = QApplication(sys.argv)
data_dir = Path(sys.argv[1])
i18n.install(app, load_prefs(data_dir).language)
window = MainWindow(data_dir)
window.show()
def check():
    screen = window.findChild(object, "unlock_screen")
    if screen is not None and screen.isVisible():
        window.repaint()  # the first full paint, synchronously
        sys.stdout.write("shown\\n"); sys.stdout.flush(); app.quit()
    else:
        QTimer.singleShot(1, check)
QTimer.singleShot(0, check)
app.exec()
"""


def _make_store(data_dir: Path) -> None:
    from lead_desktop.store.keys import KdfParams
    from lead_desktop.store.store import Store

    Store.create(
        data_dir / "store",
        "bench",
        "granite lantern velvet orbit 42",
        kdf=KdfParams(1, 8 * 1024, 1),
    ).close()


def measure(runs: int) -> list[float]:
    """Wall-clock seconds from spawn to the unlock screen shown, per run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        _make_store(data_dir)
        for _ in range(runs + 1):  # the first run warms the disk cache and is dropped
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", _PROBE, str(data_dir)],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env=env,
            )
            assert child.stdout is not None
            line = child.stdout.readline()
            elapsed = time.perf_counter() - start
            child.wait(timeout=60)
            if line.strip() != "shown":
                raise RuntimeError("the app did not show its unlock screen")
            times.append(elapsed)
    return times[1:]


def main(argv: list[str] | None = None) -> int:
    """Measure, print and write bench/results/startup.json."""
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    times = measure(args.runs)
    median = statistics.median(times)
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.startup --runs " + str(args.runs),
        "machine": machine(),
        "runs": len(times),
        "start_to_unlock_window_s": {
            "median": round(median, 3),
            "max": round(max(times), 3),
            "min": round(min(times), 3),
        },
        "budget_s": BUDGET_S,
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    logger.info(
        "start to unlock window: median %.3f s, min %.3f s, max %.3f s (budget %.1f s)",
        median,
        min(times),
        max(times),
        BUDGET_S,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
