"""Sync figures, one laptop process against one real server process on loopback.

    .venv/bin/python -m bench.sync [--records N] [--edits E] [--rounds R] [--idle I]
                                   [--backends sqlite postgresql] [--profile DIR] [--out PATH]

For each server database (SQLite in a data directory, and a real PostgreSQL 15 cluster started
in a temporary folder on a loopback port, fsync on) a real ``lead-server serve`` runs in its own
process. This process plays the laptops: real encrypted stores (``Store.create``) driven by the
sync engine's own API (``SyncClient``: enroll, sign_in, push, pull, compare).

Laptop A holds N participants (10,000 by default) from the product's demo generator with the
optional fields filled, so each record's change-journal entry is about 1 KB. Phases:

- first push: ``A.push`` of every record (one server transaction per batch of 2,000 entries,
  MAX_PUSH_ENTRIES);
- first pull: ``B.pull`` on a fresh, enrolled laptop, all N records applied to its store;
- 50 edits: A changes E participants (one local transaction, not timed), ``A.push`` is timed,
  then ``B.pull`` is timed; R rounds, median and p95;
- nothing to do: B, signed in and in step, runs one sync round (push, upload, resolutions,
  pull, notices, downloads, compare: sync_once without the sign-in); I rounds. ``sync_once``
  itself (with its Argon2id sign-in) is timed too, for context.

Not budgeted but reported: A pulling back its own first push (its rows learn their server
revisions), and the end-of-sync compare on 10,000 records. ``--profile DIR`` writes a cProfile
of the client for each phase there. Results go to bench/results/sync.json.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import random
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import httpx

from bench.stats import machine, percentile

logger = logging.getLogger("bench")
RESULTS = Path(__file__).resolve().parent / "results" / "sync.json"
REPO = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("LEAD_PG_BIN", "/usr/lib/postgresql/15/bin"))
PASSWORD = "bench password of some length"
PASSPHRASE = "amber quarry lantern nineteen wolves"
TEAM = "north"
#: Budgets of issue 5 (seconds for the first push and pull, milliseconds otherwise).
BUDGETS = {
    "first_push_s": 1.5,
    "first_pull_s": 1.0,
    "push_edits_p50_ms": 25.0,
    "pull_edits_p50_ms": 25.0,
    "idle_sync_p50_ms": 5.0,
}
T = TypeVar("T")


# -- servers -------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _as_postgres(argv: list[str]) -> list[str]:
    """PostgreSQL tools refuse root: run them as the postgres user when we are root."""
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *argv]
    return ["su", "postgres", "-c", shlex.join(argv)]


@dataclass
class Postgres:
    """A PostgreSQL cluster in a temporary folder on a loopback port."""

    port: int
    counter: int = 0

    def new_database(self) -> str:
        """Create an empty database; return its URL."""
        import psycopg

        self.counter += 1
        name = f"bench_{os.getpid()}_{self.counter}"
        dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@contextmanager
def postgres(*, fsync: bool = True, max_connections: int = 200) -> Iterator[Postgres]:
    """Start a throw-away PostgreSQL cluster (durable commits unless ``fsync`` is off)."""
    if not (PG_BIN / "initdb").exists():
        raise SystemExit(f"PostgreSQL binaries not found in {PG_BIN}; set LEAD_PG_BIN")
    base = Path(tempfile.mkdtemp(prefix="lead-bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", free_port()
    subprocess.run(
        _as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
        timeout=120,
    )
    opts = f"-k {base} -h 127.0.0.1 -p {port} -c max_connections={max_connections}"
    if not fsync:
        opts += " -F"
    subprocess.run(
        _as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w"]
            + ["start"]
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )
    try:
        yield Postgres(port)
    finally:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            timeout=120,
            check=False,
        )
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def serving(
    database_url: str, log: Path, *, port: int | None = None, profile: Path | None = None
) -> Iterator[str]:
    """Run ``lead-server serve`` in its own process on loopback (under cProfile, writing
    ``profile`` when it stops, if given); yield its URL."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [sys.executable]
    if profile is not None:
        profile.parent.mkdir(parents=True, exist_ok=True)
        argv += ["-m", "cProfile", "-o", str(profile)]
    argv += ["-m", "lead_server.cli", "serve", "--database-url", database_url]
    argv += ["--port", str(port)]
    with log.open("ab") as sink:
        proc = subprocess.Popen(
            argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=sink, env={**os.environ}
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/api/v1/version", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start; see {log}") from None
                time.sleep(0.1)
        yield url
    finally:
        # SIGINT: uvicorn stops, then the CLI returns, so cProfile can write its file.
        proc.send_signal(signal.SIGINT if profile is not None else signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)


# -- data ----------------------------------------------------------------------------------

_BASELINE_INCOME = ("SSI", "SSDI", "SNAP only", "none", "day labour", "TANF")
_BASELINE_NEEDS = ("ID", "phone", "shelter", "food", "Medicaid", "transport", "naloxone")
_SHELTERS = ("Weinberg Housing", "Helping Up Mission", "Karis Home", "Code Blue shelter")
_GENDERS = ("man", "woman", "trans woman", "non-binary", "prefers not to say")


def people(n: int, seed: int = 7) -> list[tuple[dict[str, Any], list[tuple[str, str]]]]:
    """``n`` demo participants with the optional fields filled (no aliases: n records)."""
    from lead_desktop.demo import generate_people

    rng = random.Random(seed)
    today = date(2026, 3, 1)
    out: list[tuple[dict[str, Any], list[tuple[str, str]]]] = []
    for values, _aliases in generate_people(n, seed=seed, today=today):
        intake = values.get("intake_date") or today - timedelta(days=rng.randrange(30, 900))
        intake = date.fromisoformat(intake) if isinstance(intake, str) else intake
        values.update(
            gender_identity=rng.choice(_GENDERS),
            team=TEAM,
            length_of_stay=rng.choice((2, 3, 4, 5)),
            times_homeless_3y=rng.randrange(1, 5),
            months_homeless_3y=rng.randrange(1, 36),
            current_living_situation=rng.choice((116, 101, 207, 313)),
            engagement_date=(intake + timedelta(days=rng.randrange(0, 30))).isoformat(),
            external_id=f"HMIS-{rng.randrange(10**7):07d}",
            baseline={
                "income": rng.choice(_BASELINE_INCOME),
                "monthly_income": rng.randrange(0, 1400),
                "needs": rng.sample(_BASELINE_NEEDS, 3),
                "last_night": rng.choice(_SHELTERS),
            },
            health={"insurance": "Medicaid", "naloxone_kits": rng.randrange(0, 3)},
            legal={"open_cases": rng.randrange(0, 3), "court_date": None},
        )
        for key in ("dob", "intake_date", "project_start_date"):
            if isinstance(values.get(key), date):
                values[key] = values[key].isoformat()
        out.append((values, []))
    return out


def edit_values(rng: random.Random, k: int) -> dict[str, Any]:
    """A realistic small edit of one participant (status, living situation, a note)."""
    return {
        "status": rng.choice(("active", "inactive", "in_the_wind")),
        "current_living_situation": rng.choice((116, 101, 207, 313, 335)),
        "baseline": {"income": rng.choice(_BASELINE_INCOME), "edit": k},
    }


# -- laptops -------------------------------------------------------------------------------


def make_store(root: Path, worker: str) -> Any:
    """A laptop's encrypted store with one worker (cheap key derivation: unlock is not timed)."""
    from lead_desktop.store.keys import KdfParams
    from lead_desktop.store.store import Store

    return Store.create(root, worker, PASSPHRASE, kdf=KdfParams(1, 8 * 1024))


def enrolled(store: Any, url: str, engine: Any, user: str) -> Any:
    """Enroll the store's laptop with the server as ``user``; return its SyncClient."""
    from lead_desktop.sync.engine import SyncClient
    from lead_server import admin

    client = SyncClient(store, url)
    client.enroll(admin.make_enroll_code(engine, user), user, PASSWORD)
    return client


def sync_round(client: Any, report: Any) -> None:
    """``sync_once`` without its sign-in: what a signed-in laptop does on each sync."""
    client.push(report)
    client.after_push(report)


class Timer:
    """Time calls, optionally under cProfile (one profile file per phase)."""

    def __init__(self, profile_dir: Path | None, label: str) -> None:
        self.profile_dir, self.label = profile_dir, label
        self.profiles: dict[str, cProfile.Profile] = {}

    def __call__(self, phase: str, fn: Callable[[], T]) -> tuple[float, T]:
        """Run ``fn``; return the seconds it took and its result."""
        prof = None
        if self.profile_dir is not None:
            prof = self.profiles.setdefault(phase, cProfile.Profile())
            prof.enable()
        started = time.perf_counter()
        try:
            result = fn()
        finally:
            elapsed = time.perf_counter() - started
            if prof is not None:
                prof.disable()
        return elapsed, result

    def save(self) -> None:
        """Write the profiles as ``<label>-<phase>.prof``."""
        if self.profile_dir is None:
            return
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        for phase, prof in self.profiles.items():
            prof.dump_stats(self.profile_dir / f"{self.label}-{phase}.prof")


def _json_bytes(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def record_sizes(store: Any) -> dict[str, float]:
    """Mean bytes of a participant's journal entry (fields) and of its wire entry."""
    from sqlalchemy import select

    from lead_desktop.store.schema import ChangeJournal
    from lead_desktop.sync.protocol import entry_from_journal

    with store.read() as conn:
        rows = (
            conn.execute(
                select(ChangeJournal)
                .where(ChangeJournal.table_name == "participant")
                .order_by(ChangeJournal.seq)
                .limit(500)
            )
            .mappings()
            .all()
        )
    fields = [_json_bytes(r["fields"]) for r in rows]
    record = [_json_bytes({k: v[1] for k, v in r["fields"].items()}) for r in rows]
    wire = [_json_bytes(entry_from_journal(r).model_dump(mode="json")) for r in rows]
    return {
        "journal_fields_bytes_mean": sum(fields) / len(fields),
        "record_bytes_mean": sum(record) / len(record),
        "wire_entry_bytes_mean": sum(wire) / len(wire),
    }


def _ms(values: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {"p50": percentile(ms, 50), "p95": percentile(ms, 95), "max": max(ms)}


def run_backend(
    backend: str,
    database_url: str,
    work: Path,
    opts: argparse.Namespace,
) -> dict[str, Any]:
    """All phases against one server database; return the figures (keys without backend)."""
    from lead_desktop.store.participants import create_participants, update_participant
    from lead_desktop.sync.engine import SyncReport
    from lead_server import admin
    from lead_server.db import make_engine
    from lead_server.migrations import migrate

    out: dict[str, Any] = {}
    engine = make_engine(database_url)
    migrate(engine)
    for name in ("ana", "ben"):
        admin.add_user(engine, name, "case_manager", PASSWORD, TEAM)
    timer = Timer(opts.profile, backend)
    a_store, b_store = make_store(work / "laptop-a", "ana"), make_store(work / "laptop-b", "ben")
    rows = people(opts.records)
    started = time.perf_counter()
    with a_store.write() as tx:
        ids = create_participants(tx, rows)
    out["load_s"] = time.perf_counter() - started
    out.update(record_sizes(a_store))
    server_profile = opts.profile / f"server-{backend}.prof" if opts.profile else None
    with serving(database_url, work / f"server-{backend}.log", profile=server_profile) as url:
        a, b = enrolled(a_store, url, engine, "ana"), enrolled(b_store, url, engine, "ben")
        try:
            out["sign_in_ms"] = timer("sign_in", partial(a.sign_in, "ana", PASSWORD))[0] * 1000
            b.sign_in("ben", PASSWORD)
            b.push(SyncReport())  # B's own worker record, so B's pushes are empty from now on

            report = SyncReport()
            out["first_push_s"], _ = timer("first_push", partial(a.push, report))
            out["first_push_records"] = report.pushed
            if report.pushed != opts.records + 1 or report.rejected or report.conflicts:
                raise RuntimeError(f"first push incomplete: {report}")

            report = SyncReport()
            out["first_pull_s"], _ = timer("first_pull", partial(b.pull, report))
            out["first_pull_records"] = report.pulled
            if report.pulled < opts.records:
                raise RuntimeError(f"first pull incomplete: {report}")

            report = SyncReport()
            out["echo_pull_s"], _ = timer("echo_pull", partial(a.pull, report))
            out["echo_pull_records"] = report.pulled
            for side, client in (("a", a), ("b", b)):
                report = SyncReport()
                seconds, _ = timer("compare", partial(client.compare, report))
                out[f"compare_{side}_ms"] = seconds * 1000
                if not report.in_step:
                    raise RuntimeError(f"laptop {side} not in step: {report.drift}")

            rng = random.Random(11)
            push_t, pull_t, echo_t = [], [], []
            for k in range(opts.rounds):
                chosen = rng.sample(ids, opts.edits)
                with a_store.write() as tx:
                    for pid in chosen:
                        update_participant(tx, pid, data=edit_values(rng, k))
                report = SyncReport()
                seconds, _ = timer("push_edits", partial(a.push, report))
                push_t.append(seconds)
                if report.pushed != opts.edits:
                    raise RuntimeError(f"edit push incomplete: {report}")
                report = SyncReport()
                seconds, _ = timer("pull_edits", partial(b.pull, report))
                pull_t.append(seconds)
                if report.pulled != opts.edits:
                    raise RuntimeError(f"edit pull incomplete: {report}")
                echo_t.append(timer("echo_edits", partial(a.pull, SyncReport()))[0])
            for key, values in (("push_edits", push_t), ("pull_edits", pull_t)):
                for stat, value in _ms(values).items():
                    out[f"{key}_{stat}_ms"] = value
            out["echo_edits_p50_ms"] = _ms(echo_t)["p50"]

            # As the background service runs it: a sync that moves nothing skips the
            # end-of-sync check unless the last one is an hour old (B checked just before).
            from lead_desktop.sync.service import CHECK_INTERVAL

            b.check_interval = CHECK_INTERVAL
            b.compare(SyncReport())
            idle: list[float] = []
            for _ in range(opts.idle):
                report = SyncReport()
                seconds, _ = timer("idle_sync", partial(sync_round, b, report))
                idle.append(seconds)
                if not report.in_step or report.pulled or report.pushed:
                    raise RuntimeError(f"idle sync was not idle: {report}")
            for stat, value in _ms(idle).items():
                out[f"idle_sync_{stat}_ms"] = value
            full = [
                timer("sync_once", partial(b.sync_once, "ben", PASSWORD))[0]
                for _ in range(opts.full)
            ]
            out["sync_once_idle_p50_ms"] = _ms(full)["p50"]
        finally:
            a.close()
            b.close()
            a_store.close()
            b_store.close()
            engine.dispose()
            timer.save()
    return out


# -- report --------------------------------------------------------------------------------

PHASES = (
    ("first push, 10,000 records", "first_push_s", "s", "first_push_s"),
    ("first pull to a fresh laptop", "first_pull_s", "s", "first_pull_s"),
    ("push 50 edits (p50)", "push_edits_p50_ms", "ms", "push_edits_p50_ms"),
    ("pull 50 edits (p50)", "pull_edits_p50_ms", "ms", "pull_edits_p50_ms"),
    ("sync with nothing to do (p50)", "idle_sync_p50_ms", "ms", "idle_sync_p50_ms"),
    ("push 50 edits (p95)", "push_edits_p95_ms", "ms", None),
    ("pull 50 edits (p95)", "pull_edits_p95_ms", "ms", None),
    ("sync with nothing to do (p95)", "idle_sync_p95_ms", "ms", None),
    ("pusher pulls its own push back", "echo_pull_s", "s", None),
    ("compare 10,000 records (laptop A)", "compare_a_ms", "ms", None),
    ("sync_once idle, with sign-in (p50)", "sync_once_idle_p50_ms", "ms", None),
)


def table(results: dict[str, Any], backends: list[str]) -> str:
    """The figures beside the budgets, one column per backend."""
    rows = [("phase", *backends, "budget", "verdict")]
    for title, key, unit, budget_key in PHASES:
        values = [results.get(f"{key}_{b}") for b in backends]
        budget = BUDGETS.get(budget_key or "")
        cells = [f"{v:.3f} {unit}" if unit == "s" else f"{v:.1f} {unit}" for v in values]
        verdict = ""
        if budget is not None:
            verdict = "ok" if all(v is not None and v <= budget for v in values) else "MISSED"
        rows.append((title, *cells, f"≤ {budget:g} {unit}" if budget else "", verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in rows
    )


def main(argv: list[str] | None = None) -> int:
    """Run, print the table, write bench/results/sync.json; exit 1 if a budget is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.sync", description=__doc__)
    parser.add_argument("--records", type=int, default=10_000, help="participants (10,000)")
    parser.add_argument("--edits", type=int, default=50, help="edits per round (50)")
    parser.add_argument("--rounds", type=int, default=20, help="edit rounds (20)")
    parser.add_argument("--idle", type=int, default=50, help="idle sync rounds (50)")
    parser.add_argument("--full", type=int, default=3, help="idle sync_once calls (3)")
    parser.add_argument(
        "--backends", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    parser.add_argument(
        "--profile", type=Path, help="write cProfile files of the client phases and the server here"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    opts = parser.parse_args(argv)
    # As the desktop app runs (warnings only); the bench's own progress lines at INFO.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s", stream=sys.stderr)
    logger.setLevel(logging.INFO)
    results: dict[str, Any] = {
        "command": "python -m bench.sync" + "".join(f" {a}" for a in sys.argv[1:]),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_at_start": list(os.getloadavg()),
        "records": opts.records,
        "edits": opts.edits,
        "rounds": opts.rounds,
        "idle_rounds": opts.idle,
        "postgresql": "15, own cluster on loopback, fsync on, default settings",
    }
    with tempfile.TemporaryDirectory(prefix="lead-bench-sync-") as tmp:
        work = Path(tmp)
        for backend in opts.backends:
            logger.info("%s: %d records", backend, opts.records)
            folder = work / backend
            folder.mkdir()
            if backend == "sqlite":
                url = f"sqlite:///{folder / 'server.db'}"
                figures = run_backend(backend, url, folder, opts)
            else:
                with postgres() as pg:
                    figures = run_backend(backend, pg.new_database(), folder, opts)
            results.update({f"{k}_{backend}": v for k, v in figures.items()})
    results["load_average_at_end"] = list(os.getloadavg())
    ok = True
    for key, budget in BUDGETS.items():
        for backend in opts.backends:
            results[f"{key}_budget"] = budget
            ok = ok and results[f"{key}_{backend}"] <= budget
    sys.stdout.write(table(results, opts.backends))
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}
    opts.out.write_text(json.dumps(clean, indent=2, ensure_ascii=False) + "\n", "utf-8")
    sys.stdout.write(f"written to {opts.out}\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
