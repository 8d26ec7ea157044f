"""Readable, translated labels for the codes the domain stores.

The domain keeps English labels next to its code lists (HMIS answers, screening prompts) and bare
snake_case codes for its own choices (``in_the_wind``). Both are shown through the ``codes``
translation context; ``scripts/translations.py`` collects every such string from the domain
modules into the translation files, so none is missed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

CONTEXT = "codes"


#: Words of codes that are written in capitals.
ACRONYMS = frozenset({"tpo", "cj", "id", "hmis", "ssn", "dob"})


def humanize(code: str) -> str:
    """``in_the_wind`` -> ``In the wind``, ``tpo`` -> ``TPO`` (the English text of a bare code)."""
    words = [w.upper() if w in ACRONYMS else w for w in code.replace("_", " ").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def text(english: str) -> str:
    """Translate one English label from a domain code list."""
    return QCoreApplication.translate(CONTEXT, english)


def code(value: str | None) -> str:
    """Translate a bare snake_case code for display ("" for none)."""
    if not value:
        return ""
    return QCoreApplication.translate(CONTEXT, humanize(value))


def fill_codes(box: QComboBox, codes: Sequence[str], *, blank: str | None = None) -> None:
    """Fill a combo box with bare codes: shown translated, the code kept as item data."""
    box.clear()
    if blank is not None:
        box.addItem(blank, None)
    for value in codes:
        box.addItem(code(value), value)


def fill_coded(box: QComboBox, coded: Mapping[int, str], *, blank: str | None = None) -> None:
    """Fill a combo box from an HMIS code list (int -> English label), codes as item data."""
    box.clear()
    if blank is not None:
        box.addItem(blank, None)
    for value, english in coded.items():
        box.addItem(text(english), value)


def select_data(box: QComboBox, value: Any) -> None:
    """Select the item whose data equals ``value`` (the first item when none does)."""
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


#: Translation context of the core's validation messages (collected by scripts/translations.py).
ISSUES = "issues"


def issue_text(item: Any) -> tuple[str, str]:
    """An issue's (problem, fix) in the interface language.

    ``item`` is an :class:`lead_desktop.errors.Issue` or a consent gate ``Missing``: when it
    carries its English templates they are translated and filled with its values (user data stays
    as typed); otherwise, or if a translation does not fit its values, the English is returned.
    """
    templates = getattr(item, "templates", None)
    if not templates:
        return str(item.problem), str(item.fix)
    args = dict(getattr(item, "args", None) or {})
    out = []
    for template, english in zip(templates, (item.problem, item.fix), strict=True):
        if not template:
            out.append(str(english))
            continue
        try:
            out.append(QCoreApplication.translate(ISSUES, template).format(**args))
        except (KeyError, IndexError, ValueError):
            out.append(str(english))
    return out[0], out[1]


def issue_message(item: Any) -> str:
    """An issue's problem and fix as one sentence (``problem; fix``), in the interface language."""
    problem, fix = issue_text(item)
    return f"{problem}; {fix}" if fix else problem
