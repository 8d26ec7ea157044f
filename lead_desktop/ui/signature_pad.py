"""A box to sign in with a pen, a finger or a mouse, kept as vector strokes.

The strokes are what :func:`lead_desktop.store.consents.sign_consent` takes: a list of strokes,
each a list of ``[x, y]`` points between 0 and 1, origin at the top left of the capture box.
The box is three times wider than high, as on the printed form, so the signature is not
distorted when printed. Pen pressure, when the device reports it, only shapes the ink on screen
(:meth:`SignaturePad.pressures`); it is not stored.

Nobody can draw with a keyboard: every screen that offers this pad also offers "signed on
paper" with a witness, which works by keyboard alone.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QVBoxLayout,
    QWidget,
)

logger = logging.getLogger(__name__)

#: Width / height of the capture box (the printed signature box has the same proportions).
ASPECT = 3.0
#: Points closer than this (in box units) to the previous one are dropped: smaller, same look.
MIN_STEP = 0.002
#: Decimals kept (the store rounds to the same, so equal signatures give equal bytes).
DECIMALS = 4

Point = list[float]
Stroke = list[Point]


class SignatureCanvas(QWidget):
    """The capture surface: draws strokes from mouse, touch and tablet (pen) input."""

    sig_changed = Signal()
    """The strokes changed (a stroke was drawn, undone or cleared)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_canvas")
        self.setAccessibleName(self.tr("Signature box"))
        self.setAccessibleDescription(
            self.tr(
                "Sign here with a pen, a finger or the mouse. Backspace undoes the last stroke, "
                "Delete clears. Without a pointer, record that it was signed on paper instead."
            )
        )
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._strokes: list[Stroke] = []
        self._pressures: list[list[float]] = []
        self._drawing = False

    # -- geometry ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.fontMetrics().averageCharWidth() * 60
        return QSize(width, round(width / ASPECT))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = self.fontMetrics().averageCharWidth() * 30
        return QSize(width, round(width / ASPECT))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return round(width / ASPECT)

    def box(self) -> QRectF:
        """The capture box: the largest 3:1 rectangle centred in the widget."""
        margin = 2.0
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        width = min(area.width(), area.height() * ASPECT)
        height = width / ASPECT
        return QRectF(
            area.x() + (area.width() - width) / 2,
            area.y() + (area.height() - height) / 2,
            width,
            height,
        )

    def _unit(self, position: QPointF) -> Point:
        box = self.box()
        if box.width() <= 0 or box.height() <= 0:
            return [0.0, 0.0]
        x = min(max((position.x() - box.x()) / box.width(), 0.0), 1.0)
        y = min(max((position.y() - box.y()) / box.height(), 0.0), 1.0)
        return [round(x, DECIMALS), round(y, DECIMALS)]

    # -- strokes -------------------------------------------------------------------------------

    def strokes(self) -> list[Stroke]:
        """The strokes, each a list of [x, y] points in 0..1 (origin top left of the box)."""
        return [[list(p) for p in stroke] for stroke in self._strokes]

    def pressures(self) -> list[list[float]]:
        """The pen pressure at each point (1.0 where the device gave none)."""
        return [list(p) for p in self._pressures]

    def set_strokes(self, strokes: list[Stroke]) -> None:
        """Show these strokes (e.g. a signature kept in a draft)."""
        self._strokes = [[[float(x), float(y)] for x, y in stroke] for stroke in strokes]
        self._pressures = [[1.0] * len(stroke) for stroke in self._strokes]
        self._drawing = False
        self.update()
        self.sig_changed.emit()

    def is_empty(self) -> bool:
        """Whether nothing is drawn."""
        return not self._strokes

    @Slot()
    def clear(self) -> None:
        """Remove every stroke."""
        if self._strokes:
            self._strokes.clear()
            self._pressures.clear()
            self._drawing = False
            self.update()
            self.sig_changed.emit()

    @Slot()
    def undo(self) -> None:
        """Remove the last stroke."""
        if self._strokes:
            self._strokes.pop()
            self._pressures.pop()
            self._drawing = False
            self.update()
            self.sig_changed.emit()

    def _begin(self, position: QPointF, pressure: float) -> None:
        self._drawing = True
        self._strokes.append([self._unit(position)])
        self._pressures.append([pressure])
        self.update()

    def _extend(self, position: QPointF, pressure: float) -> None:
        if not self._drawing or not self._strokes:
            return
        point = self._unit(position)
        last = self._strokes[-1][-1]
        if abs(point[0] - last[0]) < MIN_STEP and abs(point[1] - last[1]) < MIN_STEP:
            return
        self._strokes[-1].append(point)
        self._pressures[-1].append(pressure)
        self.update()

    def _end(self, position: QPointF, pressure: float) -> None:
        if not self._drawing:
            return
        self._extend(position, pressure)
        self._drawing = False
        self.update()
        self.sig_changed.emit()

    # -- input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._begin(event.position(), 1.0)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drawing:
            self._extend(event.position(), 1.0)
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._end(event.position(), 1.0)
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        pressure = float(event.pressure()) if event.pressure() > 0 else 1.0
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position(), pressure)
        event.accept()  # accepted: Qt then sends no mouse events made up from the pen

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        touch = (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        )
        if kind in touch and isinstance(event, QTouchEvent):
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            if self._drawing and self._strokes:
                self._strokes.pop()
                self._pressures.pop()
            self._drawing = False
            self.update()
            event.accept()
            return
        points = event.points()
        if not points:
            return
        point = points[0]  # one finger signs; others (a resting palm) are ignored
        pressure = float(point.pressure()) if point.pressure() > 0 else 1.0
        if kind == QEvent.Type.TouchBegin:
            self._begin(point.position(), pressure)
        elif kind == QEvent.Type.TouchUpdate:
            self._extend(point.position(), pressure)
        else:
            self._end(point.position(), pressure)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Backspace:
            self.undo()
        elif event.key() == Qt.Key.Key_Delete:
            self.clear()
        else:
            super().keyPressEvent(event)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        box = self.box()
        painter.fillRect(box, palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(box)
        line_y = box.top() + box.height() * 0.75
        painter.drawLine(
            QPointF(box.left() + box.width() * 0.05, line_y),
            QPointF(box.right() - box.width() * 0.05, line_y),
        )
        if not self._strokes:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                box.adjusted(box.width() * 0.05, 0, 0, -box.height() * 0.28),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                self.tr("× Sign here"),
            )
        ink = palette.color(QPalette.ColorRole.Text)
        base_width = max(box.height() / 60.0, 1.5)
        for stroke, pressures in zip(self._strokes, self._pressures, strict=True):
            self._paint_stroke(painter, box, stroke, pressures, ink=ink, base_width=base_width)
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self.rect()
            option.backgroundColor = palette.color(QPalette.ColorRole.Window)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter)
        painter.end()

    @staticmethod
    def _paint_stroke(
        painter: QPainter,
        box: QRectF,
        stroke: Stroke,
        pressures: list[float],
        *,
        ink: QColor,
        base_width: float,
    ) -> None:
        def at(point: Point) -> QPointF:
            return QPointF(box.x() + point[0] * box.width(), box.y() + point[1] * box.height())

        pen = QPen(ink)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if len(stroke) == 1:
            pen.setWidthF(base_width * 1.5)
            painter.setPen(pen)
            painter.drawPoint(at(stroke[0]))
            return
        if all(p == 1.0 for p in pressures):
            pen.setWidthF(base_width)
            painter.setPen(pen)
            path = QPainterPath(at(stroke[0]))
            for point in stroke[1:]:
                path.lineTo(at(point))
            painter.drawPath(path)
            return
        for n in range(1, len(stroke)):
            pen.setWidthF(base_width * (0.4 + 1.2 * pressures[n]))
            painter.setPen(pen)
            painter.drawLine(at(stroke[n - 1]), at(stroke[n]))


class SignaturePad(QWidget):
    """The signature box with Undo and Clear; see the module docstring for the stroke format."""

    sig_changed = Signal()
    """The strokes changed (a stroke was drawn, undone or cleared)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setAccessibleName(self.tr("On-screen signature"))
        self.canvas = SignatureCanvas(self)
        self.canvas.sig_changed.connect(self.on_canvas_changed)
        self.hint = QLabel(
            self.tr("Sign in the box with a pen, a finger or the mouse."),
        )
        self.hint.setObjectName("signature_hint")
        self.hint.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo last stroke"))
        self.undo_button.setObjectName("signature_undo")
        self.undo_button.setAccessibleName(self.tr("Undo the last stroke of the signature"))
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button = QPushButton(self.tr("C&lear signature"))
        self.clear_button.setObjectName("signature_clear")
        self.clear_button.setAccessibleName(self.tr("Clear the signature"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.canvas.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.canvas, self.undo_button)
        self.setTabOrder(self.undo_button, self.clear_button)
        self.on_canvas_changed()

    def strokes(self) -> list[list[list[float]]]:
        """The strokes, each a list of [x, y] points in 0..1 (origin top left of the box)."""
        return self.canvas.strokes()

    def pressures(self) -> list[list[float]]:
        """The pen pressure at each point (1.0 where the device gave none); not stored."""
        return self.canvas.pressures()

    def set_strokes(self, strokes: list[list[list[float]]]) -> None:
        """Show these strokes."""
        self.canvas.set_strokes(strokes)

    def is_empty(self) -> bool:
        """Whether nothing is drawn."""
        return self.canvas.is_empty()

    def clear(self) -> None:
        """Remove every stroke."""
        self.canvas.clear()

    def undo(self) -> None:
        """Remove the last stroke."""
        self.canvas.undo()

    @Slot()
    def on_canvas_changed(self) -> None:
        """Keep the buttons in step with the strokes, and pass the news on."""
        drawn = not self.canvas.is_empty()
        self.undo_button.setEnabled(drawn)
        self.clear_button.setEnabled(drawn)
        count = len(self.canvas.strokes())
        self.canvas.setAccessibleDescription(
            self.tr("{0} stroke(s) drawn. Backspace undoes the last stroke, Delete clears.").format(
                count
            )
            if drawn
            else self.tr(
                "Empty. Sign with a pen, a finger or the mouse. Without a pointer, record that "
                "it was signed on paper instead."
            )
        )
        self.sig_changed.emit()
