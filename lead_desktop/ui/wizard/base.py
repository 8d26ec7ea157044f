"""What every page of the referral wizard shares: labelled fields, an error line beside each,
and the page's draft state."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.ui.context import AppContext

logger = logging.getLogger(__name__)


def issue_text(problem: str, fix: str) -> str:
    """'is in the future' + 'check the year' -> 'Is in the future. Check the year.'"""

    def sentence(text: str) -> str:
        text = text.strip()
        if not text:
            return ""
        text = text[0].upper() + text[1:]
        return text if text.endswith((".", "?", "!")) else text + "."

    return " ".join(p for p in (sentence(problem), sentence(fix)) if p)


def plain(label: str) -> str:
    """A label without its mnemonic ampersand, for accessible names."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


class ErrorLabel(QWidget):
    """A problem shown beside the field it concerns: a warning icon and bold text."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"error_{name}")
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        icon.setAccessibleName(self.tr("Warning"))
        self._text = QLabel()
        self._text.setObjectName(f"error_{name}_text")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = self._text.font()
        font.setBold(True)
        self._text.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        self.hide()

    def message(self) -> str:
        """The text shown ("" when hidden)."""
        return self._text.text() if not self.isHidden() else ""

    def show_message(self, text: str) -> None:
        """Show a problem."""
        self._text.setText(text)
        self._text.setAccessibleName(text)
        self.setAccessibleName(text)
        self.show()

    def clear(self) -> None:
        """Hide the line."""
        self._text.clear()
        self.hide()


class Page(QWidget):
    """One step of the wizard."""

    sig_edited = Signal()
    """Something on this page changed."""

    page_id = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.page_id}")
        self._errors: dict[str, ErrorLabel] = {}
        self._focus: dict[str, QWidget] = {}
        self._restoring = False
        self.outer = QVBoxLayout(self)
        self.general_error = self.error_for("page", self)
        self.outer.addWidget(self.general_error)

    # -- what each page provides -------------------------------------------------------

    def title(self) -> str:
        """The step's name, shown in the wizard's header and step list."""
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        """Every field of the page, JSON-ready (for drafts)."""
        raise NotImplementedError

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the fields back from :meth:`state`."""
        raise NotImplementedError

    def local_issues(self) -> list[tuple[str, str]]:
        """Problems only the page can see (typed text that does not parse): (field, message)."""
        return []

    # -- restoring without echoing edits ---------------------------------------------------

    def restore(self, state: dict[str, Any]) -> None:
        """Restore quietly: no sig_edited while fields are being set."""
        self._restoring = True
        try:
            self.set_state(state)
        finally:
            self._restoring = False

    def edited(self, *_: object) -> None:
        """A field changed: announce it unless the page is being restored."""
        if not self._restoring:
            self.sig_edited.emit()

    def watch(self, *widgets: QWidget) -> None:
        """Announce every change of these fields."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.edited)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.edited)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.edited)
                if widget.isEditable():
                    widget.editTextChanged.connect(self.edited)
            elif isinstance(widget, QDateTimeEdit):  # QDateEdit too
                widget.dateTimeChanged.connect(self.edited)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self.edited)

    # -- fields and their errors -----------------------------------------------------------

    def error_for(self, field: str, focus: QWidget) -> ErrorLabel:
        """The error line of a field (created once), and where focus goes to fix it."""
        label = self._errors.get(field)
        if label is None:
            label = ErrorLabel(field.replace(".", "_"), self)
            self._errors[field] = label
        self._focus[field] = focus
        return label

    def add_row(
        self,
        form: QFormLayout,
        text: str,
        widget: QWidget,
        name: str,
        field: str | None = None,
    ) -> QLabel:
        """A labelled field (buddy, accessible name, object name) with its error line below."""
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setObjectName(name)
        widget.setAccessibleName(plain(text))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.error_for(field or name, widget))
        form.addRow(label, box)
        return label

    def show_issues(self, issues: Iterable[tuple[str, str]]) -> QWidget | None:
        """Show each (field, message) beside its field; return the first field to focus."""
        first: QWidget | None = None
        general: list[str] = []
        for field, message in issues:
            label = self._errors.get(field)
            if label is None or field == "page":
                general.append(message)
                continue
            label.show_message(message)
            first = first or self._focus.get(field)
        if general:
            self.general_error.show_message("\n".join(general))
            first = first or self
        return first

    def clear_issues(self) -> None:
        """Hide every error line."""
        for label in self._errors.values():
            label.clear()


def date_edit(default: date | None = None) -> QDateEdit:
    """A calendar date field in ISO order, starting at ``default`` (today if none)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = default or date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def iso(edit: QDateEdit) -> str:
    """The ISO date of a date field."""
    return str(edit.date().toString(Qt.DateFormat.ISODate))


def set_iso(edit: QDateEdit, value: str | None) -> None:
    """Set a date field from ISO text (ignored when empty or not a date)."""
    if value:
        day = QDate.fromString(str(value)[:10], Qt.DateFormat.ISODate)
        if day.isValid():
            edit.setDate(day)


def lines_high(edit: QPlainTextEdit, lines: int) -> None:
    """Keep a text box about ``lines`` lines high (follows the font, so it scales)."""
    metrics = edit.fontMetrics()
    margins = edit.contentsMargins()
    frame = 2 * edit.frameWidth() + margins.top() + margins.bottom() + 8
    edit.setMaximumHeight(metrics.lineSpacing() * lines + frame)
