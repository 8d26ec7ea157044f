"""The embedded Unicode fonts (DejaVu Sans from resources/fonts), registered once per process."""

from __future__ import annotations

import logging
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from lead_desktop.errors import LeadError
from lead_desktop.resources import resource_path

logger = logging.getLogger(__name__)

REGULAR = "LeadSans"
BOLD = "LeadSans-Bold"
ITALIC = "LeadSans-Oblique"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Load the TrueType fonts into reportlab (first call only; about 0.1 s)."""
    global _registered  # noqa: PLW0603 - process-wide, registered once
    with _lock:
        if _registered:
            return
        for name, file in _FILES.items():
            path = resource_path("fonts", file)
            if not path.is_file():
                raise LeadError(f"font {file} is missing from the resources folder; reinstall")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True
        logger.debug("document fonts registered")
