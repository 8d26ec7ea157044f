"""The documents tab: every PDF generated for the participant, with what a reprint is checked by."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from lead_desktop import documents
from lead_desktop.documents import ReprintCheck
from lead_desktop.errors import NotFoundError
from lead_desktop.store import consents as consent_store
from lead_desktop.store import record_queries
from lead_desktop.store.records import get_row
from lead_desktop.store.schema import Document
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.documents.preview import open_preview
from lead_desktop.ui.record.fields import concerns, local_datetime_text, when_alive
from lead_desktop.ui.table_model import RowsModel, rows_table

logger = logging.getLogger(__name__)

#: Characters of the sha256 shown (the full hash is in the tooltip).
SHORT_HASH = 12


def cover_disclosure(conn: Connection, document_row_id: str) -> str:
    """The disclosure a printed cover sheet went with: the one whose cover has the stored
    fingerprint, else the latest under the same consent (read thread)."""
    row = get_row(conn, Document, document_row_id)
    candidates = [
        d
        for d in consent_store.list_disclosures(conn, row["participant_id"])
        if d["consent_id"] == row["consent_id"]
    ]
    if not candidates:
        raise NotFoundError("the disclosure this cover sheet went with was not found")
    for disclosure in candidates:
        for large in (False, True):
            built = documents.cover_sheet(
                conn=conn,
                disclosure_id=disclosure["id"],
                language=row["language"],
                large_print=large,
            )
            if built.sha256 == row["sha256"]:
                return str(disclosure["id"])
    return str(candidates[-1]["id"])


class DocumentsModel(RowsModel):
    """Generated documents as a table, newest first."""

    COL_KIND, COL_LANGUAGE, COL_TEMPLATE, COL_DATE, COL_SHA = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                self.tr("Document"),
                self.tr("Language"),
                self.tr("Template version"),
                self.tr("Made"),
                self.tr("SHA-256"),
            ),
            parent,
        )
        self._languages = {"en": self.tr("English"), "es": self.tr("Spanish")}

    def cell(self, doc: dict[str, Any], column: int, role: int) -> Any:
        """The text; the whole fingerprint as the tooltip of the short one."""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SHA:
            return doc["sha256"]
        return super().cell(doc, column, role)

    def text(self, doc: dict[str, Any], column: int) -> str:
        """What a document shows in a column."""
        if column == self.COL_KIND:
            return labels.code(doc["kind"].replace("-", "_"))
        if column == self.COL_LANGUAGE:
            return str(self._languages.get(doc["language"], doc["language"]))
        if column == self.COL_TEMPLATE:
            return str(doc["template_version"])
        if column == self.COL_DATE:
            return local_datetime_text(doc["updated_at"])
        return str(doc["sha256"][:SHORT_HASH])


class DocumentsTab(QWidget):
    """Lists the documents printed or saved for the participant; checks a reprint against the
    original and opens a document's preview."""

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
        self.table = rows_table(self.model, "documents_list", self.tr("Documents, newest first"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self.on_list_current_changed)
        self.verify_button = QPushButton(self.tr("&Verify reprint"))
        self.verify_button.setObjectName("document_verify")
        self.verify_button.setAccessibleName(self.tr("Verify a reprint against the original"))
        self.verify_button.clicked.connect(self.on_verify_clicked)
        self.preview_button = QPushButton(self.tr("&Open preview"))
        self.preview_button.setObjectName("document_preview_open")
        self.preview_button.setAccessibleName(self.tr("Open the preview of the document"))
        self.preview_button.clicked.connect(self.on_preview_clicked)
        self.result = QLabel()
        self.result.setObjectName("document_verify_result")
        self.result.setAccessibleName(self.tr("Result of the reprint check"))
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.result.font()
        bold.setBold(True)
        self.result.setFont(bold)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.hide()
        self._selected_id: str | None = None
        self._update_buttons()
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
        row = self.model.row_of(self._selected_id)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_document(self) -> dict[str, Any] | None:
        """The document selected in the list, if any."""
        found: dict[str, Any] | None = self.model.row(self.model.row_of(self._selected_id))
        return found

    def _update_buttons(self) -> None:
        chosen = self.selected_document() is not None
        tips = {
            self.verify_button: self.tr(
                "Build the selected document again and compare it with the fingerprint of what "
                "was printed"
            ),
            self.preview_button: self.tr("Show the selected document as it would print today"),
        }
        for button, tip in tips.items():
            button.setEnabled(chosen)
            button.setToolTip(tip if chosen else self.tr("Select a document in the list first"))

    @Slot(QModelIndex, QModelIndex)
    def on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Another document was selected: forget the last check's result."""
        doc = self.model.row(current)
        self._selected_id = doc["id"] if doc else None
        self.result.setText("")
        self._update_buttons()

    @Slot()
    def on_verify_clicked(self) -> None:
        """Rebuild the selected document and compare it with the printed original's sha256."""
        doc = self.selected_document()
        if doc is None:
            return
        self.result.setText(self.tr("Checking…"))
        self.verify_button.setEnabled(False)
        row_id = doc["id"]
        self.ctx.read(
            lambda conn: documents.verify_reprint(conn, row_id),
            self._verified,
            self._verify_failed,
        )

    @when_alive
    def _verified(self, check: ReprintCheck) -> None:
        self._update_buttons()
        if check.matches:
            self.result.setText(self.tr("Identical to the printed original."))
        else:
            self.result.setText(
                self.tr("Differs from the printed original: {0}.").format(check.reason)
            )

    @when_alive
    def _verify_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self.result.setText("")
        show_error(self, error)

    @Slot()
    def on_preview_clicked(self) -> None:
        """Open the selected document's preview (as it would print today)."""
        doc = self.selected_document()
        if doc is None:
            return
        kind = str(doc["kind"])
        if kind not in documents.KINDS and kind.replace("_", "-") in documents.KINDS:
            kind = kind.replace("_", "-")
        if kind == documents.COVER_KIND:
            row_id = doc["id"]
            self.ctx.read(
                lambda conn: cover_disclosure(conn, row_id),
                lambda disclosure_id: self._open_preview(doc, kind, disclosure_id),
                lambda error: show_error(self, error),
            )
            return
        self._open_preview(doc, kind, None)

    @when_alive
    def _open_preview(self, doc: dict[str, Any], kind: str, disclosure_id: str | None) -> None:
        open_preview(
            self.ctx,
            self,
            kind=kind,
            participant_id=self.participant_id,
            language=str(doc["language"] or "en"),
            consent_id=doc.get("consent_id"),
            disclosure_id=disclosure_id,
        )

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Reload when a document (or anything) of this participant changed."""
        if concerns(change, self.participant_id):
            self.refresh()
