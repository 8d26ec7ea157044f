"""The assessments tab: past screenings (with their safety flag) and a new screening form."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, select

from lead_desktop.domain.screening import INSTRUMENTS
from lead_desktop.store.schema import Participant, Screening
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.fields import concerns, date_text, when_alive
from lead_desktop.ui.screening_form import ScreeningForm, answer_label, max_total
from lead_desktop.ui.table_model import RowsModel, rows_table

logger = logging.getLogger(__name__)

_SEX = {0: "female", 1: "male"}


def _load(conn: Connection, participant_id: str) -> dict[str, Any]:
    rows = conn.execute(
        select(Screening)
        .where(Screening.participant_id == participant_id, ~Screening.deleted)
        .order_by(Screening.screened_at.desc(), Screening.id.desc())
    ).mappings()
    sex = conn.execute(select(Participant.sex).where(Participant.id == participant_id)).scalar()
    return {
        "screenings": [dict(r) for r in rows],
        "sex": _SEX.get(sex) if sex is not None else None,
    }


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScreeningsModel", text)


class ScreeningsModel(RowsModel):
    """Past screenings of one participant, newest first."""

    DATE, INSTRUMENT, TOTAL, BAND, RESULT, ALERT = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                _tr("Date"),
                _tr("Instrument"),
                _tr("Total"),
                _tr("Band"),
                _tr("Result"),
                _tr("Safety alert"),
            ),
            parent,
        )
        self._alert_icon = (
            parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            if parent is not None
            else None
        )

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        """The text; the safety alert also with an icon, in bold."""
        if column == self.ALERT and row["safety_alert"]:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._alert_icon
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return super().cell(row, column, role)

    def text(self, row: dict[str, Any], column: int) -> str:
        """What a screening shows in a column."""
        if column == self.DATE:
            return date_text(row["screened_at"])
        if column == self.INSTRUMENT:
            return str(row["instrument"])
        if column == self.TOTAL:
            if row["total"] is None:
                return _tr("incomplete")
            meta = INSTRUMENTS.get(row["instrument"])
            return f"{row['total']} / {max_total(meta)}" if meta else str(row["total"])
        if column == self.BAND:
            return labels.code(row["band"]) if row["band"] not in ("positive", "negative") else ""
        if column == self.RESULT:
            if row["positive"] is None:
                return ""
            return _tr("Positive") if row["positive"] else _tr("Negative")
        if column == self.ALERT:
            return _tr("Safety alert") if row["safety_alert"] else ""
        return ""


class AssessmentsTab(QWidget):
    """Past screenings above, a new screening below."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assessments_tab")
        self.ctx = ctx
        self.participant_id = participant_id
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        past = QGroupBox(self.tr("Past screenings"))
        past.setAccessibleName(self.tr("Past screenings"))
        past_layout = QVBoxLayout(past)
        self.empty = QLabel(
            self.tr("No screenings given yet. Give the first one below, then press Save screening.")
        )
        self.empty.setObjectName("screenings_empty")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No screenings"))
        self.empty.hide()  # until the first load says whether there are screenings
        past_layout.addWidget(self.empty)
        self.model = ScreeningsModel(self)
        self.table = rows_table(self.model, "screenings", self.tr("Past screenings"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = self.table.verticalHeader().defaultSectionSize()
        titles = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(titles + 4 * rows)  # four rows show
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_changed)
        self.detail = QLabel(self.tr("Pick a screening to see its answers."))
        self.detail.setObjectName("screening_detail")
        self.detail.setAccessibleName(self.tr("Answers of the selected screening"))
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setWidget(self.detail)
        self.listing = QSplitter(Qt.Orientation.Horizontal)
        self.listing.addWidget(self.table)
        self.listing.addWidget(detail_scroll)
        self.listing.setStretchFactor(0, 3)
        self.listing.setStretchFactor(1, 2)
        past_layout.addWidget(self.listing, 1)
        splitter.addWidget(past)
        new = QGroupBox(self.tr("New screening"))
        new.setAccessibleName(self.tr("New screening"))
        new_layout = QVBoxLayout(new)
        self.form = ScreeningForm(ctx, participant_id, new)
        self.form.sig_saved.connect(self.on_form_saved)
        new_layout.addWidget(self.form)
        splitter.addWidget(new)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reload past screenings in the background."""
        if self.ctx.store is None:
            return
        pid = self.participant_id
        self.ctx.read(lambda conn: _load(conn, pid), self._loaded)

    @when_alive
    def _loaded(self, result: dict[str, Any]) -> None:
        rows = result["screenings"]
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.listing.setVisible(bool(rows))
        self.detail.setText(self.tr("Pick a screening to see its answers."))
        self.form.set_sex(result["sex"])

    @Slot(str)
    def on_form_saved(self, _: str) -> None:
        """A screening was saved: list it."""
        self.refresh()

    @Slot(object)
    def on_ctx_changed(self, change: object) -> None:
        """Reload when a change concerns this participant."""
        ids = [str(r["id"]) for r in self.model.rows]
        if concerns(change, self.participant_id, ids):
            self.refresh()

    @Slot(QModelIndex, QModelIndex)
    def on_table_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        """Show the answers of the selected screening."""
        if not current.isValid():
            self.detail.clear()
            return
        row = self.model.rows[current.row()]
        meta = INSTRUMENTS.get(row["instrument"])
        if meta is None:
            self.detail.clear()
            return
        lines = [
            self.tr("{0}. {1} — {2}").format(
                n, labels.text(prompt), answer_label(meta.name, n, value)
            )
            for n, (prompt, value) in enumerate(zip(meta.prompts, row["items"], strict=False), 1)
        ]
        self.detail.setText("\n".join(lines))
