"""A process killed mid-sync loses nothing: the server between applying a push and answering
it, the laptop inside its pull and push transactions.

Each test starts from a fresh copy of the reference scenario (tests/sync/interruption_scenario.py)
and ends, after the laptops sync again with no fault, exactly where the reference run (no fault)
ended: the server's records, revisions, applied change ids and conflicts; every row of both
laptops; their conflicts.

- The server: a real ``lead-server serve`` process behind the loopback proxy is SIGKILLed when
  its answer to the first, third or fifth push batch starts coming back. The batch was committed
  and nothing was marked pushed; the dead server is unreachable; restarted on the same database
  and port, it recognises the killed batch as duplicates.
- The laptop: its sync runs in a child process (this module run with ``python -m``, see
  ``_child``), SIGKILLed inside a write transaction: while applying a pull page, while moving the
  pull cursor, while marking a push batch pushed. Nothing of the killed transaction remains and
  the cursor passes nothing the laptop lacks.

Every test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from lead_desktop.store.store import Store
from lead_desktop.sync.engine import CURSOR_KEY, SyncClient
from lead_desktop.sync.transport import SyncError
from lead_server.db import make_engine
from tests.helpers import PASSPHRASE, REPO
from tests.server.conftest import free_port
from tests.sync.interruption_scenario import BATCH, PAGE, PUSH, Snapshot
from tests.sync.interruption_stage import (
    Stage,
    World,
    check_converged,
    check_cursor,
    clone_database,
    copy_laptops,
    drop_database,
    end_state,
)
from tests.sync.interruption_state import applied_changes, journal, same_end
from tests.sync.proxy import Fault, Proxy

# -- a killable server process ------------------------------------------------------------------


class ServerProcess:
    """``lead-server serve`` in a subprocess on a fixed port, killed with SIGKILL on demand."""

    def __init__(self, database_url: str, port: int, log: Path) -> None:
        self.database_url, self.port, self.log = database_url, port, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it answers."""
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "lead_server.cli", "serve"]
                + ["--database-url", self.database_url, "--port", str(self.port)],
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            with suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{self.port}/api/v1/version").status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("the server did not start in 30 s")

    def kill(self) -> None:
        """SIGKILL the server and reap it."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def in_process(snapshot: Snapshot, dest: Path) -> Iterator[World]:
    """A copy of the snapshot served by a real ``lead-server`` process that can be killed."""
    dest.mkdir(parents=True)
    url = clone_database(snapshot, dest / "db")
    engine = make_engine(url)
    server = ServerProcess(url, free_port(), dest / "server.log")
    try:
        server.start()
        with Proxy(server.port) as proxy:
            laptops = copy_laptops(snapshot, dest / "laptops")
            world = World(snapshot, engine, proxy, server, laptops)
            try:
                world.open()
                yield world
            finally:
                world.close()
    finally:
        server.stop()
        engine.dispose()
        drop_database(snapshot, url)


# -- the server killed between applying and answering -------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("batch", [0, 2, 4])
def test_server_killed_after_applying_a_push_before_answering(stage: Stage, batch: int) -> None:
    """A real server process is SIGKILLed when its answer to a push starts coming back."""
    snapshot = stage.snapshot
    with in_process(snapshot, stage.root / f"process{batch}") as world:
        server = world.server
        assert isinstance(server, ServerProcess)
        world.proxy.arm(Fault("down", "start", request=batch, path=PUSH, kill=server.kill))
        with pytest.raises(SyncError) as caught:
            world.sync("ana")
        assert caught.value.unreachable
        assert server.proc is not None and server.proc.returncode == -signal.SIGKILL
        queue = snapshot.ana_queue
        sent = queue[: BATCH * (batch + 1)]
        assert set(sent) <= set(applied_changes(world.engine)), "the push was committed"
        marked = {cid for cid, done in journal(world.stores["ana"]) if done}
        assert not marked & set(queue[BATCH * batch :]), "the lost answer marked nothing"
        with pytest.raises(SyncError) as down:
            world.sync("ana")
        assert down.value.unreachable, "a dead server is unreachable"
        server.start()  # the same database, the same port
        retry = world.sync("ana")
        assert retry.duplicates == len(sent) - BATCH * batch, "the killed batch is a duplicate"
        assert retry.pushed + retry.conflicts == len(queue) - len(sent)
        world.converge(first=retry)
        end = end_state(world)
        check_converged(world, end)
        assert snapshot.reference is not None
        same_end(end, snapshot.reference)


# -- the laptop killed while it applies a pull ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("moment", "nth"),
    [("pull-write", 2), ("pull-cursor", 2), ("pull-cursor", 4), ("push-mark", 2)],
)
def test_laptop_killed_mid_apply_loses_nothing(stage: Stage, moment: str, nth: int) -> None:
    """The laptop's sync runs in a child process, SIGKILLed inside a write transaction."""
    snapshot = stage.snapshot
    with stage.scene() as world:
        world.close_store("ana")
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.test_kill"]
            + [str(world.laptops["ana"]), "ana", world.proxy.url, moment, str(nth)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            line = _read_line(child, timeout=60)
            assert line == b"PAUSED\n", (line, child.stderr.read() if child.stderr else b"")
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(10)
        assert child.returncode == -signal.SIGKILL
        world.open()
        check_cursor(world, "ana")
        queue = snapshot.ana_queue
        marked = [cid for cid, done in journal(world.stores["ana"]) if done and cid in queue]
        assert marked == queue[: len(marked)]
        if moment == "push-mark":
            assert len(marked) == BATCH * (nth - 1), "the uncommitted batch is not marked"
        world.converge()
        end = end_state(world)
        check_converged(world, end)
        assert snapshot.reference is not None
        same_end(end, snapshot.reference)


def _read_line(proc: subprocess.Popen[bytes], timeout: float) -> bytes:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline() if ready else b"(no answer)"


class _Pause:
    """In the child: stop dead (waiting for SIGKILL) at a chosen statement of a sync."""

    def __init__(self, moment: str, nth: int) -> None:
        self.moment, self.nth = moment, nth
        self.pages = self.marks = 0
        self.wrote = False

    def after(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        text = statement.lstrip().upper()
        if text.startswith("PRAGMA DEFER_FOREIGN_KEYS"):
            self.pages, self.wrote = self.pages + 1, False
            return
        if self.moment == "push-mark" and text.startswith("UPDATE CHANGE_JOURNAL SET PUSHED_AT"):
            self.marks += 1
            if self.marks == self.nth:
                self._stop()
        if self.pages != self.nth:
            return
        writes = text.startswith(("INSERT", "UPDATE")) and "SYNC_STATE" not in text
        if self.moment == "pull-write" and writes:
            self._stop()
        if self.moment == "pull-cursor" and "SYNC_STATE" in text and CURSOR_KEY in repr(params):
            self._stop()

    @staticmethod
    def _stop() -> None:
        sys.stdout.write("PAUSED\n")
        sys.stdout.flush()
        time.sleep(60)  # the parent kills this process; never commit
        os._exit(3)


def _child(argv: list[str]) -> None:
    """Sync one laptop, pausing (for the parent's SIGKILL) at ``moment``."""
    store_dir, user, url, moment, nth = argv
    store = Store.unlock(Path(store_dir), user, PASSPHRASE)
    pause = _Pause(moment, int(nth))
    event.listen(store.engine, "after_cursor_execute", pause.after)
    with SyncClient(store, url, batch=BATCH, page=PAGE) as client:
        client.sync_once(user)
    sys.stdout.write("FINISHED WITHOUT PAUSING\n")
    sys.stdout.flush()


if __name__ == "__main__":
    _child(sys.argv[1:])
