"""What comes out of the printer is the document: every page, looking the same as the PDF.

Printing renders each page at printer resolution, so the printed file carries pictures of the
text rather than text. The check is therefore visual: each printed page, rendered at a common
resolution, must match the original page rendered the same way.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf
from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtPrintSupport import QPrinter

from lead_desktop import documents
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.documents.printing import prepare_printer, print_document
from tests.documents import world
from tests.helpers import HARD_NAMES


def _pages(pdf: Path, prefix: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", str(pdf), str(prefix)], check=True)
    return [Image.open(p).convert("L") for p in sorted(prefix.parent.glob(prefix.name + "*.png"))]


def _difference(a: Image.Image, b: Image.Image) -> float:
    """Mean grey difference after a blur, so antialiasing and a point of offset do not count."""
    soft = ImageFilter.GaussianBlur(3)
    a, b = a.filter(soft), b.resize(a.size).filter(soft)
    return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0])


def test_printed_pages_look_like_the_document(ctx: AppContext, tmp_path: Path) -> None:
    assert ctx.store is not None
    ctx.store.settings_set("program", world.PROGRAM)
    with ctx.store.write() as tx:
        pid = world.add_person(tx, HARD_NAMES[0])
        world.add_plan(tx, pid)
    with ctx.store.read() as conn:
        doc = documents.build("service-plan", conn=conn, participant_id=pid, language="es")
    original = tmp_path / "original.pdf"
    original.write_bytes(doc.pdf)
    assert HARD_NAMES[0] in pypdf.PdfReader(original).pages[0].extract_text()

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    prepare_printer(printer, doc.pdf, doc.document_id)  # as the preview does before its dialog
    assert print_document(doc.pdf, printer) == doc.pages

    want = _pages(original, tmp_path / "want")
    got = _pages(printed, tmp_path / "got")
    assert len(got) == len(want) == doc.pages
    blank = Image.new("L", want[0].size, 255)
    for page, original_page in enumerate(want):
        same = _difference(original_page, got[page])
        assert same < _difference(original_page, blank), f"printed page {page + 1} is blank"
        others = [_difference(original_page, g) for n, g in enumerate(got) if n != page]
        # Each printed page looks most like its own page of the document, by a clear margin.
        assert all(same < other * 0.8 for other in others), f"page {page + 1} differs"
