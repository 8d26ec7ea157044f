"""Page frame and rendering: header, footer, page x of y, document id, QR code, DRAFT and DEMO.

:func:`render` turns a Platypus story into PDF bytes, deterministically: reportlab's invariant
mode, a creation date and a file identifier taken from the inputs, nothing from the clock or a
random source. The same story and :class:`PageSetup` always give the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from lead_desktop.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts
from lead_desktop.documents.model import BuiltDocument

PAGE_W, PAGE_H = LETTER
MARGIN = 18 * mm
HEADER_H = 24 * mm
FOOTER_H = 24 * mm
QR_SIZE = 17 * mm
_PAGES_FORM = "leadPageTotal"
_QR_FORM = "leadQr"
#: reportlab keeps some process-wide state while building; one build at a time.
_build_lock = threading.Lock()


@dataclass(frozen=True)
class PageSetup:
    """What every page carries besides the story."""

    kind: str
    language: str
    title: str
    template_version: str
    document_id: str
    program: Mapping[str, Any]
    page_labels: Mapping[str, str]
    draft: bool = False
    demo: bool = False
    large_print: bool = False
    created: date | None = None
    logo: bytes | None = None


@functools.cache
def styles(large_print: bool) -> dict[str, ParagraphStyle]:
    """Paragraph styles; large print raises the base size from 10 to 14 points."""
    register_fonts()
    base = 14.0 if large_print else 10.0
    body = ParagraphStyle(
        "body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=base, leading=base * 1.32
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=base * 0.82, leading=base * 1.08),
        "muted": ParagraphStyle(
            "muted", parent=body, fontName=ITALIC, textColor=colors.HexColor("#444444")
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=base * 1.6, leading=base * 2.0
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=body,
            fontSize=base * 0.85,
            leading=base * 1.15,
            textColor=colors.HexColor("#333333"),
            spaceAfter=base * 0.6,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=base * 1.15,
            leading=base * 1.5,
            spaceBefore=base * 0.9,
            spaceAfter=base * 0.3,
        ),
        "h3": ParagraphStyle("h3", parent=body, fontName=BOLD, spaceBefore=base * 0.5),
        "bold": ParagraphStyle("bold", parent=body, fontName=BOLD),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=base * 1.4, bulletIndent=4),
        "statement": ParagraphStyle("statement", parent=body, spaceAfter=base * 0.45),
        "cell": ParagraphStyle("cell", parent=body, fontSize=base * 0.9, leading=base * 1.15),
        "cellbold": ParagraphStyle(
            "cellbold", parent=body, fontName=BOLD, fontSize=base * 0.9, leading=base * 1.15
        ),
        "banner": ParagraphStyle(
            "banner",
            parent=body,
            fontName=BOLD,
            fontSize=base * 1.2,
            leading=base * 1.6,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#9b1c1c"),
        ),
    }


def pdf_date(day: date | None) -> str:
    """The PDF date string of a document's own date (2000-01-01 when it has none)."""
    day = day or date(2000, 1, 1)
    return f"D:{day:%Y%m%d}000000+00'00'"


def qr_payload(setup: PageSetup) -> str:
    """What the QR code says: the document id, kind, language and form version (no names)."""
    return f"LEAD-DOC {setup.document_id} {setup.kind} {setup.language} {setup.template_version}"


class _Doc(BaseDocTemplate):
    """A document whose pages are decorated from a PageSetup; saved by :func:`render`."""

    def __init__(self, buf: io.BytesIO, setup: PageSetup) -> None:
        self.setup = setup
        top = HEADER_H + (7 * mm if setup.demo or setup.draft else 0)
        super().__init__(
            buf,
            pagesize=LETTER,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=top,
            bottomMargin=FOOTER_H,
            title=setup.title,
            author=str(setup.program.get("name") or ""),
            subject=setup.kind,
            creator="LEAD Desktop",
            invariant=1,
            lang=setup.language,
            initialFontName=REGULAR,
        )
        frame = Frame(
            MARGIN,
            FOOTER_H,
            PAGE_W - 2 * MARGIN,
            PAGE_H - top - FOOTER_H,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
        self._doSave = 0  # render() adds the page total first, then saves
        self._logo = ImageReader(io.BytesIO(setup.logo)) if setup.logo else None

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        setup = self.setup
        canv.saveState()
        if setup.draft:
            _watermark(canv, str(setup.page_labels.get("draft", "DRAFT")))
        _header(canv, setup, self._logo)
        _footer(canv, setup, canv.getPageNumber())
        canv.restoreState()


def _watermark(canv: Canvas, word: str) -> None:
    canv.saveState()
    canv.setFillColor(colors.Color(0.82, 0.82, 0.82))
    canv.translate(PAGE_W / 2, PAGE_H / 2)
    canv.rotate(40)
    size = min(120.0, (PAGE_W * 1.05) / max(1.0, stringWidth(word, BOLD, 1)))
    canv.setFont(BOLD, size)
    canv.drawCentredString(0, -size / 3, word)
    canv.restoreState()


def _header(canv: Canvas, setup: PageSetup, logo: ImageReader | None) -> None:
    program = setup.program
    top = PAGE_H - 12 * mm
    canv.setFillColor(colors.black)
    canv.setFont(BOLD, 11)
    canv.drawString(MARGIN, top, str(program.get("name") or ""))
    canv.setFont(REGULAR, 8)
    line = " · ".join(
        part
        for part in (
            str(program.get("address") or "").replace("\n", ", "),
            f"{setup.page_labels.get('phone', 'Phone')} {program['phone']}"
            if program.get("phone")
            else "",
        )
        if part
    )
    if line:
        canv.drawString(MARGIN, top - 4.2 * mm, line)
    if logo is not None:
        width, height = logo.getSize()
        scale = min(40 * mm / width, 14 * mm / height)
        canv.drawImage(
            logo,
            PAGE_W - MARGIN - width * scale,
            top - 14 * mm + 3.5 * mm,
            width * scale,
            height * scale,
            mask="auto",
        )
    rule = PAGE_H - HEADER_H + 4 * mm
    canv.setStrokeColor(colors.HexColor("#777777"))
    canv.setLineWidth(0.6)
    canv.line(MARGIN, rule, PAGE_W - MARGIN, rule)
    notes = []
    if setup.demo:
        notes.append(str(setup.page_labels.get("demo_note", "DEMO")))
    if setup.draft:
        notes.append(str(setup.page_labels.get("draft_note", "DRAFT")))
    if notes:
        canv.setFillColor(colors.HexColor("#9b1c1c"))
        canv.setFont(BOLD, 10)
        canv.drawCentredString(PAGE_W / 2, rule - 5 * mm, "   ·   ".join(notes))


def _footer(canv: Canvas, setup: PageSetup, page: int) -> None:
    labels = setup.page_labels
    size = 9.5 if setup.large_print else 8.0
    rule = FOOTER_H - 4 * mm
    canv.setStrokeColor(colors.HexColor("#777777"))
    canv.setLineWidth(0.6)
    canv.line(MARGIN, rule, PAGE_W - MARGIN, rule)
    canv.setFillColor(colors.black)
    y = rule - 5 * mm
    text = str(labels.get("page_of", "Page {page} of")).format(page=page) + " "
    canv.setFont(BOLD, size)
    canv.drawString(MARGIN, y, text)
    canv.saveState()
    canv.translate(MARGIN + stringWidth(text, BOLD, size), y)
    canv.doForm(_PAGES_FORM)
    canv.restoreState()
    canv.setFont(REGULAR, size)
    y -= size * 1.3
    canv.drawString(MARGIN, y, f"{labels.get('document', 'Document')} {setup.document_id}")
    y -= size * 1.3
    form = labels.get("form", "Form")
    canv.drawString(MARGIN, y, f"{form} {setup.kind} v{setup.template_version} ({setup.language})")
    if setup.demo:
        canv.setFont(BOLD, size)
        canv.setFillColor(colors.HexColor("#9b1c1c"))
        canv.drawRightString(PAGE_W - MARGIN - QR_SIZE - 4 * mm, y, str(labels.get("demo", "DEMO")))
        canv.setFillColor(colors.black)
    if not canv.hasForm(_QR_FORM):
        canv.beginForm(_QR_FORM, 0, 0, QR_SIZE, QR_SIZE)
        QrCode(qr_payload(setup), width=QR_SIZE, height=QR_SIZE, qrBorder=0, qrLevel="M").drawOn(
            canv, 0, 0
        )
        canv.endForm()
    canv.saveState()
    canv.translate(PAGE_W - MARGIN - QR_SIZE, rule - 2 * mm - QR_SIZE)
    canv.doForm(_QR_FORM)
    canv.restoreState()


def _canvas_maker(setup: PageSetup) -> Any:
    stamp = pdf_date(setup.created)
    seed = hashlib.sha256(setup.document_id.encode()).digest()

    def make(*args: Any, **kwargs: Any) -> Canvas:
        canv = Canvas(*args, **kwargs)
        canv.setDateFormatter(lambda *_: stamp)
        # The file identifier comes from the document id, not from the clock or the
        # environment (reportlab seeds it from a time stamp, or $SOURCE_DATE_EPOCH).
        pdf_doc: Any = getattr(canv, "_doc")  # noqa: B009 - private, see the comment above
        pdf_doc.signature = hashlib.md5(seed, usedforsecurity=False)
        return canv

    return make


def render(story: list[Flowable], setup: PageSetup) -> BuiltDocument:
    """Lay out a story on decorated pages and return the finished document."""
    register_fonts()
    with _build_lock:
        buf = io.BytesIO()
        doc = _Doc(buf, setup)
        doc.build(story, canvasmaker=_canvas_maker(setup))
        canv = doc.canv
        pages = canv.getPageNumber() - 1
        size = 9.5 if setup.large_print else 8.0
        canv.beginForm(_PAGES_FORM, 0, -2, stringWidth(str(pages), BOLD, size) + 1, size + 2)
        canv.setFont(BOLD, size)
        canv.drawString(0, 0, str(pages))
        canv.endForm()
        canv.save()
    pdf = buf.getvalue()
    return BuiltDocument(
        kind=setup.kind,
        template_version=setup.template_version,
        language=setup.language,
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        document_id=setup.document_id,
        pages=pages,
        draft=setup.draft,
    )
