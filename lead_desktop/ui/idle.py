"""Notice when nobody is at the keyboard, or the laptop slept, so the store can be locked."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

#: Input events that count as someone being there.
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}
#: A wall-clock jump this much larger than the monotonic clock's means the machine slept.
SLEEP_GAP_S = 30.0
_TICK_MS = 5000


class IdleWatcher(QObject):
    """Emits ``sig_idle`` after a quiet spell and ``sig_slept`` after a suspend."""

    sig_idle = Signal()
    """Nobody touched keyboard, mouse or screen for the configured time."""
    sig_slept = Signal()
    """The machine was suspended (the wall clock jumped ahead of the monotonic one)."""

    def __init__(self, app: QApplication, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sig_idle)
        self.set_minutes(minutes)
        self._tick = QTimer(self)
        self._tick.setInterval(_TICK_MS)
        self._tick.timeout.connect(self.on_tick_timeout)
        self._wall = time.time()
        self._mono = time.monotonic()
        app.installEventFilter(self)
        self._app = app
        self._active = False

    def set_minutes(self, minutes: float) -> None:
        """Change the idle time (takes effect from now)."""
        self._timer.setInterval(max(1, int(minutes * 60_000)))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Start watching (the store is open)."""
        self._active = True
        self._timer.start()
        self._wall, self._mono = time.time(), time.monotonic()
        self._tick.start()

    def stop(self) -> None:
        """Stop watching (the store is locked)."""
        self._active = False
        self._timer.stop()
        self._tick.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._active and event.type() in _ACTIVITY:
            self._timer.start()
        return False

    @Slot()
    def on_tick_timeout(self) -> None:
        """Compare clocks: a suspend stops the monotonic clock but not the wall clock."""
        wall, mono = time.time(), time.monotonic()
        gap = (wall - self._wall) - (mono - self._mono)
        self._wall, self._mono = wall, mono
        if self._active and gap > SLEEP_GAP_S:
            self.sig_slept.emit()
