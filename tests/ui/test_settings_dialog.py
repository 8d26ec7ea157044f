"""The settings dialog: program settings, workers and this computer's preferences, used as a
person would (keyboard and mouse on real widgets over a real encrypted store)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lead_desktop import settings
from lead_desktop.services import COVERAGE_KEY, coverage_area
from lead_desktop.store.keys import generate_recovery_pair
from lead_desktop.store.store import Store, worker_names
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.prefs import Prefs, load_prefs
from lead_desktop.ui.settings_dialog import SettingsDialog
from lead_desktop.ui.settings_pages import FieldError
from tests.helpers import FAST_KDF

T = TypeVar("T", bound=QObject)
STRONG = "copper meadow violin harbor sunrise"
OTHER = "quiet pebble orchard lantern eleven"
SQUARE = {
    "type": "Feature",
    "properties": {"name": "Harbor district"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[-76.62, 39.28], [-76.61, 39.28], [-76.61, 39.29], [-76.62, 39.29]]],
    },
}


def find(parent: QObject, kind: type[T], name: str) -> T:
    """A child control by its object name (as the main window and tests find them)."""
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def open_dialog(qtbot: QtBot, ctx: AppContext) -> SettingsDialog:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(find(dialog, QWidget, "program_page").isEnabled, timeout=5000)
    return dialog


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what is there and type over it, as a person would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save_and_wait(qtbot: QtBot, dialog: SettingsDialog) -> None:
    click(qtbot, find(dialog, QPushButton, "save_button"))
    status = find(dialog, QLabel, "settings_status")
    qtbot.waitUntil(lambda: status.text() == "Saved." or "Nothing" in status.text(), timeout=5000)


def choose_file(qtbot: QtBot, parent: QWidget, dialog_name: str, path: Path) -> None:
    """Pick a file in the open file dialog (Qt's own widget) and press its Open button."""
    qtbot.waitUntil(lambda: parent.findChild(QFileDialog, dialog_name) is not None, timeout=3000)
    chooser = find(parent, QFileDialog, dialog_name)
    chooser.selectFile(str(path))
    buttons = find(chooser, QDialogButtonBox, "buttonBox")
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Open))
    qtbot.waitUntil(lambda: not chooser.isVisible(), timeout=3000)


def shown(error: FieldError) -> str:
    return error.text() if error.isVisible() else ""


def test_program_settings_are_saved_from_the_widgets(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_into(qtbot, find(dialog, QLineEdit, "program_name"), "Harbor LEAD")
    type_into(qtbot, find(dialog, QLineEdit, "program_phone"), "410-555-0100")
    type_into(qtbot, find(dialog, QSpinBox, "idle_minutes"), "12")
    type_into(qtbot, find(dialog, QSpinBox, "intake_days"), "21")
    save_and_wait(qtbot, dialog)
    assert find(dialog, QLabel, "settings_status").text() == "Saved."
    assert ctx.store is not None
    saved = settings.load(ctx.store)
    assert (saved.program.name, saved.program.phone) == ("Harbor LEAD", "410-555-0100")
    assert (saved.idle_minutes, saved.intake_days) == (12, 21)


def test_bad_values_are_shown_beside_their_fields_and_nothing_is_stored(
    qtbot: QtBot, ctx: AppContext
) -> None:
    dialog = open_dialog(qtbot, ctx)
    idle = find(dialog, QSpinBox, "idle_minutes")
    type_into(qtbot, idle, "45")
    assert idle.value() <= settings.MAX_IDLE_MINUTES  # the box itself refuses 45
    type_into(qtbot, find(dialog, QSpinBox, "per_worker_max"), "80")
    type_into(qtbot, find(dialog, QLineEdit, "program_name"), "")
    save_and_wait(qtbot, dialog)
    per_worker = shown(find(dialog, FieldError, "error_per_worker_max"))
    assert "Most per case manager" in per_worker
    assert "larger than the program's capacity" in per_worker
    assert "Program name: is empty" in shown(find(dialog, FieldError, "error_program_name"))
    assert shown(find(dialog, FieldError, "error_idle_minutes")) == ""
    assert "Nothing was saved" in find(dialog, QLabel, "settings_status").text()
    assert ctx.store is not None
    assert ctx.store.settings_get(settings.KEY) is None

    type_into(qtbot, find(dialog, QSpinBox, "per_worker_max"), "20")
    type_into(qtbot, find(dialog, QLineEdit, "program_name"), "Harbor LEAD")
    save_and_wait(qtbot, dialog)
    assert shown(find(dialog, FieldError, "error_per_worker_max")) == ""
    assert settings.load(ctx.store).per_worker_max == 20


def test_exclusion_questions_are_edited_with_the_keyboard(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    questions = find(dialog, QListWidget, "exclusion_list")
    defaults = settings.ProgramSettings().exclusion_items
    assert questions.count() == len(defaults)
    questions.setFocus()
    qtbot.keyClick(questions, Qt.Key.Key_End)
    qtbot.keyClick(questions, Qt.Key.Key_Insert)  # add a question, editor opens
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Has an open warrant in another county")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(questions, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # move up
    qtbot.keyClick(questions, Qt.Key.Key_Home)
    qtbot.keyClick(questions, Qt.Key.Key_Delete)  # remove the first question
    qtbot.keyClick(questions, Qt.Key.Key_F2)  # rename the new first one
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Sells for profit, not to support own use")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(questions, Qt.Key.Key_Insert)  # a new question left empty is dropped
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert questions.count() == len(defaults)
    save_and_wait(qtbot, dialog)
    assert ctx.store is not None
    saved = settings.load(ctx.store).exclusion_items
    assert saved == (
        "Sells for profit, not to support own use",
        *defaults[2:-1],
        "Has an open warrant in another county",
        defaults[-1],
    )


def test_a_coverage_area_is_imported_and_a_bad_file_changes_nothing(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    good, bad = tmp_path / "harbor.geojson", tmp_path / "point.geojson"
    good.write_text(json.dumps(SQUARE), "utf-8")
    bad.write_text('{"type": "Point", "coordinates": [-76.6, 39.3]}', "utf-8")
    dialog = open_dialog(qtbot, ctx)
    status = find(dialog, QLabel, "coverage_status")
    error = find(dialog, FieldError, "error_coverage_area")
    assert ctx.store is not None

    click(qtbot, find(dialog, QPushButton, "coverage_import"))
    choose_file(qtbot, dialog, "coverage_file_dialog", bad)
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "no Polygon or MultiPolygon" in error.text()
    assert "unchanged" in status.text()
    save_and_wait(qtbot, dialog)
    assert ctx.store.settings_get(COVERAGE_KEY) is None

    click(qtbot, find(dialog, QPushButton, "coverage_import"))
    choose_file(qtbot, dialog, "coverage_file_dialog", good)
    qtbot.waitUntil(lambda: "Harbor district" in status.text(), timeout=5000)
    assert not error.isVisible()
    assert ctx.store.settings_get(COVERAGE_KEY) is None  # not before Save
    save_and_wait(qtbot, dialog)
    assert coverage_area(ctx.store).name == "Harbor district"
    assert status.text().startswith("In use")


def open_workers(qtbot: QtBot, ctx: AppContext) -> tuple[SettingsDialog, QTableView]:
    dialog = open_dialog(qtbot, ctx)
    tabs = find(dialog, QTabWidget, "settings_tabs")
    tabs.setCurrentWidget(find(dialog, QWidget, "workers_page"))
    table = find(dialog, QTableView, "workers_table")
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=5000)
    return dialog, table


def listed(table: QTableView) -> dict[str, str]:
    model = table.model()
    return {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}


def select_worker(qtbot: QtBot, table: QTableView, name: str) -> None:
    row = next(
        r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == name
    )
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_workers_are_added_with_a_strong_passphrase_and_removed(
    qtbot: QtBot, ctx: AppContext
) -> None:
    dialog, table = open_workers(qtbot, ctx)
    assert listed(table) == {"tester": "Yes"}
    click(qtbot, find(dialog, QPushButton, "workers_add"))
    adding = find(dialog, QDialog, "add_worker_dialog")
    qtbot.waitExposed(adding)
    type_into(qtbot, find(adding, QLineEdit, "worker_name"), "dana")
    role = find(adding, QComboBox, "worker_role")
    assert role.currentText() == "Case manager"
    type_into(qtbot, find(adding, QLineEdit, "worker_passphrase"), "password123")
    assert "too short" in find(adding, QLabel, "worker_passphrase_hint").text()
    type_into(qtbot, find(adding, QLineEdit, "worker_passphrase_repeat"), "password123")
    click(qtbot, find(adding, QPushButton, "add_worker_ok"))
    refused = shown(find(adding, FieldError, "error_worker_passphrase"))
    assert "Passphrase is too short (11 of at least 15 characters)" in refused
    assert adding.isVisible()
    assert "dana" not in worker_names(ctx.root)

    type_into(qtbot, find(adding, QLineEdit, "worker_passphrase"), STRONG)
    assert "good" in find(adding, QLabel, "worker_passphrase_hint").text()
    type_into(qtbot, find(adding, QLineEdit, "worker_passphrase_repeat"), STRONG + "!")
    click(qtbot, find(adding, QPushButton, "add_worker_ok"))
    assert "differ" in shown(find(adding, FieldError, "error_worker_passphrase_repeat"))
    type_into(qtbot, find(adding, QLineEdit, "worker_passphrase_repeat"), STRONG)
    click(qtbot, find(adding, QPushButton, "add_worker_ok"))
    qtbot.waitUntil(lambda: listed(table).get("dana") == "Yes", timeout=15000)
    assert "dana" in worker_names(ctx.root)
    assert "dana was added" in find(dialog, QLabel, "workers_status").text()

    select_worker(qtbot, table, "tester")
    assert not find(dialog, QPushButton, "workers_remove").isEnabled()  # not oneself
    select_worker(qtbot, table, "dana")
    click(qtbot, find(dialog, QPushButton, "workers_remove"))
    confirm = find(dialog, QMessageBox, "confirm_remove_worker")
    assert "dana" in confirm.text()
    click(qtbot, confirm.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: listed(table).get("dana") == "No, removed", timeout=5000)
    assert "dana" not in worker_names(ctx.root)


def test_a_forgotten_passphrase_is_reset_with_the_recovery_key(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    private_pem, public_pem = generate_recovery_pair("recovery key passphrase here")
    key_file = tmp_path / "recovery-private.pem"
    key_file.write_bytes(private_pem)
    assert ctx.store is not None
    ctx.store.set_recovery_key(public_pem)
    ctx.store.add_worker("casey", OTHER, role="case_manager", kdf=FAST_KDF)
    dialog, table = open_workers(qtbot, ctx)
    assert not find(dialog, QLabel, "recovery_note").isVisible()
    select_worker(qtbot, table, "casey")
    click(qtbot, find(dialog, QPushButton, "workers_recover"))
    resetting = find(dialog, QDialog, "recovery_dialog")
    assert find(resetting, QComboBox, "recovery_worker").currentText() == "casey"
    click(qtbot, find(resetting, QPushButton, "recovery_browse"))
    choose_file(qtbot, resetting, "recovery_file_dialog", key_file)
    assert find(resetting, QLineEdit, "recovery_key_file").text() == str(key_file)
    type_into(qtbot, find(resetting, QLineEdit, "recovery_key_passphrase"), "not the one")
    type_into(qtbot, find(resetting, QLineEdit, "recovery_passphrase"), STRONG)
    type_into(qtbot, find(resetting, QLineEdit, "recovery_passphrase_repeat"), STRONG)
    click(qtbot, find(resetting, QPushButton, "recovery_ok"))
    key_error = find(resetting, FieldError, "error_key")
    qtbot.waitUntil(key_error.isVisible, timeout=5000)
    assert "wrong passphrase or not a key file" in key_error.text()

    type_into(
        qtbot, find(resetting, QLineEdit, "recovery_key_passphrase"), "recovery key passphrase here"
    )
    click(qtbot, find(resetting, QPushButton, "recovery_ok"))
    status = find(dialog, QLabel, "workers_status")
    qtbot.waitUntil(lambda: "casey can now unlock" in status.text(), timeout=15000)
    Store.unlock(ctx.root, "casey", STRONG).close()


@pytest.fixture
def case_manager_ctx(qtbot: QtBot, ctx: AppContext) -> Iterator[AppContext]:
    """A second session on the same store, unlocked by a case manager."""
    assert ctx.store is not None
    ctx.store.add_worker("casey", OTHER, role="case_manager", kdf=FAST_KDF)
    other = AppContext(ctx.data_dir)
    other.open(Store.unlock(ctx.root, "casey", OTHER))
    yield other
    other.close()
    other.ops.shutdown()


def test_a_case_manager_sees_the_program_read_only_and_no_workers(
    qtbot: QtBot, case_manager_ctx: AppContext
) -> None:
    dialog = open_dialog(qtbot, case_manager_ctx)
    tabs = find(dialog, QTabWidget, "settings_tabs")
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == [
        "Program",
        "This computer",
    ]
    assert dialog.findChild(QWidget, "workers_page") is None
    note = find(dialog, QLabel, "program_read_only_note")
    assert note.isVisible()
    assert "Only an administrator" in note.text()
    name = find(dialog, QLineEdit, "program_name")
    assert name.isReadOnly()
    qtbot.keyClicks(name, "X")
    assert name.text() == "LEAD Program"
    assert not find(dialog, QPushButton, "coverage_import").isVisible()
    assert not find(dialog, QPushButton, "exclusion_add").isVisible()
    save_and_wait(qtbot, dialog)
    assert case_manager_ctx.store is not None
    assert case_manager_ctx.store.settings_get(settings.KEY) is None


def test_this_computer_language_is_saved_outside_the_store(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    find(dialog, QTabWidget, "settings_tabs").setCurrentWidget(
        find(dialog, QWidget, "computer_page")
    )
    language = find(dialog, QComboBox, "language_combo")
    assert language.currentText() == "English"
    language.setFocus()
    qtbot.keyClick(language, Qt.Key.Key_Down)
    assert language.currentText() == "Español"
    with qtbot.waitSignal(dialog.sig_language_changed, timeout=5000) as changed:
        click(qtbot, find(dialog, QPushButton, "save_button"))
    assert changed.args == ["es"]
    assert load_prefs(ctx.data_dir) == Prefs(language="es", theme="system")

    with qtbot.assertNotEmitted(dialog.sig_language_changed):
        save_and_wait(qtbot, dialog)  # saving again changes nothing
    again = open_dialog(qtbot, ctx)
    assert find(again, QComboBox, "language_combo").currentText() == "Español"
