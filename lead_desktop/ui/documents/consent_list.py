"""The list of a participant's consents (a table model) and the forms' wording for the gate."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from lead_desktop.documents.templates import consent_template
from lead_desktop.domain import consent as rules
from lead_desktop.domain.casework import CONSENT_TYPES
from lead_desktop.errors import LeadError
from lead_desktop.ui import labels
from lead_desktop.ui.record.fields import date_text

logger = logging.getLogger(__name__)


def form_templates() -> dict[tuple[str, str], dict[str, Any] | None]:
    """Every consent form's current wording by (type, language), for the live gate (read on the
    read thread: the files are read once, then cached)."""
    out: dict[tuple[str, str], dict[str, Any] | None] = {}
    for ctype in CONSENT_TYPES:
        for language in rules.LANGUAGES:
            try:
                out[(ctype, language)] = consent_template(ctype, language)
            except LeadError:
                out[(ctype, language)] = None
    return out


class ConsentsModel(QAbstractTableModel):
    """The participant's consents as a table, newest first."""

    COL_TYPE, COL_RECIPIENTS, COL_STATUS, COL_SIGNED, COL_EXPIRES, COL_REVOKED = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._headers = [
            self.tr("Type"),
            self.tr("Recipients"),
            self.tr("Status"),
            self.tr("Signed"),
            self.tr("Expires"),
            self.tr("Revoked"),
        ]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these consents."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def consent_at(self, row: int) -> dict[str, Any] | None:
        """The consent shown in this row (None outside the list)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, consent_id: str | None) -> int:
        """The row showing this consent (-1 when it is not listed)."""
        return next((n for n, c in enumerate(self._rows) if c["id"] == consent_id), -1)

    def _text(self, consent: dict[str, Any], column: int) -> str:
        if column == self.COL_TYPE:
            return labels.code(consent["consent_type"])
        if column == self.COL_RECIPIENTS:
            return ", ".join(str(r.get("name") or "") for r in rules.recipients_of(consent))
        if column == self.COL_STATUS:
            status = labels.code(consent["status"])
            if consent.get("flagged_false"):
                status = self.tr("{0}, flagged as false").format(status)
            return status
        if column == self.COL_SIGNED:
            return date_text(consent["signed_at"])
        if column == self.COL_EXPIRES:
            return date_text(consent["expiry_date"]) or str(consent["expiry_event"] or "")
        return date_text(consent["revoked_at"])

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(self._rows[index.row()], index.column())
