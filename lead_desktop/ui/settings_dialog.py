"""The settings dialog: program settings and workers (administrators), this computer's preferences.

The main window opens ``SettingsDialog(ctx, parent)`` and connects ``sig_language_changed`` (reload
translations) and ``sig_theme_changed`` (apply the palette).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lead_desktop import settings as program_settings
from lead_desktop.errors import Issue, ValidationError
from lead_desktop.services import COVERAGE_KEY, coverage_area, set_coverage
from lead_desktop.store.store import Store
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, user_message
from lead_desktop.ui.prefs import Prefs, load_prefs, save_prefs
from lead_desktop.ui.settings_pages import FieldError, ProgramPage, if_alive
from lead_desktop.ui.settings_workers import WorkersPage

logger = logging.getLogger(__name__)

#: Languages offered, each named in its own language (so anyone can find theirs).
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def can_administer(ctx: AppContext) -> bool:
    """Whether the worker may change program settings and manage workers."""
    return ctx.is_admin or ctx.worker_role == "administrator"


class ComputerPage(QWidget):
    """This computer's preferences: language and theme (read before unlock)."""

    sig_edited = Signal()
    """A preference changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("computer_page")
        note = QLabel(
            self.tr(
                "These settings belong to this computer, not to the program. The language is "
                "used from the unlock screen on."
            )
        )
        note.setWordWrap(True)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("theme_combo")
        self.theme_combo.setAccessibleName(self.tr("Light or dark theme"))
        self.theme_combo.addItem(self.tr("Follow the system's light or dark setting"), "system")
        self.theme_combo.addItem(self.tr("Always light"), "light")
        self.theme_combo.addItem(self.tr("Always dark"), "dark")
        self.error = FieldError("error_prefs")
        form = QFormLayout()
        for text, field in (
            (self.tr("Interface &language:"), self.language_combo),
            (self.tr("T&heme:"), self.theme_combo),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch()
        self.language_combo.currentIndexChanged.connect(self.sig_edited)
        self.theme_combo.currentIndexChanged.connect(self.sig_edited)

    def set_prefs(self, prefs: Prefs) -> None:
        """Show the saved preferences."""
        labels.select_data(self.language_combo, prefs.language)
        labels.select_data(self.theme_combo, prefs.theme)

    def prefs(self) -> Prefs:
        """The preferences as chosen."""
        return Prefs(
            language=str(self.language_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
        )


class SettingsDialog(QDialog):
    """Settings: the program (administrators change it), workers (administrators), this computer."""

    sig_language_changed = Signal(str)
    """The interface language was changed and saved; carries its code ("en", "es")."""
    sig_theme_changed = Signal(str)
    """The theme preference was changed and saved: "system", "light" or "dark"."""
    sig_saved = Signal()
    """Everything on the dialog was saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.admin = can_administer(ctx)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.program_page = ProgramPage(ctx, editable=self.admin)
        self.program_page.setEnabled(False)  # until the stored settings are read
        self.tabs.addTab(self.program_page, self.tr("&Program"))
        self.workers_page: WorkersPage | None = None
        if self.admin:
            self.workers_page = WorkersPage(ctx)
            self.tabs.addTab(self.workers_page, self.tr("&Workers"))
        self.computer_page = ComputerPage()
        self.tabs.addTab(self.computer_page, self.tr("&This computer"))
        self._prefs = load_prefs(ctx.data_dir)
        self.computer_page.set_prefs(self._prefs)
        self.status = QLabel()
        self.status.setObjectName("settings_status")
        self.status.setWordWrap(True)
        self.general = FieldError("error_settings")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setAccessibleName(self.tr("Save settings"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("close_button")
        close.setAccessibleName(self.tr("Close settings"))
        self.buttons.accepted.connect(self.on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.program_page.sig_edited.connect(self.on_page_edited)
        self.computer_page.sig_edited.connect(self.on_page_edited)
        ctx.sig_store_closed.connect(self.on_ctx_store_closed)
        metrics = self.fontMetrics()  # a size in characters and lines scales with the font
        self.resize(
            max(self.sizeHint().width(), metrics.averageCharWidth() * 110),
            max(self.sizeHint().height(), metrics.height() * 46),
        )
        self._load()

    def _load(self) -> None:
        if self._ctx.store is None:
            return

        def job(store: Store) -> tuple[program_settings.ProgramSettings, Any, bool]:
            stored = store.settings_get(COVERAGE_KEY) is not None
            return program_settings.load(store), coverage_area(store), stored

        self._ctx.call(job, if_alive(self, self._on_loaded), if_alive(self, self._on_load_failed))

    def _on_loaded(self, result: tuple[program_settings.ProgramSettings, Any, bool]) -> None:
        loaded, area, stored = result
        self.program_page.set_settings(loaded)
        self.program_page.show_coverage(area, state="stored" if stored else "shipped")
        self.program_page.setEnabled(True)
        self.status.setText("")

    def _on_load_failed(self, error: BaseException) -> None:
        self.general.show_message(user_message(error))

    @Slot()
    def on_page_edited(self) -> None:
        """Note that there are unsaved changes."""
        self.status.setText(self.tr("Unsaved changes."))

    @Slot()
    def on_save_clicked(self) -> None:
        """Check the program's settings, then save this computer's preferences and them."""
        self.general.clear()
        page = self.program_page
        writing = self.admin and page.isEnabled() and page.changed()
        wanted, area = page.settings(), page.pending_coverage
        if writing:
            page.clear_issues()
            issues = program_settings.validate(wanted)
            if issues:
                self._show_issues(issues, self.tr("Nothing was saved: fix the problems shown."))
                return
        if not self._save_prefs():
            return
        if not writing:
            self._saved()
            return

        def job(store: Store) -> None:
            program_settings.save(store, wanted)  # checks everything again; writes nothing if wrong
            if area is not None:
                set_coverage(store, area.to_geojson())

        keys = (program_settings.KEY,) + ((COVERAGE_KEY,) if area is not None else ())
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self._ctx.write_store(
            job,
            Change("settings", keys),
            if_alive(self, lambda _none: self._on_written(wanted)),
            if_alive(self, self._on_failed),
        )

    def _save_prefs(self) -> bool:
        wanted = self.computer_page.prefs()
        if wanted == self._prefs:
            return True
        try:
            saved = save_prefs(self._ctx.data_dir, wanted)
        except OSError as exc:
            self.computer_page.error.show_message(
                self.tr("This computer's settings could not be saved ({0}).").format(exc.strerror)
            )
            return False
        self.computer_page.error.clear()
        before, self._prefs = self._prefs, saved
        if saved.language != before.language:
            self.sig_language_changed.emit(saved.language)
        if saved.theme != before.theme:
            self.sig_theme_changed.emit(saved.theme)
        return True

    def _on_written(self, saved: program_settings.ProgramSettings) -> None:
        self.program_page.mark_saved(saved)
        self._saved()

    def _saved(self) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved."))
        self.sig_saved.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        not_saved = self.tr("The program's settings were not saved.")
        if isinstance(error, ValidationError):
            self._show_issues(error.issues, not_saved)
        else:
            self.status.setText(not_saved)
            self.general.show_message(user_message(error))

    def _show_issues(self, issues: list[Issue], status: str) -> None:
        self.tabs.setCurrentWidget(self.program_page)
        left = self.program_page.show_issues(issues)
        if left:
            self.general.show_message(user_message(ValidationError(left)))
        self.status.setText(status)

    @Slot()
    def on_ctx_store_closed(self) -> None:
        """The store was locked: close (program data may not stay on screen)."""
        self.reject()
