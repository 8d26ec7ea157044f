"""The profile tab: a participant's HMIS universal data elements, status, case manager, aliases."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, func, or_, select

from lead_desktop import settings
from lead_desktop.domain import hmis
from lead_desktop.domain.capacity import CapacityCheck, CapacityRules, check_assignment
from lead_desktop.domain.participant import display_name, validate_participant
from lead_desktop.errors import Issue, ValidationError
from lead_desktop.store.participants import (
    add_alias,
    get_participant,
    remove_alias,
    update_participant,
    view_participant,
)
from lead_desktop.store.schema import Participant, Setting, Worker
from lead_desktop.store.tx import Tx
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.record.fields import (
    CodedCombo,
    DateField,
    DraftBanner,
    ErrorLabel,
    FieldErrors,
    FormRows,
    OptionalCount,
    buddy_label,
    concerns,
    find_draft,
    when_alive,
)

logger = logging.getLogger(__name__)

CONTEXT = "ProfileTab"
_TITLES: dict[str, object] = {
    "first_name": QT_TRANSLATE_NOOP("ProfileTab", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("ProfileTab", "Middle name"),
    "last_name": QT_TRANSLATE_NOOP("ProfileTab", "Last name"),
    "name_suffix": QT_TRANSLATE_NOOP("ProfileTab", "Suffix"),
    "name_dq": QT_TRANSLATE_NOOP("ProfileTab", "Name quality"),
    "ssn": QT_TRANSLATE_NOOP("ProfileTab", "SSN"),
    "ssn_dq": QT_TRANSLATE_NOOP("ProfileTab", "SSN quality"),
    "dob": QT_TRANSLATE_NOOP("ProfileTab", "Date of birth"),
    "dob_dq": QT_TRANSLATE_NOOP("ProfileTab", "Date of birth quality"),
    "race": QT_TRANSLATE_NOOP("ProfileTab", "Race and ethnicity"),
    "race_none": QT_TRANSLATE_NOOP("ProfileTab", "If none given"),
    "race_detail": QT_TRANSLATE_NOOP("ProfileTab", "Race and ethnicity detail"),
    "sex": QT_TRANSLATE_NOOP("ProfileTab", "Sex"),
    "gender_identity": QT_TRANSLATE_NOOP("ProfileTab", "Gender identity"),
    "veteran_status": QT_TRANSLATE_NOOP("ProfileTab", "Veteran"),
    "disabling_condition": QT_TRANSLATE_NOOP("ProfileTab", "Disabling condition"),
    "preferred_language": QT_TRANSLATE_NOOP("ProfileTab", "Preferred language"),
    "interpreter_needed": QT_TRANSLATE_NOOP("ProfileTab", "Interpreter needed"),
    "status": QT_TRANSLATE_NOOP("ProfileTab", "Status"),
    "case_manager_id": QT_TRANSLATE_NOOP("ProfileTab", "Case manager"),
    "intake_date": QT_TRANSLATE_NOOP("ProfileTab", "Intake date"),
    "project_start_date": QT_TRANSLATE_NOOP("ProfileTab", "Project start date"),
    "engagement_date": QT_TRANSLATE_NOOP("ProfileTab", "Date of engagement"),
    "prior_living_situation": QT_TRANSLATE_NOOP("ProfileTab", "Prior living situation"),
    "length_of_stay": QT_TRANSLATE_NOOP("ProfileTab", "Length of stay there (days)"),
    "times_homeless_3y": QT_TRANSLATE_NOOP("ProfileTab", "Times homeless, past 3 years"),
    "months_homeless_3y": QT_TRANSLATE_NOOP("ProfileTab", "Months homeless, past 3 years"),
    "current_living_situation": QT_TRANSLATE_NOOP("ProfileTab", "Current living situation"),
}
_COUNTS = ("length_of_stay", "times_homeless_3y", "months_homeless_3y")
_OVERRIDE_ROLES = ("supervisor", "administrator")


def field_title(field: str) -> str:
    """The translated name of a participant field, as the profile shows it."""
    english = _TITLES.get(field)
    if english is None:
        return field.replace("_", " ")
    return QCoreApplication.translate(CONTEXT, str(english))


def masked_ssn(ssn: str | None) -> str:
    """Show only the last four characters of an SSN."""
    return "•••-••-" + ssn[-4:] if ssn else ""


def _load(conn: Connection, participant_id: str, worker_id: str, draft: bool) -> dict[str, Any]:
    row = get_participant(conn, participant_id)
    wanted = or_(Worker.active & ~Worker.deleted, Worker.id == row["case_manager_id"])
    workers = conn.execute(
        select(Worker.id, Worker.name, Worker.display_name, Worker.role)
        .where(wanted, Worker.role != "evaluator")
        .order_by(func.lower(Worker.name))
    ).all()
    return {
        "row": row,
        "workers": [(w.id, w.display_name or w.name) for w in workers],
        "draft": find_draft(conn, worker_id, "profile", participant_id) if draft else None,
    }


def capacity_check(
    conn: Connection, participant_id: str, worker_id: str, *, override: bool = False
) -> CapacityCheck:
    """Check assigning this participant to a case manager against the program's limits."""
    stored = conn.execute(select(Setting.value).where(Setting.key == settings.KEY)).scalar()
    program = settings.ProgramSettings.from_json(stored)
    rules = CapacityRules(program.program_capacity, program.per_worker_max)
    others = (Participant.status == "active") & ~Participant.deleted
    others &= Participant.id != participant_id
    count = select(func.count()).select_from(Participant)
    in_program = int(conn.execute(count.where(others)).scalar_one())
    mine = Participant.case_manager_id == worker_id
    with_worker = int(conn.execute(count.where(others & mine)).scalar_one())
    return check_assignment(rules, in_program, with_worker, override=override)


class ProfileTab(QWidget):
    """Shows and edits one participant's profile; Save (Ctrl+S), Undo last save (Ctrl+Z)."""

    sig_edited = Signal()
    """The worker changed a field (drafts listen to this)."""
    sig_name_changed = Signal(str)
    """The participant's display name was loaded or saved."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("profile_tab")
        self.ctx = ctx
        self.participant_id = participant_id
        self._row: dict[str, Any] | None = None
        self._ssn: str | None = None
        self._undo: list[dict[str, Any]] = []
        self._dirty = False
        self._saving = False
        self._viewed = False
        self._draft: dict[str, Any] | None = None
        self.keeper = DraftKeeper(ctx, self, "profile", ref_id=participant_id, parent=self)
        self._build()
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("profile_title")
        self.title.setAccessibleName(self.tr("Participant name"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.state = QLabel()
        self.state.setObjectName("profile_state")
        self.state.setAccessibleName(self.tr("Save state"))
        top.addWidget(self.state)
        self.save = self._button("save", self.tr("&Save"), self.tr("Save the profile (Ctrl+S)"))
        self.undo = self._button(
            "undo", self.tr("&Undo last save"), self.tr("Put back the values before the last save")
        )
        self.discard = self._button(
            "discard", self.tr("Discard c&hanges"), self.tr("Forget the changes not yet saved")
        )
        for button in (self.save, self.undo, self.discard):
            top.addWidget(button)
        self.undo.setEnabled(False)
        self.discard.setEnabled(False)
        self.save.clicked.connect(self.on_save_clicked)
        self.undo.clicked.connect(self.on_undo_clicked)
        self.discard.clicked.connect(self.on_discard_clicked)
        outer.addLayout(top)
        self.banner = DraftBanner(self.tr("Profile changes"), self)
        self.banner.sig_restore.connect(self.on_banner_restore)
        self.banner.sig_discard.connect(self.on_banner_discard)
        outer.addWidget(self.banner)
        self.general_error = ErrorLabel(self)
        self.general_error.setObjectName("profile_error")
        outer.addWidget(self.general_error)
        self.errors = FieldErrors(self.general_error)
        self.rows = FormRows(self.errors, field_title, self._edited)

        body = QWidget()
        columns = QHBoxLayout(body)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        left.addWidget(self._name_group())
        left.addWidget(self._identity_group())
        left.addWidget(self._race_group())
        left.addWidget(self._about_group())
        left.addStretch()
        right.addWidget(self._program_group())
        right.addWidget(self._living_group())
        self.aliases = AliasList(self.ctx, self.participant_id, self)
        right.addWidget(self.aliases)
        right.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)

        for keys, slot in ((QKeySequence.StandardKey.Save, self.on_save_clicked),):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.on_undo_shortcut)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        return button

    def _combo(self, field: str, choices: Any, blank: str | None = None) -> CodedCombo:
        return CodedCombo(field, field_title(field), choices, blank=blank)

    def _name_group(self) -> QGroupBox:
        box, form = self.rows.group(self.tr("Name"))
        self.rows.row(form, "first_name", QLineEdit(), self.tr("&First name"))
        self.rows.row(form, "middle_name", QLineEdit(), self.tr("Middle name"))
        self.rows.row(form, "last_name", QLineEdit(), self.tr("&Last name"))
        self.rows.row(form, "name_suffix", QLineEdit(), self.tr("Suffix"))
        self.rows.row(
            form, "name_dq", self._combo("name_dq", hmis.NAME_DQ), self.tr("Name quality")
        )
        return box

    def _identity_group(self) -> QGroupBox:
        box, form = self.rows.group(self.tr("Identity"))
        ssn_row = QWidget()
        line = QHBoxLayout(ssn_row)
        line.setContentsMargins(0, 0, 0, 0)
        self.ssn = QLineEdit()
        self.ssn.setPlaceholderText(self.tr("9 digits, or the last 4"))
        self.ssn.textEdited.connect(self.on_ssn_edited)
        self.ssn_show = QPushButton(self.tr("Sho&w"))
        self.ssn_show.setObjectName("ssn_show")
        self.ssn_show.setAccessibleName(self.tr("Show the full SSN"))
        self.ssn_show.setCheckable(True)
        self.ssn_show.toggled.connect(self.on_ssn_show_toggled)
        line.addWidget(self.ssn, 1)
        line.addWidget(self.ssn_show)
        self.rows.row(form, "ssn", self.ssn, self.tr("SS&N"), ssn_row)
        self.rows.row(form, "ssn_dq", self._combo("ssn_dq", hmis.SSN_DQ), self.tr("SSN quality"))
        self.rows.row(form, "dob", DateField("dob", field_title("dob")), self.tr("Date of &birth"))
        self.rows.row(form, "dob_dq", self._combo("dob_dq", hmis.DOB_DQ), self.tr("DOB &quality"))
        return box

    def _race_group(self) -> QGroupBox:
        box, form = self.rows.group(self.tr("Race and ethnicity (choose all that apply)"))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.race: dict[str, QCheckBox] = {}
        for code, english in hmis.RACE.items():
            check = QCheckBox(QCoreApplication.translate("codes", english))
            check.setObjectName(f"race_{code}")
            check.setAccessibleName(check.text())
            check.clicked.connect(self.on_race_clicked)
            column.addWidget(check)
            self.race[code] = check
        error = ErrorLabel(holder)
        error.setObjectName("race_error")
        column.addWidget(error)
        form.addRow(holder)
        self.errors.add("race", next(iter(self.race.values())), error, field_title("race"))
        none = self._combo("race_none", hmis.NOT_GIVEN, blank=self.tr("(categories given)"))
        none.sig_edited.connect(self.on_race_none_edited)
        self.rows.row(form, "race_none", none, self.tr("If none given"))
        self.rows.row(form, "race_detail", QLineEdit(), self.tr("Detail"))
        return box

    def _about_group(self) -> QGroupBox:
        box, form = self.rows.group(self.tr("About the person"))
        blank = self.tr("(not recorded)")
        self.rows.row(form, "sex", self._combo("sex", hmis.SEX, blank), self.tr("Se&x"))
        self.rows.row(form, "gender_identity", QLineEdit(), self.tr("Gender identity"))
        veteran = self._combo("veteran_status", hmis.NO_YES, blank)
        self.rows.row(form, "veteran_status", veteran, self.tr("&Veteran"))
        disabling = self._combo("disabling_condition", hmis.NO_YES, blank)
        self.rows.row(form, "disabling_condition", disabling, self.tr("Disabling condition"))
        self.rows.row(form, "preferred_language", QLineEdit(), self.tr("Preferred lan&guage"))
        interpreter = self._combo("interpreter_needed", {True: "Yes", False: "No"}, blank)
        self.rows.row(form, "interpreter_needed", interpreter, self.tr("Interpreter needed"))
        return box

    def _program_group(self) -> QGroupBox:
        box, form = self.rows.group(self.tr("In the program"))
        self.rows.row(form, "status", self._combo("status", hmis.STATUSES), self.tr("S&tatus"))
        self.case_manager = CodedCombo("case_manager_id", field_title("case_manager_id"), ())
        self.case_manager.sig_edited.connect(self.on_case_manager_edited)
        self.rows.row(form, "case_manager_id", self.case_manager, self.tr("&Case manager"))
        self.override = QCheckBox(self.tr("Assign anyway (supervisor override)"))
        self.override.setObjectName("capacity_override")
        self.override.setAccessibleName(self.override.text())
        self.override.hide()
        form.addRow(self.override)
        for field, text in (
            ("intake_date", self.tr("Intake date")),
            ("project_start_date", self.tr("Project start date")),
            ("engagement_date", self.tr("Date of engagement")),
        ):
            self.rows.row(form, field, DateField(field, field_title(field)), text)
        return box

    def _living_group(self) -> QGroupBox:
        box, form = self.rows.group(self.tr("Living situation"))
        blank = self.tr("(not recorded)")
        for field, text in (
            ("prior_living_situation", self.tr("&Prior living situation")),
            ("current_living_situation", self.tr("Current living situation")),
        ):
            self.rows.row(form, field, self._combo(field, hmis.LIVING_SITUATION, blank), text)
        for field in _COUNTS:
            self.rows.row(form, field, OptionalCount(field, field_title(field)), field_title(field))
        return box

    # -- values -----------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        """What the form holds, as participant fields."""
        out = self.rows.values()
        out["ssn"] = self._ssn
        out["race"] = [code for code, check in self.race.items() if check.isChecked()]
        return out

    def _fill(self, values: dict[str, Any]) -> None:
        self.rows.fill(values)
        self._ssn = values.get("ssn")
        chosen = set(values.get("race") or [])
        for code, check in self.race.items():
            check.setChecked(code in chosen)
        self.ssn_show.setChecked(False)
        self._render_ssn()

    def _fill_workers(self, workers: list[tuple[str, str]]) -> None:
        self.case_manager.set_choices(workers, blank=self.tr("(not assigned)"))

    def draft_payload(self) -> dict[str, Any]:
        """The unsaved form, for the draft keeper."""
        return {"values": self.form_values()}

    def restore_payload(self, payload: dict[str, Any]) -> None:
        """Put a kept draft back into the form (still to be saved)."""
        self._fill(dict(payload.get("values") or {}))
        self._set_dirty(True)

    # -- state ------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._set_dirty(True)
        self.sig_edited.emit()

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.discard.setEnabled(dirty)
        self.undo.setEnabled(bool(self._undo) and not dirty)
        if dirty:
            self.state.setText(self.tr("Changes not saved yet"))

    @property
    def dirty(self) -> bool:
        """Whether the form holds edits not yet saved."""
        return self._dirty

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the profile in the background (the first load is audited as a view)."""
        store = self.ctx.store
        if store is None:
            return
        pid, worker = self.participant_id, store.worker_id
        if not self._viewed:
            self._viewed = True

            def view(tx: Tx) -> dict[str, Any]:
                view_participant(tx, pid)
                return _load(tx.conn, pid, worker, draft=True)

            self.ctx.write(view, None, self._loaded, self._load_failed)
        else:
            self.ctx.read(lambda conn: _load(conn, pid, worker, False), self._loaded)

    @when_alive
    def _load_failed(self, error: BaseException) -> None:
        self._viewed = False
        show_error(self, error)

    @when_alive
    def _loaded(self, result: dict[str, Any]) -> None:
        row = result["row"]
        before, self._row = self._row, row
        self._fill_workers(result["workers"])
        self.aliases.set_aliases(row["aliases"])
        name = display_name(row)
        self.title.setText(name)
        self.sig_name_changed.emit(name)
        if not self._dirty:
            self._fill(row)
        elif before is not None and any(before.get(f) != row.get(f) for f in self.rows.widgets):
            self.state.setText(self.tr("Changed elsewhere meanwhile; saving keeps your version"))
        draft = result.get("draft")
        if draft is not None:
            self.keeper.draft_id = draft["id"]
            self._draft = draft
            self.banner.offer(draft["updated_at"])

    @Slot()
    def on_banner_restore(self) -> None:
        """Put the kept draft back in the form."""
        if self._draft is not None:
            self.restore_payload(self._draft["payload"])

    @Slot()
    def on_banner_discard(self) -> None:
        """Drop the kept draft."""
        self.keeper.discard()

    @Slot(object)
    def on_ctx_changed(self, change: object) -> None:
        """Reload when a change concerns this participant (or the list of workers)."""
        if self._saving:
            return
        if isinstance(change, Change) and change.entity == "worker":
            self.refresh()
        elif concerns(change, self.participant_id, self.aliases.ids()):
            self.refresh()

    # -- saving -----------------------------------------------------------------------------

    def _override_allowed(self) -> bool:
        return self.ctx.worker_role in _OVERRIDE_ROLES

    @Slot()
    def on_save_clicked(self) -> None:
        """Validate and store the profile; show each problem beside its field."""
        if self._row is None or self._saving or self.ctx.store is None:
            return
        data = self.form_values()
        pid = self.participant_id
        manager = str(data.get("case_manager_id") or "")
        assigning = bool(manager) and manager != self._row["case_manager_id"]
        override = self.override.isChecked() and self._override_allowed()
        refusal = self._capacity_fix()

        def job(tx: Tx) -> dict[str, Any]:
            issues: list[Issue] = []
            try:
                validate_participant(data, partial=True)
            except ValidationError as exc:
                issues += exc.issues
            if assigning and data.get("status", "active") == "active":
                check = capacity_check(tx.conn, pid, manager, override=override)
                if not check.allowed:
                    issues.append(Issue("case_manager_id", "; ".join(check.reasons), refusal))
                elif check.overridden:
                    tx.audit("capacity_override", "participant", pid)
            if issues:
                raise ValidationError(issues)
            return update_participant(tx, pid, data=data)

        self._saving = True
        self.errors.clear()
        self.ctx.write(job, Change("participant", (pid,)), self._saved, self._save_failed)

    def _capacity_fix(self) -> str:
        if self._override_allowed():
            return self.tr("tick 'Assign anyway' to override, or pick another case manager")
        return self.tr("ask a supervisor to assign this person, or pick another case manager")

    @when_alive
    def _saved(self, changed: dict[str, Any]) -> None:
        self._saving = False
        if changed:
            self._undo.append({field: old for field, (old, _) in changed.items()})
        self.keeper.discard()
        self.override.setChecked(False)
        self.override.hide()
        self._set_dirty(False)
        self.state.setText(self.tr("Saved") if changed else self.tr("Nothing had changed"))
        self.refresh()

    @when_alive
    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ValidationError):
            self.errors.show(error.issues)
            self.state.setText(self.tr("Not saved: see the problems shown"))
        else:
            show_error(self, error)

    @Slot()
    def on_undo_shortcut(self) -> None:
        """Ctrl+Z outside text fields: undo the last save when that is possible."""
        if self.undo.isEnabled():
            self.on_undo_clicked()

    @Slot()
    def on_undo_clicked(self) -> None:
        """Put back the values the last save replaced (itself a change, audited)."""
        if not self._undo or self._dirty or self._saving or self.ctx.store is None:
            return
        restore, pid = self._undo[-1], self.participant_id
        self._saving = True
        self.errors.clear()
        self.ctx.write(
            lambda tx: update_participant(tx, pid, data=restore),
            Change("participant", (pid,)),
            self._undone,
            self._save_failed,
        )

    @when_alive
    def _undone(self, _: object) -> None:
        self._saving = False
        self._undo.pop()
        self._set_dirty(False)
        self.state.setText(self.tr("Last save undone"))
        self.refresh()

    @Slot()
    def on_discard_clicked(self) -> None:
        """Forget unsaved edits and show the stored profile again."""
        if self._row is None:
            return
        self.keeper.discard()
        self.errors.clear()
        self.override.hide()
        self._fill(self._row)
        self._set_dirty(False)
        self.state.setText(self.tr("Changes discarded"))

    # -- field behaviour --------------------------------------------------------------------

    def _render_ssn(self) -> None:
        revealed = self.ssn_show.isChecked() or not self._ssn
        self.ssn.setReadOnly(not revealed)
        self.ssn.setText((self._ssn or "") if revealed else masked_ssn(self._ssn))
        self.ssn.setAccessibleDescription(
            "" if revealed else self.tr("Hidden but for the last 4 digits; press Show to see it")
        )
        self.ssn_show.setEnabled(bool(self._ssn))
        self.ssn_show.setText(self.tr("Hid&e") if self.ssn_show.isChecked() else self.tr("Sho&w"))

    @Slot(bool)
    def on_ssn_show_toggled(self, shown: bool) -> None:
        """Reveal or hide the full SSN; revealing a stored one is audited as a view."""
        self._render_ssn()
        stored = (self._row or {}).get("ssn")
        if shown and stored and self._ssn == stored and self.ctx.store is not None:
            pid = self.participant_id
            self.ctx.write(
                lambda tx: tx.audit("view", "participant", pid, {"fields": ["ssn"]}), None
            )

    @Slot(str)
    def on_ssn_edited(self, text: str) -> None:
        """Keep what is typed as the SSN."""
        self._ssn = text.strip() or None
        self.ssn_show.setEnabled(bool(self._ssn))

    @Slot(bool)
    def on_race_clicked(self, checked: bool) -> None:
        """A category was ticked: 8/9/99 no longer applies."""
        race_none = self.rows.widgets["race_none"]
        if checked and isinstance(race_none, CodedCombo):
            race_none.set_value(None)
        self._edited()

    @Slot()
    def on_race_none_edited(self) -> None:
        """8/9/99 was chosen: no category applies."""
        race_none = self.rows.widgets["race_none"]
        if isinstance(race_none, CodedCombo) and race_none.value() is not None:
            for check in self.race.values():
                check.setChecked(False)

    @Slot()
    def on_case_manager_edited(self) -> None:
        """Check the caseload limits for the chosen case manager and say so plainly."""
        label = self.rows.error_labels["case_manager_id"]
        label.clear()
        self.override.hide()
        worker = self.case_manager.value()
        if not worker or self._row is None or worker == self._row["case_manager_id"]:
            return
        pid = self.participant_id
        self.ctx.read(lambda conn: capacity_check(conn, pid, worker), self._capacity_checked)

    @when_alive
    def _capacity_checked(self, check: CapacityCheck) -> None:
        if check.allowed or self.case_manager.value() is None:
            return
        label = self.rows.error_labels["case_manager_id"]
        label.show_message(
            self.tr("Over the caseload limit: {0}. {1}.").format(
                "; ".join(check.reasons), self._capacity_fix().capitalize()
            )
        )
        self.override.setVisible(self._override_allowed())


class AliasList(QGroupBox):
    """Aliases and street names: each added or removed at once (audited, searchable)."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Aliases and street names"))
        self.setAccessibleName(self.title())
        self.ctx = ctx
        self.participant_id = participant_id
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("aliases")
        self.list.setAccessibleName(self.tr("Aliases and street names"))
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.empty = QLabel(
            self.tr("No aliases or street names yet. Type one below and press Add.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No aliases"))
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setObjectName("alias_text")
        self.text.setAccessibleName(self.tr("New alias or street name"))
        self.text.setPlaceholderText(self.tr("Name the person is known by"))
        self.text.returnPressed.connect(self.on_add_clicked)
        self.kind = CodedCombo("alias_kind", self.tr("Kind of name"), hmis.ALIAS_KINDS)
        self.add = QPushButton(self.tr("&Add"))
        self.add.setObjectName("alias_add")
        self.add.setAccessibleName(self.tr("Add alias"))
        self.add.clicked.connect(self.on_add_clicked)
        self.remove = QPushButton(self.tr("Remo&ve"))
        self.remove.setObjectName("alias_remove")
        self.remove.setAccessibleName(self.tr("Remove the selected alias"))
        self.remove.clicked.connect(self.on_remove_clicked)
        self.remove.setEnabled(False)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove.setEnabled(bool(self.list.selectedItems()))
        )
        row.addWidget(buddy_label(self.tr("Ne&w name"), self.text))
        row.addWidget(self.text, 1)
        row.addWidget(self.kind)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout.addLayout(row)
        self.error = ErrorLabel(self)
        self.error.setObjectName("alias_error")
        layout.addWidget(self.error)
        self.set_aliases([])

    def set_aliases(self, aliases: list[dict[str, Any]]) -> None:
        """Show the participant's live aliases."""
        self.list.clear()
        for alias in aliases:
            kind = self.tr("street name") if alias["kind"] == "street" else self.tr("alias")
            item = QListWidgetItem(self.tr("{0} ({1})").format(alias["alias"], kind))
            item.setData(Qt.ItemDataRole.UserRole, alias["id"])
            self.list.addItem(item)
        self.empty.setVisible(not aliases)
        self.list.setVisible(bool(aliases))

    def ids(self) -> list[str]:
        """The ids of the aliases shown."""
        return [
            str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())
        ]

    @Slot()
    def on_add_clicked(self) -> None:
        """Add the typed name."""
        if self.ctx.store is None:
            return
        text, kind, pid = self.text.text(), str(self.kind.value()), self.participant_id
        self.error.clear()
        self.ctx.write(
            lambda tx: add_alias(tx, pid, alias=text, kind=kind),
            lambda aid: Change("participant", (pid, aid), {"part": "alias"}),
            self._added,
            self._failed,
        )

    @when_alive
    def _added(self, _: str) -> None:
        self.text.clear()

    @Slot()
    def on_remove_clicked(self) -> None:
        """Remove the selected name (kept as a tombstone, like every record)."""
        items = self.list.selectedItems()
        if not items or self.ctx.store is None:
            return
        aid, pid = str(items[0].data(Qt.ItemDataRole.UserRole)), self.participant_id
        self.ctx.write(
            lambda tx: remove_alias(tx, aid),
            Change("participant", (pid, aid), {"part": "alias"}),
            None,
            self._failed,
        )

    @when_alive
    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.error.show_message(
                "\n".join(
                    self.tr("Alias: {0}; {1}").format(*labels.issue_text(i)) for i in error.issues
                )
            )
            self.text.setFocus()
        else:
            show_error(self, error)
