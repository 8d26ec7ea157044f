"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed. If that is a worker thread and the garbage holds a Qt widget, the widget is deleted off
the GUI thread and the process crashes. So automatic collection is switched off while the GUI
runs, and this timer collects on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

#: Young objects are collected often (cheap); everything now and then.
YOUNG_MS = 1_000
FULL_EVERY = 30


class GuiThreadCollector(QObject):
    """Disables automatic collection and collects on a GUI-thread timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(YOUNG_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        gc.disable()
        self._timer.start()

    @Slot()
    def on_timer_timeout(self) -> None:
        """Collect the young generation; everything every FULL_EVERY ticks."""
        self._ticks += 1
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 0)

    def stop(self) -> None:
        """Collect everything and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        gc.enable()
