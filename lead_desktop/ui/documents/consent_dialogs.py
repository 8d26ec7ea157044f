"""Acts on a signed consent: revoke it, record a disclosure under it, record a final disposition.

Each dialog loads the consent on the read thread, says up front when the act is not allowed
(and why, in the words of :mod:`lead_desktop.domain.consent`), and lets the store check again
when the worker confirms: the store's refusal is shown plainly, beside the field it concerns,
and nothing is written. After a revocation or a disclosure the dialog offers the form to print
(the revocation form, or the cover sheet that must go with every disclosure).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from lead_desktop.documents import COVER_KIND
from lead_desktop.documents.templates import CONSENT_KINDS
from lead_desktop.domain import consent as rules
from lead_desktop.errors import Issue, ValidationError
from lead_desktop.store import consents as consent_store
from lead_desktop.store.tx import Tx
from lead_desktop.ui import labels
from lead_desktop.ui.action_bar import ActionBar, push_button
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.documents.fields import show_refusal, text_label
from lead_desktop.ui.documents.preview import open_preview
from lead_desktop.ui.record.fields import DateField, ErrorLabel, FieldErrors, date_text, when_alive

logger = logging.getLogger(__name__)


def load_consent(conn: Connection, consent_id: str) -> dict[str, Any]:
    """The consent and the program's consent rules (read thread)."""
    return {
        "consent": consent_store.get_consent(conn, consent_id),
        "program": consent_store.program_settings(conn),
    }


def consent_title(consent: dict[str, Any]) -> str:
    """E.g. "Release consent signed on 3/2/26"."""
    kind = labels.code(consent["consent_type"])
    if consent.get("signed_at"):
        return QCoreApplication.translate("consents", "{0} consent signed on {1}").format(
            kind, date_text(consent["signed_at"])
        )
    return QCoreApplication.translate("consents", "{0} consent (not signed)").format(kind)


class ConsentActDialog(QDialog):
    """The frame every act shares: summary, refusal, fields, message, Cancel and the act.

    An act sets :attr:`NAME` and :attr:`FIELDS`, adds its fields in :meth:`build` and fills in
    the other hooks; it is opened as ``Act(ctx, consent_id=..., participant_id=..., parent=...)``.
    """

    #: Names the dialog and its controls (``<name>_dialog``, ``<name>_submit``...).
    NAME = "act"
    #: Issue fields shown beside a field of the dialog (the rest go to the refusal at the top).
    FIELDS: tuple[str, ...] = ()

    def __init__(
        self,
        ctx: AppContext,
        *,
        consent_id: str,
        participant_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        name = self.NAME
        self.setObjectName(f"{name}_dialog")
        self.ctx = ctx
        self.name = name
        self.consent_id = consent_id
        self.participant_id = participant_id
        self.consent: dict[str, Any] = {}
        self.program: dict[str, Any] = {}
        self.summary = text_label(f"{name}_summary", self.tr("Loading the consent…"))
        self.refusal = ErrorLabel()
        self.refusal.setObjectName(f"{name}_refusal")
        self.errors = FieldErrors(self.refusal)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.done_text = text_label(f"{name}_done")
        self.done_text.hide()
        self.fields = QWidget()
        self.fields.setLayout(self.form)
        self.cancel_button = push_button(f"{name}_cancel", self.tr("Cancel"), self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.act_button = push_button(f"{name}_submit", "", "")
        self.act_button.setEnabled(False)
        self.act_button.clicked.connect(self.on_act_clicked)
        self.bar = ActionBar(name, self.cancel_button, self.act_button)
        self.message = self.bar.message
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.refusal)
        layout.addWidget(self.fields)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        layout.addLayout(self.bar)
        self.build()
        ctx.read(lambda conn: load_consent(conn, consent_id), self._loaded, self._load_failed)

    def row(self, text: str, field: str, widget: QWidget) -> ErrorLabel:
        """A labelled field with its error label under it."""
        return self.errors.row(self.form, text, field, widget)

    def set_texts(self, title: str, act: str) -> None:
        """The window's title and the act button's text (with its mnemonic)."""
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.act_button.setText(act)
        self.act_button.setAccessibleName(act.replace("&", ""))

    # -- hooks ---------------------------------------------------------------------------------

    def build(self) -> None:
        """Set the texts (:meth:`set_texts`) and add the dialog's fields (:meth:`row`)."""

    def problems(self) -> list[rules.Missing]:
        """Why the act is not allowed on this consent today (empty when it is)."""
        return []

    def describe(self) -> str:
        """The summary shown at the top once the consent is loaded."""
        return consent_title(self.consent)

    def check(self) -> list[Issue]:
        """Problems with what was typed, found before anything is sent to the store."""
        return []

    def work(self) -> Callable[[Tx], Any]:
        """The write to run (on the write thread) with what was typed."""
        raise NotImplementedError

    def finished_ok(self, result: Any) -> None:
        """After the write succeeded."""
        self.accept()

    # -- flow ----------------------------------------------------------------------------------

    @when_alive
    def _loaded(self, data: dict[str, Any]) -> None:
        self.consent = data["consent"]
        self.program = data["program"]
        self.summary.setText(self.describe())
        problems = self.problems()
        if problems:
            self.refusal.show_message(
                self.tr("Not allowed:")
                + "\n"
                + "\n".join(f"• {labels.issue_message(m)}" for m in problems)
            )
            self.refusal.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.act_button.setEnabled(not problems)
        self.act_button.setDefault(not problems)

    @when_alive
    def _load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    @Slot()
    def on_act_clicked(self) -> None:
        """Check what was typed, then let the store check again and write."""
        if self.bar.busy or not self.consent:
            return
        issues = self.check()
        self.errors.show(issues)
        if issues:
            self.message.setText(self.tr("Nothing was recorded: see the message beside the field."))
            return
        pid, cid = self.participant_id, self.consent_id
        self.bar.set_busy(True)
        self.message.setText("")
        self.ctx.write(
            self.work(),
            Change(self.change_entity(), (pid, cid), {"participant_id": pid}),
            self._done,
            self._refused,
        )

    def change_entity(self) -> str:
        """The entity the Change announces."""
        return "consent"

    @when_alive
    def _done(self, result: Any) -> None:
        self.bar.set_busy(False)
        self.finished_ok(result)

    @when_alive
    def _refused(self, error: BaseException) -> None:
        self.bar.set_busy(False)
        if not isinstance(error, ValidationError):
            self.message.setText(self.tr("Nothing was recorded."))
            show_error(self, error)
            return
        show_refusal(self.errors, self.refusal, error, self.FIELDS, self.tr("Refused:"))
        self.message.setText(self.tr("Nothing was recorded."))

    def show_done(self, text: str, follow_up: QPushButton | None = None) -> None:
        """Replace the fields with what happened, and offer the next step."""
        self.fields.hide()
        self.refusal.clear()
        self.done_text.setText(text)
        self.done_text.show()
        self.act_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.tr("Close"))
        if follow_up is not None:
            self.bar.insertWidget(1, follow_up)
            follow_up.setDefault(True)
            follow_up.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def preview(self, kind: str, *, disclosure_id: str | None = None) -> None:
        """Open the form to print, over the window this dialog came from."""
        open_preview(
            self.ctx,
            self.parentWidget(),
            kind=kind,
            participant_id=self.participant_id,
            language=str(self.consent.get("language") or "en"),
            consent_id=self.consent_id,
            disclosure_id=disclosure_id,
        )


class RevokeDialog(ConsentActDialog):
    """Records that the participant revoked a consent: when, and how."""

    sig_revoked = Signal(str)
    """The consent was revoked; carries its id."""

    NAME = "revoke"
    FIELDS = ("revoked_at", "revocation_method")

    def build(self) -> None:
        self.set_texts(self.tr("Revoke the consent"), self.tr("&Revoke"))
        self.when = DateField("revoke_date", self.tr("Date revoked"))
        self.when.set_value(date.today().isoformat())
        self.method = QComboBox()
        self.method.setObjectName("revoke_method")
        self.method.setAccessibleName(self.tr("How it was revoked"))
        self.method.addItems(self.methods())
        self.method.currentIndexChanged.connect(self.on_method_changed)
        self.details = QLineEdit()
        self.details.setObjectName("revoke_details")
        self.details.setAccessibleName(self.tr("Details of the revocation"))
        self.row(self.tr("&Date revoked"), "revoked_at", self.when)
        self.row(self.tr("&How"), "revocation_method", self.method)
        self.details_error = self.row(self.tr("De&tails"), "revocation_details", self.details)
        self.on_method_changed()
        self.when.setFocus(Qt.FocusReason.OtherFocusReason)

    def methods(self) -> list[str]:
        """The ways a revocation is made; the last one needs details."""
        return [
            self.tr("In writing"),
            self.tr("Verbally, noted by the case manager"),
            self.tr("Other"),
        ]

    def _other(self) -> bool:
        return self.method.currentIndex() == len(self.methods()) - 1

    @Slot()
    def on_method_changed(self) -> None:
        """Other needs a description; the others may have one."""
        self.details.setPlaceholderText(
            self.tr("Describe how it was revoked")
            if self._other()
            else self.tr("Optional, e.g. letter handed to the case manager")
        )

    def method_text(self) -> str:
        """What is stored and printed as the way it was revoked."""
        details = self.details.text().strip()
        if self._other():
            return details
        return f"{self.method.currentText()}: {details}" if details else self.method.currentText()

    def problems(self) -> list[rules.Missing]:
        problem = rules.revoke_problem(self.consent, date.today())
        return [problem] if problem is not None else []

    def describe(self) -> str:
        return self.tr(
            "{0}. From the date of revocation nothing more is shared under it; what was already "
            "shared in reliance on it is not undone."
        ).format(consent_title(self.consent))

    def check(self) -> list[Issue]:
        if self._other() and not self.details.text().strip():
            return [
                Issue(
                    "revocation_details",
                    self.tr("how it was revoked is not described"),
                    self.tr("describe it, or choose another way"),
                )
            ]
        return []

    def work(self) -> Callable[[Tx], Any]:
        cid, when, method = self.consent_id, self.when.value() or "", self.method_text()

        def write(tx: Tx) -> str:
            consent_store.revoke_consent(tx, cid, revoked_at=when, method=method)
            return cid

        return write

    def finished_ok(self, result: Any) -> None:
        self.sig_revoked.emit(self.consent_id)
        follow = push_button(
            "revoke_print",
            self.tr("&Preview / print the revocation form"),
            self.tr("Preview and print the revocation form"),
        )
        follow.clicked.connect(self.on_print_clicked)
        self.show_done(
            self.tr(
                "The consent is revoked. Print the revocation form: one copy for the record, one "
                "for the participant."
            ),
            follow,
        )

    @Slot()
    def on_print_clicked(self) -> None:
        """Open the revocation form and close this dialog."""
        self.preview("revocation")
        self.accept()


class DisclosureDialog(ConsentActDialog):
    """Logs one disclosure under a consent (checked again by the store), then offers the cover
    sheet that must go with it."""

    sig_disclosed = Signal(str)
    """A disclosure was recorded; carries its id."""

    NAME = "disclose"
    FIELDS = ("recipient", "purpose", "what")

    def build(self) -> None:
        self.set_texts(self.tr("Record a disclosure"), self.tr("&Record disclosure"))
        self.disclosure_id: str | None = None
        self.recipient = QComboBox()
        self.recipient.setObjectName("disclose_recipient")
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.setEditable(True)
        self.purpose = QLineEdit()
        self.purpose.setObjectName("disclose_purpose")
        self.purpose.setAccessibleName(self.tr("Purpose of the disclosure"))
        self.what = QLineEdit()
        self.what.setObjectName("disclose_what")
        self.what.setAccessibleName(self.tr("What is disclosed"))
        self.what.setPlaceholderText(self.tr("e.g. attendance in March"))
        self.method = QComboBox()
        self.method.setObjectName("disclose_method")
        self.method.setAccessibleName(self.tr("How it is sent (optional)"))
        self.method.setEditable(True)
        self.method.addItems(
            ["", self.tr("Fax"), self.tr("Secure email"), self.tr("Mail"), self.tr("In person")]
        )
        self.row(self.tr("&Recipient"), "recipient", self.recipient)
        self.row(self.tr("&Purpose"), "purpose", self.purpose)
        self.row(self.tr("&What is disclosed"), "what", self.what)
        self.row(self.tr("How it is &sent"), "method", self.method)
        self.recipient.setFocus(Qt.FocusReason.OtherFocusReason)

    def problems(self) -> list[rules.Missing]:
        return rules.disclosure_check(self.consent, date.today(), program=self.program)

    def describe(self) -> str:
        listed = [r for r in rules.recipients_of(self.consent) if r.get("name")]
        self.recipient.clear()
        self.recipient.addItems([str(r["name"]) for r in listed if r.get("kind") != "class"])
        self.purpose.setText(str(self.consent.get("purpose") or ""))
        names = ", ".join(str(r["name"]) for r in listed) or self.tr("none")
        return self.tr(
            "{0}. It allows disclosure only to: {1}. Each disclosure is logged for the "
            "participant's accounting of disclosures."
        ).format(consent_title(self.consent), names)

    def work(self) -> Callable[[Tx], Any]:
        cid = self.consent_id
        recipient, purpose = self.recipient.currentText(), self.purpose.text()
        what, method = self.what.text(), self.method.currentText().strip() or None

        def write(tx: Tx) -> str:
            return consent_store.record_disclosure(
                tx, consent_id=cid, recipient=recipient, purpose=purpose, what=what, method=method
            )

        return write

    def change_entity(self) -> str:
        return "disclosure"

    def finished_ok(self, result: Any) -> None:
        self.disclosure_id = str(result)
        self.sig_disclosed.emit(self.disclosure_id)
        follow = push_button(
            "disclose_cover",
            self.tr("&Preview / print the cover sheet"),
            self.tr("Preview and print the cover sheet"),
        )
        follow.clicked.connect(self.on_cover_clicked)
        self.show_done(
            self.tr(
                "The disclosure is recorded in the accounting of disclosures. Send the cover "
                "sheet with it: it carries the 42 CFR §2.32 notice and a summary of the consent."
            ),
            follow,
        )

    @Slot()
    def on_cover_clicked(self) -> None:
        """Open the cover sheet for this disclosure and close this dialog."""
        if self.disclosure_id is not None:
            self.preview(COVER_KIND, disclosure_id=self.disclosure_id)
        self.accept()


class DispositionDialog(ConsentActDialog):
    """Records the final disposition of a criminal-justice consent's case (from that day the
    consent may be revoked, and it ends some days later)."""

    sig_recorded = Signal(str)
    """The final disposition was recorded; carries the consent's id."""

    NAME = "disposition"
    FIELDS = ("final_disposition_date",)

    def build(self) -> None:
        self.set_texts(self.tr("Final disposition of the case"), self.tr("&Record"))
        self.when = DateField("disposition_date", self.tr("Date of the final disposition"))
        self.row(self.tr("&Final disposition"), "final_disposition_date", self.when)
        self.when.setFocus(Qt.FocusReason.OtherFocusReason)

    def problems(self) -> list[rules.Missing]:
        if self.consent.get("consent_type") != "criminal_justice":
            return [rules.Missing("consent", "", self.tr("not a criminal-justice consent"), "")]
        return []

    def describe(self) -> str:
        days = self.program.get("cj_days_after_disposition", 30)
        return self.tr(
            "{0}. It can be revoked from the day of the final disposition and ends {1} days "
            "after it."
        ).format(consent_title(self.consent), days)

    def check(self) -> list[Issue]:
        if not self.when.value():
            return [
                Issue(
                    "final_disposition_date",
                    self.tr("the date is missing"),
                    self.tr("enter the date of the final disposition"),
                )
            ]
        return []

    def work(self) -> Callable[[Tx], Any]:
        cid, when = self.consent_id, self.when.value() or ""

        def write(tx: Tx) -> str:
            consent_store.set_disposition(tx, cid, disposition_date=when)
            return cid

        return write

    def finished_ok(self, result: Any) -> None:
        self.sig_recorded.emit(self.consent_id)
        self.accept()


def preview_kind(consent: dict[str, Any]) -> str:
    """The document kind that prints this consent."""
    return CONSENT_KINDS[consent["consent_type"]]
