"""Step 7: consent, recorded as a draft consent (printing and signing come later, from the record).

The page's data is a dict shaped like the Consent columns (see :meth:`ConsentPage.consent_data`),
so a fuller consent editor can take its place without changing the rest of the wizard.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from lead_desktop.domain import casework
from lead_desktop.store.referrals import INFORMATION_CATEGORIES, SIGNER_ROLES
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.wizard.base import Page, date_edit, iso, lines_high, set_iso

DEFAULT_DAYS = 365


class ConsentPage(Page):
    """Type, recipients, information, purpose, expiry, signer, and "signed on paper"."""

    page_id = "consent"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.record = QCheckBox(self.tr("&Record a consent now"))
        self.record.setObjectName("consent_record")
        self.record.setAccessibleName(self.tr("Record a consent now"))
        self.record.setChecked(True)
        self.outer.addWidget(self.record)
        self.form_box = QWidget()
        self.outer.addWidget(self.form_box)
        note = QLabel(
            self.tr(
                "Kept as a draft consent: print it and mark it signed from the participant's "
                "record."
            )
        )
        note.setWordWrap(True)
        self.outer.addWidget(note)
        self.outer.addStretch()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)

        self.consent_type = QComboBox()
        labels.fill_codes(self.consent_type, casework.CONSENT_TYPES, blank=self.tr("Choose…"))
        labels.select_data(self.consent_type, "release")
        self.add_row(form, self.tr("&Kind of consent:"), self.consent_type, "consent_type")
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.add_row(form, self.tr("Lan&guage:"), self.language, "consent_language", "language")
        self.discloser = QLineEdit()
        self.add_row(
            form, self.tr("&Disclosed by:"), self.discloser, "consent_discloser", "discloser"
        )
        self.recipients = QPlainTextEdit()
        self.recipients.setTabChangesFocus(True)
        lines_high(self.recipients, 4)
        self.recipients.setPlaceholderText(self.tr("One per line, e.g. State's Attorney's Office"))
        self.add_row(
            form, self.tr("Reci&pients:"), self.recipients, "consent_recipients", "recipients"
        )
        info_box = QWidget()
        grid = QGridLayout(info_box)
        grid.setContentsMargins(0, 0, 0, 0)
        names = {
            "participation": self.tr("Participation and attendance"),
            "substance_use": self.tr("Substance use treatment"),
            "mental_health": self.tr("Mental health"),
            "physical_health": self.tr("Physical health"),
            "housing": self.tr("Housing"),
            "benefits": self.tr("Income and benefits"),
            "legal": self.tr("Legal status and court dates"),
        }
        self.categories: dict[str, QCheckBox] = {}
        for n, code in enumerate(INFORMATION_CATEGORIES):
            box = QCheckBox(names[code])
            box.setObjectName(f"consent_info_{code}")
            box.setAccessibleName(names[code])
            self.categories[code] = box
            grid.addWidget(box, n // 2, n % 2)
        self.info_detail = QLineEdit()
        self.info_detail.setObjectName("consent_info_detail")
        self.info_detail.setAccessibleName(self.tr("Information details"))
        self.info_detail.setPlaceholderText(self.tr("Details, if any"))
        grid.addWidget(self.info_detail, (len(INFORMATION_CATEGORIES) + 1) // 2, 0, 1, 2)
        info_label = QLabel(self.tr("&Information:"))
        info_label.setBuddy(self.categories["participation"])
        form.addRow(info_label, info_box)
        form.addRow("", self.error_for("information", info_box))
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("e.g. to coordinate services and court dates"))
        self.add_row(form, self.tr("P&urpose:"), self.purpose, "consent_purpose", "purpose")
        self.expiry_date = date_edit(date.today() + timedelta(days=DEFAULT_DAYS))
        self.add_row(
            form, self.tr("E&xpires on:"), self.expiry_date, "consent_expiry_date", "expiry_date"
        )
        self.expiry_event = QLineEdit()
        self.add_row(
            form,
            self.tr("Or expires &when:"),
            self.expiry_event,
            "consent_expiry_event",
            "expiry_event",
        )
        self.signer_name = QLineEdit()
        self.add_row(
            form, self.tr("&Signer:"), self.signer_name, "consent_signer_name", "signer_name"
        )
        self.signer_role = QComboBox()
        roles = {
            "participant": self.tr("The participant"),
            "representative": self.tr("A representative"),
        }
        for code in SIGNER_ROLES:
            self.signer_role.addItem(roles[code], code)
        self.add_row(
            form, self.tr("Signer is:"), self.signer_role, "consent_signer_role", "signer_role"
        )
        self.signer_authority = QLineEdit()
        self.add_row(
            form,
            self.tr("Representative's &authority:"),
            self.signer_authority,
            "consent_signer_authority",
            "signer_authority",
        )
        self.paper = QCheckBox(self.tr("Signed on pap&er"))
        self.paper.setObjectName("consent_signed_on_paper")
        self.paper.setAccessibleName(self.tr("Signed on paper"))
        form.addRow("", self.paper)
        form.addRow("", self.error_for("signature_kind", self.paper))
        self.witness = QLineEdit()
        self.add_row(form, self.tr("Wi&tness:"), self.witness, "consent_witness", "witness_name")
        self.signed_at = date_edit()
        self.add_row(form, self.tr("Signed &on:"), self.signed_at, "consent_signed_at", "signed_at")
        self.copy_given = QCheckBox(self.tr("A cop&y was given to the person"))
        self.copy_given.setObjectName("consent_copy_given")
        self.copy_given.setAccessibleName(self.tr("A copy was given to the person"))
        form.addRow("", self.copy_given)
        self.copy_method = QLineEdit()
        self.copy_method.setPlaceholderText(self.tr("e.g. paper copy handed over"))
        self.add_row(
            form,
            self.tr("How the copy was given:"),
            self.copy_method,
            "consent_copy_method",
            "copy_method",
        )

        self.record.toggled.connect(self.on_changed)
        self.consent_type.currentIndexChanged.connect(self.on_changed)
        self.signer_role.currentIndexChanged.connect(self.on_changed)
        self.paper.toggled.connect(self.on_changed)
        self.copy_given.toggled.connect(self.on_changed)
        self.watch(
            self.record,
            self.consent_type,
            self.language,
            self.discloser,
            self.recipients,
            *self.categories.values(),
            self.info_detail,
            self.purpose,
            self.expiry_date,
            self.expiry_event,
            self.signer_name,
            self.signer_role,
            self.signer_authority,
            self.paper,
            self.witness,
            self.signed_at,
            self.copy_given,
            self.copy_method,
        )
        self.on_changed()

    def title(self) -> str:
        """The step's name."""
        return self.tr("Consent")

    @Slot()
    def on_changed(self) -> None:
        """Enable what goes with the choices made."""
        self.form_box.setEnabled(self.record.isChecked())
        justice = self.consent_type.currentData() == "criminal_justice"
        self.expiry_date.setEnabled(not justice)
        if justice and not self.expiry_event.text().strip():
            self.expiry_event.setText(self.tr("30 days after final disposition of the case"))
        self.signer_authority.setEnabled(self.signer_role.currentData() == "representative")
        self.witness.setEnabled(self.paper.isChecked())
        self.signed_at.setEnabled(self.paper.isChecked())
        self.copy_method.setEnabled(self.copy_given.isChecked())

    def prefill(self, signer: str, discloser: str) -> None:
        """Suggest the signer (the person's name) and the discloser (the program)."""
        if signer and not self.signer_name.text().strip():
            self.signer_name.setText(signer)
        if discloser and not self.discloser.text().strip():
            self.discloser.setText(discloser)

    def consent_data(self) -> dict[str, Any] | None:
        """The consent as Consent columns (None when no consent is recorded now)."""
        if not self.record.isChecked():
            return None
        justice = self.consent_type.currentData() == "criminal_justice"
        paper = self.paper.isChecked()
        representative = self.signer_role.currentData() == "representative"
        lines = self.recipients.toPlainText().splitlines()
        return {
            "consent_type": self.consent_type.currentData(),
            "language": self.language.currentData(),
            "discloser": self.discloser.text().strip() or None,
            "recipients": [line.strip() for line in lines if line.strip()],
            "information": {
                "categories": [c for c, box in self.categories.items() if box.isChecked()],
                "detail": self.info_detail.text().strip(),
            },
            "purpose": self.purpose.text().strip() or None,
            "expiry_date": None if justice else iso(self.expiry_date),
            "expiry_event": self.expiry_event.text().strip() or None,
            "signer_name": self.signer_name.text().strip() or None,
            "signer_role": self.signer_role.currentData(),
            "signer_authority": (self.signer_authority.text().strip() or None)
            if representative
            else None,
            "signature_kind": "paper" if paper else None,
            "witness_name": (self.witness.text().strip() or None) if paper else None,
            "signed_at": iso(self.signed_at) if paper else None,
            "copy_given": self.copy_given.isChecked(),
            "copy_method": (self.copy_method.text().strip() or None)
            if self.copy_given.isChecked()
            else None,
        }

    def state(self) -> dict[str, Any]:
        """Every field, for the draft (typed text kept even where disabled)."""
        return {
            "record": self.record.isChecked(),
            "consent_type": self.consent_type.currentData(),
            "language": self.language.currentData(),
            "discloser": self.discloser.text(),
            "recipients": self.recipients.toPlainText(),
            "categories": [c for c, box in self.categories.items() if box.isChecked()],
            "info_detail": self.info_detail.text(),
            "purpose": self.purpose.text(),
            "expiry_date": iso(self.expiry_date),
            "expiry_event": self.expiry_event.text(),
            "signer_name": self.signer_name.text(),
            "signer_role": self.signer_role.currentData(),
            "signer_authority": self.signer_authority.text(),
            "paper": self.paper.isChecked(),
            "witness_name": self.witness.text(),
            "signed_at": iso(self.signed_at),
            "copy_given": self.copy_given.isChecked(),
            "copy_method": self.copy_method.text(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the fields back."""
        self.record.setChecked(bool(state.get("record", True)))
        labels.select_data(self.consent_type, state.get("consent_type"))
        labels.select_data(self.language, state.get("language") or "en")
        self.discloser.setText(state.get("discloser") or "")
        self.recipients.setPlainText(state.get("recipients") or "")
        chosen = set(state.get("categories") or [])
        for code, box in self.categories.items():
            box.setChecked(code in chosen)
        self.info_detail.setText(state.get("info_detail") or "")
        self.purpose.setText(state.get("purpose") or "")
        set_iso(self.expiry_date, state.get("expiry_date"))
        self.expiry_event.setText(state.get("expiry_event") or "")
        self.signer_name.setText(state.get("signer_name") or "")
        labels.select_data(self.signer_role, state.get("signer_role") or "participant")
        self.signer_authority.setText(state.get("signer_authority") or "")
        self.paper.setChecked(bool(state.get("paper")))
        self.witness.setText(state.get("witness_name") or "")
        set_iso(self.signed_at, state.get("signed_at"))
        self.copy_given.setChecked(bool(state.get("copy_given")))
        self.copy_method.setText(state.get("copy_method") or "")
        self.on_changed()
