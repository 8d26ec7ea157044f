"""Mark a draft consent signed: drawn on screen, or signed on paper before a witness.

The consent gate runs live as the fields change, and again in the store when the worker
presses Sign (:func:`lead_desktop.store.consents.sign_consent`); a refusal shows each missing
item beside the field it concerns and writes nothing. A scan of the signed paper is read and
stored (encrypted, :func:`~lead_desktop.store.casework.put_attachment`) in the same transaction
as the signature, so a refused signature leaves no orphan scan behind.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from lead_desktop.documents.templates import consent_template
from lead_desktop.domain import consent as rules
from lead_desktop.domain.participant import display_name
from lead_desktop.errors import LeadError, ValidationError
from lead_desktop.store import consents as consent_store
from lead_desktop.store.casework import put_attachment
from lead_desktop.store.participants import get_participant
from lead_desktop.store.tx import Tx
from lead_desktop.ui import labels
from lead_desktop.ui.action_bar import ActionBar, push_button
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.documents.fields import ScanFile, copy_methods, show_refusal, text_label
from lead_desktop.ui.record.fields import DateField, ErrorLabel, FieldErrors, when_alive
from lead_desktop.ui.signature_pad import SignaturePad

logger = logging.getLogger(__name__)


def load_for_signing(conn: Connection, consent_id: str) -> dict[str, Any]:
    """What the live gate needs (runs on the read thread)."""
    consent = consent_store.get_consent(conn, consent_id)
    try:
        template: dict[str, Any] | None = consent_template(
            consent["consent_type"], consent.get("language") or "en"
        )
    except LeadError:
        template = None
    return {
        "consent": consent,
        "participant": get_participant(conn, consent["participant_id"]),
        "program": consent_store.program_settings(conn),
        "referral_date": consent_store.referral_date(conn, consent["participant_id"]),
        "template": template,
    }


class SignDialog(QDialog):
    """Records a consent's signature, its date and the copy given, through the gate."""

    sig_signed = Signal(str)
    """The consent was signed; carries its id."""

    #: Issue fields shown beside a field of this dialog; the rest concern the consent itself.
    OWN_FIELDS = ("signature", "witness_name", "signed_at", "copy_method", "scan")

    def __init__(
        self,
        ctx: AppContext,
        *,
        consent_id: str,
        participant_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sign_dialog")
        self.setWindowTitle(self.tr("Sign the consent"))
        self.setAccessibleName(self.tr("Sign the consent"))
        self.ctx = ctx
        self.consent_id = consent_id
        self.participant_id = participant_id
        self._data: dict[str, Any] = {}
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("sign_general_error")
        self.errors = FieldErrors(self.general_error)
        self._build()
        self.on_kind_changed()
        ctx.read(
            lambda conn: load_for_signing(conn, consent_id),
            self._loaded,
            self._load_failed,
        )

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = text_label("sign_summary", self.tr("Loading the consent…"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.signed_at = DateField("sign_date", self.tr("Date signed"))
        self.signed_at.set_value(date.today().isoformat())
        self.signed_at.sig_edited.connect(self.on_field_edited)
        self._row(form, self.tr("&Date signed"), "signed_at", self.signed_at)

        self.on_screen = QRadioButton(self.tr("On scr&een, in the box below"))
        self.on_screen.setObjectName("sign_on_screen")
        self.on_screen.setAccessibleName(self.tr("Signed on screen"))
        self.on_paper = QRadioButton(self.tr("On &paper, before a witness"))
        self.on_paper.setObjectName("sign_on_paper")
        self.on_paper.setAccessibleName(self.tr("Signed on paper, before a witness"))
        self.on_screen.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.on_screen)
        group.addButton(self.on_paper)
        self.on_screen.toggled.connect(self.on_kind_changed)
        how = QWidget()
        how.setAccessibleName(self.tr("How it was signed"))
        how_layout = QVBoxLayout(how)
        how_layout.setContentsMargins(0, 0, 0, 0)
        how_layout.addWidget(self.on_screen)
        how_layout.addWidget(self.on_paper)
        form.addRow(QLabel(self.tr("How it was signed")), how)

        self.pad = SignaturePad()
        self.pad.sig_changed.connect(self.on_field_edited)
        self._row(form, self.tr("Signature"), "signature", self.pad, buddy=self.pad.canvas)

        self.witness = QLineEdit()
        self.witness.setObjectName("sign_witness")
        self.witness.setAccessibleName(self.tr("Witness's name"))
        self.witness.setPlaceholderText(self.tr("Who saw the participant sign the paper form"))
        self.witness.textEdited.connect(self.on_field_edited)
        self._row(form, self.tr("&Witness"), "witness_name", self.witness)

        self.scan = ScanFile(self)
        self._row(form, self.tr("Scan (optional)"), "scan", self.scan, buddy=self.scan.pick)

        self.copy_given = QCheckBox(self.tr("A cop&y was given to the participant"))
        self.copy_given.setObjectName("sign_copy_given")
        self.copy_given.setAccessibleName(self.tr("A copy was given to the participant"))
        self.copy_given.toggled.connect(self.on_field_edited)
        self.copy_method = QComboBox()
        self.copy_method.setObjectName("sign_copy_method")
        self.copy_method.setAccessibleName(self.tr("How the copy was given"))
        self.copy_method.setEditable(True)
        self.copy_method.addItems(copy_methods())
        self.copy_method.currentTextChanged.connect(self.on_field_edited)
        copy_row = QWidget()
        copy_layout = QHBoxLayout(copy_row)
        copy_layout.setContentsMargins(0, 0, 0, 0)
        copy_layout.addWidget(self.copy_given)
        copy_layout.addWidget(self.copy_method, 1)
        self._row(form, self.tr("Copy"), "copy_method", copy_row, buddy=self.copy_given)

        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.general_error)
        left.addLayout(form)
        left.addStretch(1)

        self.sign_button = push_button(
            "sign_submit", self.tr("Mark as &signed"), self.tr("Mark the consent as signed")
        )
        self.sign_button.clicked.connect(self.on_sign_clicked)
        self.cancel_button = push_button(
            "sign_cancel", self.tr("Cancel"), self.tr("Cancel without signing")
        )
        self.cancel_button.clicked.connect(self.reject)
        self.bar = ActionBar("sign", self.cancel_button, self.sign_button)
        self.message = self.bar.message

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self._build_gate(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(self.bar)
        order = [
            self.signed_at,
            self.on_screen,
            self.on_paper,
            self.pad.canvas,
            self.pad.undo_button,
            self.pad.clear_button,
            self.witness,
            self.scan.pick,
            self.scan.remove,
            self.copy_given,
            self.copy_method,
            self.gate,
            self.cancel_button,
            self.sign_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self.signed_at.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row(
        self,
        form: QFormLayout,
        text: str,
        field: str,
        widget: QWidget,
        *,
        buddy: QWidget | None = None,
    ) -> None:
        self.errors.row(form, text, field, widget, buddy=buddy, error_name=f"error_{field}")

    def _build_gate(self) -> QGroupBox:
        box = QGroupBox(self.tr("Still needed before it can be signed"))
        box.setObjectName("sign_gate_box")
        layout = QVBoxLayout(box)
        self.gate_summary = QLabel()
        self.gate_summary.setObjectName("sign_gate_summary")
        self.gate_summary.setWordWrap(True)
        bold = self.gate_summary.font()
        bold.setBold(True)
        self.gate_summary.setFont(bold)
        self.gate = QListWidget()
        self.gate.setObjectName("sign_gate")
        self.gate.setAccessibleName(self.tr("What the consent still lacks before signing"))
        self.gate.setWordWrap(True)
        self.gate.setSpacing(3)
        layout.addWidget(self.gate_summary)
        layout.addWidget(self.gate, 1)
        layout.addStretch(0)  # keeps the summary at the top when the list is hidden
        return box

    # -- values --------------------------------------------------------------------------------

    def signature_kind(self) -> str:
        """``"drawn"`` or ``"paper"``."""
        return "drawn" if self.on_screen.isChecked() else "paper"

    def copy_text(self) -> str | None:
        """How the copy was given (None when no copy was given)."""
        if not self.copy_given.isChecked():
            return None
        return self.copy_method.currentText().strip() or None

    def candidate(self) -> dict[str, Any]:
        """The consent as it would be once signed with what is entered now."""
        drawn = self.signature_kind() == "drawn"
        return {
            **self._data.get("consent", {}),
            "signature_kind": self.signature_kind(),
            "signature_attachment_id": "pending" if drawn and not self.pad.is_empty() else None,
            "witness_name": None if drawn else (self.witness.text().strip() or None),
            "signed_at": self.signed_at.value(),
            "copy_given": self.copy_text() is not None,
            "copy_method": self.copy_text(),
        }

    # -- loading and the live gate -------------------------------------------------------------

    @when_alive
    def _loaded(self, data: dict[str, Any]) -> None:
        self._data = data
        consent = data["consent"]
        recipients = ", ".join(str(r.get("name") or "") for r in rules.recipients_of(consent))
        self.summary.setText(
            self.tr("{0} consent for {1}; recipients: {2}; signer: {3}.").format(
                labels.code(consent["consent_type"]),
                display_name(data["participant"]),
                recipients or self.tr("none named"),
                consent.get("signer_name") or self.tr("not named"),
            )
        )
        if consent.get("copy_method"):
            self.copy_given.setChecked(bool(consent.get("copy_given")))
            self.copy_method.setCurrentText(labels.code(consent["copy_method"]))
        if consent["status"] != "draft":
            self.message.setText(
                self.tr("This consent is {0}; only a draft can be signed.").format(
                    labels.code(consent["status"])
                )
            )
            self.sign_button.setEnabled(False)
        self._update_gate()

    @when_alive
    def _load_failed(self, error: BaseException) -> None:
        self.sign_button.setEnabled(False)
        show_error(self, error)

    def _update_gate(self) -> None:
        if not self._data:
            return
        missing = rules.consent_gate(
            self.candidate(),
            self._data["participant"],
            referral_date=self._data["referral_date"],
            today=date.today(),
            program=self._data["program"],
            stage="sign",
            template=self._data["template"],
        )
        self.gate.clear()
        for item in missing:
            text = labels.issue_message(item)
            self.gate.addItem(QListWidgetItem("• " + text[:1].upper() + text[1:]))
        if not missing:
            self.gate_summary.setText(self.tr("Everything needed is here: it can be signed."))
        elif len(missing) == 1:
            self.gate_summary.setText(self.tr("1 item still needed:"))
        else:
            self.gate_summary.setText(self.tr("{0} items still needed:").format(len(missing)))
        self.gate.setVisible(bool(missing))

    @Slot()
    def on_kind_changed(self) -> None:
        """Drawn: the pad is on, the witness and scan off; on paper, the other way round."""
        drawn = self.on_screen.isChecked()
        self.pad.setEnabled(drawn)
        self.witness.setEnabled(not drawn)
        self.scan.setEnabled(not drawn)
        self.on_field_edited()

    @Slot()
    def on_field_edited(self) -> None:
        """Run the gate again on what is entered now."""
        self.copy_method.setEnabled(self.copy_given.isChecked())
        self._update_gate()

    # -- signing -------------------------------------------------------------------------------

    @Slot()
    def on_sign_clicked(self) -> None:
        """Sign through the store's gate; show each refusal beside its field."""
        if self.bar.busy or not self._data:
            return
        cid, pid = self.consent_id, self.participant_id
        kind = self.signature_kind()
        strokes = self.pad.strokes() if kind == "drawn" else None
        witness = (self.witness.text().strip() or None) if kind == "paper" else None
        scan = self.scan.path() if kind == "paper" else None
        signed_at = self.signed_at.value() or ""
        copy_method = self.copy_text()

        def write(tx: Tx) -> str:
            scan_id = None
            if scan is not None:
                data, mime = ScanFile.read(scan)
                scan_id = put_attachment(tx, data=data, mime=mime, participant_id=pid)
            consent_store.sign_consent(
                tx,
                cid,
                signature_kind=kind,
                signed_at=signed_at,
                strokes=strokes,
                witness_name=witness,
                scan_attachment_id=scan_id,
                copy_method=copy_method,
            )
            return cid

        self.bar.set_busy(True)
        self.errors.clear()
        self.message.setText(self.tr("Signing…"))
        self.ctx.write(
            write,
            Change("consent", (pid, cid), {"participant_id": pid}),
            self._signed,
            self._refused,
        )

    @when_alive
    def _signed(self, consent_id: str) -> None:
        self.bar.set_busy(False)
        self.message.setText(self.tr("The consent is signed."))
        self.sig_signed.emit(consent_id)
        self.accept()

    @when_alive
    def _refused(self, error: BaseException) -> None:
        self.bar.set_busy(False)
        if not isinstance(error, ValidationError):
            self.message.setText(self.tr("Not signed."))
            show_error(self, error)
            return
        show_refusal(
            self.errors,
            self.general_error,
            error,
            self.OWN_FIELDS,
            self.tr("The consent itself lacks these (fix them on a new consent):"),
        )
        self.message.setText(
            self.tr("Not signed: {0} item(s) missing, listed beside the fields.").format(
                len(error.issues)
            )
        )
