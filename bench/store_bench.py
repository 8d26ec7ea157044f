"""Measurements of one workload on the SQLCipher store and, side by side, on plain SQLite."""

from __future__ import annotations

import json
import logging
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.people import FIRST_NAMES, Person
from bench.queries import KINDS, SearchQuery
from lead_desktop.domain.hmis import STATUSES
from lead_desktop.services import search_participants
from lead_desktop.store.keys import KdfParams, calibrate, derive_kek
from lead_desktop.store.participants import (
    create_participant,
    create_participants,
    update_participant,
)
from lead_desktop.store.store import Store

logger = logging.getLogger(__name__)

WORKER = "bench"
PASSPHRASE = "amber quarry lantern nineteen wolves"
#: Key derivation for stores whose unlock is not measured (bulk-insert repeats only).
CHEAP_KDF = KdfParams(1, 8 * 1024)


@dataclass
class Side:
    """One store under test (SQLCipher or plain SQLite) and what the benchmark knows about it."""

    label: str
    store: Store
    ids: list[str] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)
    first: dict[str, str] = field(default_factory=dict)

    @property
    def encrypted(self) -> bool:
        """True for the SQLCipher side."""
        return self.label == "sqlcipher"


def open_side(root: Path, encrypted: bool, kdf: KdfParams | None = None) -> Side:
    """Create an empty store (real calibrated Argon2id unless ``kdf`` is given)."""
    store = Store.create(root, WORKER, PASSPHRASE, kdf=kdf or calibrate(), encrypted=encrypted)
    return Side("sqlcipher" if encrypted else "plain", store)


def bulk_insert(side: Side, people: list[Person]) -> float:
    """Insert everyone in one durable transaction; return the seconds it took."""
    start = time.perf_counter()
    with side.store.write() as tx:
        ids = create_participants(tx, people)
    elapsed = time.perf_counter() - start
    side.ids = ids
    side.status = {pid: values["status"] for pid, (values, _) in zip(ids, people, strict=True)}
    side.first = {pid: values["first_name"] for pid, (values, _) in zip(ids, people, strict=True)}
    return elapsed


def bulk_insert_repeat(root: Path, encrypted: bool, people: list[Person]) -> float:
    """Insert everyone into a throw-away store (for repeated insert timings)."""
    side = open_side(root, encrypted, CHEAP_KDF)
    try:
        return bulk_insert(side, people)
    finally:
        side.store.close()


def first_search(side: Side, text: str) -> float:
    """Time the first search, which loads the in-memory token index."""
    start = time.perf_counter()
    search_participants(side.store, text, audit=False)
    return time.perf_counter() - start


def paired(
    sides: tuple[Side, Side],
    step: Callable[[Side, int], None],
    count: int,
    probe: Callable[[], None] | None = None,
) -> dict[str, list[float]]:
    """Run ``step`` ``count`` times on both sides, alternating which goes first; time each.

    ``probe``, if given, is timed once per round too (under the label 'probe')."""
    times: dict[str, list[float]] = {side.label: [] for side in sides}
    if probe:
        times["probe"] = []
    for i in range(count):
        order = sides if i % 2 == 0 else sides[::-1]
        for side in order:
            start = time.perf_counter()
            step(side, i)
            times[side.label].append(time.perf_counter() - start)
        if probe:
            start = time.perf_counter()
            probe()
            times["probe"].append(time.perf_counter() - start)
    return times


def settle() -> float:
    """Flush the OS's dirty pages (the bulk load's tail), so later timings do not pay for it."""
    start = time.perf_counter()
    os.sync()
    return time.perf_counter() - start


def fsync_probe(folder: Path) -> Callable[[], None]:
    """Return a step that writes 4 KiB and fsyncs it: the disk's own durable-write latency."""
    path = folder / "fsync-probe.bin"
    block = os.urandom(4096)

    def probe() -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.write(fd, block)
            os.fsync(fd)
        finally:
            os.close(fd)

    return probe


def search_latencies(
    sides: tuple[Side, Side], queries: list[SearchQuery], rounds: int
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Time every query ``rounds`` times on both sides; also return how often the target was
    found in the top 20 (on the SQLCipher side), per kind of query."""
    found: dict[str, list[bool]] = {kind: [] for kind in KINDS}

    def step(side: Side, i: int) -> None:
        query = queries[i % len(queries)]
        hits = search_participants(side.store, query.text, audit=False)
        if side.encrypted and i < len(queries):
            target = side.ids[query.target]
            found[query.kind].append(any(h.participant_id == target for h in hits))

    times = paired(sides, step, len(queries) * rounds)
    rates = {kind: sum(v) / len(v) for kind, v in found.items() if v}
    return times, rates


def _next_status(current: str, k: int) -> str:
    choices = [s for s in STATUSES if s != current]
    return choices[k % len(choices)]


def _next_first(current: str, k: int) -> str:
    name = FIRST_NAMES[k % len(FIRST_NAMES)]
    return name if name != current else FIRST_NAMES[(k + 1) % len(FIRST_NAMES)]


def update_one(side: Side, index: int, k: int) -> None:
    """Change one participant's status (even k) or first name (odd k) in its own transaction."""
    pid = side.ids[index]
    if k % 2 == 0:
        data = {"status": _next_status(side.status[pid], k)}
        side.status[pid] = data["status"]
    else:
        data = {"first_name": _next_first(side.first[pid], k)}
        side.first[pid] = data["first_name"]
    with side.store.write() as tx:
        changed = update_participant(tx, pid, data=data)
    if not changed:
        raise RuntimeError("benchmark update changed nothing")


def create_one(side: Side, person: Person) -> None:
    """Create one participant (validated, with aliases) in its own transaction."""
    values, aliases = person
    data = {k: v for k, v in values.items() if v is not None}
    with side.store.write() as tx:
        pid = create_participant(tx, data=data, aliases=aliases)
    side.ids.append(pid)
    side.status[pid] = values["status"]
    side.first[pid] = values["first_name"]


def durable_saves(
    sides: tuple[Side, Side], count: int, seed: int, folder: Path, newcomers: list[Person]
) -> dict[str, dict[str, list[float]]]:
    """Time single-participant updates and creates, each its own fsync'd transaction; time a
    bare 4 KiB write + fsync beside each pair, to tell the disk's share from the code's."""
    rng = random.Random(seed)
    n = min(len(s.ids) for s in sides)
    targets = [rng.randrange(n) for _ in range(count)]
    probe = fsync_probe(folder)
    updates = paired(sides, lambda side, i: update_one(side, targets[i], i), count, probe)
    creates = paired(sides, lambda side, i: create_one(side, newcomers[i]), count, probe)
    return {"update": updates, "create": creates}


@dataclass(frozen=True)
class Op:
    """One step of the end-to-end workload."""

    kind: str
    arg: Any


def workload_ops(
    n: int, queries: list[SearchQuery], newcomers: list[Person], seed: int
) -> list[Op]:
    """Return a fixed shuffled sequence: one create per newcomer, as many updates of the ``n``
    loaded people, and as many audited searches."""
    rng = random.Random(seed)
    each = len(newcomers)
    ops = [Op("create", p) for p in newcomers]
    ops += [Op("update", rng.randrange(n)) for _ in range(each)]
    ops += [Op("search", queries[rng.randrange(len(queries))].text) for _ in range(each)]
    rng.shuffle(ops)
    return ops


def run_workload(side: Side, ops: list[Op], round_no: int) -> float:
    """Run the workload once; searches are audited, as the CLI and GUI do."""
    start = time.perf_counter()
    for k, op in enumerate(ops):
        if op.kind == "create":
            create_one(side, op.arg)
        elif op.kind == "update":
            update_one(side, op.arg, k + round_no)
        else:
            search_participants(side.store, op.arg)
    return time.perf_counter() - start


def workload(sides: tuple[Side, Side], ops: list[Op], rounds: int) -> dict[str, list[float]]:
    """Run the same workload ``rounds`` times per side, in ABBA order against drift."""
    times: dict[str, list[float]] = {side.label: [] for side in sides}
    for r in range(rounds):
        order = sides if r % 2 == 0 else sides[::-1]
        for side in order:
            times[side.label].append(run_workload(side, ops, r))
    return times


def name_year_queries(people: list[Person], count: int, seed: int) -> list[str]:
    """Return 'Last YYYY' queries (birth year only, as often given): a separate figure."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        values, _ = people[rng.randrange(len(people))]
        if values.get("last_name") and values.get("dob"):
            out.append(f"{values['last_name']} {values['dob'][:4]}")
    return out


def search_times(sides: tuple[Side, Side], texts: list[str], rounds: int) -> dict[str, list[float]]:
    """Time plain search texts on both sides, alternating."""

    def step(side: Side, i: int) -> None:
        search_participants(side.store, texts[i % len(texts)], audit=False)

    return paired(sides, step, len(texts) * rounds)


def unlock_times(root: Path, reps: int, first_query: str) -> dict[str, list[float]]:
    """Unlock the SQLCipher store ``reps`` times (Argon2id included); time the first search too."""
    out: dict[str, list[float]] = {"unlock": [], "first_search": [], "kdf": []}
    store = Store.unlock(root, WORKER, PASSPHRASE)  # warm the file cache and the imports
    store.close()
    params = calibrate()
    for _ in range(reps):
        start = time.perf_counter()
        store = Store.unlock(root, WORKER, PASSPHRASE)
        unlocked = time.perf_counter()
        try:
            search_participants(store, first_query, audit=False)
        finally:
            store.close()
        out["unlock"].append(unlocked - start)
        out["first_search"].append(time.perf_counter() - unlocked)
        start = time.perf_counter()
        derive_kek(PASSPHRASE.encode(), os.urandom(16), params)
        out["kdf"].append(time.perf_counter() - start)
    return out


def rss_probe(root: Path, queries: list[SearchQuery], workdir: Path) -> dict[str, float]:
    """Unlock and search in a fresh process (as the app would); return its memory and times."""
    qfile = workdir / "queries.json"
    qfile.write_text(json.dumps([q.text for q in queries]), "utf-8")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.rss_probe", str(root), str(qfile)],
            input=PASSPHRASE,
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
    finally:
        qfile.unlink(missing_ok=True)
    result: dict[str, float] = json.loads(proc.stdout)
    return result


__all__ = [
    "Side",
    "bulk_insert",
    "bulk_insert_repeat",
    "durable_saves",
    "first_search",
    "open_side",
    "rss_probe",
    "name_year_queries",
    "search_latencies",
    "search_times",
    "settle",
    "unlock_times",
    "workload",
    "workload_ops",
]
