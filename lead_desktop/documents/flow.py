"""Small Platypus building blocks shared by the builders: escaped text, tables, signatures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from lead_desktop.documents.fonts import REGULAR
from lead_desktop.domain.consent import to_date


def esc(value: Any) -> str:
    """Escape user text for Paragraph markup; line breaks are kept."""
    return escape(str(value if value is not None else "")).replace("\n", "<br/>")


def fill(template: str, **values: Any) -> str:
    """Fill a template sentence: both the wording and the values are escaped."""
    return esc(template).format(**{k: esc(v) for k, v in values.items()})


def para(text: str, style: ParagraphStyle, *, bullet: str | None = None) -> Paragraph:
    """A paragraph of already-escaped markup."""
    return Paragraph(text, style, bulletText=bullet)


def date_text(value: Any, common: Mapping[str, Any], *, empty: str = "") -> str:
    """A date in the form's language ("March 5, 2026" / "5 de marzo de 2026"), plain text."""
    day = to_date(value)
    if day is None:
        return str(value) if value else empty
    months: Sequence[str] = common["months"]
    return str(common["date_format"]).format(
        day=day.day, month=months[day.month - 1], year=day.year
    )


def when(value: Any, common: Mapping[str, Any], *, empty: str = "") -> str:
    """The same date, escaped for a paragraph."""
    return esc(date_text(value, common, empty=empty))


def label(common: Mapping[str, Any], group: str, key: Any) -> str:
    """The printed label of a code (e.g. values.domains.housing), escaped; the code if unknown."""
    values: Mapping[str, str] = common["values"].get(group, {})
    return esc(values.get(str(key), str(key).replace("_", " ") if key is not None else ""))


def kv_table(
    rows: Sequence[tuple[str, str]], st: Mapping[str, ParagraphStyle], *, key_width: float
) -> Table:
    """A two-column table of label and value (both escaped markup)."""
    data = [[Paragraph(k, st["cellbold"]), Paragraph(v, st["cell"])] for k, v in rows]
    table = Table(data, colWidths=[key_width, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#bbbbbb")),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
            ]
        )
    )
    return table


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    st: Mapping[str, ParagraphStyle],
    widths: Sequence[float | None],
) -> Table:
    """A table with a bold header row repeated on each page (cells are escaped markup)."""
    data = [[Paragraph(h, st["cellbold"]) for h in header]]
    data += [[Paragraph(c, st["cell"]) for c in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


class SignatureLine(Flowable):
    """A line to sign on, with its caption underneath."""

    def __init__(
        self, caption: str, width: float, *, size: float = 8.0, height: float = 14 * mm
    ) -> None:
        super().__init__()
        self.caption = caption
        self.width = width
        self.size = size
        self.height = max(height, size * 2.6)

    def draw(self) -> None:
        canv = self.canv
        canv.setLineWidth(0.7)
        canv.line(0, self.size * 1.4, self.width, self.size * 1.4)
        canv.setFont(REGULAR, self.size)
        canv.drawString(0, self.size * 0.25, self.caption)


class Strokes(Flowable):
    """An on-screen signature: vector strokes in the unit box (origin top left)."""

    def __init__(self, strokes: Sequence[Sequence[Sequence[float]]], width: float) -> None:
        super().__init__()
        self.strokes = strokes
        self.width = width
        self.height = width / 3  # the capture box is three times wider than high

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.setLineWidth(0.4)
        canv.rect(0, 0, self.width, self.height)
        canv.setStrokeColor(colors.HexColor("#0b2a6f"))
        canv.setLineWidth(1.1)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        for stroke in self.strokes:
            path = canv.beginPath()
            x, y = stroke[0]
            path.moveTo(x * self.width, (1 - y) * self.height)
            if len(stroke) == 1:
                path.lineTo(x * self.width + 0.3, (1 - y) * self.height)
            for x, y in stroke[1:]:
                path.lineTo(x * self.width, (1 - y) * self.height)
            canv.drawPath(path, stroke=1, fill=0)


def signature_lines(
    pairs: Sequence[tuple[str, str]], st: Mapping[str, ParagraphStyle], width: float
) -> Table:
    """Rows of two lines to sign and date on, captions in the small style's size."""
    half = (width - 10 * mm) / 2
    size = st["small"].fontSize
    table = Table(
        [[SignatureLine(a, half, size=size), SignatureLine(b, half, size=size)] for a, b in pairs],
        colWidths=[half + 10 * mm, half],
    )
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), REGULAR)])
    )
    return table


def gap(points: float) -> Spacer:
    """Vertical space."""
    return Spacer(1, points)


def today_iso(day: date | None) -> str:
    """ISO text of a date, or empty."""
    return day.isoformat() if day else ""
