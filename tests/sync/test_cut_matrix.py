"""A cut link anywhere in a sync is safe: nothing is lost, nothing is applied twice.

Through the loopback proxy (tests/sync/proxy.py), ana's sync of the reference scenario
(tests/sync/interruption_scenario.py) is cut at the start, middle and end of every request and
every response it makes (sign-in, five push batches, the pull pages, the summaries: six cut
points per request of the reference run), one cut per run, each on a fresh copy of the
snapshot. After each cut the laptop holds nothing partial: only the batches the server answered
are marked pushed, the server holds exactly what it answered (plus the batch whose answer was
lost), whole pull pages are applied and the cursor passes nothing the laptop lacks. Then the
laptops sync again with no fault and the end state equals the reference run's exactly: the
server's records, revisions, applied change ids and conflicts; every row of both laptops; their
conflicts. Also: a lost password sign-in answer keeps the laptop's saved sync key, and the proxy
itself counts bytes and cuts a connection at a byte. Every test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.transport import SyncError
from tests.server.conftest import PASSWORD, ServerThread
from tests.sync.interruption_scenario import BATCH, PULL, PUSH, Snapshot
from tests.sync.interruption_stage import (
    Stage,
    World,
    check_converged,
    check_cursor,
    end_state,
)
from tests.sync.interruption_state import applied_changes, journal, laptop_conflicts, same_end
from tests.sync.proxy import Direction, Fault, Position, Proxy

#: Cut points inside each request and each response.
POSITIONS: tuple[Position, ...] = ("start", "middle", "end")
DIRECTIONS: tuple[Direction, ...] = ("up", "down")


def cut_points(snapshot: Snapshot) -> list[Fault]:
    """Start, middle and end of every request and every response of ana's sync."""
    faults: list[Fault] = []
    seen: dict[str, int] = {}
    for _, path in snapshot.plan:
        nth = seen.get(path, 0)
        seen[path] = nth + 1
        for direction in DIRECTIONS:
            faults += [Fault(direction, at, request=nth, path=path) for at in POSITIONS]
    return faults


def check_nothing_partial(world: World, fault: Fault) -> None:
    """After the cut: whole batches marked pushed, whole pages applied, the cursor honest."""
    snap, store = world.snapshot, world.stores["ana"]
    queue = snap.ana_queue
    pushed = {cid for cid, done in journal(store) if done}
    marked = [cid for cid in queue if cid in pushed]
    assert marked == queue[: len(marked)], "pushed entries must be a prefix of the queue"
    on_server = {cid for cid in queue if cid in applied_changes(world.engine)}
    if fault.path == PUSH:
        assert fault.request is not None
        assert len(marked) == BATCH * fault.request, "only the batches answered are marked"
        in_flight = set(queue[: len(marked) + BATCH]) if fault.direction == "down" else set()
        assert on_server == set(marked) | in_flight, "the server holds what it answered"
    elif fault.path == "/api/v1/token":
        assert not marked and not on_server
    else:
        assert marked == queue and on_server == set(queue)
    reference = snap.reference
    assert reference is not None
    assert set(laptop_conflicts(store)) <= set(reference.laptop_conflicts["ana"])
    check_cursor(world, "ana")


@dataclass
class Outcome:
    """One cut point's result, for the report at the end."""

    fault: Fault
    error: str | None = None


def run_cut(stage: Stage, fault: Fault) -> None:
    """Cut ana's sync at ``fault``; check nothing partial; retry and converge to the reference."""
    with stage.scene() as world:
        world.proxy.arm(fault)
        with pytest.raises(SyncError) as caught:
            world.sync("ana")
        assert world.proxy.fired == fault, "the fault never fired: the sync changed its shape"
        assert caught.value.unreachable, f"not a network error: {caught.value}"
        check_nothing_partial(world, fault)
        world.converge()
        end = end_state(world)
        check_converged(world, end)
        assert stage.snapshot.reference is not None
        same_end(end, stage.snapshot.reference)


@pytest.mark.slow
def test_a_cut_anywhere_in_a_sync_loses_and_duplicates_nothing(stage: Stage) -> None:
    """Every request and response of a sync cut at its start, middle and end, one at a time."""
    snapshot = stage.snapshot
    faults = cut_points(snapshot)
    paths = {path for _, path in snapshot.plan}
    assert {"/api/v1/token", PUSH, PULL, "/api/v1/summary"} <= paths, snapshot.plan
    assert sum(path == PUSH for _, path in snapshot.plan) == 5
    assert sum(path == PULL for _, path in snapshot.plan) >= 3
    failures: list[Outcome] = []
    for fault in faults:
        try:
            run_cut(stage, fault)
        except AssertionError as exc:  # keep going: report every cut point that fails
            failures.append(Outcome(fault, str(exc).splitlines()[0]))
    report = "\n".join(f"{o.fault.label()}: {o.error}" for o in failures)
    assert not failures, f"{len(failures)} of {len(faults)} cut points failed:\n{report}"


def test_a_password_sign_in_cut_keeps_the_saved_sync_key(stage: Stage) -> None:
    """The laptop already holds a sync key; a password sign-in's answer is lost on the way."""
    with stage.scene() as world:
        store = world.stores["ana"]
        with SyncClient(store, world.proxy.url) as client:
            assert client.saved_sync_key("ana") is not None
            world.proxy.arm(Fault("down", "start", request=0, path="/api/v1/token"))
            with pytest.raises(SyncError) as caught:
                client.sync_once("ana", PASSWORD)
            assert caught.value.unreachable
        report = world.sync("ana")  # the background sync: no password at hand
        assert report.in_step


def test_the_proxy_counts_bytes_and_cuts_a_connection_at_a_byte(server: ServerThread) -> None:
    """The proxy itself: byte counts per direction, and a cut after N bytes of a connection."""
    with Proxy(server.port) as proxy:
        got = httpx.get(f"{proxy.url}/api/v1/version")
        assert got.status_code == 200
        [seen] = proxy.log
        assert (seen.method, seen.path, seen.status) == ("GET", "/api/v1/version", 200)
        assert seen.up == proxy.bytes_up and seen.down == proxy.bytes_down
        assert seen.down is not None and seen.down > len(got.content)
        cuts: list[tuple[Direction, int]] = [("up", 10), ("down", 20)]
        for direction, at in cuts:
            fault = Fault(direction, at, request=None, connection=0)
            proxy.arm(fault)
            with pytest.raises(httpx.HTTPError):
                httpx.get(f"{proxy.url}/api/v1/version")
            assert proxy.fired == fault
        assert httpx.get(f"{proxy.url}/api/v1/version").status_code == 200
