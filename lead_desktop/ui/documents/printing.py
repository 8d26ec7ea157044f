"""PDF bytes in memory to the screen and the printer: QtPdf over a QBuffer, never a file.

:func:`open_pdf` loads bytes into a :class:`~PySide6.QtPdf.QPdfDocument` through an in-memory
``QBuffer`` (the personal data never touches the disk). :func:`print_document` renders each
page to an image and paints it onto a ``QPrinter``: simple, and the same on every platform and
driver. It needs no window, so tests print headless to a ``QPrinter`` in PDF output mode.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from lead_desktop.errors import LeadError

logger = logging.getLogger(__name__)

#: Pages are rendered at the printer's resolution, but never finer than this (memory: a letter
#: page at 300 dpi is about 34 MB as an image; at 1200 dpi it would be 540 MB).
MAX_RENDER_DPI = 300
POINTS_PER_INCH = 72.0


class PdfBytes(QObject):
    """A PDF held in memory: the buffer and the QPdfDocument reading it live and die together."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

    def load(self, data: bytes) -> int:
        """Show these bytes instead (the previous PDF is closed); return the page count."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise LeadError(
                QCoreApplication.translate(
                    "QObject", "The document could not be shown ({0})."
                ).format(self.document.error().name)
            )
        return int(self.document.pageCount())

    def close(self) -> None:
        """Forget the PDF (the bytes go with the buffer)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())


def open_pdf(data: bytes, parent: QObject | None = None) -> PdfBytes:
    """A loaded in-memory PDF (raises LeadError when the bytes are not a readable PDF)."""
    pdf = PdfBytes(parent)
    pdf.load(data)
    return pdf


def page_size_of(document: QPdfDocument) -> QPageSize:
    """The paper of the document's first page, matched to a standard size when close to one."""
    points = document.pagePointSize(0)
    return QPageSize(
        QSizeF(points.width(), points.height()),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )


def prepare_printer(printer: QPrinter, data: bytes, title: str) -> None:
    """Set the printer to the document's paper size and full page (the PDF has its own margins),
    and name the print job without personal data (``title`` is e.g. the document id)."""
    pdf = open_pdf(data)
    try:
        if pdf.document.pageCount() > 0:
            printer.setPageSize(page_size_of(pdf.document))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setDocName(title)
        printer.setCreator("LEAD Desktop")
    finally:
        pdf.close()
        pdf.deleteLater()


def _page_range(printer: QPrinter, count: int) -> range:
    """The 0-based pages to print: the dialog's range if one was chosen, else all."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return range(count)
    first = max(first, 1)
    last = min(last if last > 0 else count, count)
    return range(first - 1, last)


def _fit(target: QRectF, size: QSizeF) -> QRectF:
    """``size`` scaled to fit ``target``, keeping its proportions, centred."""
    if size.width() <= 0 or size.height() <= 0:
        return target
    scale = min(target.width() / size.width(), target.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    return QRectF(
        target.x() + (target.width() - width) / 2,
        target.y() + (target.height() - height) / 2,
        width,
        height,
    )


def render_page(document: QPdfDocument, index: int, pixels: QSize) -> QImage:
    """One page as an opaque image on white paper (QtPdf renders on a transparent ground)."""
    page = QImage(pixels, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    ink = document.render(index, pixels)
    painter = QPainter(page)
    try:
        painter.drawImage(0, 0, ink)
    finally:
        painter.end()
    return page


def print_document(pdf_bytes: bytes, printer: QPrinter) -> int:
    """Print a PDF held in memory on ``printer``; return the number of pages painted.

    Each page is rendered at the printer's resolution (at most :data:`MAX_RENDER_DPI`) and
    painted to fill the printable page, proportions kept. The printer's page range is honoured;
    copies are painted here when the printer cannot make them itself. Raises LeadError when the
    PDF cannot be read or the printer cannot be started."""
    pdf = open_pdf(pdf_bytes)
    try:
        document = pdf.document
        pages = list(_page_range(printer, document.pageCount()))
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        dpi = min(printer.resolution(), MAX_RENDER_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise LeadError(
                QCoreApplication.translate(
                    "QObject",
                    "The printer could not be started. Check that it is on and try again.",
                )
            )
        painted = 0
        try:
            target = QRectF(painter.viewport())
            for _copy in range(copies):
                for index in pages:
                    if painted:
                        printer.newPage()
                    points = document.pagePointSize(index)
                    pixels = QSize(
                        max(round(points.width() / POINTS_PER_INCH * dpi), 1),
                        max(round(points.height() / POINTS_PER_INCH * dpi), 1),
                    )
                    painter.drawImage(
                        _fit(target, QSizeF(pixels)), render_page(document, index, pixels)
                    )
                    painted += 1
        finally:
            painter.end()
        logger.info("printed %d page(s)", painted)
        return painted
    finally:
        pdf.close()
        pdf.deleteLater()
