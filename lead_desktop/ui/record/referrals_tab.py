"""The referrals tab: a participant's referrals, one's details, and its eligibility decisions."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, select

from lead_desktop.domain import casework
from lead_desktop.errors import ValidationError
from lead_desktop.store.casework import update_referral
from lead_desktop.store.schema import Referral
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.record.fields import (
    CodedCombo,
    DateField,
    ErrorLabel,
    FieldErrors,
    FormRows,
    concerns,
    date_text,
    when_alive,
)
from lead_desktop.ui.table_model import RowsModel, rows_table

logger = logging.getLogger(__name__)

_EDITABLE = (
    "records_check_done",
    "prosecutor_decision",
    "prosecutor_decision_at",
    "prosecutor_name",
    "decision",
    "decline_reason",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferralsTab", text)


def _titles() -> dict[str, str]:
    return {
        "records_check_done": _tr("Records check done"),
        "prosecutor_decision": _tr("Prosecutor's decision"),
        "prosecutor_decision_at": _tr("Decision date"),
        "prosecutor_name": _tr("Decided by"),
        "decision": _tr("Person's decision"),
        "decline_reason": _tr("Reason for declining"),
    }


def _load(conn: Connection, participant_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(Referral)
        .where(Referral.participant_id == participant_id, ~Referral.deleted)
        .order_by(Referral.referred_at.desc(), Referral.id.desc())
    ).mappings()
    return [dict(r) for r in rows]


def _yes_no(value: bool | None) -> str:
    if value is None:
        return _tr("not checked")
    return _tr("Yes") if value else _tr("No")


class ReferralsModel(RowsModel):
    """A participant's referrals, newest first."""

    DATE, TYPE, LOCATION, IN_AREA, DECISION, DECLINE_REASON = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                _tr("Date"),
                _tr("Type"),
                _tr("Location"),
                _tr("In area"),
                _tr("Decision"),
                _tr("Reason declined"),
            ),
            parent,
        )

    def text(self, row: dict[str, Any], column: int) -> str | None:
        """What a referral shows in a column."""
        if column == self.DATE:
            return date_text(row["referred_at"])
        if column == self.TYPE:
            return labels.code(row["referral_type"])
        if column == self.LOCATION:
            return row["location_text"] or ""
        if column == self.IN_AREA:
            return "" if row["in_area"] is None else _yes_no(row["in_area"])
        if column == self.DECISION:
            return labels.code(row["decision"])
        if column == self.DECLINE_REASON:
            return row["decline_reason"] or ""
        return None


class ReferralsTab(QWidget):
    """Lists a participant's referrals; the selected one's details and decisions beside."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("referrals_tab")
        self.ctx = ctx
        self.participant_id = participant_id
        self._saving = False
        layout = QVBoxLayout(self)
        self.empty = QLabel(
            self.tr(
                "No referrals are linked to this person yet. An officer's referral is recorded "
                "with New referral and linked to the person at intake."
            )
        )
        self.empty.setObjectName("referrals_empty")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No referrals"))
        layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = ReferralsModel(self)
        self.table = rows_table(self.model, "referrals", self.tr("Referrals"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_changed)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._detail_pane())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.detail_box.setEnabled(False)
        self.empty.hide()  # until the first load says whether there are referrals
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.refresh()

    def _detail_pane(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        facts = QGroupBox(self.tr("Referral"))
        facts.setAccessibleName(self.tr("Referral details"))
        facts_layout = QVBoxLayout(facts)
        self.facts = QLabel(self.tr("Pick a referral in the list to see it here."))
        self.facts.setObjectName("referral_facts")
        self.facts.setAccessibleName(self.tr("Referral details"))
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        facts_layout.addWidget(self.facts)
        column.addWidget(facts)
        self.general_error = ErrorLabel(pane)
        self.general_error.setObjectName("referral_error")
        self.errors = FieldErrors(self.general_error)
        titles = _titles()
        self.rows = FormRows(self.errors, lambda f: titles.get(f, f), self._edited)
        self.detail_box, form = self.rows.group(self.tr("Eligibility and decision"))
        check = QCheckBox(self.tr("Done"))
        check.setObjectName("records_check_done")
        self.rows.row(form, "records_check_done", check, self.tr("&Records check"))
        prosecutor = CodedCombo(
            "prosecutor_decision",
            titles["prosecutor_decision"],
            casework.PROSECUTOR,
            blank=self.tr("(none yet)"),
        )
        self.rows.row(form, "prosecutor_decision", prosecutor, self.tr("&Prosecutor's decision"))
        when = DateField("prosecutor_decision_at", titles["prosecutor_decision_at"])
        self.rows.row(form, "prosecutor_decision_at", when, self.tr("Decision da&te"))
        self.rows.row(form, "prosecutor_name", QLineEdit(), self.tr("Decided &by"))
        decision = CodedCombo("decision", titles["decision"], casework.DECISIONS)
        self.rows.row(form, "decision", decision, self.tr("Person's &decision"))
        self.rows.row(form, "decline_reason", QLineEdit(), self.tr("Reason for dec&lining"))
        buttons = QHBoxLayout()
        self.state = QLabel()
        self.state.setObjectName("referral_state")
        self.state.setAccessibleName(self.tr("Save state"))
        self.save = QPushButton(self.tr("&Save decision"))
        self.save.setObjectName("save_referral")
        self.save.setAccessibleName(self.tr("Save decision"))
        self.save.clicked.connect(self.on_save_clicked)
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save)
        form.addRow(buttons)
        column.addWidget(self.detail_box)
        column.addWidget(self.general_error)
        column.addStretch()
        return pane

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the referrals in the background."""
        if self.ctx.store is None:
            return
        pid = self.participant_id
        self.ctx.read(lambda conn: _load(conn, pid), self._loaded)

    @when_alive
    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        current, state = self.current_id(), self.state.text()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.splitter.setVisible(bool(rows))
        ids = [r["id"] for r in rows]
        if rows:
            self.table.selectRow(ids.index(current) if current in ids else 0)
        if current in ids:
            self.state.setText(state)

    def current_id(self) -> str | None:
        """The id of the referral selected (None when none is)."""
        row = self.model.row(self.table.currentIndex())
        return None if row is None else str(row["id"])

    @Slot(object)
    def on_ctx_changed(self, change: object) -> None:
        """Reload when a change concerns this participant or one of the referrals listed."""
        if self._saving:
            return
        if concerns(change, self.participant_id, [r["id"] for r in self.model.rows]):
            self.refresh()

    @Slot(QModelIndex, QModelIndex)
    def on_table_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        """Show the selected referral."""
        self.errors.clear()
        self.state.clear()
        if not current.isValid():
            self.detail_box.setEnabled(False)
            return
        row = self.model.rows[current.row()]
        self.facts.setText(self._facts(row))
        self.rows.fill(row)
        self.detail_box.setEnabled(True)

    def _facts(self, row: dict[str, Any]) -> str:
        lines = [
            self.tr("Type: {0}").format(labels.code(row["referral_type"])),
            self.tr("Referred: {0}").format(date_text(row["referred_at"])),
        ]
        if row["handoff_at"]:
            lines.append(self.tr("Hand-off: {0}").format(date_text(row["handoff_at"])))
        place = row["location_text"] or self.tr("(no place recorded)")
        in_area = "" if row["in_area"] is None else _yes_no(row["in_area"])
        lines.append(self.tr("Location: {0}; in the area: {1}").format(place, in_area or "?"))
        officer = ", ".join(
            str(v) for v in (row["officer_name"], row["officer_id"], row["district"]) if v
        )
        if officer:
            lines.append(self.tr("Officer: {0}").format(officer))
        if row["incident_number"]:
            lines.append(self.tr("Incident: {0}").format(row["incident_number"]))
        if row["offense_category"]:
            lines.append(self.tr("Offense: {0}").format(labels.code(row["offense_category"])))
        if row["quantity_band"]:
            lines.append(self.tr("Quantity: {0}").format(row["quantity_band"]))
        screen = row["exclusion_screen"] or []
        if screen:
            lines.append(self.tr("Exclusion screen:"))
            for item in screen:
                lines.append(
                    "  • "
                    + self.tr("{0}: {1}").format(
                        labels.code(str(item.get("item", ""))), labels.code(item.get("answer"))
                    )
                )
        return "\n".join(lines)

    # -- saving -----------------------------------------------------------------------------

    def _edited(self) -> None:
        self.state.setText(self.tr("Changes not saved yet"))

    @Slot()
    def on_save_clicked(self) -> None:
        """Store the decision fields of the selected referral."""
        rid = self.current_id()
        if rid is None or self._saving or self.ctx.store is None:
            return
        values = self.rows.values()
        row = self.model.rows[self.table.currentIndex().row()]
        data = {field: values[field] for field in _EDITABLE if values[field] != row[field]}
        when = data.get("prosecutor_decision_at")
        if when and when == (row["prosecutor_decision_at"] or "")[:10]:
            del data["prosecutor_decision_at"]  # the date shown, not a change of the time
        pid = self.participant_id
        self._saving = True
        self.errors.clear()
        self.ctx.write(
            lambda tx: update_referral(tx, rid, data=data),
            Change("referral", (pid, rid), {"participant_id": pid}),
            self._saved,
            self._failed,
        )

    @when_alive
    def _saved(self, changed: dict[str, Any]) -> None:
        self._saving = False
        self.state.setText(self.tr("Saved") if changed else self.tr("Nothing had changed"))
        self.refresh()

    @when_alive
    def _failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ValidationError):
            self.errors.show(error.issues)
            self.state.setText(self.tr("Not saved: see the problems shown"))
        else:
            show_error(self, error)
