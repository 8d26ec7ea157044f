"""Many devices syncing at once against PostgreSQL: changes accepted per second, latency, loss.

    .venv/bin/python -m bench.sync_devices [--devices 100] [--teams 20] [--servers 2]
                                           [--procs 4] [--rounds 20] [--batch 25] [--out PATH]

A real PostgreSQL 15 cluster (fsync on) and ``--servers`` real ``lead-server serve`` processes on
loopback share one database; device ``i`` talks to server ``i % servers`` (a load balancer with
sticky clients). Each device is one case manager's laptop (its own user, ``--teams`` teams),
enrolled with ``admin.make_enroll_code`` + ``/enroll`` and signed in with ``/token`` before the
clock starts.

``--procs`` client processes drive the devices with raw protocol requests (httpx, asyncio), the
push bodies built beforehand from the wire schema (``PushEntry``), ~1 KB records from the demo
generator. All devices start at the same instant and sync back to back, ``--rounds`` times:

    one device sync = POST /push (``--batch`` entries: new participants, and edits of the device's
    own earlier ones) + GET /pull from its cursor until done (its team's changes, its own
    included) + GET /summary, as the sync engine does.

Reported: changes accepted per second (applied entries / time from the start to the last sync's
end), and p50/p95/max of each request and of the device sync. After the run the database is
checked: every change id applied exactly once, every record present with its last edit, no
revision twice. Results go to bench/results/sync_devices.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import multiprocessing
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench.stats import machine, percentile
from bench.sync import PASSWORD, free_port, people, postgres, serving

logger = logging.getLogger("bench")
RESULTS = Path(__file__).resolve().parent / "results" / "sync_devices.json"
BUDGETS = {"changes_per_s": 2000.0, "device_sync_p95_ms": 500.0}
PROTOCOL = {"Lead-Protocol": "1"}


@dataclass
class Device:
    """One enrolled, signed-in device and the pushes it will make."""

    index: int
    url: str
    device_id: str
    token: str
    bodies: list[bytes] = field(default_factory=list)
    entries: int = 0


def _entry(change_id: str, row_id: str, op: str, fields: dict[str, Any]) -> dict[str, Any]:
    from lead_desktop.sync.protocol import PushEntry

    entry = PushEntry.model_validate(
        {
            "change_id": change_id,
            "table": "participant",
            "row_id": row_id,
            "op": op,
            "base_rev": None,
            "fields": fields,
        }
    )
    return entry.model_dump(mode="json")


def team_of(index: int, teams: int) -> str:
    """The team of device (and user) ``index``."""
    return f"team{index % teams:02d}"


def workload(
    devices: int, teams: int, rounds: int, batch: int, seed: int = 5
) -> tuple[list[list[list[dict[str, Any]]]], dict[str, dict[str, Any]]]:
    """Per device, per round, the entries to push; and each record's expected final fields.

    The first round creates; later rounds create 80% and edit 20% of the device's earlier
    records (status and living situation), so the server merges too.
    """
    from lead_desktop.store.ids import uuid7

    rng = random.Random(seed)
    pool = people(devices * rounds * batch, seed=seed)
    taken = 0
    plans: list[list[list[dict[str, Any]]]] = []
    expected: dict[str, dict[str, Any]] = {}
    for index in range(devices):
        mine: list[str] = []
        rounds_out = []
        for r in range(rounds):
            entries = []
            edits = 0 if r == 0 else batch // 5
            for _ in range(batch - edits):
                values, _ = pool[taken]
                values["team"] = team_of(index, teams)
                taken += 1
                row_id = uuid7()
                fields = {k: {"old": None, "new": v} for k, v in values.items()}
                fields["deleted"] = {"old": None, "new": False}
                entries.append(_entry(uuid7(), row_id, "create", fields))
                expected[row_id] = dict(values)
                mine.append(row_id)
            for row_id in rng.sample(mine[: len(mine) - (batch - edits)], edits):
                now = expected[row_id]
                status = rng.choice(("active", "inactive", "in_the_wind"))
                living = rng.choice((116, 101, 207, 313, 335))
                change = {
                    "status": {"old": now.get("status"), "new": status},
                    "current_living_situation": {
                        "old": now.get("current_living_situation"),
                        "new": living,
                    },
                }
                entries.append(_entry(uuid7(), row_id, "update", change))
                now.update(status=status, current_living_situation=living)
            rounds_out.append(entries)
        plans.append(rounds_out)
    return plans, expected


# -- the client processes ------------------------------------------------------------------


async def _device(
    client: httpx.AsyncClient,
    dev: Device,
    start_at: float,
    interval: float,
    out: dict[str, list[float]],
) -> dict[str, int]:
    headers = {**PROTOCOL, "Authorization": f"Bearer {dev.token}"}
    post_headers = {**headers, "Content-Type": "application/json"}
    cursor, applied, pulled = 0, 0, 0
    phase = random.Random(dev.index).uniform(0, interval)
    for k, body in enumerate(dev.bodies):
        # On schedule (or at once when the previous sync ran late / back to back).
        await asyncio.sleep(max(0.0, start_at + phase + k * interval - time.time()))
        began = time.perf_counter()
        got = await client.post(f"{dev.url}/api/v1/push", content=body, headers=post_headers)
        pushed = time.perf_counter()
        got.raise_for_status()
        statuses = [r["status"] for r in got.json()["results"]]
        if set(statuses) != {"applied"}:
            reasons = {r.get("reason") for r in got.json()["results"]}
            raise RuntimeError(f"device {dev.index}: answers {set(statuses)} ({reasons})")
        applied += len(statuses)
        out["push_ms"].append((pushed - began) * 1000)
        while True:
            t0 = time.perf_counter()
            page = await client.get(
                f"{dev.url}/api/v1/pull", params={"cursor": cursor, "limit": 500}, headers=headers
            )
            page.raise_for_status()
            data = page.json()
            out["pull_ms"].append((time.perf_counter() - t0) * 1000)
            pulled += len(data["records"])
            cursor = data["next_cursor"]
            if data["done"]:
                break
        t0 = time.perf_counter()
        summary = await client.get(f"{dev.url}/api/v1/summary", headers=headers)
        summary.raise_for_status()
        done = time.perf_counter()
        out["summary_ms"].append((done - t0) * 1000)
        out["sync_ms"].append((done - began) * 1000)
        out["sync_end"].append(time.time())
    return {"applied": applied, "pulled": pulled}


async def _drive(devices: list[Device], start_at: float, interval: float) -> dict[str, Any]:
    out: dict[str, list[float]] = {
        k: [] for k in ("push_ms", "pull_ms", "summary_ms", "sync_ms", "sync_end")
    }
    limits = httpx.Limits(max_connections=len(devices), max_keepalive_connections=len(devices))
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        counts = await asyncio.gather(
            *(_device(client, d, start_at, interval, out) for d in devices)
        )
    return {
        **out,
        "applied": sum(c["applied"] for c in counts),
        "pulled": sum(c["pulled"] for c in counts),
    }


def drive(devices: list[Device], start_at: float, interval: float) -> dict[str, Any]:
    """Run in a client process: every given device syncs its rounds; return the timings."""
    return asyncio.run(_drive(devices, start_at, interval))


# -- setup and checks ----------------------------------------------------------------------


def enroll(engine: Any, urls: list[str], devices: int, teams: int) -> list[Device]:
    """One user per device (case managers spread over the teams), enrolled and signed in."""
    from lead_server import admin

    out = []
    with httpx.Client(timeout=60, headers=PROTOCOL) as http:
        for i in range(devices):
            name = f"cm{i:03d}"
            admin.add_user(engine, name, "case_manager", PASSWORD, team_of(i, teams))
            url = urls[i % len(urls)]
            code = admin.make_enroll_code(engine, name)
            got = http.post(
                f"{url}/api/v1/enroll", json={"code": code, "user": name, "password": PASSWORD}
            )
            got.raise_for_status()
            device_id, credential = got.json()["device_id"], got.json()["credential"]
            token = http.post(
                f"{url}/api/v1/token",
                json={
                    "device_id": device_id,
                    "credential": credential,
                    "user": name,
                    "password": PASSWORD,
                },
            )
            token.raise_for_status()
            out.append(Device(i, url, device_id, token.json()["token"]))
    return out


def verify(engine: Any, plans: list[Any], expected: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every change applied exactly once, every record there with its last edit."""
    from sqlalchemy import func, select

    from lead_server.models import AppliedChange, Record, RevCounter

    change_ids = [e["change_id"] for dev in plans for rnd in dev for e in rnd]
    with engine.connect() as conn:
        applied = {
            r.change_id: r.status
            for r in conn.execute(select(AppliedChange.change_id, AppliedChange.status))
        }
        rows = {
            r.row_id: (r.fields, r.rev)
            for r in conn.execute(
                select(Record.row_id, Record.fields, Record.rev).where(
                    Record.table_name == "participant"
                )
            )
        }
        counter = int(conn.execute(select(RevCounter.value)).scalar_one())
        distinct_revs = int(
            conn.execute(select(func.count(func.distinct(Record.rev)))).scalar_one()
        )
        records = int(conn.execute(select(func.count()).select_from(Record)).scalar_one())
    missing = [c for c in change_ids if applied.get(c) != "applied"]
    wrong = [
        row_id
        for row_id, values in expected.items()
        if row_id not in rows or any(rows[row_id][0].get(k) != _json(v) for k, v in values.items())
    ]
    return {
        "changes_sent": len(change_ids),
        "changes_applied_once": len(change_ids) - len(missing),
        "changes_missing": len(missing),
        "applied_rows_extra": len(applied) - len(set(change_ids) & set(applied)),
        "records_expected": len(expected),
        "records_wrong_or_missing": len(wrong),
        "revisions_unique": distinct_revs == records,
        "rev_counter": counter,
        "lost": len(missing) + len(wrong),
    }


def _json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def _ms(values: list[float]) -> dict[str, float]:
    return {
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "max": max(values) if values else float("nan"),
    }


def run(opts: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Set up, run the devices, check the database; return the figures."""
    from lead_server.db import make_engine
    from lead_server.migrations import migrate

    out: dict[str, Any] = {}
    logger.info("building the workload")
    plans, expected = workload(opts.devices, opts.teams, opts.rounds, opts.batch)
    with postgres(max_connections=300) as pg:
        url = pg.new_database()
        engine = make_engine(url)
        migrate(engine)
        ports = [free_port() for _ in range(opts.servers)]
        folder = opts.logs or work
        folder.mkdir(parents=True, exist_ok=True)
        logs = [folder / f"server-{n}.log" for n in range(opts.servers)]
        servers = [serving(url, log, port=port) for port, log in zip(ports, logs, strict=True)]
        urls = [s.__enter__() for s in servers]
        try:
            logger.info("enrolling %d devices", opts.devices)
            devices = enroll(engine, urls, opts.devices, opts.teams)
            for dev, rounds in zip(devices, plans, strict=True):
                dev.bodies = [
                    json.dumps({"device_id": dev.device_id, "entries": entries}).encode()
                    for entries in rounds
                ]
                dev.entries = sum(len(e) for e in rounds)
            groups = [devices[p :: opts.procs] for p in range(opts.procs)]
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(opts.procs, mp_context=context) as pool:
                start_at = time.time() + 3.0 + 0.02 * opts.devices
                logger.info("%d devices start syncing", opts.devices)
                parts = list(
                    pool.map(drive, groups, [start_at] * opts.procs, [opts.interval] * opts.procs)
                )
            merged: dict[str, list[float]] = {}
            for part in parts:
                for key in ("push_ms", "pull_ms", "summary_ms", "sync_ms", "sync_end"):
                    merged.setdefault(key, []).extend(part[key])
            elapsed = max(merged["sync_end"]) - start_at
            applied = sum(p["applied"] for p in parts)
            out["elapsed_s"] = elapsed
            out["changes_accepted"] = applied
            out["changes_per_s"] = applied / elapsed
            out["records_pulled"] = sum(p["pulled"] for p in parts)
            out["device_syncs"] = len(merged["sync_ms"])
            for key in ("push_ms", "pull_ms", "summary_ms", "sync_ms"):
                for stat, value in _ms(merged[key]).items():
                    out[f"{key.removesuffix('_ms')}_{stat}_ms"] = value
            out["device_sync_p95_ms"] = out["sync_p95_ms"]
            logger.info("checking the database")
            out.update(verify(engine, plans, expected))
        finally:
            for s in reversed(servers):
                s.__exit__(None, None, None)
            engine.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    """Run, print the figures, write bench/results/sync_devices.json; exit 1 on a miss."""
    parser = argparse.ArgumentParser(prog="python -m bench.sync_devices", description=__doc__)
    parser.add_argument("--devices", type=int, default=100)
    parser.add_argument("--teams", type=int, default=20, help="teams the users are spread over")
    parser.add_argument("--servers", type=int, default=2, help="server processes (2)")
    parser.add_argument("--procs", type=int, default=4, help="client processes (4)")
    parser.add_argument("--rounds", type=int, default=8, help="syncs per device (8)")
    parser.add_argument("--batch", type=int, default=100, help="entries per push (100)")
    parser.add_argument(
        "--interval",
        type=float,
        default=4.0,
        help="seconds between a device's syncs, phases staggered (4; 0: back to back)",
    )
    parser.add_argument("--logs", type=Path, help="keep the servers' logs in this folder")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    opts = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s", stream=sys.stderr)
    logger.setLevel(logging.INFO)
    results: dict[str, Any] = {
        "command": "python -m bench.sync_devices" + "".join(f" {a}" for a in sys.argv[1:]),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_at_start": list(os.getloadavg()),
        "devices": opts.devices,
        "teams": opts.teams,
        "servers": opts.servers,
        "client_processes": opts.procs,
        "rounds": opts.rounds,
        "batch": opts.batch,
        "interval_s": opts.interval,
        "offered_changes_per_s": (
            opts.devices * opts.batch / opts.interval if opts.interval else None
        ),
        "postgresql": "15, own cluster on loopback, fsync on, default settings",
    }
    with tempfile.TemporaryDirectory(prefix="lead-bench-devices-") as tmp:
        results.update(run(opts, Path(tmp)))
    results["load_average_at_end"] = list(os.getloadavg())
    ok = (
        results["changes_per_s"] >= BUDGETS["changes_per_s"]
        and results["device_sync_p95_ms"] <= BUDGETS["device_sync_p95_ms"]
        and results["lost"] == 0
    )
    for key in ("elapsed_s", "changes_accepted", "changes_per_s", "records_pulled"):
        sys.stdout.write(f"{key:28} {results[key]:,.1f}\n")
    for what in ("push", "pull", "summary", "sync"):
        sys.stdout.write(
            f"{what + ' ms p50 / p95 / max':28} {results[f'{what}_p50_ms']:.1f} / "
            f"{results[f'{what}_p95_ms']:.1f} / {results[f'{what}_max_ms']:.1f}\n"
        )
    sys.stdout.write(
        f"{'lost':28} {results['lost']} (applied once {results['changes_applied_once']:,} of "
        f"{results['changes_sent']:,}; revisions unique: {results['revisions_unique']})\n"
    )
    sys.stdout.write(
        f"budgets: ≥ {BUDGETS['changes_per_s']:,.0f} changes/s, device sync p95 ≤ "
        f"{BUDGETS['device_sync_p95_ms']:.0f} ms, nothing lost: {'ok' if ok else 'MISSED'}\n"
    )
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}
    opts.out.write_text(json.dumps(clean, indent=2, ensure_ascii=False) + "\n", "utf-8")
    sys.stdout.write(f"written to {opts.out}\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
