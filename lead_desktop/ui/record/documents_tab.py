"""The documents tab: every PDF generated for the participant, with what a reprint is checked by."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from lead_desktop.store import record_queries
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.record.fields import concerns, local_datetime_text

logger = logging.getLogger(__name__)

#: Characters of the sha256 shown (the full hash is in the tooltip).
SHORT_HASH = 12


class DocumentsModel(QAbstractTableModel):
    """Generated documents as a table, newest first."""

    COL_KIND, COL_LANGUAGE, COL_TEMPLATE, COL_DATE, COL_SHA = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._headers = [
            self.tr("Document"),
            self.tr("Language"),
            self.tr("Template version"),
            self.tr("Made"),
            self.tr("SHA-256"),
        ]
        self._languages = {"en": self.tr("English"), "es": self.tr("Spanish")}

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these documents."""
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

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        doc = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SHA:
            return doc["sha256"]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_KIND:
            return labels.code(doc["kind"].replace("-", "_"))
        if column == self.COL_LANGUAGE:
            return self._languages.get(doc["language"], doc["language"])
        if column == self.COL_TEMPLATE:
            return doc["template_version"]
        if column == self.COL_DATE:
            return local_datetime_text(doc["updated_at"])
        return doc["sha256"][:SHORT_HASH]


class DocumentsTab(QWidget):
    """Lists the documents printed or saved for the participant."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id = participant_id
        self.empty = QLabel(
            self.tr(
                "No documents yet. Each service plan or consent printed for this participant "
                "is listed here with its fingerprint (SHA-256), so a reprint can be checked "
                "against the original."
            )
        )
        self.empty.setObjectName("documents_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.model = DocumentsModel(self)
        self.table = QTableView()
        self.table.setObjectName("documents_list")
        self.table.setAccessibleName(self.tr("Documents, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.table.hide()
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list in the background."""
        if self.ctx.store is None:
            return
        pid = self.participant_id

        def load(conn: Connection) -> list[dict[str, Any]]:
            return record_queries.list_documents(conn, pid)

        self.ctx.read(load, self._loaded, lambda error: show_error(self, error))

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Reload when a document (or anything) of this participant changed."""
        if concerns(change, self.participant_id):
            self.refresh()
