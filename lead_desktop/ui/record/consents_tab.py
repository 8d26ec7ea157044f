"""The consents tab: the participant's consents, and a form to record a new one.

The form's values are one dict shaped like the ``consent`` table's columns (see
:meth:`ConsentsTab.values`), so signing and printing can work from the same dict. Beside the form,
the consent gate (:func:`lead_desktop.domain.consent.consent_gate`, with the program's settings
and the printed form's wording, as the store and the printer use it) lists what is still missing
before the consent can be printed for a signature, refreshed as fields change. A draft selected
in the list can be put back in the form to complete it. Under the list,
:class:`~lead_desktop.ui.documents.consent_actions.ConsentActions` signs, revokes, discloses
under and prints the selected consent.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from lead_desktop.domain import consent as rules
from lead_desktop.domain.casework import CONSENT_TYPES
from lead_desktop.domain.participant import display_name
from lead_desktop.errors import Issue
from lead_desktop.store import casework, record_queries
from lead_desktop.store import consents as consent_store
from lead_desktop.store.participants import get_participant
from lead_desktop.store.tx import Tx
from lead_desktop.ui import labels
from lead_desktop.ui.action_bar import ActionBar, push_button
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.documents.consent_actions import ConsentActions
from lead_desktop.ui.documents.consent_list import ConsentsModel, form_templates
from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.record.fields import (
    CodedCombo,
    DateField,
    ErrorLabel,
    FieldErrors,
    concerns,
)
from lead_desktop.ui.table_model import rows_table

logger = logging.getLogger(__name__)

COPY_METHODS = ("handed_over", "mailed", "emailed")
NAME_ROLE = Qt.ItemDataRole.UserRole


class ConsentsTab(QWidget):
    """Lists the participant's consents and records new ones, with the gate's checklist."""

    sig_edited = Signal()
    """The worker changed the consent form (not recorded yet)."""
    sig_recorded = Signal(str)
    """A consent was recorded (as a draft to be signed); carries its id."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id = participant_id
        self._participant: dict[str, Any] = {}
        self._program: dict[str, Any] = dict(rules.DEFAULT_PROGRAM)
        self._referral_date: date | None = None
        self._recipients: list[dict[str, Any]] = []
        self._templates: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._selected_id: str | None = None
        self._editing_id: str | None = None  # the draft consent the form edits, if any
        self._filling = False
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        self.model = ConsentsModel(self)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.addWidget(self._build_form(), 3)
        columns.addWidget(self._build_gate(), 2, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setObjectName("consent_scroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_list())
        layout.addWidget(scroll, 1)
        print_consent = QShortcut(QKeySequence.StandardKey.Print, self)
        print_consent.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_consent.activated.connect(self.consent_actions.on_preview_consent_clicked)
        self.keeper = DraftKeeper(ctx, self, "consent", ref_id=participant_id, parent=self)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.clear_form()
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_list(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consents"))
        layout = QVBoxLayout(box)
        self.empty = QLabel(
            self.tr(
                "No consents recorded yet. Record the first one with the form below; it stays a "
                "draft until it is signed."
            )
        )
        self.empty.setObjectName("consents_empty")
        self.empty.setWordWrap(True)
        self.table = rows_table(self.model, "consents_list", self.tr("Consents, newest first"))
        self.table.horizontalHeader().setSectionResizeMode(
            ConsentsModel.COL_RECIPIENTS, QHeaderView.ResizeMode.Stretch
        )
        self.table.setMaximumHeight(self.table.fontMetrics().lineSpacing() * 10)
        self.consent_actions = ConsentActions(self.ctx, self.participant_id, box)
        self.consent_actions.sig_acted.connect(self.on_actions_acted)
        self.consent_actions.sig_edit.connect(self.on_actions_edit)
        self.table.selectionModel().currentRowChanged.connect(self.on_list_current_changed)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.consent_actions)
        return box

    def _line(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._edited)
        return edit

    def _build_form(self) -> QWidget:
        page = QGroupBox(self.tr("Record a consent"))
        self.form_box = page
        page.setObjectName("consent_form")
        outer = QVBoxLayout(page)
        outer.addWidget(self.general_error)
        form = QFormLayout()
        outer.addLayout(form)
        self.kind = CodedCombo("consent_type", self.tr("Type of consent"), CONSENT_TYPES)
        self.kind.sig_edited.connect(self._edited)
        self.language = QComboBox()
        self.language.setObjectName("consent_language")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.activated.connect(self._edited)
        self.discloser = self._line("consent_discloser", self.tr("Who discloses"))
        self.errors.row(form, self.tr("T&ype"), "consent_type", self.kind, self.tr("Type"))
        self.errors.row(form, self.tr("Lan&guage"), "language", self.language, self.tr("Language"))
        self.errors.row(
            form,
            self.tr("Who discloses"),
            "discloser",
            self.discloser,
            self.tr("Discloser"),
        )
        self.errors.row(form, self.tr("Recipients"), "recipients", self._build_recipients())
        self.errors.row(form, self.tr("Information"), "information", self._build_information())
        self.purpose = self._line(
            "consent_purpose",
            self.tr("Purpose"),
            self.tr("e.g. to coordinate housing services; 'at the request of the patient'"),
        )
        self.errors.row(form, self.tr("P&urpose"), "purpose", self.purpose, self.tr("Purpose"))
        self.expiry_date = DateField("consent_expiry_date", self.tr("Expiry date"))
        self.expiry_date.sig_edited.connect(self._edited)
        self.expiry_event = self._line(
            "consent_expiry_event", self.tr("Expiry event"), self.tr("or the event that ends it")
        )
        self.disposition = DateField("consent_final_disposition", self.tr("Final disposition"))
        self.disposition.sig_edited.connect(self._edited)
        self.expiry_reason = self._line(
            "consent_expiry_reason",
            self.tr("Why this duration"),
            self.tr("expected treatment length, kind of proceeding, expected disposition"),
        )
        self.errors.row(
            form,
            self.tr("E&xpiry date"),
            "expiry_date",
            self.expiry_date,
            self.tr("Expiry date"),
        )
        self.errors.row(form, self.tr("Expiry event"), "expiry_event", self.expiry_event)
        self.errors.row(
            form,
            self.tr("Final disposition"),
            "final_disposition_date",
            self.disposition,
            self.tr("Final disposition date"),
        )
        self.errors.row(
            form,
            self.tr("Why this duration"),
            "expiry_reason",
            self.expiry_reason,
            self.tr("Duration"),
        )
        self.signer = self._line("consent_signer_name", self.tr("Signer's name"))
        self.signer_role = CodedCombo(
            "consent_signer_role", self.tr("Signer role"), rules.SIGNER_ROLES
        )
        self.signer_role.sig_edited.connect(self._edited)
        self.authority = self._line(
            "consent_signer_authority",
            self.tr("Representative's authority"),
            self.tr("e.g. legal guardian, order no. ..."),
        )
        self.errors.row(form, self.tr("Signer"), "signer_name", self.signer)
        self.errors.row(form, self.tr("Signs as"), "signer_role", self.signer_role)
        self.errors.row(form, self.tr("Authority"), "signer_authority", self.authority)
        self.copy_given = QCheckBox(self.tr("A copy was given to the participant"))
        self.copy_given.setObjectName("consent_copy_given")
        self.copy_given.setAccessibleName(self.copy_given.text())
        self.copy_given.clicked.connect(self._edited)
        self.copy_method = CodedCombo(
            "consent_copy_method", self.tr("How the copy was given"), COPY_METHODS, blank=""
        )
        self.copy_method.sig_edited.connect(self._edited)
        copy_row = QWidget()
        copy_layout = QHBoxLayout(copy_row)
        copy_layout.setContentsMargins(0, 0, 0, 0)
        copy_layout.addWidget(self.copy_given)
        copy_layout.addWidget(self.copy_method, 1)
        form.addRow(self.tr("Copy"), copy_row)
        self.clear_button = push_button(
            "consent_clear", self.tr("Clear"), self.tr("Clear the consent form")
        )
        self.clear_button.clicked.connect(self.on_clear_clicked)
        self.save_button = push_button(
            "consent_save", self.tr("Record &consent"), self.tr("Record consent")
        )
        self.save_button.setToolTip(self.tr("Record it as a draft; it is signed afterwards"))
        self.save_button.clicked.connect(self.on_save_clicked)
        self.bar = ActionBar("consent", self.clear_button, self.save_button)
        self.message = self.bar.message
        outer.addLayout(self.bar)
        return page

    def _build_recipients(self) -> QWidget:
        box = QWidget()
        box.setObjectName("consent_recipients_box")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        entry = QHBoxLayout()
        self.recipient_name = QLineEdit()
        self.recipient_name.setObjectName("recipient_name")
        self.recipient_name.setAccessibleName(self.tr("Recipient's name"))
        self.recipient_name.setPlaceholderText(self.tr("Person or organisation (Enter adds it)"))
        self.recipient_name.returnPressed.connect(self.on_add_recipient_clicked)
        self.recipient_hipaa = QCheckBox(self.tr("HIPAA-co&vered"))
        self.recipient_hipaa.setObjectName("recipient_hipaa")
        self.recipient_hipaa.setAccessibleName(self.tr("Recipient is HIPAA-covered"))
        self.recipient_class = QCheckBox(self.tr("A class (TPO only)"))
        self.recipient_class.setObjectName("recipient_class")
        self.recipient_class.setAccessibleName(self.tr("Recipient is a class of recipients"))
        add = QPushButton(self.tr("Add"))
        add.setObjectName("recipient_add")
        add.setAccessibleName(self.tr("Add recipient"))
        add.clicked.connect(self.on_add_recipient_clicked)
        entry.addWidget(self.recipient_hipaa)
        entry.addWidget(self.recipient_class)
        entry.addWidget(add)
        self.recipient_list = QListWidget()
        self.recipient_list.setObjectName("consent_recipients")
        self.recipient_list.setAccessibleName(self.tr("Recipients"))
        self.recipient_list.setMaximumHeight(self.recipient_list.fontMetrics().lineSpacing() * 5)
        remove = QPushButton(self.tr("Remove recipient"))
        remove.setObjectName("recipient_remove")
        remove.setAccessibleName(self.tr("Remove the selected recipient"))
        remove.clicked.connect(self.on_remove_recipient_clicked)
        entry.addStretch()
        layout.addWidget(self.recipient_name)
        layout.addLayout(entry)
        layout.addWidget(self.recipient_list)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _build_information(self) -> QWidget:
        box = QWidget()
        box.setObjectName("consent_information_box")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        self.categories: dict[str, QCheckBox] = {}
        for n, code in enumerate(rules.INFO_CATEGORIES):
            check = QCheckBox(labels.code(code))
            check.setObjectName(f"info_{code}")
            check.setAccessibleName(labels.code(code))
            check.clicked.connect(self._edited)
            grid.addWidget(check, n // 3, n % 3)
            self.categories[code] = check
        layout.addLayout(grid)
        self.entire_record = QCheckBox(self.tr("The entire record"))
        self.entire_record.setObjectName("info_entire_record")
        self.entire_record.setAccessibleName(self.entire_record.text())
        self.entire_record.clicked.connect(self._edited)
        self.entire_reason = self._line(
            "info_entire_record_reason",
            self.tr("Why the entire record is needed"),
            self.tr("Why the entire record is needed"),
        )
        self.description = QPlainTextEdit()
        self.description.setObjectName("info_description")
        self.description.setAccessibleName(self.tr("Information, described specifically"))
        self.description.setPlaceholderText(
            self.tr("Describe the information specifically, e.g. 'attendance and progress'")
        )
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.description.fontMetrics().lineSpacing() * 4)
        self.description.textChanged.connect(self._edited)
        layout.addWidget(self.entire_record)
        layout.addWidget(self.entire_reason)
        layout.addWidget(self.description)
        return box

    def _build_gate(self) -> QGroupBox:
        box = QGroupBox(self.tr("Still needed before printing"))
        box.setObjectName("consent_gate_box")
        layout = QVBoxLayout(box)
        self.gate_summary = QLabel()
        self.gate_summary.setObjectName("consent_gate_summary")
        self.gate_summary.setWordWrap(True)
        font = self.gate_summary.font()
        font.setBold(True)
        self.gate_summary.setFont(font)
        self.gate = QListWidget()
        self.gate.setObjectName("consent_gate")
        self.gate.setAccessibleName(self.tr("What the consent still lacks"))
        self.gate.setWordWrap(True)
        self.gate.setSpacing(3)
        self.gate.setMinimumHeight(self.gate.fontMetrics().lineSpacing() * 12)
        note = QLabel(
            self.tr(
                "The signature, its date and the copy given are checked again when the consent "
                "is signed."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(self.gate_summary)
        layout.addWidget(self.gate)
        layout.addWidget(note)
        return box

    # -- values --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as ``consent`` columns (``create_consent`` takes it as it is)."""

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        ctype = self.kind.value()
        criminal = ctype == "criminal_justice"
        representative = self.signer_role.value() == "representative"
        return {
            "consent_type": ctype,
            "language": self.language.currentData(),
            "discloser": text(self.discloser),
            "recipients": [dict(r) for r in self._recipients],
            "information": {
                "categories": [c for c, check in self.categories.items() if check.isChecked()],
                "description": self.description.toPlainText().strip(),
                "entire_record": self.entire_record.isChecked(),
                "entire_record_reason": self.entire_reason.text().strip()
                if self.entire_record.isChecked()
                else "",
            },
            "purpose": text(self.purpose),
            "expiry_date": self.expiry_date.value(),
            "expiry_event": text(self.expiry_event),
            "final_disposition_date": self.disposition.value() if criminal else None,
            "expiry_reason": text(self.expiry_reason) if criminal else None,
            "signer_name": text(self.signer),
            "signer_role": self.signer_role.value(),
            "signer_authority": text(self.authority) if representative else None,
            "copy_given": self.copy_given.isChecked(),
            "copy_method": self.copy_method.value() if self.copy_given.isChecked() else None,
        }

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the form from a dict shaped like :meth:`values`."""
        self._filling = True
        try:
            self.kind.set_value(values.get("consent_type") or CONSENT_TYPES[0])
            labels.select_data(self.language, values.get("language") or "en")
            self.discloser.setText(values.get("discloser") or "")
            self._recipients = rules.recipients_of(values)
            info = rules.information_of(values)
            for code, check in self.categories.items():
                check.setChecked(code in info["categories"])
            self.entire_record.setChecked(info["entire_record"])
            self.entire_reason.setText(info["entire_record_reason"])
            self.description.setPlainText(info["description"])
            self.purpose.setText(values.get("purpose") or "")
            self.expiry_date.set_value(values.get("expiry_date"))
            self.expiry_event.setText(values.get("expiry_event") or "")
            self.disposition.set_value(values.get("final_disposition_date"))
            self.expiry_reason.setText(values.get("expiry_reason") or "")
            self.signer.setText(values.get("signer_name") or "")
            self.signer_role.set_value(values.get("signer_role") or "participant")
            self.authority.setText(values.get("signer_authority") or "")
            self.copy_given.setChecked(bool(values.get("copy_given")))
            self.copy_method.set_value(values.get("copy_method"))
        finally:
            self._filling = False
        self._show_recipients()
        self._update()

    def clear_form(self) -> None:
        """An empty consent: the program discloses, the participant signs."""
        self.set_values(
            {
                "discloser": self._program.get("name") or "",
                "signer_name": display_name(self._participant) if self._participant else "",
            }
        )
        self._set_editing(None)
        self.errors.clear()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def _gate_items(self, values: dict[str, Any]) -> list[str]:
        """What the consent gate finds missing before this consent can be printed to sign:
        the same rules, program settings and form wording the store and the printer use."""
        template = self._templates.get((values["consent_type"], values["language"] or "en"))
        missing = rules.consent_gate(
            values,
            self._participant,
            referral_date=self._referral_date,
            today=date.today(),
            program=self._program,
            stage="print",
            template=template,
        )
        return [labels.issue_message(item) for item in missing]

    def _update(self) -> None:
        values = self.values()
        criminal = values["consent_type"] == "criminal_justice"
        self.disposition.setEnabled(criminal)
        self.expiry_reason.setEnabled(criminal)
        self.authority.setEnabled(values["signer_role"] == "representative")
        self.entire_reason.setEnabled(self.entire_record.isChecked())
        self.copy_method.setEnabled(self.copy_given.isChecked())
        items = self._gate_items(values)
        self.gate.clear()
        for text in items:
            self.gate.addItem(QListWidgetItem("• " + text[:1].upper() + text[1:]))
        if len(items) == 1:
            self.gate_summary.setText(
                self.tr("1 item still needed before it can be printed for signing.")
            )
        elif items:
            self.gate_summary.setText(
                self.tr("{0} items still needed before it can be printed for signing.").format(
                    len(items)
                )
            )
        else:
            self.gate_summary.setText(self.tr("Everything needed before printing is here."))
        self.gate.setVisible(bool(items))

    @Slot()
    def _edited(self) -> None:
        if self._filling:
            return
        self._update()
        self.sig_edited.emit()

    def _show_recipients(self) -> None:
        self.recipient_list.clear()
        for rec in self._recipients:
            covered = rec.get("hipaa_covered")
            if covered is None:
                state = self.tr("HIPAA coverage not recorded")
            elif covered:
                state = self.tr("HIPAA-covered")
            else:
                state = self.tr("not HIPAA-covered")
            if rec.get("kind") == "class":
                state = self.tr("{0}; a class of recipients").format(state)
            item = QListWidgetItem(self.tr("{0} ({1})").format(rec.get("name") or "", state))
            item.setData(NAME_ROLE, rec.get("name"))
            self.recipient_list.addItem(item)

    @Slot()
    def on_add_recipient_clicked(self) -> None:
        """Add the typed recipient with its HIPAA flag."""
        name = self.recipient_name.text().strip()
        if not name:
            return
        self._recipients.append(
            {
                "name": name,
                "kind": "class" if self.recipient_class.isChecked() else "named",
                "hipaa_covered": self.recipient_hipaa.isChecked(),
            }
        )
        self.recipient_name.clear()
        self.recipient_hipaa.setChecked(False)
        self.recipient_class.setChecked(False)
        self._show_recipients()
        self.recipient_name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._edited()

    @Slot()
    def on_remove_recipient_clicked(self) -> None:
        """Remove the selected recipient."""
        row = self.recipient_list.currentRow()
        if 0 <= row < len(self._recipients):
            del self._recipients[row]
            self._show_recipients()
            self._edited()

    # -- saving --------------------------------------------------------------------------------

    def _check(self, values: dict[str, Any]) -> list[Issue]:
        return [
            Issue(
                field,
                self.tr("{0!r} is not a date").format(values[field]),
                self.tr("use e.g. 2027-03-05"),
            )
            for field in ("expiry_date", "final_disposition_date")
            if values[field] and rules.to_date(values[field]) is None
        ]

    @Slot()
    def on_save_clicked(self) -> None:
        """Record the consent as a draft (it is signed afterwards, through the gate)."""
        if self.bar.busy:
            return
        values = self.values()
        issues = self._check(values)
        self.errors.show(issues)
        if issues:
            self.message.setText(self.tr("Not recorded: see the message beside the field."))
            return
        pid, editing = self.participant_id, self._editing_id
        self.bar.set_busy(True)
        if editing is not None:
            changes = {k: v for k, v in values.items() if k in consent_store.EDITABLE}

            def update(tx: Tx) -> str:
                consent_store.update_consent(tx, editing, data=changes)
                return editing

            self.ctx.write(
                update,
                Change("consent", (pid, editing), {"participant_id": pid}),
                self._saved,
                self._save_failed,
            )
            return
        self.ctx.write(
            lambda tx: casework.create_consent(tx, participant_id=pid, data=values),
            lambda cid: Change("consent", (pid, cid), {"participant_id": pid}),
            self._saved,
            self._save_failed,
        )

    def _has_typing(self) -> bool:
        """Whether the form holds a new consent being typed (not yet recorded)."""
        if self._editing_id is not None:
            return False
        values = self.values()
        info = values["information"]
        return bool(
            values["recipients"]
            or values["purpose"]
            or values["expiry_date"]
            or values["expiry_event"]
            or info["categories"]
            or info["description"]
            or info["entire_record"]
        )

    def edit_consent(self, consent: dict[str, Any]) -> None:
        """Put a draft consent in the form to complete it (saved with Save changes); asks first
        when a new consent is being typed, which it would replace."""
        if consent.get("status") != "draft":
            return
        if not self._has_typing():
            self._edit(consent)
            return
        box = QMessageBox(self)
        box.setObjectName("consent_replace_question")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the consent being typed?"))
        box.setText(
            self.tr("The form holds a consent that is not recorded yet. Replace it with the draft?")
        )
        replace = box.addButton(self.tr("&Replace it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered(_: int) -> None:
            if box.clickedButton() is replace:
                self._edit(consent)
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def _edit(self, consent: dict[str, Any]) -> None:
        self.keeper.discard()
        self.set_values(consent)
        self._set_editing(str(consent["id"]))
        self.errors.clear()
        self.message.setText(
            self.tr("Editing the selected draft: complete it, then save the changes.")
        )
        self.discloser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_editing(self, consent_id: str | None) -> None:
        self._editing_id = consent_id
        editing = consent_id is not None
        self.form_box.setTitle(
            self.tr("Complete the draft consent") if editing else self.tr("Record a consent")
        )
        self.save_button.setText(
            self.tr("Save &changes") if editing else self.tr("Record &consent")
        )
        self.save_button.setAccessibleName(
            self.tr("Save the changes to the draft") if editing else self.tr("Record consent")
        )
        self.clear_button.setText(self.tr("Stop editing") if editing else self.tr("Clear"))
        self.kind.setEnabled(not editing)  # the type of a recorded consent stays as it is
        self.copy_given.setEnabled(not editing)  # recorded when it is signed

    @Slot(object)
    def on_actions_edit(self, consent: dict[str, Any]) -> None:
        """The worker wants to complete the selected draft in the form."""
        self.edit_consent(consent)

    def _saved(self, consent_id: str) -> None:
        self._selected_id = consent_id
        self.bar.set_busy(False)
        self.keeper.discard()
        updated = self._editing_id is not None
        self.clear_form()
        if updated:
            self.message.setText(self.tr("The draft consent was saved."))
            return
        self.message.setText(self.tr("Consent recorded as a draft."))
        self.sig_recorded.emit(consent_id)

    def _save_failed(self, error: BaseException) -> None:
        self.bar.set_busy(False)
        self.message.setText(self.tr("Not recorded."))
        self.errors.show_error(error, self)

    @Slot()
    def on_clear_clicked(self) -> None:
        """Drop what was typed."""
        self.keeper.discard()
        self.clear_form()
        self.message.setText("")

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the consents, the participant and the program's consent rules."""
        if self.ctx.store is None:
            return
        pid = self.participant_id

        def load(conn: Connection) -> dict[str, Any]:
            return {
                "consents": record_queries.list_consents(conn, pid),
                "participant": get_participant(conn, pid),
                "program": consent_store.program_settings(conn),
                "referral_date": consent_store.referral_date(conn, pid),
                "templates": form_templates(),
            }

        self.ctx.read(load, self._loaded, lambda error: show_error(self, error))

    def _loaded(self, data: dict[str, Any]) -> None:
        first = not self._participant
        self._participant = data["participant"]
        self._program = data["program"]
        self._referral_date = data["referral_date"]
        self._templates = data["templates"]
        self.consent_actions.set_program(self._program)
        self.model.set_rows(data["consents"])
        self.empty.setVisible(not data["consents"])
        self.table.setVisible(bool(data["consents"]))
        self._reselect()
        if first:
            if self.discloser.text() in ("", rules.DEFAULT_PROGRAM["name"]):
                self.discloser.setText(self._program.get("name") or "")
            if not self.signer.text():
                self.signer.setText(display_name(self._participant))
        self._update()

    def _reselect(self) -> None:
        """Select the consent selected before the list was reloaded (or just recorded)."""
        row = self.model.row_of(self._selected_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.consent_actions.set_consent(self.model.row(row))

    def selected_consent(self) -> dict[str, Any] | None:
        """The consent selected in the list, if any."""
        return self.consent_actions.consent

    @Slot(QModelIndex, QModelIndex)
    def on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Offer what can be done with the consent now selected."""
        consent = self.model.row(current)
        self._selected_id = consent["id"] if consent else None
        self.consent_actions.set_consent(consent)

    @Slot(str)
    def on_actions_acted(self, consent_id: str) -> None:
        """Keep the consent that was acted on selected when the list reloads."""
        self._selected_id = consent_id

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Reload when a change concerns this participant."""
        if concerns(change, self.participant_id):
            self.refresh()

    # -- drafts --------------------------------------------------------------------------------

    def draft_payload(self) -> dict[str, Any]:
        """The consent as typed (dates as typed)."""
        values = self.values()
        values["expiry_date"] = self.expiry_date.text()
        values["final_disposition_date"] = self.disposition.text()
        return {"values": values, "editing_id": self._editing_id}

    def restore_payload(self, payload: dict[str, Any]) -> None:
        """Put a half-written consent back in the form."""
        self.set_values(payload.get("values") or {})
        self._set_editing(payload.get("editing_id"))
        self.message.setText(self.tr("A consent you had not recorded was restored."))
