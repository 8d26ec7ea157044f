"""The workers page of the settings dialog: list, add, remove, reset through recovery."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, select

from lead_desktop.domain.passphrase import check_passphrase, strength_issue
from lead_desktop.domain.workers import ROLES
from lead_desktop.errors import LeadError, UnlockError, ValidationError
from lead_desktop.store.keys import KeyFile, load_recovery_private_key
from lead_desktop.store.schema import Worker
from lead_desktop.store.store import KEYS_NAME, Store
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error, user_message
from lead_desktop.ui.settings_pages import FieldError, if_alive, plain, with_error

logger = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex


def list_workers(conn: Connection) -> list[tuple[str, str, bool]]:
    """(name, role, active) of every worker known to the store, by name."""
    rows = conn.execute(
        select(Worker.name, Worker.role, Worker.active)
        .where(Worker.deleted.is_(False))
        .order_by(Worker.name.collate("NOCASE"))
    )
    return [(str(r.name), str(r.role), bool(r.active)) for r in rows]


class WorkersModel(QAbstractTableModel):
    """Workers as a table: name, role, active."""

    NAME, ROLE, ACTIVE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, bool]] = []

    def set_rows(self, rows: list[tuple[str, str, bool]]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Number of workers."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Three columns."""
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name, translated role, and yes/no."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        name, worker_role, active = self.rows[index.row()]
        if index.column() == self.NAME:
            return name
        if index.column() == self.ROLE:
            return labels.code(worker_role)
        return self.tr("Yes") if active else self.tr("No, removed")

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Role"), self.tr("Active"))[section]


class PassphraseRows(QObject):
    """A new passphrase typed twice, with the policy's live hint; rows added to a form."""

    def __init__(self, form: QFormLayout, prefix: str, who: QLineEdit | QComboBox) -> None:
        super().__init__(form)
        self._who = who
        self.edit, self.repeat = QLineEdit(), QLineEdit()
        self.hint = QLabel()
        self.hint.setObjectName(f"{prefix}_hint")
        self.hint.setWordWrap(True)
        self.error, self.repeat_error = (
            FieldError(f"error_{prefix}"),
            FieldError(f"error_{prefix}_repeat"),
        )
        for edit, name, text, error in (
            (self.edit, prefix, self.tr("New &passphrase:"), self.error),
            (self.repeat, f"{prefix}_repeat", self.tr("&Repeat it:"), self.repeat_error),
        ):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(plain(text).rstrip(":"))
            label = QLabel(text)
            label.setBuddy(edit)
            extra = (self.hint,) if edit is self.edit else ()
            form.addRow(label, with_error(edit, error, *extra))
        self.edit.textChanged.connect(self.on_edit_text_changed)
        self.on_edit_text_changed("")

    def _name(self) -> str:
        return self._who.text() if isinstance(self._who, QLineEdit) else self._who.currentText()

    @Slot(str)
    def on_edit_text_changed(self, _text: str) -> None:
        """Show how the passphrase fares against the policy as it is typed."""
        if not self.edit.text():
            self.hint.setText(self.tr("At least 15 characters: a short sentence works well."))
            return
        self.hint.setText(
            self.tr("Strength: {0}").format(
                labels.issue_text(strength_issue(self.edit.text(), self._name()))[0]
            )
        )

    def check(self) -> bool:
        """Show what is wrong beside the fields; True when the passphrase may be used."""
        self.error.clear()
        self.repeat_error.clear()
        try:
            check_passphrase(self.edit.text(), self._name())
        except ValidationError as error:
            self.show_issues(error)
            return False
        if self.edit.text() != self.repeat.text():
            self.repeat_error.show_message(
                self.tr("Repeat: the two passphrases differ; type the same one twice.")
            )
            return False
        return True

    def show_issues(self, error: ValidationError) -> None:
        """Show the policy's messages beside the passphrase."""
        self.error.show_message(
            "\n".join(
                self.tr("Passphrase {0}; {1}.").format(*labels.issue_text(i)) for i in error.issues
            )
        )
        self.edit.setFocus()

    def wipe(self) -> None:
        """Forget the typed passphrases."""
        self.edit.clear()
        self.repeat.clear()


class _Busy(QDialog):
    """A small dialog that runs one store action and refuses to close while it runs."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.busy = False
        self.form = QFormLayout()
        self.general = FieldError("error_general")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        ctx.sig_store_closed.connect(self.on_ctx_store_closed)

    def finish_layout(self, intro: str, ok_text: str, ok_name: str) -> QPushButton:
        """Lay out the intro, the form, the messages and the buttons."""
        text = QLabel(intro)
        text.setWordWrap(True)
        ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName(ok_name)
        ok.setAccessibleName(plain(ok_text))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        return ok

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Lock the dialog while its action runs."""
        self.busy = busy
        self.status.setText(text)
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        """Close (forgetting any typed passphrase), unless the action is still running."""
        if self.busy:
            return
        for edit in self.findChildren(QLineEdit):
            if edit.echoMode() == QLineEdit.EchoMode.Password:
                edit.clear()
        super().reject()

    @Slot()
    def on_buttons_accepted(self) -> None:
        """Run the action (subclasses)."""

    @Slot()
    def on_ctx_store_closed(self) -> None:
        """The store was locked: forget what was typed and close."""
        self.busy = False
        self.reject()


class AddWorkerDialog(_Busy):
    """Add a worker who can unlock this store with their own passphrase."""

    sig_worker_added = Signal(str)
    """A worker was added; carries their name."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("add_worker_dialog")
        self.setWindowTitle(self.tr("Add a worker"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("worker_name")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("worker_role")
        labels.fill_codes(self.role_combo, ROLES)
        self.name_error, self.role_error = FieldError("error_worker"), FieldError("error_role")
        for text, field, error in (
            (self.tr("Login &name:"), self.name_edit, self.name_error),
            (self.tr("R&ole:"), self.role_combo, self.role_error),
        ):
            field.setAccessibleName(plain(text).rstrip(":"))
            label = QLabel(text)
            label.setBuddy(field)
            self.form.addRow(label, with_error(field, error))
        self.passphrase = PassphraseRows(self.form, "worker_passphrase", self.name_edit)
        self.name_edit.textChanged.connect(self.passphrase.on_edit_text_changed)
        self.finish_layout(
            self.tr(
                "The worker unlocks this computer's store with their own passphrase. Tell it to "
                "them in person; it is never shown again."
            ),
            self.tr("&Add worker"),
            "add_worker_ok",
        )

    @Slot()
    def on_buttons_accepted(self) -> None:
        """Check the entries, then add the worker on the write thread."""
        self.name_error.clear()
        self.role_error.clear()
        self.general.clear()
        name = self.name_edit.text().strip()
        if not name:
            self.name_error.show_message(self.tr("Login name: is empty; give a login name."))
            self.name_edit.setFocus()
            return
        if not self.passphrase.check():
            return
        role, phrase = str(self.role_combo.currentData()), self.passphrase.edit.text()
        self.set_busy(True, self.tr("Adding {0}…").format(name))
        self._ctx.write_store(
            lambda store: store.add_worker(name, phrase, role=role),
            Change("worker"),
            if_alive(self, lambda _id: self._on_added(name)),
            if_alive(self, self._on_failed),
        )

    def _on_added(self, name: str) -> None:
        self.set_busy(False)
        self.passphrase.wipe()
        self.sig_worker_added.emit(name)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.set_busy(False)
        if not isinstance(error, ValidationError):
            self.general.show_message(user_message(error))
            return
        lines: dict[FieldError, list[str]] = {}
        for issue in error.issues:
            target, label = {
                "worker": (self.name_error, self.tr("Login name")),
                "role": (self.role_error, self.tr("Role")),
                "passphrase": (self.passphrase.error, self.tr("Passphrase")),
            }.get(issue.field, (self.general, issue.field))
            lines.setdefault(target, []).append(
                "{}: {}; {}.".format(label, *labels.issue_text(issue))
            )
        for target, text in lines.items():
            target.show_message("\n".join(text))


class _KeyProblem(LeadError):
    """The recovery key file could not be used."""


class _WorkerProblem(LeadError):
    """The worker to reset has no keyslot."""


def _reset_through_recovery(
    root: Path, key_file: str, key_pass: str, worker: str, phrase: str
) -> None:
    """Open the recovery slot with the private key and give ``worker`` a new passphrase."""
    try:
        pem = Path(key_file).read_bytes()
    except OSError as exc:
        raise _KeyProblem(f"the file cannot be read ({exc.strerror})") from None
    try:
        key = load_recovery_private_key(pem, key_pass or None)
        KeyFile.load(root / KEYS_NAME).recover_kek(key)
    except UnlockError as exc:
        raise _KeyProblem(str(exc)) from None
    try:
        KeyFile.load(root / KEYS_NAME).find_worker(worker)
    except UnlockError as exc:
        raise _WorkerProblem(str(exc)) from None
    with Store.recover(root, key, worker, phrase):
        pass


class RecoveryResetDialog(_Busy):
    """Give a worker who forgot their passphrase a new one, with the program's recovery key."""

    sig_reset = Signal(str)
    """A worker's passphrase was reset; carries their name."""

    def __init__(
        self, ctx: AppContext, workers: list[str], selected: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("Reset a passphrase through recovery"))
        self.worker_combo = QComboBox()
        self.worker_combo.setObjectName("recovery_worker")
        self.worker_combo.addItems(workers)
        self.worker_combo.setCurrentText(selected)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("recovery_key_file")
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("recovery_browse")
        browse.setAccessibleName(self.tr("Choose the recovery private key file"))
        browse.clicked.connect(self.on_browse_clicked)
        key_row = QWidget()
        row = QHBoxLayout(key_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.key_edit, 1)
        row.addWidget(browse)
        self.key_pass = QLineEdit()
        self.key_pass.setObjectName("recovery_key_passphrase")
        self.key_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.worker_error, self.key_error = FieldError("error_worker"), FieldError("error_key")
        for text, field, shown, error in (
            (self.tr("&Worker:"), self.worker_combo, self.worker_combo, self.worker_error),
            (self.tr("Recovery &key file:"), self.key_edit, key_row, self.key_error),
            (self.tr("Key file pass&phrase:"), self.key_pass, self.key_pass, None),
        ):
            field.setAccessibleName(plain(text).rstrip(":"))
            label = QLabel(text)
            label.setBuddy(field)
            self.form.addRow(label, with_error(shown, error) if error else shown)
        self.passphrase = PassphraseRows(self.form, "recovery_passphrase", self.worker_combo)
        self.worker_combo.currentTextChanged.connect(self.passphrase.on_edit_text_changed)
        self.finish_layout(
            self.tr(
                "Use this when a worker has forgotten their passphrase. You need the program's "
                "recovery private key file (kept offline by the program administrator) and its "
                "passphrase. The worker's old passphrase stops working; the reset is audited."
            ),
            self.tr("&Set new passphrase"),
            "recovery_ok",
        )

    @Slot()
    def on_browse_clicked(self) -> None:
        """Choose the key file."""
        dialog = QFileDialog(self, self.tr("Recovery private key file"))
        dialog.setObjectName("recovery_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Key files (*.pem)"), self.tr("All files (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.key_edit.setText)
        dialog.open()

    @Slot()
    def on_buttons_accepted(self) -> None:
        """Check the entries, then reset the passphrase on the write thread."""
        for error in (self.worker_error, self.key_error, self.general):
            error.clear()
        worker, key_file = self.worker_combo.currentText(), self.key_edit.text().strip()
        if not key_file:
            self.key_error.show_message(
                self.tr("Recovery key file: none chosen; choose the recovery private key file.")
            )
            self.key_edit.setFocus()
            return
        if not self.passphrase.check():
            return
        key_pass, phrase, root = self.key_pass.text(), self.passphrase.edit.text(), self._ctx.root
        self.set_busy(True, self.tr("Resetting the passphrase of {0}…").format(worker))
        self._ctx.write_store(
            lambda _store: _reset_through_recovery(root, key_file, key_pass, worker, phrase),
            Change("worker"),
            if_alive(self, lambda _none: self._on_done(worker)),
            if_alive(self, self._on_failed),
        )

    def _on_done(self, worker: str) -> None:
        self.set_busy(False)
        self.passphrase.wipe()
        self.key_pass.clear()
        self.sig_reset.emit(worker)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.set_busy(False)
        if isinstance(error, _KeyProblem):
            self.key_error.show_message(self.tr("Recovery key file: {0}.").format(error))
        elif isinstance(error, _WorkerProblem):
            self.worker_error.show_message(self.tr("Worker: {0}.").format(error))
        elif isinstance(error, ValidationError):
            self.passphrase.show_issues(error)
        else:
            self.general.show_message(user_message(error))


class WorkersPage(QWidget):
    """Who can unlock this store: list, add, remove, reset through recovery."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("workers_page")
        self.model = WorkersModel(self)
        self.table = QTableView()
        self.table.setObjectName("workers_table")
        self.table.setAccessibleName(self.tr("Workers"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (
            ("add", self.tr("&Add worker…"), self.on_add_clicked),
            ("remove", self.tr("&Remove worker…"), self.on_remove_clicked),
            ("recover", self.tr("Reset passphrase through re&covery…"), self.on_recover_clicked),
        ):
            button = QPushButton(text)
            button.setObjectName(f"workers_{name}")
            button.setAccessibleName(plain(text).rstrip("…"))
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch()
        self.recovery_note = QLabel(
            self.tr(
                "This store has no recovery key, so a forgotten passphrase cannot be reset. Set "
                "one from the command line: lead-desktop set-recovery-key FILE"
            )
        )
        self.recovery_note.setObjectName("recovery_note")
        self.recovery_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("workers_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.recovery_note)
        layout.addWidget(self.status)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.reload()

    def reload(self) -> None:
        """Read the workers again."""
        if self._ctx.store is not None:
            self._ctx.read(
                list_workers, if_alive(self, self._on_loaded), if_alive(self, self._on_load_failed)
            )

    def _on_loaded(self, rows: list[tuple[str, str, bool]]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        names = [r[0] for r in rows]
        self.table.selectRow(names.index(selected) if selected in names else 0)
        self.on_selection_changed()

    def _on_load_failed(self, error: BaseException) -> None:
        self.status.setText(user_message(error))

    def selected(self) -> str:
        """The selected worker's name ("" when none)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()][0] if rows else ""

    def _active(self, name: str) -> bool:
        return any(r[0] == name and r[2] for r in self.model.rows)

    @Slot()
    def on_selection_changed(self) -> None:
        """Enable what makes sense for the selected worker."""
        name = self.selected()
        store = self._ctx.store
        has_recovery = bool(store is not None and store.keyfile.recovery)
        self.buttons["remove"].setEnabled(self._active(name) and name != self._ctx.worker_name)
        self.buttons["recover"].setEnabled(has_recovery and self._active(name))
        self.recovery_note.setVisible(not has_recovery)

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Refresh when workers change."""
        if change.entity == "worker":
            self.reload()

    @Slot()
    def on_add_clicked(self) -> None:
        """Open the add-worker dialog."""
        dialog = AddWorkerDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_worker_added.connect(self.on_dialog_worker_added)
        dialog.open()

    @Slot(str)
    def on_dialog_worker_added(self, name: str) -> None:
        """Say who was added."""
        self.status.setText(self.tr("{0} was added and can now unlock this store.").format(name))

    @Slot()
    def on_remove_clicked(self) -> None:
        """Ask, then remove the selected worker."""
        name = self.selected()
        if not name:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove worker"),
            self.tr(
                "Remove {0}? They will no longer be able to unlock this store. Their records "
                "stay, and they can be added again later."
            ).format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirm_remove_worker")
        box.setAccessibleName(self.tr("Confirm removing a worker"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self._remove(name))
        box.open()

    def _remove(self, name: str) -> None:
        self.status.setText(self.tr("Removing {0}…").format(name))
        self._ctx.write_store(
            lambda store: store.remove_worker(name),
            Change("worker"),
            if_alive(
                self, lambda _none: self.status.setText(self.tr("{0} was removed.").format(name))
            ),
            if_alive(self, self._on_remove_failed),
        )

    def _on_remove_failed(self, error: BaseException) -> None:
        self.status.setText("")
        show_error(self, error, self.tr("Remove worker"))

    @Slot()
    def on_recover_clicked(self) -> None:
        """Open the reset-through-recovery dialog for the selected worker."""
        active = [r[0] for r in self.model.rows if r[2]]
        dialog = RecoveryResetDialog(self._ctx, active, self.selected(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_reset.connect(self.on_dialog_reset)
        dialog.open()

    @Slot(str)
    def on_dialog_reset(self, name: str) -> None:
        """Say whose passphrase was reset."""
        self.status.setText(
            self.tr(
                "{0} can now unlock with the new passphrase; the old one no longer works."
            ).format(name)
        )
