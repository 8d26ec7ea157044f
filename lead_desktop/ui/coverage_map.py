"""An offline map of the coverage area: the polygon, its boundary streets, and a pin to place.

Drawn with QPainter from the bundled GeoJSON (no tiles, no network) in a simple equirectangular
projection fitted to the widget with the aspect kept. Click to place the pin; or, from the
keyboard, arrow keys move the pin (Shift for larger steps) and Enter places it.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QWidget,
)

from lead_desktop.domain.coverage import CoverageArea
from lead_desktop.domain.places import MapLayers, Place, Street, distance_m

logger = logging.getLogger(__name__)

#: Share of the area's size left around it, so a worker can place the pin outside too.
MARGIN = 0.35
#: One arrow key press moves the pin this share of the view (Shift: five times more).
KEY_STEP = 1 / 60
_SCALE_STEPS = (25, 50, 100, 200, 250, 500, 1000, 2000)


class CoverageMap(QWidget):
    """The coverage polygon, boundary streets and landmarks, with a pin the worker places."""

    sig_point_chosen = Signal(float, float)
    """The worker placed the pin at (latitude, longitude)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverage_map")
        self.setAccessibleName(self.tr("Coverage map"))
        self.setAccessibleDescription(
            self.tr(
                "Click where the referral happened. With the keyboard, arrow keys move the pin "
                "(Shift for larger steps) and Enter places it."
            )
        )
        self.setToolTip(self.tr("Click where the referral happened, or use arrow keys and Enter"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._area: CoverageArea | None = None
        self._streets: tuple[Street, ...] = ()
        self._landmarks: tuple[Place, ...] = ()
        self._pin: tuple[float, float] | None = None
        self._placed = False  # False while the keyboard is still moving the pin
        self._view: tuple[float, float, float, float] | None = None  # south, west, north, east

    # -- data ----------------------------------------------------------------------------

    def set_area(self, area: CoverageArea, layers: MapLayers | None = None) -> None:
        """Show an area (and the streets and landmarks drawn with it)."""
        self._area = area
        if layers is not None:
            self._streets, self._landmarks = layers.streets, layers.landmarks
        s, w, n, e = area.bounds
        for street in self._streets:
            for lon, lat in street.points:
                s, w, n, e = min(s, lat), min(w, lon), max(n, lat), max(e, lon)
        pad_lat, pad_lon = (n - s) * MARGIN or 0.001, (e - w) * MARGIN or 0.001
        self._view = (s - pad_lat, w - pad_lon, n + pad_lat, e + pad_lon)
        self.update()

    @property
    def area(self) -> CoverageArea | None:
        """The area shown (None until loaded)."""
        return self._area

    def pin(self) -> tuple[float, float] | None:
        """The pin's (latitude, longitude), placed or still moving; None when there is none."""
        return self._pin

    def is_placed(self) -> bool:
        """Whether the pin was placed (clicked, or confirmed with Enter)."""
        return self._pin is not None and self._placed

    def set_pin(self, lat: float, lon: float) -> None:
        """Show a placed pin (e.g. from a landmark); does not emit sig_point_chosen."""
        self._pin, self._placed = (lat, lon), True
        self._describe()
        self.update()

    def clear_pin(self) -> None:
        """Remove the pin."""
        self._pin, self._placed = None, False
        self._describe()
        self.update()

    def _describe(self) -> None:
        if self._pin is None:
            where = self.tr("No pin placed.")
        else:
            where = self.tr("Pin at latitude {0:.5f}, longitude {1:.5f}.").format(*self._pin)
        self.setAccessibleDescription(
            where
            + " "
            + self.tr("Arrow keys move the pin (Shift for larger steps); Enter places it.")
        )

    # -- projection ----------------------------------------------------------------------

    def _frame(self) -> tuple[float, float, float, float, float] | None:
        """(scale in px per x unit, x of west edge, y of north edge, left px, top px)."""
        if self._view is None:
            return None
        s, w, n, e = self._view
        k = math.cos(math.radians((s + n) / 2))
        span_x, span_y = (e - w) * k, n - s
        rect = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        scale = min(rect.width() / span_x, rect.height() / span_y)
        left = rect.left() + (rect.width() - span_x * scale) / 2
        top = rect.top() + (rect.height() - span_y * scale) / 2
        return scale, w * k, n, left, top

    def _k(self) -> float:
        assert self._view is not None
        return math.cos(math.radians((self._view[0] + self._view[2]) / 2))

    def to_screen(self, lat: float, lon: float) -> QPointF:
        """Where a position is drawn, in widget coordinates."""
        frame = self._frame()
        if frame is None:
            return QPointF()
        scale, x0, y0, left, top = frame
        return QPointF(left + (lon * self._k() - x0) * scale, top + (y0 - lat) * scale)

    def to_geo(self, point: QPointF) -> tuple[float, float] | None:
        """The (latitude, longitude) under a widget point; None before the area is loaded."""
        frame = self._frame()
        if frame is None:
            return None
        scale, x0, y0, left, top = frame
        lon = (x0 + (point.x() - left) / scale) / self._k()
        lat = y0 - (point.y() - top) / scale
        return lat, lon

    # -- input ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """Place the pin where the worker clicked."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        geo = self.to_geo(event.position())
        if geo is not None:
            self._choose(*geo)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Arrow keys move the pin; Enter (or Space) places it."""
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
        }
        if key in moves and self._view is not None:
            s, w, n, e = self._view
            lat, lon = self._pin or ((s + n) / 2, (w + e) / 2)
            factor = 5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            dlat, dlon = moves[Qt.Key(key)]
            step = (n - s) * KEY_STEP * factor
            lat = min(max(lat + dlat * step, s), n)
            lon = min(max(lon + dlon * step / self._k(), w), e)
            self._pin, self._placed = (lat, lon), False
            self._describe()
            self.update()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._pin:
            self._choose(*self._pin)
            event.accept()
            return
        super().keyPressEvent(event)

    def _choose(self, lat: float, lon: float) -> None:
        self._pin, self._placed = (lat, lon), True
        self._describe()
        self.update()
        self.sig_point_chosen.emit(lat, lon)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Redraw to show the focus frame and the keyboard hint."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Redraw without the focus frame."""
        super().focusOutEvent(event)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """A comfortable size; the map scales to whatever it gets."""
        return QSize(520, 420)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Still usable when small."""
        return QSize(220, 180)

    # -- drawing -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Draw the area, streets, landmarks, pin, scale bar and focus frame."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        if self._area is None:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Loading the map…"))
            painter.end()
            return
        self._draw_area(painter, pal)
        self._draw_street_lines(painter, pal)
        self._draw_landmarks(painter, pal)
        self._draw_street_names(painter, pal)  # over landmark labels, which matter less
        self._draw_scale(painter, pal)
        if self._pin is not None:
            self._draw_pin(painter, pal)
        if self.hasFocus():
            self._draw_focus(painter, pal)
        painter.end()

    def _draw_area(self, painter: QPainter, pal: QPalette) -> None:
        assert self._area is not None
        fill = QColor(pal.color(QPalette.ColorRole.Highlight))
        fill.setAlpha(55)
        edge = QPen(pal.color(QPalette.ColorRole.Highlight), 2.5)
        edge.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for polygon in self._area.polygons:
            path = QPainterPath()
            for ring in polygon:
                path.addPolygon(QPolygonF([self.to_screen(lat, lon) for lon, lat in ring]))
                path.closeSubpath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            painter.fillPath(path, fill)
            painter.strokePath(path, edge)

    def _halo_text(
        self, painter: QPainter, pal: QPalette, at: QPointF, text: str, bold: bool = False
    ) -> None:
        font = painter.font()
        font.setBold(bold)
        path = QPainterPath()
        path.addText(at, font, text)
        painter.strokePath(path, QPen(pal.color(QPalette.ColorRole.Base), 3.5))
        painter.fillPath(path, pal.color(QPalette.ColorRole.Text))

    def _draw_street_lines(self, painter: QPainter, pal: QPalette) -> None:
        line = QColor(pal.color(QPalette.ColorRole.Text))
        line.setAlpha(150)
        pen = QPen(line, 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for street in self._streets:
            points = [self.to_screen(lat, lon) for lon, lat in street.points]
            painter.drawPolyline(QPolygonF(points))

    def _draw_street_names(self, painter: QPainter, pal: QPalette) -> None:
        base = painter.font()
        for street in self._streets:
            a = self.to_screen(street.points[0][1], street.points[0][0])
            b = self.to_screen(street.points[-1][1], street.points[-1][0])
            angle = math.degrees(math.atan2(b.y() - a.y(), b.x() - a.x()))
            if angle > 90 or angle < -90:
                angle += 180
            length = math.hypot(b.x() - a.x(), b.y() - a.y()) * 0.95
            font = QFont(base)
            font.setBold(True)
            metrics = QFontMetricsF(font)
            if metrics.horizontalAdvance(street.name) > length:  # shrink a little before eliding
                font.setPointSizeF(font.pointSizeF() * 0.8)
                metrics = QFontMetricsF(font)
            text = metrics.elidedText(street.name, Qt.TextElideMode.ElideRight, length)
            mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            painter.save()
            painter.setFont(font)
            painter.translate(mid)
            painter.rotate(angle)
            at = QPointF(-metrics.horizontalAdvance(text) / 2, -metrics.descent() - 5)
            self._halo_text(painter, pal, at, text, bold=True)
            painter.restore()

    def _draw_landmarks(self, painter: QPainter, pal: QPalette) -> None:
        dot = pal.color(QPalette.ColorRole.Text)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Base), 1.5))
        painter.setBrush(dot)
        metrics = QFontMetricsF(painter.font())
        for place in self._landmarks:
            at = self.to_screen(place.lat, place.lon)
            painter.drawEllipse(at, 3.5, 3.5)
            text_at = QPointF(at.x() + 7, at.y() + metrics.ascent() / 2 - 1)
            if text_at.x() + metrics.horizontalAdvance(place.name) > self.width() - 4:
                text_at.setX(at.x() - 7 - metrics.horizontalAdvance(place.name))
            self._halo_text(painter, pal, text_at, place.name)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_scale(self, painter: QPainter, pal: QPalette) -> None:
        assert self._view is not None
        s, w, n, e = self._view
        mid = (s + n) / 2
        a, b = self.to_screen(mid, w), self.to_screen(mid, e)
        metres_per_px = distance_m(mid, w, mid, e) / max(1.0, b.x() - a.x())
        target = self.width() / 5 * metres_per_px
        metres = max((m for m in _SCALE_STEPS if m <= target), default=_SCALE_STEPS[0])
        px = metres / metres_per_px
        metrics = QFontMetricsF(painter.font())
        y = self.height() - 12
        x = self.width() - 14 - px
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 2))
        painter.drawLine(QPointF(x, y), QPointF(x + px, y))
        painter.drawLine(QPointF(x, y - 5), QPointF(x, y))
        painter.drawLine(QPointF(x + px, y - 5), QPointF(x + px, y))
        label = self.tr("{0} m").format(metres)
        at = QPointF(x + px / 2 - metrics.horizontalAdvance(label) / 2, y - 6)
        self._halo_text(painter, pal, at, label)
        north = self.tr("N")
        top = metrics.height() + 4
        x_n = self.width() - 18
        self._halo_text(
            painter, pal, QPointF(x_n - metrics.horizontalAdvance(north) / 2, top), north, True
        )
        arrow = QPolygonF(
            [QPointF(x_n, top + 4), QPointF(x_n - 5, top + 14), QPointF(x_n + 5, top + 14)]
        )
        painter.setBrush(pal.color(QPalette.ColorRole.Text))
        painter.drawPolygon(arrow)
        painter.drawLine(QPointF(x_n, top + 14), QPointF(x_n, top + 24))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_pin(self, painter: QPainter, pal: QPalette) -> None:
        assert self._pin is not None
        tip = self.to_screen(*self._pin)
        radius = max(9.0, QFontMetricsF(painter.font()).height() * 0.65)
        head = QPointF(tip.x(), tip.y() - radius * 2.2)
        path = QPainterPath()
        path.moveTo(tip)
        path.lineTo(head.x() - radius * 0.8, head.y() + radius * 0.6)
        path.arcTo(QRectF(head.x() - radius, head.y() - radius, radius * 2, radius * 2), 217, -254)
        path.closeSubpath()
        outline = QPen(pal.color(QPalette.ColorRole.Base), 2)
        body = pal.color(QPalette.ColorRole.Text)
        if self._placed:
            painter.fillPath(path, body)
            painter.strokePath(path, outline)
            painter.setBrush(pal.color(QPalette.ColorRole.Base))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(head, radius * 0.38, radius * 0.38)
        else:  # still moving with the keys: hollow, with a crosshair at the tip
            painter.strokePath(path, QPen(pal.color(QPalette.ColorRole.Base), 4))
            dashed = QPen(body, 2, Qt.PenStyle.DashLine)
            painter.strokePath(path, dashed)
            painter.setPen(QPen(body, 1.5))
            painter.drawLine(QPointF(tip.x() - 9, tip.y()), QPointF(tip.x() + 9, tip.y()))
            painter.drawLine(QPointF(tip.x(), tip.y() - 4), QPointF(tip.x(), tip.y() + 9))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_focus(self, painter: QPainter, pal: QPalette) -> None:
        option = QStyleOptionFocusRect()
        option.initFrom(self)
        option.rect = self.rect().adjusted(1, 1, -1, -1)
        option.backgroundColor = pal.color(QPalette.ColorRole.Base)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        hint = self.tr("Arrow keys move the pin · Enter places it")
        metrics = QFontMetricsF(painter.font())
        self._halo_text(painter, pal, QPointF(10, self.height() - 10 - metrics.descent()), hint)


class AreaResult(QWidget):
    """Whether the chosen place is inside the coverage area: an icon and plain, bold words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("area_result")
        self._icon = QLabel()
        self._icon.setObjectName("area_result_icon")
        self._icon.setAccessibleName(self.tr("Coverage result icon"))
        self._text = QLabel()
        self._text.setObjectName("area_result_text")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = self._text.font()
        font.setBold(True)
        self._text.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        self.in_area: bool | None = None
        self.show_result(None)

    def text(self) -> str:
        """The words shown."""
        return self._text.text()

    @Slot(object)
    def show_result(self, inside: bool | None) -> None:
        """Show inside (True), outside (False) or nothing chosen yet (None)."""
        self.in_area = inside
        if inside is None:
            icon = QStyle.StandardPixmap.SP_MessageBoxQuestion
            text = self.tr("No place chosen yet: click the map or find a place.")
        elif inside:
            icon = QStyle.StandardPixmap.SP_DialogApplyButton
            text = self.tr("Inside the LEAD area: this referral can go ahead.")
        else:
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
            text = self.tr(
                "Outside the LEAD area: this referral cannot be accepted. Record it as declined."
            )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        self._icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self._text.setText(text)
        self._text.setAccessibleName(text)
        self.setAccessibleName(text)
