"""The signature pad: strokes drawn by mouse, touch and pen, kept in the store's format."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from lead_desktop.domain.consent import check_strokes
from lead_desktop.ui.signature_pad import ASPECT, SignaturePad


def _pad(qtbot: QtBot) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 260)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def _canvas(pad: SignaturePad) -> QWidget:
    canvas = pad.findChild(QWidget, "signature_canvas")
    assert canvas is not None
    return canvas


def _button(pad: SignaturePad, name: str) -> QPushButton:
    button = pad.findChild(QPushButton, name)
    assert button is not None
    return button


def _at(canvas: QWidget, x: float, y: float) -> QPoint:
    """A point of the capture box given in 0..1 box units."""
    box = canvas.box()  # type: ignore[attr-defined]
    return QPoint(round(box.x() + x * box.width()), round(box.y() + y * box.height()))


def draw(qtbot: QtBot, canvas: QWidget, points: list[tuple[float, float]]) -> None:
    """Draw one stroke with the mouse through these box points."""
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=_at(canvas, *points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, _at(canvas, x, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=_at(canvas, *points[-1]))


def test_mouse_strokes_are_kept_as_unit_box_points_the_store_accepts(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    canvas = _canvas(pad)
    assert pad.accessibleName() and canvas.accessibleName()
    assert pad.strokes() == []
    assert not _button(pad, "signature_undo").isEnabled()
    assert not _button(pad, "signature_clear").isEnabled()
    with qtbot.waitSignal(pad.sig_changed):
        draw(qtbot, canvas, [(0.1, 0.7), (0.2, 0.3), (0.3, 0.6), (0.4, 0.2)])
    draw(qtbot, canvas, [(0.5, 0.5), (0.9, 0.45)])
    strokes = pad.strokes()
    assert len(strokes) == 2
    assert len(strokes[0]) == 4 and len(strokes[1]) == 2
    for stroke in strokes:
        for point in stroke:
            assert len(point) == 2 and all(0 <= v <= 1 for v in point)
    assert abs(strokes[0][0][0] - 0.1) < 0.01 and abs(strokes[0][0][1] - 0.7) < 0.02
    assert check_strokes(strokes) == strokes  # exactly what sign_consent takes
    assert _button(pad, "signature_undo").isEnabled()
    assert pad.pressures() == [[1.0] * 4, [1.0] * 2]


def test_the_box_has_the_printed_proportions_and_points_outside_are_clamped(
    qtbot: QtBot,
) -> None:
    pad = _pad(qtbot)
    canvas = _canvas(pad)
    box = canvas.box()  # type: ignore[attr-defined]
    assert abs(box.width() / box.height() - ASPECT) < 0.01
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=_at(canvas, 0.5, 0.5))
    qtbot.mouseMove(canvas, QPoint(canvas.width() + 50, -40))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(canvas.width() + 50, -40))
    (stroke,) = pad.strokes()
    assert stroke[-1] == [1.0, 0.0]


def test_undo_and_clear_by_button_and_by_key(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    canvas = _canvas(pad)
    for n in range(3):
        draw(qtbot, canvas, [(0.1 + n * 0.2, 0.5), (0.2 + n * 0.2, 0.4)])
    assert len(pad.strokes()) == 3
    qtbot.mouseClick(_button(pad, "signature_undo"), Qt.MouseButton.LeftButton)
    assert len(pad.strokes()) == 2
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)
    assert len(pad.strokes()) == 1
    draw(qtbot, canvas, [(0.1, 0.5), (0.2, 0.4)])
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert pad.strokes() == []
    draw(qtbot, canvas, [(0.1, 0.5), (0.2, 0.4)])
    with qtbot.waitSignal(pad.sig_changed):
        qtbot.mouseClick(_button(pad, "signature_clear"), Qt.MouseButton.LeftButton)
    assert pad.strokes() == []
    assert not _button(pad, "signature_clear").isEnabled()


def test_a_finger_draws_one_stroke_per_touch(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    canvas = _canvas(pad)
    device = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
    window = canvas.window().windowHandle()
    assert window is not None

    def at_window(x: float, y: float) -> QPoint:
        return canvas.mapTo(canvas.window(), _at(canvas, x, y))

    QTest.touchEvent(window, device).press(0, at_window(0.2, 0.6)).commit()
    QTest.touchEvent(window, device).move(0, at_window(0.4, 0.3)).commit()
    QTest.touchEvent(window, device).move(0, at_window(0.6, 0.6)).commit()
    QTest.touchEvent(window, device).release(0, at_window(0.6, 0.6)).commit()
    QApplication.processEvents()
    (stroke,) = pad.strokes()
    assert len(stroke) == 3
    assert abs(stroke[1][0] - 0.4) < 0.01 and abs(stroke[1][1] - 0.3) < 0.02


def test_a_pen_draws_with_pressure(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    canvas = _canvas(pad)
    pen = QPointingDevice(
        "pen",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )
    steps = [
        (QTabletEvent.Type.TabletPress, 0.2, 0.5, 0.3),
        (QTabletEvent.Type.TabletMove, 0.3, 0.4, 0.6),
        (QTabletEvent.Type.TabletMove, 0.4, 0.5, 0.9),
        (QTabletEvent.Type.TabletRelease, 0.4, 0.5, 0.0),
    ]
    for kind, x, y, pressure in steps:
        local = QPointF(_at(canvas, x, y))
        event = QTabletEvent(
            kind,
            pen,
            local,
            QPointF(canvas.mapToGlobal(local)),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButtons(Qt.MouseButton.LeftButton)
            if kind != QTabletEvent.Type.TabletRelease
            else Qt.MouseButtons(),
        )
        QApplication.sendEvent(canvas, event)
    (stroke,) = pad.strokes()
    assert len(stroke) == 3
    assert pad.pressures() == [[0.3, 0.6, 0.9]]
    assert check_strokes(pad.strokes())


def test_strokes_can_be_shown_again(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    strokes = [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.5]]]
    pad.set_strokes(strokes)
    assert pad.strokes() == strokes
    assert not pad.is_empty()
    pad.grab()  # paints without error
