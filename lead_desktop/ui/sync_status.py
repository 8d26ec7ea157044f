"""Sync in the GUI: the status-bar button and the controller that runs syncs in the background.

Threading. A sync is a store-level write, but a long one (a first sync, or a slow network where
one request may wait many seconds) must not hold up the worker's own saves. So the controller
runs syncs on a thread of its own, an :class:`~lead_desktop.ui.ops.Ops` runner of its own
(its single write thread), not on the context's write thread:

- the sync engine commits in short transactions (one pushed batch, one pulled page) and holds
  no transaction while it waits for the network; SQLite serialises those commits with the
  app's saves (``BEGIN IMMEDIATE`` and a busy timeout), so a save waits at most for one batch,
  never for the network;
- reads never wait (WAL snapshots);
- syncs never overlap (one thread, and a run is not started while one is under way);
- before the store is locked, :meth:`SyncController.stop` asks the running sync to stop at its
  next step and waits for it (at most one request, bounded by the service's timeout).

Results come back on the GUI thread; progress comes through a queued signal.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QMessageBox, QStyle, QToolButton, QWidget

from lead_desktop.sync import service as policy
from lead_desktop.sync.service import SyncService, SyncSnapshot
from lead_desktop.ui.context import AppContext, Change, user_message
from lead_desktop.ui.ops import Ops
from lead_desktop.ui.sync_dialogs import PasswordDialog, SetUpSyncDialog

logger = logging.getLogger(__name__)

#: Milliseconds from unlocking to the first background sync (the caseload loads first).
FIRST_SYNC_MS = 3000
#: How often the "Synced 3 min ago" / "next try in" texts are brought up to date.
TICK_MS = 20_000


def minutes_text(seconds: float) -> tuple[int, bool]:
    """(amount, in_minutes) for a short duration shown to people: seconds below a minute."""
    if seconds < 60:
        return max(1, round(seconds)), False
    return round(seconds / 60), True


class SyncStatusButton(QToolButton):
    """The status bar's sync state; clicking it syncs now (or asks for what is missing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_state")
        self.setAccessibleName(self.tr("Sync state"))
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.show_locked()

    def show_text(self, text: str, detail: str = "", *, alert: bool = False) -> None:
        """Show a state; ``detail`` goes to the tooltip; an alert is bold."""
        self.setText(text)
        icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        self.setIcon(self.style().standardIcon(icon) if alert else QIcon())
        self.setToolTip(detail or text)
        self.setAccessibleDescription(f"{text}. {detail}" if detail else text)
        font = self.font()
        font.setBold(alert)
        self.setFont(font)

    def show_locked(self) -> None:
        """No store open."""
        self.show_text(self.tr("Sync: paused while locked"))


class SyncController(QObject):
    """Runs syncs for one unlocked session: on a timer, on "Sync now", never two at once."""

    sig_progress = Signal(str, int)
    """A running sync reached (phase, items done); emitted on the sync thread, queued here."""
    sig_finished = Signal(object)
    """A sync ended; carries the SyncSnapshot (on the GUI thread)."""
    sig_wiped = Signal(str)
    """The server revoked this laptop and its store was wiped; carries the message."""

    def __init__(self, button: SyncStatusButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button, self.window = button, parent
        self.ctx: AppContext | None = None
        self.service: SyncService | None = None
        self.ops: Ops | None = None
        self.snapshot: SyncSnapshot | None = None
        self.running = False
        self.stopped = True
        self._manual = False
        self._with_password = False
        self._due = 0.0  # monotonic time of the next background sync
        self._dialogs: list[QDialog] = []  # open sync dialogs, closed on lock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.on_tick_timeout)
        self.sig_progress.connect(self.on_sync_progress, Qt.ConnectionType.QueuedConnection)
        self.button.clicked.connect(self.sync_now)

    # -- life ------------------------------------------------------------------------------------

    def start(self, ctx: AppContext) -> None:
        """A store was unlocked: read the sync state, and sync soon (and then on the timer)."""
        self.stop()
        assert ctx.store is not None
        self.ctx, self.stopped, self.running, self.snapshot = ctx, False, False, None
        self.service = SyncService(ctx.store)
        self.service.progress = self.sig_progress.emit
        # A runner of its own: syncs never hold up the context's write thread (module docstring).
        self.ops = Ops()
        self.tick.start()
        self.run(self.service.snapshot, self._first_look, self._failed)

    def _first_look(self, snapshot: SyncSnapshot) -> None:
        if self.stopped:
            return
        self._show(snapshot)
        if snapshot.background:
            self._schedule(FIRST_SYNC_MS / 1000)

    def stop(self) -> None:
        """Before the store closes: no more syncs; stop a running one at its next step."""
        if self.stopped:
            return
        self.stopped = True
        self.timer.stop()
        self.tick.stop()
        if self.service is not None:
            self.service.cancel()
        if self.ops is not None:
            self.ops.shutdown()  # waits for the running step to end
        if self.service is not None:
            self.service.progress = None
            self.service.close()
        self.ops = self.service = self.ctx = None
        self.running = False
        for dialog in self._dialogs:
            if shiboken6.isValid(dialog):
                dialog.reject()
        self._dialogs = []
        self.button.show_locked()

    def run(self, fn: Any, on_success: Any, on_failure: Any) -> None:
        """Run ``fn()`` on the sync thread (setting up, reading the state): one at a time."""
        if not self.stopped and self.ops is not None:
            self.ops.write(fn, on_success, on_failure)

    # -- syncing ---------------------------------------------------------------------------

    @Slot()
    def sync_now(self) -> None:
        """ "Sync now": at once, asking for the server password when it is needed."""
        if self.stopped:
            return
        if self.running:
            self._manual = True  # answer its outcome as a manual sync's
            return
        snapshot = self.snapshot
        if snapshot is not None and not snapshot.enrolled:
            if self.ctx is not None and self.ctx.is_admin:
                self.set_up()  # nothing to sync with yet: an administrator may set it up
            else:
                self._show(snapshot)
            return
        if snapshot is not None and snapshot.needs_password:
            self.ask_password()
            return
        self._sync(manual=True)

    def _sync(self, password: str | None = None, *, manual: bool = False) -> None:
        if self.running or self.stopped or self.service is None or self.ops is None:
            return
        self.running, self._manual, self._with_password = True, manual, password is not None
        self.timer.stop()
        self.button.show_text(self.tr("Syncing…"))
        svc = self.service
        self.ops.write(lambda: svc.attempt(password), self._done, self._failed)

    @Slot()
    def on_timer_timeout(self) -> None:
        """Time for a background sync."""
        self._sync()

    @Slot(str, int)
    def on_sync_progress(self, phase: str, done: int) -> None:
        """Show how far the running sync is."""
        if not self.running or self.stopped:
            return
        texts = {
            "push": self.tr("Syncing… (pushed {0})"),
            "upload": self.tr("Syncing… (uploaded {0} files)"),
            "pull": self.tr("Syncing… (pulled {0})"),
            "download": self.tr("Syncing… (downloaded {0} files)"),
        }
        text = texts.get(phase)
        self.button.show_text(text.format(done) if text else self.tr("Syncing… (checking)"))

    def _done(self, snapshot: SyncSnapshot) -> None:
        self.running = False
        if self.stopped:
            return
        manual, with_password = self._manual, self._with_password
        self._manual = self._with_password = False
        if snapshot.wiped:
            self._show(snapshot)
            self.sig_wiped.emit(snapshot.last_error)
            return
        if snapshot.state == policy.REVOKED and (
            self.snapshot is None or self.snapshot.state != policy.REVOKED
        ):
            notice(self.window, snapshot.last_error)  # once, not at every try
        report = snapshot.report
        if report is not None and (
            report.pulled or report.removed or report.conflicts or report.notices
        ):
            detail = {"pulled": report.pulled, "removed": report.removed}
            assert self.ctx is not None
            self.ctx.sig_changed.emit(Change("sync", snapshot.changed_ids, detail))
        if snapshot.background:
            self._schedule(snapshot.delay)
        self._show(snapshot)
        self.sig_finished.emit(snapshot)
        if manual and snapshot.needs_password:
            problem = (
                self.tr("The server refused this password. Check it and type it again.")
                if with_password
                else ""
            )
            self.ask_password(problem)

    def _failed(self, error: BaseException) -> None:
        """Something unexpected (not a sync refusal): say so, and back off like a failure."""
        self.running = False
        if self.stopped or self.service is None:
            return
        self.service.failures += 1
        delay = self.service.next_delay()
        self._schedule(delay)
        self.button.show_text(
            self.tr("Sync failed — next try in {0}").format(self._in(delay)),
            user_message(error),
            alert=True,
        )

    def _schedule(self, seconds: float) -> None:
        self._due = time.monotonic() + seconds
        self.timer.start(max(0, round(seconds * 1000)))

    # -- the password -------------------------------------------------------------------------

    def ask_password(self, problem: str = "") -> None:
        """Ask for the server password once; sync with it (the store then keeps a key)."""
        snapshot = self.snapshot
        if self.stopped or self.ctx is None:
            return
        user = snapshot.user if snapshot else self.ctx.worker_name
        server = (snapshot.server_url if snapshot else None) or ""
        for dialog in self._dialogs:
            if shiboken6.isValid(dialog) and isinstance(dialog, PasswordDialog):
                dialog.raise_()  # already asking
                return
        dialog = PasswordDialog(user, server, problem, self.window)
        self._keep(dialog)
        dialog.accepted.connect(lambda d=dialog: self._sync(d.take_password(), manual=True))
        dialog.open()

    def _keep(self, dialog: QDialog) -> None:
        """Track an open dialog (it deletes itself when closed; a lock closes it)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d)] + [dialog]

    # -- setting up ------------------------------------------------------------------------

    def set_up(self) -> None:
        """Open the enrollment dialog (administrators)."""
        if self.stopped or self.ctx is None or self.ctx.store is None:
            return
        current = self.snapshot.server_url if self.snapshot and self.snapshot.enrolled else None
        dialog = SetUpSyncDialog(
            self.ctx.store,
            self.run,
            user=self.ctx.worker_name,
            current_server=current,
            parent=self.window,
        )
        self._keep(dialog)
        dialog.sig_enrolled.connect(self.on_setup_enrolled)
        dialog.open()

    @Slot(str)
    def on_setup_enrolled(self, _device_id: str) -> None:
        """Enrolled: forget the old client and sync at once."""
        if self.service is not None:
            svc = self.service
            self.run(svc.forget_client, lambda _none: self._sync(manual=True), self._failed)

    # -- showing -----------------------------------------------------------------------------

    @Slot()
    def on_tick_timeout(self) -> None:
        """Bring "3 min ago" and "next try in" up to date."""
        if self.snapshot is not None and not self.running:
            self._show(self.snapshot)

    def _in(self, seconds: float) -> str:
        amount, minutes = minutes_text(seconds)
        return self.tr("{0} min").format(amount) if minutes else self.tr("{0} s").format(amount)

    def _ago(self, at: str) -> str:
        try:
            then = datetime.fromisoformat(at.replace("Z", "+00:00"))
        except ValueError:
            return self.tr("Synced")
        seconds = (datetime.now(UTC) - then).total_seconds()
        if seconds < 60:
            return self.tr("Synced just now")
        if seconds < 3600:
            return self.tr("Synced {0} min ago").format(round(seconds // 60))
        if seconds < 48 * 3600:
            return self.tr("Synced {0} h ago").format(round(seconds // 3600))
        return self.tr("Synced {0} days ago").format(round(seconds // 86400))

    def _show(self, snapshot: SyncSnapshot) -> None:
        self.snapshot = snapshot
        state, detail = snapshot.state, snapshot.last_error
        remaining = max(0.0, self._due - time.monotonic())
        alert = False
        if state == policy.NOT_ENROLLED:
            text = self.tr("Sync: not set up")
            detail = self.tr(
                "This laptop is not connected to a sync server yet. An administrator sets it "
                "up with Work > Set up sync."
            )
        elif state == policy.OFFLINE:
            text = self.tr("Offline — next try in {0}").format(self._in(remaining))
            detail = self.tr(
                "The sync server cannot be reached. Your work is safe on this laptop; sync "
                "tries again by itself, or choose Sync now (Ctrl+Shift+S)."
            )
        elif state == policy.PASSWORD:
            text, alert = self.tr("Sync needs your server password"), True
            detail = self.tr("Click here or choose Sync now (Ctrl+Shift+S) to type it once.")
        elif state == policy.UPDATE:
            text, alert = self.tr("Update required to sync"), True
            detail = detail or self.tr("Install the current LEAD Desktop, then sync again.")
        elif state == policy.REVOKED:
            text, alert = self.tr("This laptop was revoked: sync stopped"), True
        elif state == policy.DISABLED:
            text, alert = self.tr("Sync: your account is disabled"), True
            detail = self.tr(
                "Ask IT to enable your account on the program's server. Your work is safe on "
                "this laptop; sync tries again by itself."
            )
        elif state == policy.ERROR:
            text, alert = self.tr("Sync failed — next try in {0}").format(self._in(remaining)), True
        elif snapshot.last_synced_at:
            text = self._ago(snapshot.last_synced_at)
        else:
            text = self.tr("Sync: not synced yet")
        if snapshot.open_conflicts and state != policy.NOT_ENROLLED:
            text = self.tr("{0} · Conflicts to review: {1}").format(text, snapshot.open_conflicts)
        self.button.show_text(text, detail, alert=alert)


def notice(parent: QWidget | None, message: str) -> None:
    """Tell the worker something about sync that needs their attention (non-blocking)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("SyncController", "Sync"))
    box.setText(message)
    box.setAccessibleName(QCoreApplication.translate("SyncController", "Sync message"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
