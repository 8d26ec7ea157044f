"""The contacts tab: log a contact in a few keystrokes, and the participant's contact log.

Contacts are append-only: a logged contact is never edited; a correction is a new contact that
says what it corrects. Enter (Ctrl+Enter in the note) logs the contact; the form then clears and
returns to its first field, so several contacts can be logged in a row.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.domain.casework import CONTACT_TYPES
from lead_desktop.errors import Issue
from lead_desktop.store import casework, record_queries
from lead_desktop.ui import labels
from lead_desktop.ui.action_bar import ActionBar, push_button
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.record.fields import (
    CodedCombo,
    ErrorLabel,
    FieldErrors,
    concerns,
    date_text,
)
from lead_desktop.ui.table_model import RowsModel, rows_table

logger = logging.getLogger(__name__)

#: Services a contact may provide, stored as codes in ``encounter.services``.
SERVICES = (
    "outreach",
    "food",
    "hygiene_kit",
    "naloxone",
    "harm_reduction",
    "transport",
    "phone",
    "id_documents",
    "benefits",
    "housing",
    "health_care",
    "treatment",
    "mental_health",
    "legal_court",
)
RECENT_DAYS = 30
#: A contact logged this far in the future is a typing slip.
FUTURE_SLACK = timedelta(minutes=5)
ISO_MINUTES = "yyyy-MM-ddTHH:mm"


class WhenEdit(QDateTimeEdit):
    """A date and time where Tab leaves the field (Left and Right move between its parts)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Tab and Shift+Tab go to the next or previous field, not the next part."""
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            super().keyPressEvent(event)
            return
        event.accept()
        backward = event.key() == Qt.Key.Key_Backtab or bool(
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        widget: QWidget | None = self
        while True:
            assert widget is not None
            widget = widget.previousInFocusChain() if backward else widget.nextInFocusChain()
            if widget is None or widget is self:
                return
            takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            mine = self.isAncestorOf(widget)  # the editor inside this field
            if takes_tab and not mine and widget.isVisible() and widget.isEnabled():
                widget.setFocus(
                    Qt.FocusReason.BacktabFocusReason if backward else Qt.FocusReason.TabFocusReason
                )
                return


class ContactsModel(RowsModel):
    """The contact log as a table, newest first."""

    COL_WHEN, COL_TYPE, COL_PLACE, COL_SERVICES, COL_OUTCOME, COL_NOTE, COL_BY = range(7)

    def __init__(self, service_text: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(
            (
                self.tr("When"),
                self.tr("Type"),
                self.tr("Place"),
                self.tr("Services"),
                self.tr("Outcome"),
                self.tr("Note"),
                self.tr("Logged by"),
            ),
            parent,
        )
        self._services = service_text

    def cell(self, contact: dict[str, Any], column: int, role: int) -> Any:
        """The text; the whole note as the tooltip of its one-line cell."""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_NOTE:
            return contact["note"] or None
        return super().cell(contact, column, role)

    def text(self, contact: dict[str, Any], column: int) -> str:
        """What a contact shows in a column."""
        if column == self.COL_WHEN:
            return date_text(contact["occurred_at"])
        if column == self.COL_TYPE:
            return labels.code(contact["contact_type"])
        if column == self.COL_SERVICES:
            return ", ".join(
                self._services.get(s) or labels.code(s) for s in contact["services"] or []
            )
        if column == self.COL_NOTE:
            return " ".join((contact["note"] or "").split())
        if column == self.COL_BY:
            return str(contact.get("logged_by_name") or "")
        key = "place" if column == self.COL_PLACE else "outcome"
        return str(contact[key] or "")


class ContactsTab(QWidget):
    """Logs contacts with a participant and lists them, newest first."""

    sig_edited = Signal()
    """The worker is typing a contact not logged yet."""
    sig_logged = Signal(str)
    """A contact was logged; carries its id."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id = participant_id
        self._filling = False
        self._corrects: dict[str, Any] | None = None
        self.service_text = {
            "outreach": self.tr("Outreach / check-in"),
            "food": self.tr("Food"),
            "hygiene_kit": self.tr("Hygiene kit"),
            "naloxone": self.tr("Naloxone"),
            "harm_reduction": self.tr("Harm-reduction supplies"),
            "transport": self.tr("Transport"),
            "phone": self.tr("Phone"),
            "id_documents": self.tr("ID documents"),
            "benefits": self.tr("Benefits help"),
            "housing": self.tr("Housing help"),
            "health_care": self.tr("Health care"),
            "treatment": self.tr("Treatment referral"),
            "mental_health": self.tr("Mental health"),
            "legal_court": self.tr("Court / legal support"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_form())
        layout.addWidget(self._build_list(), 1)
        self.keeper = DraftKeeper(ctx, self, "contact", ref_id=participant_id, parent=self)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.clear_form()
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_form(self) -> QGroupBox:
        self.form = QGroupBox(self.tr("Log a contact"))
        self.form.setObjectName("contact_form")
        form = QFormLayout()
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        self.kind = CodedCombo("contact_type", self.tr("Contact type"), CONTACT_TYPES)
        self.kind.sig_edited.connect(self._edited)
        self.when = WhenEdit()
        self.when.setObjectName("contact_when")
        self.when.setAccessibleName(self.tr("When the contact happened"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setToolTip(
            self.tr(
                "Type the date and time; Left and Right move between parts, Up and Down change them"
            )
        )
        self.when.dateTimeChanged.connect(self._edited)
        self.place = QLineEdit()
        self.place.setObjectName("contact_place")
        self.place.setPlaceholderText(self.tr("e.g. Lexington Market, phone"))
        self.place.textEdited.connect(self._edited)
        self.service_checks: dict[str, QCheckBox] = {}
        services = QWidget()
        services.setObjectName("contact_services")
        grid = QGridLayout(services)
        grid.setContentsMargins(0, 0, 0, 0)
        columns = 4
        for n, code in enumerate(SERVICES):
            check = QCheckBox(self.service_text[code])
            check.setObjectName(f"service_{code}")
            check.setAccessibleName(self.service_text[code])
            check.clicked.connect(self._edited)
            grid.addWidget(check, n // columns, n % columns)
            self.service_checks[code] = check
        self.note = QPlainTextEdit()
        self.note.setObjectName("contact_note")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What happened, in a few words (Ctrl+Enter logs it)"))
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 3)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 6)
        self.note.textChanged.connect(self._edited)
        self.outcome = QLineEdit()
        self.outcome.setObjectName("contact_outcome")
        self.outcome.setPlaceholderText(self.tr("e.g. engaged, referred, not found"))
        self.outcome.textEdited.connect(self._edited)
        rows: list[tuple[str, str, QWidget, str]] = [
            (self.tr("T&ype"), "contact_type", self.kind, self.tr("Type")),
            (self.tr("Wh&en"), "occurred_at", self.when, self.tr("When")),
            (self.tr("Pla&ce"), "place", self.place, self.tr("Place")),
            (self.tr("Services given"), "services", services, self.tr("Services")),
            (self.tr("N&ote"), "note", self.note, self.tr("Note")),
            (self.tr("O&utcome"), "outcome", self.outcome, self.tr("Outcome")),
        ]
        for text, field, widget, title in rows:
            self.errors.row(form, text, field, widget, title)
        self.correcting = QLabel()
        self.correcting.setObjectName("contact_correcting")
        self.correcting.setWordWrap(True)
        self.correcting.hide()
        self.save_button = push_button(
            "contact_save", self.tr("Lo&g contact"), self.tr("Log contact")
        )
        self.save_button.setToolTip(self.tr("Log the contact (Enter, or Ctrl+Enter in the note)"))
        self.save_button.clicked.connect(self.on_save_clicked)
        self.clear_button = push_button(
            "contact_clear", self.tr("Clear"), self.tr("Clear the form")
        )
        self.clear_button.clicked.connect(self.on_clear_clicked)
        self.bar = ActionBar("contact", self.clear_button, self.save_button)
        self.message = self.bar.message
        self.message.setAccessibleName(self.tr("Contact log message"))
        outer = QVBoxLayout(self.form)
        outer.addWidget(self.general_error)
        outer.addWidget(self.correcting)
        outer.addLayout(form)
        outer.addLayout(self.bar)
        return self.form

    def _build_list(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contact log"))
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("contacts_count")
        self.count.setAccessibleName(self.tr("Contacts in the last 30 days"))
        font = self.count.font()
        font.setBold(True)
        self.count.setFont(font)
        self.correct_button = QPushButton(self.tr("Log a correct&ion…"))
        self.correct_button.setObjectName("contact_correct")
        self.correct_button.setAccessibleName(self.tr("Log a correction to the selected contact"))
        self.correct_button.setToolTip(
            self.tr("Contacts are never changed; a correction is logged as a new contact")
        )
        self.correct_button.clicked.connect(self.on_correct_clicked)
        top.addWidget(self.count, 1)
        top.addWidget(self.correct_button)
        layout.addLayout(top)
        self.empty = QLabel(
            self.tr("No contacts logged yet. Log the first one with the form above: Enter logs it.")
        )
        self.empty.setObjectName("contacts_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty)
        self.model = ContactsModel(self.service_text, self)
        self.table = rows_table(self.model, "contacts_list", self.tr("Contacts, newest first"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ContactsModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        return box

    # -- the form ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The contact as ``log_encounter`` takes it."""
        return {
            "occurred_at": self.when.dateTime().toString(ISO_MINUTES),
            "contact_type": self.kind.value(),
            "place": self.place.text(),
            "services": [c for c, check in self.service_checks.items() if check.isChecked()],
            "note": self.note.toPlainText(),
            "outcome": self.outcome.text(),
        }

    def _set_values(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            self.kind.set_value(values.get("contact_type") or CONTACT_TYPES[0])
            when = QDateTime.fromString(str(values.get("occurred_at") or "")[:16], ISO_MINUTES)
            self.when.setDateTime(when if when.isValid() else QDateTime.currentDateTime())
            self.place.setText(values.get("place") or "")
            chosen = set(values.get("services") or [])
            for code, check in self.service_checks.items():
                check.setChecked(code in chosen)
            self.note.setPlainText(values.get("note") or "")
            self.outcome.setText(values.get("outcome") or "")
        finally:
            self._filling = False

    def clear_form(self) -> None:
        """Empty the form (time: now) and go back to its first field."""
        self._corrects = None
        self.correcting.hide()
        self._set_values({})
        self.kind.view().keyboardSearch("")  # a new contact starts a new type-ahead
        self.errors.clear()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _edited(self) -> None:
        if not self._filling:
            self.sig_edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter in a field of the form (Ctrl+Enter in the note) logs the contact."""
        focus = self.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and focus is not None
            and self.form.isAncestorOf(focus)
            and focus is not self.clear_button
        ):
            event.accept()
            self.on_save_clicked()
            return
        super().keyPressEvent(event)

    def _check(self, values: dict[str, Any]) -> list[Issue]:
        when = datetime.fromisoformat(values["occurred_at"])
        if when > datetime.now() + FUTURE_SLACK:
            return [
                Issue(
                    "occurred_at",
                    self.tr("{0} is in the future").format(date_text(values["occurred_at"])),
                    self.tr("enter when the contact happened"),
                )
            ]
        return []

    @Slot()
    def on_save_clicked(self) -> None:
        """Log the contact (a new row; nothing is ever changed in place)."""
        if self.bar.busy:
            return
        values = self.values()
        issues = self._check(values)
        self.errors.show(issues)
        if issues:
            self.message.setText(self.tr("Not logged: see the message beside the field."))
            return
        pid = self.participant_id
        self.bar.set_busy(True)
        self.ctx.write(
            lambda tx: casework.log_encounter(tx, participant_id=pid, data=values),
            lambda cid: Change("encounter", (pid, cid), {"participant_id": pid}),
            self._saved,
            self._save_failed,
        )

    def _saved(self, contact_id: str) -> None:
        self.bar.set_busy(False)
        self.keeper.discard()
        self.clear_form()
        self.message.setText(self.tr("Contact logged."))
        self.sig_logged.emit(contact_id)

    def _save_failed(self, error: BaseException) -> None:
        self.bar.set_busy(False)
        self.message.setText(self.tr("Not logged."))
        self.errors.show_error(error, self)

    @Slot()
    def on_clear_clicked(self) -> None:
        """Drop what was typed."""
        self.keeper.discard()
        self.clear_form()
        self.message.setText("")

    @Slot()
    def on_correct_clicked(self) -> None:
        """Start a new contact that corrects the selected one (which stays as it was)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        original = self.model.row(rows[0].row())
        when = date_text(original["occurred_at"])
        values = dict(original)
        values["note"] = self.tr("Correction to the contact of {0}: {1}").format(
            when, original["note"] or ""
        )
        self._set_values(values)
        self._corrects = {"id": original["id"], "when": when}
        self.correcting.setText(
            self.tr(
                "Correcting the contact of {0}. It stays in the log as it was; this is logged "
                "as a new contact."
            ).format(when)
        )
        self.correcting.show()
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)
        self.sig_edited.emit()

    # -- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the contact log in the background."""
        if self.ctx.store is None:
            return
        pid = self.participant_id
        since = (datetime.now() - timedelta(days=RECENT_DAYS)).isoformat(timespec="minutes")

        def load(conn: Any) -> tuple[list[dict[str, Any]], int]:
            return (
                record_queries.list_contacts(conn, pid),
                record_queries.count_contacts_since(conn, pid, since),
            )

        self.ctx.read(load, self._loaded, lambda error: show_error(self, error))

    def _loaded(self, data: tuple[list[dict[str, Any]], int]) -> None:
        contacts, recent = data
        self.model.set_rows(contacts)
        self.empty.setVisible(not contacts)
        self.table.setVisible(bool(contacts))
        if recent == 1:
            text = self.tr("1 contact in the last {0} days · {1} in all")
        else:
            text = self.tr("{2} contacts in the last {0} days · {1} in all")
        self.count.setText(text.format(RECENT_DAYS, len(contacts), recent))
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.correct_button.setEnabled(self.table.selectionModel().hasSelection())

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Reload when a change concerns this participant."""
        if concerns(change, self.participant_id):
            self.refresh()

    # -- drafts --------------------------------------------------------------------------------

    def draft_payload(self) -> dict[str, Any]:
        """The half-written contact."""
        return {"values": self.values(), "corrects": self._corrects}

    def restore_payload(self, payload: dict[str, Any]) -> None:
        """Put a half-written contact back in the form."""
        self._set_values(payload.get("values") or {})
        self._corrects = payload.get("corrects")
        if self._corrects:
            self.correcting.setText(
                self.tr("Correcting the contact of {0}; logged as a new contact.").format(
                    self._corrects.get("when", "")
                )
            )
        self.correcting.setVisible(bool(self._corrects))
        self.message.setText(self.tr("A contact you had not logged was restored."))
