"""What every screen shares: the open store, the operations runner and the change signal."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import Connection, select

from lead_desktop.errors import LeadError, ValidationError
from lead_desktop.store.schema import Worker
from lead_desktop.store.store import Store
from lead_desktop.store.tx import Tx
from lead_desktop.ui import labels
from lead_desktop.ui.ops import Failure, Ops, Success, log_unexpected

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """What a write changed, so views can refresh only when it concerns them."""

    entity: str
    ids: tuple[str, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)


def user_message(error: BaseException, *, logged: bool = False) -> str:
    """The text to show a user for an error: ours are written for people, others are not."""
    if isinstance(error, ValidationError):
        return "\n".join("• {}: {}".format(*labels.issue_text(i)) for i in error.issues)
    if isinstance(error, LeadError):
        return str(error)
    if not logged and not getattr(error, "lead_logged", False):
        log_unexpected(error)
    return QCoreApplication.translate(
        "QObject",
        "Something went wrong and nothing was saved. Try again; if it keeps happening, "
        "run 'lead-desktop self-test' and tell your program's IT contact.",
    )


class AppContext(QObject):
    """The session: data directory, open store (or none while locked), and operations."""

    sig_changed = Signal(object)
    """A write finished; carries the Change it made."""
    sig_store_opened = Signal()
    """A worker unlocked the store."""
    sig_store_closed = Signal()
    """The store was locked or closed."""

    def __init__(
        self, data_dir: Path, *, demo: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.demo = demo
        self.store: Store | None = None
        self.worker_role = ""
        self.ops = Ops(self)
        #: Draft keepers of the open forms, saved at once before an idle lock.
        self.keepers: weakref.WeakSet[Any] = weakref.WeakSet()

    @property
    def root(self) -> Path:
        """The store folder inside the data directory."""
        return self.data_dir / "store"

    @property
    def worker_name(self) -> str:
        """Who is working now ("" while locked)."""
        return self.store.worker_name if self.store else ""

    @property
    def is_admin(self) -> bool:
        """Whether the worker may change program settings and manage workers."""
        return self.worker_role == "administrator"

    def open(self, store: Store) -> None:
        """Adopt an unlocked store."""
        self.store = store
        with store.read() as conn:
            role = conn.execute(select(Worker.role).where(Worker.id == store.worker_id)).scalar()
        self.worker_role = str(role or "")
        self.sig_store_opened.emit()

    def save_drafts(self) -> None:
        """Write every open form's unsaved edits as drafts, and wait until they are durable."""
        for keeper in list(self.keepers):
            if not (shiboken6.isValid(keeper) and shiboken6.isValid(keeper.form)):
                self.keepers.discard(keeper)  # its form was already closed and deleted
                continue
            try:
                keeper.save_now()
            except RuntimeError:  # its form is being torn down (a widget already deleted)
                self.keepers.discard(keeper)
        self.ops.drain()

    def close(self) -> None:
        """Save open forms as drafts, finish pending work, then close the store."""
        if self.store is None:
            return
        self.save_drafts()
        self.ops.drain()
        store, self.store = self.store, None
        store.close()
        self.worker_role = ""
        self.sig_store_closed.emit()

    def forget_store(self) -> None:
        """Let go of a store that is already closed and erased (a revoked laptop's wipe):
        no drafts to save, nothing to close."""
        if self.store is None:
            return
        self.store = None
        self.worker_role = ""
        self.sig_store_closed.emit()

    def _need_store(self) -> Store:
        if self.store is None:
            raise LeadError(self.tr("The store is locked; unlock it first."))
        return self.store

    def read(
        self,
        fn: Callable[[Connection], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        """Run ``fn(conn)`` in a read snapshot on the read thread."""
        store = self._need_store()

        def job() -> Any:
            with store.read() as conn:
                return fn(conn)

        self.ops.read(job, on_success, on_failure)

    def call(
        self,
        fn: Callable[[Store], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        """Run ``fn(store)`` on the read thread (services that open their own snapshot)."""
        store = self._need_store()
        self.ops.read(lambda: fn(store), on_success, on_failure)

    def write(
        self,
        fn: Callable[[Tx], Any],
        change: Change | Callable[[Any], Change] | None,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        """Run ``fn(tx)`` in one durable transaction on the write thread, then announce it."""
        store = self._need_store()

        def job() -> Any:
            with store.write() as tx:
                return fn(tx)

        def done(result: Any) -> None:
            if change is not None:
                self.sig_changed.emit(change(result) if callable(change) else change)
            if on_success is not None:
                on_success(result)

        self.ops.write(job, done, on_failure)

    def write_store(
        self,
        fn: Callable[[Store], Any],
        change: Change | None,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        """Run a store-level action ``fn(store)`` (settings, workers) on the write thread."""
        store = self._need_store()

        def done(result: Any) -> None:
            if change is not None:
                self.sig_changed.emit(change)
            if on_success is not None:
                on_success(result)

        self.ops.write(lambda: fn(store), done, on_failure)


_UNOWNED: set[QMessageBox] = set()


def show_error(
    parent: QWidget | None, error: BaseException, title: str = "", *, logged: bool = False
) -> None:
    """Tell the user what went wrong and how to fix it; never a traceback."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("QObject", "LEAD Desktop"))
    box.setText(user_message(error, logged=logged))
    box.setAccessibleName(QCoreApplication.translate("QObject", "Error message"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing owns it: keep it alive until it is closed
        _UNOWNED.add(box)
        box.finished.connect(lambda _result, b=box: _UNOWNED.discard(b))
    box.open()  # window-modal but not blocking, so background work carries on
