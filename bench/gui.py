"""GUI figures with a large store: unlock to usable caseload, keystroke to results, memory.

    .venv/bin/python -m bench.gui [--participants N] [--queries K] [--unlocks R] [--out PATH]

The parent builds a real encrypted store (demo people, casework for many of them, the bench
worker's keyslot with real calibrated Argon2id), then a fresh child process (offscreen Qt, the
real CaseloadView over a real AppContext) measures, as an app would see it:

(a) unlock to usable caseload: from ``Store.unlock(...)`` to the table showing its first rows
    (the load delivered, the model filled, and a paint of the table processed), R times as a
    case manager (their own caseload is shown first; the first unlock in the fresh process is
    the cold figure), then as a supervisor with no caseload of their own: everyone is shown
    in two phases, so both the first rows usable (people listed, search, open, sort, status
    filters) and all flags filled (last contact and needs attention, painted) are timed.
(b) keystroke to results: realistic search texts typed one key at a time (QTest.keyClick);
    each key waits for its results to be shown (table or empty state painted). Then a burst
    at typing speed (a key every 80 ms): from the last key to its results shown.
(c) resident memory (VmRSS): own caseload shown, everyone loaded, after the typing.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench import store_bench as sb
from bench.queries import build_queries
from bench.stats import machine, peak_rss_mb, rss_mb, summary_ms

logger = logging.getLogger("bench")
RESULTS = Path(__file__).resolve().parent / "results" / "gui.json"
BUDGETS = {"unlock_to_caseload_s": 1.5, "keystroke_p95_ms": 30.0, "rss_mb": 300.0}
BURST_GAP_S = 0.08
CASE_MANAGERS = 9
SUPERVISOR = "supervisor"


# -- the store (parent process) ------------------------------------------------------------


def build_store(data_dir: Path, n: int, seed: int = 7) -> tuple[list[Any], dict[str, Any]]:
    """Create the store with ``n`` participants and casework; return the people and facts."""
    from lead_desktop.demo import generate_people
    from lead_desktop.store.records import create_rows
    from lead_desktop.store.schema import Consent, Encounter, Referral, ServicePlan

    started = time.perf_counter()
    today = date.today()
    side = sb.open_side(data_dir / "store", encrypted=True)  # real calibrated Argon2id
    store = side.store
    others = [
        store.add_worker(f"cm{k:02d}", sb.PASSPHRASE, kdf=sb.CHEAP_KDF)
        for k in range(CASE_MANAGERS)
    ]
    store.add_worker(SUPERVISOR, sb.PASSPHRASE, role="supervisor")  # calibrated Argon2id too
    rng = random.Random(seed)
    people = generate_people(n, seed=seed, today=today)
    step = max(1, n // 25)  # the bench worker: about 25 people, as a pilot case manager
    for i, (values, _) in enumerate(people):
        values["case_manager_id"] = (
            store.worker_id if i % step == 0 else rng.choice(others) if rng.random() < 0.6 else None
        )
        if rng.random() < 0.02:
            values["intake_date"] = values["project_start_date"] = None  # intake pending
    insert_s = sb.bulk_insert(side, people)
    counts = {"referral": 0, "encounter": 0, "service_plan": 0, "consent": 0}
    with store.write() as tx:
        rows: dict[str, list[dict[str, Any]]] = {k: [] for k in counts}
        for pid in side.ids:
            start = today - timedelta(days=rng.randrange(5, 900))
            if rng.random() < 0.4:
                rows["referral"].append(
                    {
                        "participant_id": pid,
                        "referral_type": "social_contact",
                        "referred_at": f"{start}T10:00:00",
                        "decision": "accepted",
                    }
                )
            for k in range(rng.choice((0, 0, 1, 1, 2, 3))):
                rows["encounter"].append(
                    {
                        "participant_id": pid,
                        "occurred_at": f"{start + timedelta(days=3 + 11 * k)}T14:00:00",
                        "contact_type": "in_person",
                    }
                )
            if rng.random() < 0.2:
                rows["service_plan"].append(
                    {
                        "participant_id": pid,
                        "plan_date": start.isoformat(),
                        "review_date": (start + timedelta(days=90)).isoformat(),
                        "status": "active",
                    }
                )
            if rng.random() < 0.15:
                rows["consent"].append(
                    {
                        "participant_id": pid,
                        "consent_type": "release",
                        "status": "signed",
                        "signed_at": f"{start}T11:00:00",
                        "expiry_date": (start + timedelta(days=365)).isoformat(),
                    }
                )
        models = {
            "referral": Referral,
            "encounter": Encounter,
            "service_plan": ServicePlan,
            "consent": Consent,
        }
        for kind, model in models.items():
            create_rows(tx, model, rows[kind])
            counts[kind] = len(rows[kind])
    store.close()
    sb.settle()
    facts = {
        "participants": n,
        "casework_rows": counts,
        "case_managers": CASE_MANAGERS + 1,
        "bench_worker_caseload": len(range(0, n, step)),
        "insert_s": round(insert_s, 1),
        "build_s": round(time.perf_counter() - started, 1),
    }
    return people, facts


# -- the measurements (child process) ------------------------------------------------------


def probe(data_dir: Path, texts: list[str], bursts: list[str], unlocks: int) -> dict[str, Any]:
    """Run in a fresh process: measure (a), (b) and (c); return the figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from lead_desktop.services import search_participants
    from lead_desktop.store.store import Store
    from lead_desktop.ui.caseload import CaseloadView
    from lead_desktop.ui.context import AppContext

    app = QApplication.instance() or QApplication([])
    loop = QEventLoop()
    tick = QTimer()
    tick.start(20)  # wakes the waiting loop now and then, so a deadline is always noticed

    class Watch(QObject):
        """Counts rows-shown signals and the paints that follow them."""

        def __init__(self, view: CaseloadView) -> None:
            super().__init__()
            self.view = view
            self.shown = 0
            self.painted_after = 0
            self._paint_seen = False
            view.sig_rows_shown.connect(self.on_view_rows_shown)
            for widget in (view.table.viewport(), view.empty):
                widget.installEventFilter(self)

        def on_view_rows_shown(self) -> None:
            self.shown += 1
            self._paint_seen = False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self._paint_seen = True
            return False

        def wait_shown(self, target: int, timeout: float = 20.0) -> float:
            """Process events until rows-shown #target has been painted; return that time.

            When the new rows look exactly like the old ones (an empty state again), Qt
            paints nothing; the page is then repainted here, so a paint is always counted.
            """
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline:
                loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
                if self.shown >= target:
                    if not self._paint_seen:
                        self.view.stack.currentWidget().repaint()
                    return time.perf_counter()  # the paint ran inside processEvents
            raise RuntimeError(
                f"the caseload did not show its rows in time ({self.shown} < {target})"
            )

    def type_key(widget: QWidget, char: str) -> None:
        """Type one character as a keyboard would (QTest only knows ASCII keys)."""
        if char.isascii():
            QTest.keyClick(widget, char)
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)

    def settle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    root = data_dir / "store"
    out: dict[str, Any] = {"rss_mb_at_start": rss_mb()}
    opened: list[tuple[AppContext, CaseloadView]] = []

    def close_last() -> None:
        while opened:
            old_ctx, old_view = opened.pop()
            old_view.close()
            old_view.deleteLater()
            old_ctx.close()
            old_ctx.ops.shutdown()
            settle(0.2)

    def unlock(worker: str) -> tuple[AppContext, CaseloadView, Watch, dict[str, float]]:
        """Unlock as ``worker`` and wait for the caseload's first rows, painted."""
        close_last()
        start = time.perf_counter()
        store = Store.unlock(root, worker, sb.PASSPHRASE)
        unlocked = time.perf_counter()
        ctx = AppContext(data_dir)
        ctx.open(store)
        view = CaseloadView(ctx)
        opened.append((ctx, view))
        watch = Watch(view)
        view.resize(1100, 700)
        view.show()
        shown = watch.wait_shown(1)
        while view.model.rowCount() == 0:  # "Loading everyone..." first, for a supervisor
            shown = watch.wait_shown(watch.shown + 1)
        times = {"unlock_s": unlocked - start, "to_rows_s": shown - start}
        if view.model.flags_pending():  # phase 2: the casework filled in, then painted
            deadline = time.perf_counter() + 20
            while view.model.flags_pending() and time.perf_counter() < deadline:
                loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if view.model.flags_pending():
                raise RuntimeError("the caseload's flags were not filled in in time")
            view.table.viewport().repaint()
            times["to_flags_s"] = time.perf_counter() - start
        return ctx, view, watch, times

    cycles: list[dict[str, float]] = []
    for cycle in range(unlocks):  # (a) a case manager: their own caseload first
        ctx, view, watch, times = unlock(sb.WORKER)
        cycles.append(times)
        logger.info("case manager unlock %d: %s", cycle, times)
    out["unlock_cycles"] = cycles
    out["rows_in_my_caseload"] = view.model.rowCount()
    settle(0.5)
    out["rss_mb_my_caseload_shown"] = rss_mb()

    search = view.search
    per_key: list[float] = []
    for text in texts:  # (b) each key waits for its own results (own caseload loaded)
        search.clear()
        watch.wait_shown(watch.shown)
        search.setFocus()
        for char in text:
            before = watch.shown
            start = time.perf_counter()
            type_key(search, char)
            per_key.append(watch.wait_shown(before + 1) - start)
        QTest.keyClick(search, Qt.Key.Key_Return)  # open the best match: audits the search
    out["keystrokes"] = len(per_key)
    out["keystroke_ms"] = summary_ms(per_key)
    search.clear()
    watch.wait_shown(watch.shown)

    # Everyone: loaded the first time it is chosen, then filtered and sorted in memory.
    start = time.perf_counter()
    QTest.mouseClick(view.everyone, Qt.MouseButton.LeftButton)
    shown = watch.wait_shown(watch.shown)
    while view.model.rowCount() <= out["rows_in_my_caseload"]:
        shown = watch.wait_shown(watch.shown + 1)
    out["first_switch_to_everyone_s"] = shown - start
    while view.model.flags_pending():  # phase 2 lands before the next figures are taken
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    out["first_switch_to_everyone_flags_s"] = time.perf_counter() - start
    out["rows_everyone"] = view.model.rowCount()
    QTest.mouseClick(view.mine, Qt.MouseButton.LeftButton)
    watch.wait_shown(watch.shown)
    before = watch.shown
    start = time.perf_counter()
    QTest.mouseClick(view.everyone, Qt.MouseButton.LeftButton)
    out["switch_to_everyone_again_ms"] = (watch.wait_shown(before + 1) - start) * 1000
    start = time.perf_counter()
    view.model.sort(1, Qt.SortOrder.AscendingOrder)
    view.table.horizontalHeader().viewport().repaint()
    view.table.viewport().repaint()
    out["sort_everyone_by_dob_ms"] = (time.perf_counter() - start) * 1000
    settle(0.5)
    out["rss_mb_everyone_loaded"] = rss_mb()

    last_key: list[float] = []
    for text in bursts:  # a burst at typing speed (everyone loaded): the last key's results
        search.clear()
        watch.wait_shown(watch.shown)
        for char in text[:-1]:
            type_key(search, char)
            settle(BURST_GAP_S)
        before = watch.shown
        start = time.perf_counter()
        type_key(search, text[-1])
        # Results of a text that is no longer current are dropped, so the next rows shown
        # are this text's.
        last_key.append(watch.wait_shown(before + 1) - start)
        QTest.keyClick(search, Qt.Key.Key_Return)
    out["burst_texts"] = len(bursts)
    out["burst_last_key_ms"] = summary_ms(last_key)

    assert ctx.store is not None
    core: list[float] = []
    for text in texts:  # the core search alone, for the breakdown
        start = time.perf_counter()
        search_participants(ctx.store, text, limit=50, audit=False)
        core.append(time.perf_counter() - start)
    out["core_search_ms"] = summary_ms(core)
    settle(0.5)
    out["rss_mb_after_typing"] = rss_mb()

    supervisor: list[dict[str, float]] = []
    for cycle in range(unlocks):  # (a') no caseload of their own: everyone, in two phases
        ctx, view, watch, times = unlock(SUPERVISOR)
        supervisor.append(times)
        logger.info("supervisor unlock %d: %s", cycle, times)
    out["supervisor_cycles"] = supervisor
    out["rss_peak_mb"] = peak_rss_mb()
    close_last()
    del app
    return out


# -- report --------------------------------------------------------------------------------


def _verdict(value: float, budget: float) -> str:
    return "ok" if value <= budget else f"MISS +{(value / budget - 1) * 100:.0f}%"


def table(r: dict[str, Any]) -> str:
    """The figures beside their budgets, as a fixed-width table."""
    lines: list[tuple[str, str, str, str]] = [("figure", "value", "budget", "verdict")]

    def row(label: str, value: float, text: str = "", budget: float | None = None) -> None:
        shown = text or (f"{value:.3f}" if value < 10 else f"{value:.0f}")
        if budget is None:
            lines.append((label, shown, "", ""))
        else:
            lines.append((label, shown, f"<= {budget:g}", _verdict(value, budget)))

    s, ms, mb = (BUDGETS[k] for k in ("unlock_to_caseload_s", "keystroke_p95_ms", "rss_mb"))
    keys, burst, core = r["keystroke_ms"], r["burst_last_key_ms"], r["core_search_ms"]
    row("case manager: unlock -> own caseload shown, cold, s",
        r["unlock_to_caseload_s_first"], budget=s)  # fmt: skip
    row(f"  same, worst of {r['unlocks']} unlocks, s", r["unlock_to_caseload_s_max"], budget=s)
    row("  of which Store.unlock (Argon2id incl.), median, s", r["unlock_s_median"])
    row(f"supervisor: unlock -> everyone usable, worst of {r['supervisor_unlocks']}, s",
        r["supervisor_unlock_to_everyone_s_max"], budget=s)  # fmt: skip
    row("  median, s", r["supervisor_unlock_to_everyone_s_median"])
    row("  of which Store.unlock (Argon2id incl.), median, s", r["supervisor_unlock_s_median"])
    row("  unlock -> all flags filled and painted, median / worst, s", 0,
        f"{r['supervisor_unlock_to_flags_s_median']:.3f} / "
        f"{r['supervisor_unlock_to_flags_s_max']:.3f}")  # fmt: skip
    row("  read thread: people (phase 1, sorted), median, s", r["load_people_s_median"])
    row("  read thread: casework (phase 2), median, s", r["load_flags_s_median"])
    row("  read thread: everything in one statement (a refresh), median, s", r["load_s_median"])
    row(f"keystroke -> results shown, p95 ({r['keystrokes']} keys), ms", keys["p95"],
        f"{keys['p95']:.1f}", ms)  # fmt: skip
    row("  p50 / max, ms", 0, f"{keys['p50']:.1f} / {keys['max']:.1f}")
    row("  debounce when idle, ms", 0, "0 (search starts at once)")
    row(f"  key every {BURST_GAP_S * 1000:.0f} ms: last key -> results p95, ms", burst["p95"],
        f"{burst['p95']:.1f}", ms)  # fmt: skip
    row("  core search alone p50 / p95, ms", 0, f"{core['p50']:.1f} / {core['p95']:.1f}")
    row("RSS, own caseload shown, MB", r["rss_mb_my_caseload_shown"],
        f"{r['rss_mb_my_caseload_shown']:.0f}", mb)  # fmt: skip
    row("RSS, everyone loaded (all rows in memory), MB", r["rss_mb_everyone_loaded"],
        f"{r['rss_mb_everyone_loaded']:.0f}", mb)  # fmt: skip
    row("RSS after all the typing, MB", r["rss_mb_after_typing"],
        f"{r['rss_mb_after_typing']:.0f}", mb)  # fmt: skip
    row("  peak (Argon2id's 128 MiB during unlock), MB", 0, f"{r['rss_peak_mb']:.0f}")
    row("first switch to Everyone (loads everyone): rows / flags, s", 0,
        f"{r['first_switch_to_everyone_s']:.3f} / "
        f"{r['first_switch_to_everyone_flags_s']:.3f}")  # fmt: skip
    row("switch to Everyone again (in memory), ms", 0,
        f"{r['switch_to_everyone_again_ms']:.0f}")  # fmt: skip
    row("sort all rows by date of birth + repaint, ms", 0, f"{r['sort_everyone_by_dob_ms']:.0f}")
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    text = "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip() for line in lines
    )
    return text + "\n"


def _load_times(data_dir: Path, reps: int = 3) -> dict[str, list[float]]:
    """The caseload loads alone (what the read thread does), in this process: everyone's
    phase 1 (people), phase 2 (casework) and both at once (a refresh)."""
    from lead_desktop.store.store import Store
    from lead_desktop.ui.caseload_model import load_caseload, load_flags

    store = Store.unlock(data_dir / "store", sb.WORKER, sb.PASSPHRASE)
    try:
        times: dict[str, list[float]] = {"people": [], "flags": [], "both": []}
        for _ in range(reps):
            start = time.perf_counter()
            people = load_caseload(store, ("name", False), flags=False)
            times["people"].append(time.perf_counter() - start)
            start = time.perf_counter()
            load_flags(store, people)
            times["flags"].append(time.perf_counter() - start)
            start = time.perf_counter()
            load_caseload(store, ("name", False))
            times["both"].append(time.perf_counter() - start)
        return times
    finally:
        store.close()


def _run_child(data_dir: Path, texts: list[str], bursts: list[str], unlocks: int) -> Any:
    spec = data_dir / "probe.json"
    spec.write_text(json.dumps({"texts": texts, "bursts": bursts, "unlocks": unlocks}), "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "bench.gui", "--probe", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise RuntimeError(f"the GUI probe failed (exit {proc.returncode})")
    sys.stderr.write(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Build the store, measure in a fresh process, print the table, write the JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.gui", description=__doc__)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=45, help="texts typed key by key")
    parser.add_argument("--bursts", type=int, default=18, help="texts typed at speed")
    parser.add_argument("--unlocks", type=int, default=5)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    if args.probe:
        spec = json.loads((args.probe / "probe.json").read_text("utf-8"))
        figures = probe(args.probe, spec["texts"], spec["bursts"], spec["unlocks"])
        sys.stdout.write(json.dumps(figures) + "\n")
        return 0
    started = time.perf_counter()
    command = ".venv/bin/python -m bench.gui" + (
        " " + " ".join(sys.argv[1:]) if sys.argv[1:] else ""
    )
    with tempfile.TemporaryDirectory(prefix="lead-bench-gui-") as tmp:
        data_dir = Path(tmp)
        people, facts = build_store(data_dir, args.participants)
        logger.info("store built: %s", facts)
        queries = build_queries(people, count=args.queries + args.bursts, seed=29)
        texts = [q.text for q in queries[: args.queries]]
        bursts = [q.text for q in queries[args.queries :] if len(q.text) >= 3]
        del people
        load = _load_times(data_dir)
        child = _run_child(data_dir, texts, bursts, args.unlocks)
    cycles = child.pop("unlock_cycles")
    sup = child.pop("supervisor_cycles")
    to_caseload = [c["to_rows_s"] for c in cycles]
    to_everyone = [c["to_rows_s"] for c in sup]
    to_flags = [c.get("to_flags_s", c["to_rows_s"]) for c in sup]
    from lead_desktop.store.keys import calibrate

    params = calibrate()
    results: dict[str, Any] = {
        "command": command,
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "kdf_time_cost": params.time_cost,
        "kdf_memory_mib": params.memory_kib // 1024,
        "kdf_parallelism": params.parallelism,
        "store": facts,
        "unlocks": len(cycles),
        "unlock_to_caseload_s_first": to_caseload[0],
        "unlock_to_caseload_s_median": statistics.median(to_caseload),
        "unlock_to_caseload_s_max": max(to_caseload),
        "unlock_to_caseload_s_each": to_caseload,
        "supervisor_unlocks": len(sup),
        "supervisor_unlock_to_everyone_s_median": statistics.median(to_everyone),
        "supervisor_unlock_to_everyone_s_max": max(to_everyone),
        "supervisor_unlock_to_everyone_s_each": to_everyone,
        "supervisor_unlock_to_flags_s_median": statistics.median(to_flags),
        "supervisor_unlock_to_flags_s_max": max(to_flags),
        "supervisor_unlock_to_flags_s_each": to_flags,
        "supervisor_unlock_s_median": statistics.median(c["unlock_s"] for c in sup),
        "unlock_s_median": statistics.median(c["unlock_s"] for c in cycles),
        "load_s_median": statistics.median(load["both"]),
        "load_people_s_median": statistics.median(load["people"]),
        "load_flags_s_median": statistics.median(load["flags"]),
        "debounce_ms_when_idle": 0,
        "burst_gap_ms": BURST_GAP_S * 1000,
        "typed_texts": texts,
        "burst_typed_texts": bursts,
        "budgets": BUDGETS,
        **child,
    }
    results["duration_s"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(_rounded(results), indent=2, ensure_ascii=False) + "\n", "utf-8")
    sys.stdout.write(table(results))
    sys.stdout.write(f"\nwritten to {args.out} in {results['duration_s']:.0f} s\n")
    return 0


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


if __name__ == "__main__":
    raise SystemExit(main())
