"""The buttons for the consent selected in the consents tab: sign, revoke, disclose, print.

Each button is on only when its act applies to the selected consent today; when it is off the
reason (from :mod:`lead_desktop.domain.consent`) is its tooltip and is written under the
buttons, so nobody has to guess (a criminal-justice consent cannot be revoked before the final
disposition of the case, a revoked consent allows no disclosure, ...).
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lead_desktop.domain import consent as rules
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.documents.consent_dialogs import (
    ConsentActDialog,
    DisclosureDialog,
    DispositionDialog,
    RevokeDialog,
    consent_title,
    preview_kind,
)
from lead_desktop.ui.documents.preview import DocumentPreview, open_preview
from lead_desktop.ui.documents.sign_dialog import SignDialog
from lead_desktop.ui.record.fields import ErrorLabel

logger = logging.getLogger(__name__)


class ConsentActions(QWidget):
    """Acts on the selected consent, each on only when it applies, with the reason when not."""

    sig_acted = Signal(str)
    """A consent was signed, revoked or disclosed under, or its disposition recorded."""
    sig_edit = Signal(object)
    """The worker wants to complete the selected draft consent (carries it as a dict)."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent_actions")
        self.setAccessibleName(self.tr("What to do with the selected consent"))
        self.ctx = ctx
        self.participant_id = participant_id
        self.consent: dict[str, Any] | None = None
        self.program: dict[str, Any] = dict(rules.DEFAULT_PROGRAM)
        self.selected = QLabel()
        self.selected.setObjectName("consent_selected")
        self.selected.setWordWrap(True)
        self.selected.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = self._button(
            "consent_edit", self.tr("Complete draft"), self.tr("Complete the draft in the form")
        )
        self.edit.clicked.connect(self.on_edit_clicked)
        self.sign = self._button("consent_sign", self.tr("&Sign…"), self.tr("Sign the consent"))
        self.revoke = self._button(
            "consent_revoke", self.tr("Revo&ke…"), self.tr("Revoke the consent")
        )
        self.disposition = self._button(
            "consent_disposition",
            self.tr("Final disp&osition…"),
            self.tr("Record the final disposition of the case"),
        )
        self.disclose = self._button(
            "consent_disclose",
            self.tr("Record a d&isclosure…"),
            self.tr("Record a disclosure under the consent"),
        )
        self.preview_consent = self._button(
            "consent_preview",
            self.tr("Preview / print consent"),
            self.tr("Preview and print the consent form"),
        )
        self.preview_consent.setToolTip(self.tr("Preview and print the selected consent (Ctrl+P)"))
        self.preview_revocation = self._button(
            "consent_preview_revocation",
            self.tr("Revocation &form"),
            self.tr("Preview and print the revocation form"),
        )
        self.accounting = self._button(
            "consent_accounting",
            self.tr("Accounting of disclosur&es"),
            self.tr("Preview and print the accounting of disclosures"),
        )
        self.sign.clicked.connect(self.on_sign_clicked)
        self.revoke.clicked.connect(self.on_revoke_clicked)
        self.disposition.clicked.connect(self.on_disposition_clicked)
        self.disclose.clicked.connect(self.on_disclose_clicked)
        self.preview_consent.clicked.connect(self.on_preview_consent_clicked)
        self.preview_revocation.clicked.connect(self.on_preview_revocation_clicked)
        self.accounting.clicked.connect(self.on_accounting_clicked)
        self.revoke_reason = ErrorLabel()
        self.revoke_reason.setObjectName("revoke_reason")
        self.revoke_reason.setAccessibleName(self.tr("Why the consent cannot be revoked"))
        self.disclose_reason = ErrorLabel()
        self.disclose_reason.setObjectName("disclose_reason")
        self.disclose_reason.setAccessibleName(self.tr("Why nothing can be disclosed under it"))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        acts = (self.edit, self.sign, self.revoke, self.disposition, self.disclose)
        for column, button in enumerate(acts):
            grid.addWidget(button, 0, column)
        for column, button in enumerate(
            (self.preview_consent, self.preview_revocation, self.accounting)
        ):
            grid.addWidget(button, 1, column)
        grid.setColumnStretch(len(acts), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.selected)
        layout.addLayout(grid)
        layout.addWidget(self.revoke_reason)
        layout.addWidget(self.disclose_reason)
        self.set_consent(None)

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        return button

    # -- state ---------------------------------------------------------------------------------

    def set_program(self, program: dict[str, Any]) -> None:
        """The program's consent rules (the CJ days after disposition, ...)."""
        self.program = dict(program)
        self.set_consent(self.consent)

    def set_consent(self, consent: dict[str, Any] | None) -> None:
        """Show what can be done with this consent (None: nothing selected)."""
        self.consent = consent
        today = date.today()
        if consent is None:
            self.selected.setText(
                self.tr("Select a consent in the list to sign, revoke, disclose under or print it.")
            )
            for button in (
                self.edit,
                self.sign,
                self.revoke,
                self.disposition,
                self.disclose,
                self.preview_consent,
                self.preview_revocation,
            ):
                self._enable(button, False, "")
            self.disposition.hide()
            self.revoke_reason.clear()
            self.disclose_reason.clear()
            return
        status = consent["status"]
        text = self.tr("Selected: {0}, {1}.").format(
            consent_title(consent), labels.code(status).lower()
        )
        if consent.get("flagged_false"):
            text += " " + self.tr("Flagged as false or invalid.")
        self.selected.setText(text)
        draft = status == "draft"
        self._enable(
            self.edit,
            draft,
            "" if draft else self.tr("A signed or revoked consent is kept as it was signed."),
        )
        self._enable(
            self.sign,
            draft,
            ""
            if draft
            else self.tr("Only a draft can be signed; this one is {0}.").format(
                labels.code(status).lower()
            ),
        )
        can, why = rules.can_revoke(consent, today)
        self._enable(self.revoke, can, why)
        self.revoke_reason.show_message(
            self.tr("Revoke: {0}").format(why) if why and not draft else ""
        )
        criminal = consent["consent_type"] == "criminal_justice"
        self.disposition.setVisible(criminal and not draft)
        self._enable(self.disposition, criminal and status == "signed", "")
        problems = rules.disclosure_check(consent, today, program=self.program)
        reason = "\n".join(labels.issue_message(m) for m in problems)
        self._enable(self.disclose, not problems, reason)
        self.disclose_reason.show_message(
            self.tr("Disclose: {0}").format(reason) if problems and not draft else ""
        )
        self._enable(self.preview_consent, True, "")
        printed = status in ("signed", "revoked")
        self._enable(
            self.preview_revocation,
            printed,
            "" if printed else self.tr("Only a signed consent has a revocation form."),
        )

    @staticmethod
    def _enable(button: QPushButton, enabled: bool, reason: str) -> None:
        button.setEnabled(enabled)
        button.setToolTip(reason)
        button.setAccessibleDescription(reason)

    # -- acts ----------------------------------------------------------------------------------

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(dialog, ConsentActDialog | SignDialog):
            dialog.accepted.connect(self._acted)
            dialog.open()

    @Slot()
    def _acted(self) -> None:
        if self.consent is not None:
            self.sig_acted.emit(str(self.consent["id"]))

    def _ids(self) -> dict[str, str]:
        assert self.consent is not None
        return {"consent_id": str(self.consent["id"]), "participant_id": self.participant_id}

    @Slot()
    def on_edit_clicked(self) -> None:
        """Ask the tab to put the selected draft in the form."""
        if self.consent is not None:
            self.sig_edit.emit(dict(self.consent))

    @Slot()
    def on_sign_clicked(self) -> None:
        """Open the signing dialog for the selected draft."""
        if self.consent is not None:
            self._open(SignDialog(self.ctx, **self._ids(), parent=self))

    @Slot()
    def on_revoke_clicked(self) -> None:
        """Open the revocation dialog."""
        if self.consent is not None:
            self._open(RevokeDialog(self.ctx, **self._ids(), parent=self))

    @Slot()
    def on_disposition_clicked(self) -> None:
        """Open the final disposition dialog (criminal-justice consents)."""
        if self.consent is not None:
            self._open(DispositionDialog(self.ctx, **self._ids(), parent=self))

    @Slot()
    def on_disclose_clicked(self) -> None:
        """Open the disclosure dialog."""
        if self.consent is not None:
            self._open(DisclosureDialog(self.ctx, **self._ids(), parent=self))

    def _preview(self, kind: str, consent_id: str | None) -> DocumentPreview:
        language = str((self.consent or {}).get("language") or "en")
        return open_preview(
            self.ctx,
            self,
            kind=kind,
            participant_id=self.participant_id,
            language=language,
            consent_id=consent_id,
        )

    @Slot()
    def on_preview_consent_clicked(self) -> None:
        """Preview (and print) the selected consent's form."""
        if self.consent is not None:
            self._preview(preview_kind(self.consent), str(self.consent["id"]))

    @Slot()
    def on_preview_revocation_clicked(self) -> None:
        """Preview (and print) the revocation form of the selected consent."""
        if self.consent is not None:
            self._preview("revocation", str(self.consent["id"]))

    @Slot()
    def on_accounting_clicked(self) -> None:
        """Preview (and print) the participant's accounting of disclosures."""
        self._preview("disclosures", None)
