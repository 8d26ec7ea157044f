"""Store work off the GUI thread.

Every database action from the GUI is an operation: a plain function run on a worker thread,
whose result (or error) comes back on the GUI thread through ``on_success`` / ``on_failure``.
Worker functions never touch widgets. Writes are serialised on one thread; reads run on a
second thread so a long write never freezes a search, and vice versa.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from lead_desktop.errors import LeadError

logger = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; carries a finished operation back to it."""

    sig_done = Signal(int, object, object)
    """(operation number, result, error) for one finished operation."""

    def __init__(self, pending: dict[int, tuple[Any, Success | None, Failure | None]]) -> None:
        super().__init__()
        self._pending = pending
        self.sig_done.connect(self.on_relay_done)

    @Slot(int, object, object)
    def on_relay_done(self, op: int, result: Any, error: Any) -> None:
        # Popped here, on the GUI thread: the function and the callbacks (which may hold the
        # last reference to a widget) are released on this thread, never on a worker.
        _fn, on_success, on_failure = self._pending.pop(op)
        del _fn
        if error is None:
            if on_success is not None:
                on_success(result)
            return
        if on_failure is not None:
            on_failure(error)
        else:
            logger.error("background operation failed: %s", type(error).__name__)


def log_unexpected(error: BaseException) -> None:
    """Log where an unexpected error happened: its type and frames, never its message (which
    could quote personal data)."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    logger.error("unexpected %s\n%s", type(error).__name__, frames)


class Ops(QObject):
    """Runs operations on worker threads and reports back on the GUI thread."""

    sig_busy = Signal(bool)
    """True while any operation is running, False when all are done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops: dict[int, tuple[Any, Success | None, Failure | None]] = {}
        self._numbers = itertools.count()
        self._relay = _Relay(self._ops)
        self._reads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lead-read")
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lead-write")
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False

    def read(
        self,
        fn: Callable[[], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> Future[Any]:
        """Run a read-only ``fn()`` on the read thread."""
        return self._submit(self._reads, fn, on_success, on_failure)

    def write(
        self,
        fn: Callable[[], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> Future[Any]:
        """Run ``fn()`` on the single write thread (writes never overlap)."""
        return self._submit(self._writes, fn, on_success, on_failure)

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[[], Any],
        on_success: Success | None,
        on_failure: Failure | None,
    ) -> Future[Any]:
        if self._closed:
            raise RuntimeError("operations are shut down")
        op = next(self._numbers)
        self._ops[op] = (fn, on_success, on_failure)
        holder = [fn]  # the worker takes the function out and lets go of it before reporting
        del fn
        self._count(+1)
        relay = self._relay

        def run() -> Any:
            work = holder.pop()
            result: Any = None
            error: BaseException | None = None
            try:
                result = work()
            except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
                error = exc
            del work
            if error is not None:
                if not isinstance(error, LeadError):
                    log_unexpected(error)
                    error.lead_logged = True  # type: ignore[attr-defined]
                # The traceback's frames hold the function's locals (often a widget): drop
                # them here so nothing of the GUI is released on this thread.
                error = error.with_traceback(None)
            try:
                relay.sig_done.emit(op, result, error)
            finally:
                self._count(-1)
            if error is not None:
                raise error
            return result

        return pool.submit(run)

    def _count(self, delta: int) -> None:
        with self._lock:
            before = self._pending
            self._pending += delta
            after = self._pending
        if (before == 0) != (after == 0):
            self.sig_busy.emit(after > 0)

    @property
    def busy(self) -> bool:
        """Whether an operation is still running."""
        return self._pending > 0

    def drain(self) -> None:
        """Wait for every queued operation to finish (used before the store is closed)."""
        for pool in (self._writes, self._reads):
            pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        """Finish queued work and stop the threads."""
        self._closed = True
        self._writes.shutdown(wait=True)
        self._reads.shutdown(wait=True)
