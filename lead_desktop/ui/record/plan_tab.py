"""The service plan tab (Individual Intervention Plan): header, needs, goals with steps, history.

The whole plan is edited in memory and written in one transaction by
:func:`lead_desktop.store.record_queries.save_plan`; unsaved edits are kept as a draft (kind
``"plan"``, ref id the participant). Goals and steps are edited in a tree beside a detail form,
all by keyboard; structural edits and each field's edit can be undone (Ctrl+Z outside text).
"""

from __future__ import annotations

import copy
import logging
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.domain.casework import PLAN_STATUSES
from lead_desktop.errors import ValidationError
from lead_desktop.store import record_queries
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.documents.preview import open_preview
from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.record.fields import (
    CodedCombo,
    DateField,
    ErrorLabel,
    FieldErrors,
    buddy_label,
    concerns,
    date_text,
    local_datetime_text,
)
from lead_desktop.ui.record.plan_goals import GoalsEditor
from lead_desktop.ui.record.plan_goals import field_box as boxed

logger = logging.getLogger(__name__)

#: Stages of change (transtheoretical model), stored as codes in ``stage_of_change``.
STAGES = ("precontemplation", "contemplation", "preparation", "action", "maintenance")
#: Immediate needs and safety, stored as booleans in ``immediate_needs`` (plus a ``note``).
NEEDS = ("shelter_tonight", "food", "phone", "id_documents", "naloxone")
REVIEW_AFTER_DAYS = 90


def field_box(widget: QWidget, errors: FieldErrors, field: str, title: str) -> QWidget:
    """The field with its error label right under it, registered with ``errors``."""
    label = ErrorLabel()
    errors.add(field, widget, label, title)
    return boxed(widget, label)


class PlanTab(QWidget):
    """Writes and reviews a participant's service plan."""

    sig_edited = Signal()
    """The worker changed the plan and has not saved it yet."""
    sig_saved = Signal(str)
    """The plan was saved; carries the plan's id."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant_id = participant_id
        self._plan_id: str | None = None
        self._plan: dict[str, Any] | None = None  # the stored version the edits start from
        self._open_new = False
        self._dirty = False
        self._filling = False
        self._saving = False
        self._build()
        self.keeper = DraftKeeper(ctx, self, "plan", ref_id=participant_id, parent=self)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_empty())
        self.pages.addWidget(self._build_editor())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _build_empty(self) -> QWidget:
        page = QWidget()
        self.empty_label = QLabel(
            self.tr(
                "No service plan yet. A plan holds the participant's priorities in their own "
                "words, their immediate needs and safety, and goals with steps: who does what "
                "by when. Start one with New plan (Alt+W); nothing is stored until you save."
            )
        )
        self.empty_label.setObjectName("plan_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(self.tr("No service plan yet"))
        self.new_button = QPushButton(self.tr("Ne&w plan"))
        self.new_button.setObjectName("plan_new")
        self.new_button.setAccessibleName(self.tr("New plan"))
        self.new_button.clicked.connect(self.on_new_clicked)
        layout = QVBoxLayout(page)
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()
        return page

    def _build_editor(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("plan_title")
        self.title.setAccessibleName(self.tr("Plan version"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.save_button = QPushButton(self.tr("&Save plan"))
        self.save_button.setObjectName("plan_save")
        self.save_button.setAccessibleName(self.tr("Save plan"))
        self.save_button.setToolTip(self.tr("Save the plan (Ctrl+S)"))
        self.save_button.clicked.connect(self.on_save_clicked)
        self.discard_button = QPushButton(self.tr("Discard edits"))
        self.discard_button.setObjectName("plan_discard")
        self.discard_button.setAccessibleName(self.tr("Discard unsaved edits"))
        self.discard_button.clicked.connect(self.on_discard_clicked)
        self.print_button = QPushButton(self.tr("Preview / print plan"))
        self.print_button.setObjectName("plan_print")
        self.print_button.setAccessibleName(self.tr("Preview and print the plan"))
        self.print_button.clicked.connect(self.on_print_clicked)
        top.addWidget(self.title, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.discard_button)
        top.addWidget(self.save_button)
        outer.addLayout(top)
        self.message = QLabel()
        self.message.setObjectName("plan_message")
        self.message.setAccessibleName(self.tr("Plan status message"))
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.general_error = ErrorLabel()
        outer.addWidget(self.general_error)
        self.errors = FieldErrors(self.general_error)

        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self._build_header(), 0, 0)
        grid.addWidget(self._build_needs(), 0, 1)
        self.goals = GoalsEditor(body)
        self.goals.sig_edited.connect(self._changed)
        grid.addWidget(self.goals, 1, 0, 1, 2)
        grid.addWidget(self._build_legal(), 2, 0, 1, 2)
        grid.addWidget(self._build_history(), 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setObjectName("plan_scroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.on_save_clicked)
        # Text fields take Ctrl+Z for themselves; elsewhere it undoes the last goal/step edit.
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.goals.undo)
        print_plan = QShortcut(QKeySequence.StandardKey.Print, self)
        print_plan.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_plan.activated.connect(self.on_print_clicked)
        return page

    def _text_edit(self, name: str, accessible: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4)
        edit.textChanged.connect(self._changed_by_user)
        return edit

    def _build_header(self) -> QGroupBox:
        box = QGroupBox(self.tr("Plan"))
        form = QFormLayout(box)
        self.plan_date = DateField("plan_date", self.tr("Plan date"))
        self.review_date = DateField("review_date", self.tr("Review date"))
        self.status = CodedCombo("plan_status", self.tr("Plan status"), PLAN_STATUSES)
        self.stage = CodedCombo(
            "stage_of_change", self.tr("Stage of change"), STAGES, blank=self.tr("Not assessed")
        )
        rows: list[tuple[str, str, QWidget, str]] = [
            (self.tr("Plan date"), "plan_date", self.plan_date, self.tr("Plan date")),
            (self.tr("Re&view date"), "review_date", self.review_date, self.tr("Review date")),
            (self.tr("Status"), "status", self.status, self.tr("Status")),
            (
                self.tr("Stage o&f change"),
                "stage_of_change",
                self.stage,
                self.tr("Stage of change"),
            ),
        ]
        for text, field, widget, title in rows:
            form.addRow(buddy_label(text, widget), field_box(widget, self.errors, field, title))
        for date_field in (self.plan_date, self.review_date):
            date_field.sig_edited.connect(self._changed)
        for combo in (self.status, self.stage):
            combo.sig_edited.connect(self._changed)
        self.case_manager = QLabel()
        self.case_manager.setObjectName("plan_case_manager")
        self.case_manager.setAccessibleName(self.tr("Case manager"))
        form.addRow(self.tr("Case manager"), self.case_manager)
        self.priorities = self._text_edit(
            "plan_priorities",
            self.tr("The participant's priorities, in their own words"),
            self.tr("What matters most to them right now, as they say it"),
        )
        label = buddy_label(self.tr("Pri&orities (their words)"), self.priorities)
        form.addRow(label, field_box(self.priorities, self.errors, "priorities", label.text()))
        return box

    def _build_needs(self) -> QGroupBox:
        box = QGroupBox(self.tr("Immediate needs and safety"))
        layout = QVBoxLayout(box)
        texts = {
            "shelter_tonight": self.tr("Shelter tonight"),
            "food": self.tr("Food"),
            "phone": self.tr("Phone"),
            "id_documents": self.tr("ID documents"),
            "naloxone": self.tr("Naloxone"),
        }
        self.needs: dict[str, QCheckBox] = {}
        for code in NEEDS:
            check = QCheckBox(texts[code])
            check.setObjectName(f"need_{code}")
            check.setAccessibleName(texts[code])
            check.toggled.connect(self._changed_by_user)
            layout.addWidget(check)
            self.needs[code] = check
        self.needs_note = QLineEdit()
        self.needs_note.setObjectName("need_note")
        self.needs_note.setPlaceholderText(self.tr("e.g. bed held at the shelter until 8 pm"))
        self.needs_note.textEdited.connect(self._changed)
        layout.addWidget(buddy_label(self.tr("Note on needs and safet&y"), self.needs_note))
        layout.addWidget(self.needs_note)
        layout.addStretch()
        return box

    def _build_legal(self) -> QGroupBox:
        box = QGroupBox(self.tr("Legal coordination"))
        layout = QVBoxLayout(box)
        self.legal = self._text_edit(
            "plan_legal",
            self.tr("Legal coordination"),
            self.tr(
                "Diverted case, other open cases, court dates; what was shared with whom and "
                "under which consent"
            ),
        )
        layout.addWidget(field_box(self.legal, self.errors, "legal_coordination", box.title()))
        return box

    def _build_history(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reviews and versions"))
        layout = QVBoxLayout(box)
        self.history = QTreeWidget()
        self.history.setObjectName("plan_history")
        self.history.setAccessibleName(self.tr("Plan review history"))
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("When"), self.tr("Version"), self.tr("What"), self.tr("By")]
        )
        self.history.setMinimumHeight(self.history.fontMetrics().lineSpacing() * 6)
        layout.addWidget(self.history)
        row = QHBoxLayout()
        self.next_version = QPushButton(self.tr("Review done: start the next version"))
        self.next_version.setObjectName("plan_next_version")
        self.next_version.setAccessibleName(self.tr("Review done: start the next version"))
        self.next_version.setToolTip(
            self.tr(
                "Marks this version reviewed and starts a new draft version with the same "
                "goals and steps; earlier versions are kept."
            )
        )
        self.next_version.clicked.connect(self.on_next_version_clicked)
        row.addWidget(self.next_version)
        row.addStretch()
        layout.addLayout(row)
        return box

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the plan, its history and the participant's consents in the background."""
        if self.ctx.store is None:
            return
        pid = self.participant_id

        def load(conn: Any) -> dict[str, Any]:
            return {
                "plan": record_queries.current_plan(conn, pid),
                "history": record_queries.plan_history(conn, pid),
                "consents": record_queries.list_consents(conn, pid),
            }

        self.ctx.read(load, self._loaded, self._load_failed)

    def _loaded(self, data: dict[str, Any]) -> None:
        self._show_history(data["history"])
        self.goals.set_consents(data["consents"])
        plan = data["plan"]
        if self._dirty:
            if plan is not None and self._plan is not None:
                if plan["updated_at"] != self._plan["updated_at"]:
                    self._say(
                        self.tr(
                            "This plan was changed elsewhere after you started editing. Your "
                            "edits are kept; saving writes them over the changed fields."
                        )
                    )
            return
        self._plan = plan
        if plan is None:
            if not self._open_new:
                self.pages.setCurrentIndex(0)
            self._update_controls()
            return
        self._plan_id = plan["id"]
        self._fill(plan, copy.deepcopy(plan["goals"]))
        self.pages.setCurrentIndex(1)

    def _load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _fill(self, header: dict[str, Any], goals: list[dict[str, Any]]) -> None:
        self._filling = True
        try:
            self.plan_date.setText(str(header.get("plan_date") or ""))
            self.review_date.setText(str(header.get("review_date") or ""))
            self.status.set_value(header.get("status") or "draft")
            self.stage.set_value(header.get("stage_of_change"))
            self.priorities.setPlainText(header.get("priorities") or "")
            self.legal.setPlainText(header.get("legal_coordination") or "")
            needs = header.get("immediate_needs") or {}
            for code, check in self.needs.items():
                check.setChecked(bool(needs.get(code)))
            self.needs_note.setText(str(needs.get("note") or ""))
            self.errors.clear()
            self.goals.set_goals(goals)
        finally:
            self._filling = False
        self._update_controls()

    def _show_history(self, events: list[dict[str, Any]]) -> None:
        self.history.clear()
        for event in events:
            kind, old, new = event["event"], event["old"], event["new"]
            if kind == "created":
                what = self.tr("Version started ({0})").format(labels.code(new))
            elif kind == "status":
                what = self.tr("Status: {0} → {1}").format(labels.code(old), labels.code(new))
            else:
                what = self.tr("Review date: {0} → {1}").format(
                    date_text(old) or self.tr("none"), date_text(new) or self.tr("none")
                )
            item = QTreeWidgetItem(
                [local_datetime_text(event["at"]), str(event["version"]), what, event["by"]]
            )
            self.history.addTopLevelItem(item)
        if not events:
            self.history.addTopLevelItem(
                QTreeWidgetItem(["", "", self.tr("Not saved yet: no versions or reviews."), ""])
            )
        for column in range(3):
            self.history.resizeColumnToContents(column)

    # -- editing -------------------------------------------------------------------------------

    def header_values(self) -> dict[str, Any]:
        """The header as the store takes it (dates as typed when they do not parse)."""
        needs: dict[str, Any] = {code: check.isChecked() for code, check in self.needs.items()}
        needs["note"] = self.needs_note.text().strip()
        return {
            "plan_date": self.plan_date.value(),
            "review_date": self.review_date.value(),
            "status": self.status.value(),
            "stage_of_change": self.stage.value(),
            "priorities": self.priorities.toPlainText(),
            "immediate_needs": needs,
            "legal_coordination": self.legal.toPlainText(),
        }

    @Slot()
    def _changed_by_user(self) -> None:
        if not self._filling:
            self._changed()

    @Slot()
    def _changed(self) -> None:
        if self._filling:
            return
        self._dirty = True
        self._update_controls()
        self.sig_edited.emit()

    def _update_controls(self) -> None:
        plan = self._plan
        if self._plan_id is None:
            title = self.tr("New service plan (not saved yet)")
        else:
            version = plan["version"] if plan else 1
            title = self.tr("Service plan, version {0}").format(version)
        if self._dirty and self._plan_id is not None:
            title = self.tr("{0} (unsaved edits)").format(title)
        self.title.setText(title)
        name = (plan or {}).get("case_manager_name") or self.ctx.worker_name
        self.case_manager.setText(name)
        self.discard_button.setEnabled(self._dirty and not self._saving)
        self.save_button.setEnabled(not self._saving)
        self.next_version.setEnabled(
            self._plan_id is not None and not self._dirty and not self._saving
        )
        printable = self._plan_id is not None and not self._dirty and not self._saving
        self.print_button.setEnabled(printable)
        self.print_button.setToolTip(
            self.tr("Preview the saved plan, then print it or save it as PDF (Ctrl+P)")
            if printable
            else self.tr("Save the plan first: the printed plan is the saved one")
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def on_new_clicked(self) -> None:
        """Open an empty plan dated today, reviewed in three months."""
        self._open_new = True
        self._plan_id = None
        self._plan = None
        today = date.today()
        header = {
            "plan_date": today.isoformat(),
            "review_date": (today + timedelta(days=REVIEW_AFTER_DAYS)).isoformat(),
            "status": "draft",
        }
        self._fill(header, [])
        self._say("")
        self.pages.setCurrentIndex(1)
        self.priorities.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_print_clicked(self) -> None:
        """Preview the saved plan as it will print, then print it or save it as PDF."""
        if not self.print_button.isEnabled():
            return
        open_preview(
            self.ctx,
            self,
            kind="service-plan",
            participant_id=self.participant_id,
            language=None,  # the participant's preferred language when it is Spanish
        )

    # -- saving --------------------------------------------------------------------------------

    @Slot()
    def on_save_clicked(self) -> None:
        """Check the whole plan, show each problem beside its field, or save it all at once."""
        if self._saving or self.pages.currentIndex() != 1:
            return
        header, goals = self.header_values(), self.goals.goals()
        found = record_queries.check_plan(self.participant_id, header, goals)
        self.goals.show_issues(found)
        self.errors.show(found.header)
        if found:
            count = len(found.all())
            if count == 1:
                text = self.tr("Nothing was saved: 1 problem, shown beside its field.")
            else:
                text = self.tr("Nothing was saved: {0} problems, each shown beside its field.")
            self._say(
                text.format(count)
                + " "
                + self.tr("Goals and steps with a problem are marked in the list.")
            )
            return
        pid, plan_id = self.participant_id, self._plan_id
        self._saving = True
        self._update_controls()
        self._say(self.tr("Saving…"))
        self.ctx.write(
            lambda tx: record_queries.save_plan(
                tx, participant_id=pid, plan_id=plan_id, header=header, goals=goals
            ),
            lambda new_id: Change("service_plan", (pid, new_id), {"participant_id": pid}),
            self._saved,
            self._save_failed,
        )

    def _saved(self, plan_id: str) -> None:
        self._saving = False
        self._plan_id = plan_id
        self._open_new = False
        self._dirty = False
        self.keeper.discard()
        self.goals.clear_undo()
        self._say(self.tr("Plan saved."))
        self.sig_saved.emit(plan_id)
        self.refresh()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self._update_controls()
        self._say(self.tr("Nothing was saved."))
        if isinstance(error, ValidationError):
            self.errors.show(error.issues)
        else:
            show_error(self, error)

    @Slot()
    def on_discard_clicked(self) -> None:
        """Drop unsaved edits and show the plan as stored."""
        self._dirty = False
        self._open_new = False
        self.keeper.discard()
        self.goals.clear_undo()
        self._say(self.tr("Unsaved edits discarded."))
        if self._plan is None:
            self._plan_id = None
            self.pages.setCurrentIndex(0)
        self.refresh()

    @Slot()
    def on_next_version_clicked(self) -> None:
        """Close this version's review and start the next version from it."""
        plan_id, pid = self._plan_id, self.participant_id
        if plan_id is None or self._dirty:
            return
        today = date.today().isoformat()
        self._saving = True
        self._update_controls()
        self.ctx.write(
            lambda tx: record_queries.new_plan_version(tx, plan_id=plan_id, plan_date=today),
            lambda new_id: Change("service_plan", (pid, new_id), {"participant_id": pid}),
            self._saved,
            self._save_failed,
        )

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Reload when a change concerns this participant (their plan or their consents)."""
        if concerns(change, self.participant_id, [self._plan_id or ""]):
            self.refresh()

    # -- drafts --------------------------------------------------------------------------------

    def draft_payload(self) -> dict[str, Any]:
        """The plan as edited, with dates as typed and the selected goal or step."""
        header = self.header_values()
        header["plan_date"] = self.plan_date.text()
        header["review_date"] = self.review_date.text()
        return {
            "plan_id": self._plan_id,
            "base_updated_at": (self._plan or {}).get("updated_at"),
            "header": header,
            "goals": self.goals.goals(),
            "selected": self.goals.selected_path(),
        }

    def restore_payload(self, payload: dict[str, Any]) -> None:
        """Put a kept draft back: the editor opens with the edits as they were."""
        self._plan_id = payload.get("plan_id")
        self._open_new = self._plan_id is None
        self._fill(payload.get("header") or {}, copy.deepcopy(payload.get("goals") or []))
        self.goals.select_path(payload.get("selected"))
        self._dirty = True
        self._update_controls()
        self.pages.setCurrentIndex(1)
        self._say(self.tr("Unsaved edits were restored. Save them, or discard them."))
