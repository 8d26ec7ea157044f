"""Pages of the settings dialog: the program's settings and this computer's preferences."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from lead_desktop import settings as program_settings
from lead_desktop.domain import casework
from lead_desktop.domain.coverage import CoverageArea
from lead_desktop.domain.intake import MAX_INTAKE_DAYS, MIN_INTAKE_DAYS
from lead_desktop.errors import Issue
from lead_desktop.settings import Program, ProgramSettings
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, user_message

logger = logging.getLogger(__name__)

ROLE_VALUE = Qt.ItemDataRole.UserRole
MAX_COUNT = 100_000
MAX_TEXT = 300
COVERAGE_FIELD = "coverage area"


def issue_text(label: str, issue: Issue) -> str:
    """One line for an issue shown beside its field, naming the field."""
    return "{}: {}; {}.".format(label, *labels.issue_text(issue))


def if_alive(widget: QObject, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """Wrap a callback so it does nothing once its widget is gone (closed while work ran)."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            fn(value)

    return call


def plain(label: str) -> str:
    """A label's text without its mnemonic marker."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def icon_row(owner: QWidget, icon: QStyle.StandardPixmap, label: QLabel) -> QHBoxLayout:
    """A small standard icon beside a label (an alert that does not rely on colour)."""
    size = owner.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    picture = QLabel()
    picture.setPixmap(owner.style().standardIcon(icon).pixmap(QSize(size, size)))
    picture.setAlignment(Qt.AlignmentFlag.AlignTop)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(picture)
    row.addWidget(label, 1)
    return row


class FieldError(QWidget):
    """A warning icon and bold text shown beside a field; hidden while there is no problem."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("Problem"))
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self._label.font())
        font.setBold(True)
        self._label.setFont(font)
        self.setLayout(icon_row(self, QStyle.StandardPixmap.SP_MessageBoxWarning, self._label))
        self.hide()

    def text(self) -> str:
        """The message shown ("" when none)."""
        return self._label.text() if not self.isHidden() else ""

    def show_message(self, text: str) -> None:
        """Show a message (several lines allowed)."""
        self._label.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))
        if text:
            QTimer.singleShot(0, self, self.on_timer_fit_window)

    @Slot()
    def on_timer_fit_window(self) -> None:
        """Grow the window so a wrapped message is not cut (top-level layouts do not)."""
        window = self.window()
        layout = window.layout()
        if layout is None or not window.isVisible():
            return
        layout.activate()
        width = window.width()
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if need > window.height():
            window.resize(width, need)

    def clear(self) -> None:
        """Hide the message."""
        self.show_message("")


def with_error(field: QWidget, error: FieldError, *between: QWidget) -> QWidget:
    """Stack a field, any helper text, and its error message for one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in (field, *between, error):
        layout.addWidget(widget)
    return box


class ItemList(QListWidget):
    """A list with keys: Insert adds, Delete removes, Ctrl+Up / Ctrl+Down move."""

    sig_add_requested = Signal()
    """The user pressed Insert."""
    sig_remove_requested = Signal()
    """The user pressed Delete."""
    sig_move_requested = Signal(int)
    """The user asked to move the current item by -1 or +1."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Tall enough for the items plus one, not a fixed default."""
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height()
        return QSize(super().sizeHint().width(), row * (self.count() + 1) + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Turn the list's editing keys into requests."""
        key, mods = event.key(), event.modifiers()
        moving = mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_Insert and self.editTriggers():
            self.sig_add_requested.emit()
        elif key == Qt.Key.Key_Delete and self.editTriggers():
            self.sig_remove_requested.emit()
        elif moving and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.editTriggers():
            self.sig_move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class ExclusionEditor(QWidget):
    """The exclusion-screen questions: add, edit, remove and reorder, by mouse or keyboard."""

    sig_edited = Signal()
    """The list changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = ItemList()
        self.list.setObjectName("exclusion_list")
        self.list.setAccessibleName(self.tr("Exclusion-screen questions"))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        buttons = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("add", self.tr("&Add question"), self.on_add_clicked),
            ("edit", self.tr("&Edit"), self.on_edit_clicked),
            ("remove", self.tr("Remo&ve"), self.on_remove_clicked),
            ("up", self.tr("Move &up"), self.on_up_clicked),
            ("down", self.tr("Move d&own"), self.on_down_clicked),
        ):
            button = QPushButton(text)
            button.setObjectName(f"exclusion_{name}")
            button.setAccessibleName(plain(text))
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self.keys = QLabel(
            self.tr("Keys: Insert adds, F2 edits, Delete removes, Ctrl+Up and Ctrl+Down move.")
        )
        self.keys.setWordWrap(True)
        self.error = FieldError("error_exclusion_items")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.keys)
        layout.addWidget(self.error)
        self.list.sig_add_requested.connect(self.on_add_clicked)
        self.list.sig_remove_requested.connect(self.on_remove_clicked)
        self.list.sig_move_requested.connect(self.on_list_move_requested)
        self.list.itemChanged.connect(self.on_list_item_changed)
        self.list.currentRowChanged.connect(self.on_list_current_row_changed)
        self.list.itemDelegate().closeEditor.connect(self.on_delegate_close_editor)
        self._update_buttons()

    @staticmethod
    def display(value: str) -> str:
        """Show a built-in item by its translated label, a site's own question as written."""
        return labels.code(value) if value in casework.EXCLUSION_ITEMS else value

    def set_items(self, values: tuple[str, ...]) -> None:
        """Show a list of questions (codes or text)."""
        self.list.blockSignals(True)
        self.list.clear()
        for value in values:
            self._append(value)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0 if values else -1)
        self.list.updateGeometry()
        self._update_buttons()

    def items(self) -> tuple[str, ...]:
        """The questions as stored: unchanged built-in items keep their code."""
        values = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            raw = str(item.data(ROLE_VALUE) or "")
            values.append(raw if item.text() == self.display(raw) else item.text().strip())
        return tuple(values)

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid changes (read-only for workers who are not administrators)."""
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for button in self.buttons.values():
            button.setVisible(editable)
        self.keys.setVisible(editable)

    def _append(self, value: str) -> QListWidgetItem:
        item = QListWidgetItem(self.display(value))
        item.setData(ROLE_VALUE, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.buttons["edit"].setEnabled(row >= 0)
        self.buttons["remove"].setEnabled(row >= 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)

    @Slot()
    def on_add_clicked(self) -> None:
        """Add an empty question and start editing it."""
        item = self._append("")
        self.list.setCurrentItem(item)
        self.list.setFocus()
        self.list.editItem(item)
        self.sig_edited.emit()

    @Slot()
    def on_edit_clicked(self) -> None:
        """Edit the current question."""
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus()
            self.list.editItem(item)

    @Slot()
    def on_remove_clicked(self) -> None:
        """Remove the current question."""
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.setFocus()
        self._update_buttons()
        self.sig_edited.emit()

    @Slot()
    def on_up_clicked(self) -> None:
        """Move the current question up."""
        self.on_list_move_requested(-1)

    @Slot()
    def on_down_clicked(self) -> None:
        """Move the current question down."""
        self.on_list_move_requested(1)

    @Slot(int)
    def on_list_move_requested(self, step: int) -> None:
        """Move the current question by one place, keeping it selected."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._update_buttons()
        self.sig_edited.emit()

    @Slot(QListWidgetItem)
    def on_list_item_changed(self, _item: QListWidgetItem) -> None:
        """A question was edited."""
        self.sig_edited.emit()

    @Slot(int)
    def on_list_current_row_changed(self, _row: int) -> None:
        """Enable the buttons that make sense for the current question."""
        self._update_buttons()

    @Slot(QWidget, QAbstractItemDelegate.EndEditHint)
    def on_delegate_close_editor(self, _editor: QWidget, _hint: object) -> None:
        """Drop a new question left empty; keep focus on the list."""
        item = self.list.currentItem()
        if item is not None and not item.text().strip() and not item.data(ROLE_VALUE):
            self.on_remove_clicked()
        self.list.setFocus()
        self._update_buttons()


class ProgramPage(QScrollArea):
    """The program's settings; read-only unless the worker is an administrator."""

    sig_edited = Signal()
    """Something on the page changed."""

    def __init__(self, ctx: AppContext, *, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.editable = editable
        self._loaded = ProgramSettings()
        self.pending_coverage: CoverageArea | None = None
        self.setObjectName("program_page")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus goes to the fields, which scroll in
        body = QWidget()
        layout = QVBoxLayout(body)
        self.note = QLabel(
            self.tr(
                "Only an administrator can change the program's settings. They are shown here "
                "so you know what applies."
            )
        )
        self.note.setObjectName("program_read_only_note")
        self.note.setWordWrap(True)
        bold = QFont(self.note.font())
        bold.setBold(True)
        self.note.setFont(bold)
        if not editable:
            layout.addLayout(
                icon_row(self, QStyle.StandardPixmap.SP_MessageBoxInformation, self.note)
            )
        self.errors: dict[str, FieldError] = {}
        self.field_labels: dict[str, str] = {}
        self.fields: dict[str, QWidget] = {}
        self.name_edit = self._line()
        self.address_edit = self._line()
        self.phone_edit = self._line()
        details = self._group(
            self.tr("Program details (printed on documents)"),
            [
                ("program.name", self.tr("Program &name:"), self.name_edit),
                ("program.address", self.tr("A&ddress:"), self.address_edit),
                ("program.phone", self.tr("P&hone:"), self.phone_edit),
            ],
        )
        self.idle_spin = self._spin(
            program_settings.MIN_IDLE_MINUTES,
            program_settings.MAX_IDLE_MINUTES,
            self.tr(" min"),
        )
        self.intake_spin = self._spin(MIN_INTAKE_DAYS, MAX_INTAKE_DAYS, "")
        self.capacity_spin = self._spin(1, MAX_COUNT, "")
        self.per_worker_spin = self._spin(1, MAX_COUNT, "")
        rules = self._group(
            self.tr("Rules"),
            [
                ("idle_minutes", self.tr("&Lock after idle:"), self.idle_spin),
                ("intake_days", self.tr("&Intake due within (days):"), self.intake_spin),
                ("program_capacity", self.tr("Program &capacity:"), self.capacity_spin),
                ("per_worker_max", self.tr("Most per case &manager:"), self.per_worker_spin),
            ],
        )
        self.exclusions = ExclusionEditor()
        self.exclusions.set_editable(editable)
        self.exclusions.sig_edited.connect(self.sig_edited)
        self.errors["exclusion_items"] = self.exclusions.error
        self.field_labels["exclusion_items"] = self.tr("Exclusion screen")
        exclusion_box = QGroupBox(self.tr("Exclusion screen (asked at each referral)"))
        QVBoxLayout(exclusion_box).addWidget(self.exclusions)
        layout.addWidget(details)
        layout.addWidget(rules)
        layout.addWidget(exclusion_box)
        layout.addWidget(self._coverage_box())
        layout.addStretch()
        self.setWidget(body)

    # -- building ------------------------------------------------------------------------------

    def _error(self, key: str) -> FieldError:
        error = FieldError("error_" + key.replace(".", "_").replace(" ", "_"))
        self.errors[key] = error
        return error

    def _line(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(MAX_TEXT)
        edit.setReadOnly(not self.editable)
        edit.textEdited.connect(self.sig_edited)
        return edit

    def _spin(self, lo: int, hi: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setSuffix(suffix)
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        spin.setReadOnly(not self.editable)
        if not self.editable:
            spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        spin.valueChanged.connect(self.sig_edited)
        return spin

    def _group(self, title: str, rows: list[tuple[str, str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key, text, field in rows:
            field.setObjectName(key.replace("program.", "program_"))
            field.setAccessibleName(plain(text).rstrip(":"))
            label = QLabel(text)
            label.setBuddy(field)
            self.fields[key] = field
            self.field_labels[key] = plain(text).rstrip(":")
            form.addRow(label, with_error(field, self._error(key)))
        return box

    def _coverage_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Coverage area (referrals must start inside it)"))
        self.coverage_status = QLabel(self.tr("Reading the coverage area…"))
        self.coverage_status.setObjectName("coverage_status")
        self.coverage_status.setWordWrap(True)
        self.coverage_status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.coverage_status.setAccessibleName(self.tr("Coverage area"))
        self.coverage_button = QPushButton(self.tr("Import &GeoJSON file…"))
        self.coverage_button.setObjectName("coverage_import")
        self.coverage_button.setAccessibleName(
            self.tr("Import a coverage area from a GeoJSON file")
        )
        self.coverage_button.setVisible(self.editable)
        self.coverage_button.clicked.connect(self.on_coverage_button_clicked)
        self.field_labels[COVERAGE_FIELD] = self.tr("Coverage area")
        row = QHBoxLayout()
        row.addWidget(self.coverage_status, 1)
        row.addWidget(self.coverage_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self._error(COVERAGE_FIELD))
        return box

    # -- values --------------------------------------------------------------------------------

    def set_settings(self, loaded: ProgramSettings) -> None:
        """Show stored settings."""
        self._loaded = loaded
        widgets = (self.idle_spin, self.intake_spin, self.capacity_spin, self.per_worker_spin)
        for widget in widgets:
            widget.blockSignals(True)
        self.name_edit.setText(loaded.program.name)
        self.address_edit.setText(loaded.program.address)
        self.phone_edit.setText(loaded.program.phone)
        self.idle_spin.setValue(loaded.idle_minutes)
        self.intake_spin.setValue(loaded.intake_days)
        self.capacity_spin.setValue(loaded.program_capacity)
        self.per_worker_spin.setValue(loaded.per_worker_max)
        for widget in widgets:
            widget.blockSignals(False)
        self.exclusions.set_items(loaded.exclusion_items)

    def settings(self) -> ProgramSettings:
        """The settings as shown (not yet checked)."""
        program: Program = replace(
            self._loaded.program,
            name=self.name_edit.text().strip(),
            address=self.address_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
        )
        return replace(
            self._loaded,
            idle_minutes=self.idle_spin.value(),
            intake_days=self.intake_spin.value(),
            program_capacity=self.capacity_spin.value(),
            per_worker_max=self.per_worker_spin.value(),
            exclusion_items=self.exclusions.items(),
            program=program,
        )

    def changed(self) -> bool:
        """Whether anything differs from what is stored."""
        return self.pending_coverage is not None or self.settings() != self._loaded

    def mark_saved(self, saved: ProgramSettings) -> None:
        """Remember what was just stored (the imported area is now the one in use)."""
        self._loaded = saved
        if self.pending_coverage is not None:
            self.show_coverage(self.pending_coverage, state="stored")
            self.pending_coverage = None

    def show_coverage(self, area: CoverageArea, *, state: str) -> None:
        """Show the area: ``stored`` (in use), ``shipped`` (the default in use) or ``loaded``."""
        corners = sum(len(poly[0]) - 1 for poly in area.polygons)
        size = (  # a ring has at least 3 corners, and "parts" is only said of 2 or more
            self.tr("{0} corners").format(corners)
            if len(area.polygons) == 1
            else self.tr("{0} parts").format(len(area.polygons))
        )
        if state == "loaded":
            text = self.tr("Loaded “{0}” ({1}). Press Save to use it.")
        elif state == "shipped":
            text = self.tr("In use: “{0}” ({1}), the area that comes with LEAD Desktop.")
        else:
            text = self.tr("In use: “{0}” ({1}).")
        self.coverage_status.setText(text.format(area.name, size))

    # -- issues --------------------------------------------------------------------------------

    def clear_issues(self) -> None:
        """Hide every message."""
        for error in self.errors.values():
            error.clear()

    def show_issues(self, issues: list[Issue]) -> list[Issue]:
        """Show each issue beside its field; return those that belong to no field here."""
        self.clear_issues()
        left: list[Issue] = []
        grouped: dict[str, list[str]] = {}
        for issue in issues:
            if issue.field not in self.errors:
                left.append(issue)
                continue
            grouped.setdefault(issue.field, []).append(
                issue_text(self.field_labels[issue.field], issue)
            )
        for key, lines in grouped.items():
            self.errors[key].show_message("\n".join(lines))
        first = next((key for key in self.errors if key in grouped), None)
        if first is not None:
            target = self.fields.get(first, self.errors[first])
            self.ensureWidgetVisible(target)
            target.setFocus()
        return left

    # -- coverage import -----------------------------------------------------------------------

    @Slot()
    def on_coverage_button_clicked(self) -> None:
        """Ask for a GeoJSON file (the dialog stays open without blocking background work)."""
        dialog = QFileDialog(self, self.tr("Import coverage area"))
        dialog.setObjectName("coverage_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("GeoJSON files (*.geojson *.json)"), self.tr("All files (*)")]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.on_coverage_file_selected)
        dialog.open()

    @Slot(str)
    def on_coverage_file_selected(self, path: str) -> None:
        """Read and check the chosen file off the GUI thread; nothing is stored until Save."""
        self.errors[COVERAGE_FIELD].clear()
        self.coverage_status.setText(self.tr("Reading {0}…").format(Path(path).name))
        self._ctx.ops.read(
            lambda: CoverageArea.from_file(path),
            if_alive(self, self._on_coverage_read),
            if_alive(self, self._on_coverage_failed),
        )

    def _on_coverage_read(self, area: CoverageArea) -> None:
        self.pending_coverage = area
        self.show_coverage(area, state="loaded")
        self.sig_edited.emit()

    def _on_coverage_failed(self, error: BaseException) -> None:
        self.coverage_status.setText(
            self.tr("The file was not loaded; the coverage area in use is unchanged.")
        )
        self.errors[COVERAGE_FIELD].show_message(user_message(error))
