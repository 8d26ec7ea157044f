"""The Qt binding in use must not leak references on signal emits (PySide6 6.12.0 did)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    sig_plain = Signal()
    sig_value = Signal(object)


def test_emitting_signals_keeps_reference_counts_balanced(qapp: object) -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for n in range(2000):
        emitter.sig_plain.emit()
        emitter.sig_value.emit(n)
    # 6.12.0 lost one reference to True per emit, which aborts Python after long enough use.
    assert abs(sys.getrefcount(True) - before) < 50
