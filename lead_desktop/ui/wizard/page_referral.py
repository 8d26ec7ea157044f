"""Step 1: the referral itself: its type, when, the officer, the incident and offense."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from lead_desktop.domain import casework
from lead_desktop.store.referrals import QUANTITY_BANDS
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.wizard.base import Page

#: Suggestions only: the field takes any district name, since sites differ.
DISTRICTS = (
    "Central",
    "Eastern",
    "Northeastern",
    "Northern",
    "Northwestern",
    "Southeastern",
    "Southern",
    "Southwestern",
    "Western",
)
HANDOFF_MINUTES = 30


def to_iso(edit: QDateTimeEdit) -> str:
    """The local date and time of an edit as ISO text with the UTC offset."""
    moment: datetime = edit.dateTime().toPython()  # type: ignore[assignment]
    return moment.astimezone().isoformat(timespec="minutes")


def from_iso(edit: QDateTimeEdit, value: str | None) -> None:
    """Show ISO text (any offset) in local time."""
    if not value:
        return
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    edit.setDateTime(
        QDateTime(
            QDate(moment.year, moment.month, moment.day),
            QTime(moment.hour, moment.minute, moment.second),
        )
    )


def date_time_edit() -> QDateTimeEdit:
    """A date and time field starting now, to the minute."""
    edit = QDateTimeEdit(QDateTime.currentDateTime())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


class ReferralTypePage(Page):
    """Type, time, officer and offense of the referral."""

    page_id = "type"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout()
        self.outer.addLayout(form)
        self.outer.addStretch()

        self.referral_type = QComboBox()
        labels.fill_codes(self.referral_type, casework.REFERRAL_TYPES, blank=self.tr("Choose…"))
        self.add_row(form, self.tr("Referral &type:"), self.referral_type, "referral_type")

        self.referred_at = date_time_edit()
        self.add_row(form, self.tr("&Referred at:"), self.referred_at, "referred_at")

        self.handoff_done = QCheckBox(self.tr("&Hand-off done at"))
        self.handoff_done.setObjectName("handoff_done")
        self.handoff_done.setAccessibleName(self.tr("Hand-off done"))
        self.handoff_at = date_time_edit()
        self.handoff_at.setEnabled(False)
        handoff = QWidget()
        row = QHBoxLayout(handoff)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.handoff_done)
        row.addWidget(self.handoff_at, 1)
        self.handoff_at.setObjectName("handoff_at")
        self.handoff_at.setAccessibleName(self.tr("Hand-off time"))
        form.addRow(self.tr("Hand-off:"), handoff)
        form.addRow("", self.error_for("handoff_at", self.handoff_at))
        self.handoff_note = QLabel()
        self.handoff_note.setObjectName("handoff_note")
        self.handoff_note.setWordWrap(True)
        self.handoff_note.hide()
        form.addRow("", self.handoff_note)

        self.officer_name = QLineEdit()
        self.add_row(form, self.tr("&Officer's name:"), self.officer_name, "officer_name")
        self.officer_id = QLineEdit()
        self.add_row(form, self.tr("Officer's &ID or badge:"), self.officer_id, "officer_id")
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.addItem("")
        self.district.addItems(list(DISTRICTS))
        self.add_row(form, self.tr("&District:"), self.district, "district")
        district_text = self.district.lineEdit()
        assert district_text is not None  # the combo box is editable
        district_text.setObjectName("district_text")
        district_text.setAccessibleName(self.tr("District"))
        self.incident_number = QLineEdit()
        self.add_row(form, self.tr("Incident nu&mber:"), self.incident_number, "incident_number")
        self.offense_category = QComboBox()
        labels.fill_codes(self.offense_category, casework.OFFENSES, blank=self.tr("Not recorded"))
        self.add_row(form, self.tr("O&ffense:"), self.offense_category, "offense_category")
        self.quantity_band = QComboBox()
        self.quantity_band.addItem(self.tr("Not recorded"), None)
        bands = {
            "none_found": self.tr("None found"),
            "under_1g": self.tr("Under 1 g"),
            "1_to_3g": self.tr("1 to 3 g"),
            "over_3g": self.tr("Over 3 g"),
            "unknown": self.tr("Unknown"),
        }
        for code in QUANTITY_BANDS:
            self.quantity_band.addItem(bands[code], code)
        self.add_row(form, self.tr("Drug &quantity:"), self.quantity_band, "quantity_band")

        self.watch(
            self.referral_type,
            self.referred_at,
            self.handoff_done,
            self.handoff_at,
            self.officer_name,
            self.officer_id,
            self.district,
            self.incident_number,
            self.offense_category,
            self.quantity_band,
        )
        self.handoff_done.toggled.connect(self.on_handoff_done_toggled)
        self.handoff_at.dateTimeChanged.connect(self.on_times_changed)
        self.referred_at.dateTimeChanged.connect(self.on_times_changed)
        self.referral_type.currentIndexChanged.connect(self.on_times_changed)

    def title(self) -> str:
        """The step's name."""
        return self.tr("Referral")

    @Slot(bool)
    def on_handoff_done_toggled(self, checked: bool) -> None:
        """Only a recorded hand-off has a time."""
        self.handoff_at.setEnabled(checked)
        self.on_times_changed()

    @Slot()
    def on_times_changed(self) -> None:
        """Say so when an arrest diversion's hand-off took longer than usual (never blocks)."""
        minutes = self.referred_at.dateTime().secsTo(self.handoff_at.dateTime()) // 60
        late = (
            self.handoff_done.isChecked()
            and self.referral_type.currentData() == "arrest_diversion"
            and minutes > HANDOFF_MINUTES
        )
        self.handoff_note.setText(
            self.tr("The hand-off came {0} minutes after the referral (ideally within 30).").format(
                minutes
            )
        )
        self.handoff_note.setVisible(late)

    def values(self) -> dict[str, Any]:
        """The referral fields this page holds."""
        return {
            "referral_type": self.referral_type.currentData(),
            "referred_at": to_iso(self.referred_at),
            "handoff_at": to_iso(self.handoff_at) if self.handoff_done.isChecked() else None,
            "officer_name": self.officer_name.text().strip() or None,
            "officer_id": self.officer_id.text().strip() or None,
            "district": self.district.currentText().strip() or None,
            "incident_number": self.incident_number.text().strip() or None,
            "offense_category": self.offense_category.currentData(),
            "quantity_band": self.quantity_band.currentData(),
        }

    def state(self) -> dict[str, Any]:
        """Every field, for the draft."""
        return {**self.values(), "handoff_time": to_iso(self.handoff_at)}

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the fields back."""
        labels.select_data(self.referral_type, state.get("referral_type"))
        from_iso(self.referred_at, state.get("referred_at"))
        self.handoff_done.setChecked(bool(state.get("handoff_at")))
        from_iso(self.handoff_at, state.get("handoff_at") or state.get("handoff_time"))
        self.officer_name.setText(state.get("officer_name") or "")
        self.officer_id.setText(state.get("officer_id") or "")
        self.district.setCurrentText(state.get("district") or "")
        self.incident_number.setText(state.get("incident_number") or "")
        labels.select_data(self.offense_category, state.get("offense_category"))
        labels.select_data(self.quantity_band, state.get("quantity_band"))
