"""The conflict-review screen: a person picks which of two values a record keeps.

Two laptops changed the same field; the server kept one value and set the other aside (see
lead_desktop/store/conflicts.py). The screen lists the open conflicts, shows the selected one's
two values side by side with who set each and when, and resolves it with "Keep this value" or
"Use the other value"; the choice is saved as an ordinary change and syncs.

The main window adds ``ConflictsAction(window, ctx_of, follow=act_lock)`` to its menu and
toolbar: it reads "Review conflicts (N)", is enabled while ``follow`` is, and opens
``ConflictsDialog(ctx, parent)``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, select

from lead_desktop.domain import hmis
from lead_desktop.store import conflicts as core
from lead_desktop.store.schema import Worker
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.record.fields import local_datetime_text, when_alive
from lead_desktop.ui.record.history_tab import part_text
from lead_desktop.ui.record.profile_tab import field_title, masked_ssn
from lead_desktop.ui.table_model import RowsModel, rows_table

logger = logging.getLogger(__name__)

CONTEXT = "ConflictsDialog"
#: Words the screen shows for values and people it cannot name.
_WORDS = {
    "empty": QT_TRANSLATE_NOOP("ConflictsDialog", "(empty)"),
    "yes": QT_TRANSLATE_NOOP("ConflictsDialog", "Yes"),
    "no": QT_TRANSLATE_NOOP("ConflictsDialog", "No"),
    "someone": QT_TRANSLATE_NOOP("ConflictsDialog", "another worker"),
    "no_one": QT_TRANSLATE_NOOP("ConflictsDialog", "No participant"),
}
#: Participant fields holding an HMIS code, shown by their label.
_CODED: dict[str, Mapping[Any, str]] = {
    "name_dq": hmis.NAME_DQ,
    "ssn_dq": hmis.SSN_DQ,
    "dob_dq": hmis.DOB_DQ,
    "sex": hmis.SEX,
    "veteran_status": hmis.NO_YES,
    "disabling_condition": hmis.NO_YES,
    "race_none": hmis.NOT_GIVEN,
    "race": hmis.RACE,
    "prior_living_situation": hmis.LIVING_SITUATION,
    "current_living_situation": hmis.LIVING_SITUATION,
}
#: Fields holding a bare snake_case code, shown through labels.code.
_CODES = frozenset(
    {
        "status",
        "referral_type",
        "decision",
        "prosecutor_decision",
        "responsible",
        "domain",
        "kind",
        "contact_type",
        "consent_type",
        "stage_of_change",
        "role",
        "copy_method",
        "signature_kind",
        "signer_role",
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _word(key: str) -> str:
    return _tr(str(_WORDS[key]))


def field_label(table: str, field: str) -> str:
    """A field's name as people read it, translated."""
    return field_title(field) if table == "participant" else labels.code(field)


def value_text(field: str, value: Any, workers: Mapping[str, str]) -> str:
    """A stored value as people read it (codes by their labels, an SSN masked)."""
    if value is None or value in ("", [], {}):
        return _word("empty")
    if isinstance(value, bool):
        return _word("yes") if value else _word("no")
    if field == "ssn" and isinstance(value, str):
        return masked_ssn(value)
    if field in _CODED:
        codes = _CODED[field]
        items = value if isinstance(value, list) else [value]
        return ", ".join(labels.text(codes[v]) if v in codes else str(v) for v in items)
    if field.endswith("_id") and isinstance(value, str) and value in workers:
        return workers[value]
    if field in _CODES and isinstance(value, str):
        return labels.code(value)
    if isinstance(value, list):
        return ", ".join(value_text(field, v, workers) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{labels.code(str(k))}: {value_text('', v, workers)}" for k, v in value.items()
        )
    return str(value)


def side_text(side: core.Side) -> str:
    """Who set a value and when, in one line."""
    who = side.by or _word("someone")
    when = local_datetime_text(side.at)
    return _tr("Set by {0}, {1}").format(who, when) if when else _tr("Set by {0}").format(who)


@dataclass(frozen=True)
class Loaded:
    """What the screen reads: the open conflicts and the names of workers (for worker fields)."""

    conflicts: list[core.OpenConflict]
    workers: dict[str, str]


def load(conn: Connection) -> Loaded:
    """Read the open conflicts (on the read thread)."""
    workers = {
        r.id: r.display_name or r.name
        for r in conn.execute(select(Worker.id, Worker.name, Worker.display_name))
    }
    return Loaded(core.open_conflicts(conn), workers)


class ConflictsModel(RowsModel):
    """Open conflicts, one a line: participant, part of the record, field, the two values."""

    PARTICIPANT, PART, FIELD, KEPT, OTHER = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                _tr("Participant"),
                _tr("Part of the record"),
                _tr("Field"),
                _tr("Value kept"),
                _tr("Other value"),
            ],
            parent,
        )
        self.workers: dict[str, str] = {}

    def text(self, row: Any, column: int) -> Any:
        """One cell (values on one line; the panes below show them whole)."""
        c: core.OpenConflict = row
        if column == self.PARTICIPANT:
            return c.participant_name or _word("no_one")
        if column == self.PART:
            return part_text(c.table)
        if column == self.FIELD:
            return field_label(c.table, c.field)
        side = c.kept if column == self.KEPT else c.other
        return " ".join(value_text(c.field, side.value, self.workers).split())


class ValuePane(QGroupBox):
    """One of the two values in full, who set it and when, and the button that picks it."""

    def __init__(self, title: str, button: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"{name}_pane")
        self.setAccessibleName(title)
        self.value = QLabel()
        self.value.setObjectName(f"{name}_value")
        self.value.setAccessibleName(self.tr("{0}: value").format(title))
        self.value.setWordWrap(True)
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.value.setFont(font)
        self.who = QLabel()
        self.who.setObjectName(f"{name}_who")
        self.who.setAccessibleName(self.tr("{0}: who and when").format(title))
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(button)
        self.button.setObjectName(f"{name}_button")
        self.button.setAutoDefault(False)  # Enter in the list must not pick a value
        self.button.setAccessibleName(button.replace("&", ""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.who)
        layout.addStretch(1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_side(self, field: str, side: core.Side, workers: Mapping[str, str]) -> None:
        """Show one value and who set it."""
        self.value.setText(value_text(field, side.value, workers))
        self.who.setText(side_text(side))


class ConflictsDialog(QDialog):
    """Review conflicts: list the open ones, pick a value for each."""

    sig_resolved = Signal(str)
    """A conflict was resolved on this screen; carries its id."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(self.tr("Review conflicts"))
        self.setAccessibleName(self.tr("Review conflicts"))
        self._busy = False
        self._select_after: int = 0
        intro = QLabel(
            self.tr(
                "Two laptops changed the same field before they synced. The server kept one "
                "value and set the other aside; nothing was lost. Pick the value the record "
                "keeps: your choice is saved as a change and syncs to every laptop."
            )
        )
        intro.setObjectName("conflicts_intro")
        intro.setWordWrap(True)
        self.model = ConflictsModel(self)
        self.table = rows_table(self.model, "conflicts_table", self.tr("Open conflicts"))
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; arrows move rows
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.empty = QLabel(
            self.tr(
                "No conflicts to review. When two laptops change the same field, the conflict "
                "shows here after a sync, for you to pick the value to keep."
            )
        )
        self.empty.setObjectName("conflicts_empty")
        self.empty.setAccessibleName(self.tr("No conflicts"))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(0, 12, 0, 0)
        strong = self.empty.font()
        strong.setBold(True)
        self.empty.setFont(strong)
        self.empty.hide()
        self.heading = QLabel()
        self.heading.setObjectName("conflict_heading")
        self.heading.setAccessibleName(self.tr("Selected conflict"))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.kept = ValuePane(self.tr("Value kept"), self.tr("&Keep this value"), "keep")
        self.other = ValuePane(self.tr("Other value"), self.tr("&Use the other value"), "use_other")
        self.kept.button.clicked.connect(self.on_keep_clicked)
        self.other.button.clicked.connect(self.on_use_other_clicked)
        sides = QHBoxLayout()
        sides.addWidget(self.kept, 1)
        sides.addWidget(self.other, 1)
        self.detail = QWidget()
        self.detail.setObjectName("conflict_detail")
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addLayout(sides)
        self.status = QLabel()
        self.status.setObjectName("conflicts_status")
        self.status.setAccessibleName(self.tr("What happened"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("close_button")
        close.setAutoDefault(False)  # Enter never closes nor picks; Escape closes
        close.setAccessibleName(self.tr("Close the conflict review"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setTabOrder(self.table, self.kept.button)
        self.setTabOrder(self.kept.button, self.other.button)
        self.setTabOrder(self.other.button, close)
        ctx.sig_changed.connect(self.on_ctx_changed)
        ctx.sig_store_closed.connect(self.on_ctx_store_closed)
        self._show_selected()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the open conflicts again."""
        if self.ctx.store is None:
            return
        self.ctx.read(load, self._loaded, self._failed)

    @when_alive
    def _loaded(self, loaded: Loaded) -> None:
        current = self.selected()
        self.model.workers = loaded.workers
        self.model.set_rows(loaded.conflicts)
        rows = self.model.rows
        self.table.setVisible(bool(rows))
        self.detail.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            ids = [c.id for c in rows]
            keep = ids.index(current.id) if current is not None and current.id in ids else None
            self.table.selectRow(
                keep if keep is not None else min(self._select_after, len(rows) - 1)
            )
            if not self.table.hasFocus() and not self.kept.button.hasFocus():
                self.table.setFocus()
        else:
            self.empty.setFocus()
        self._show_selected()

    @when_alive
    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._show_selected()
        show_error(self, error)

    # -- the selected conflict -------------------------------------------------------------------

    def selected(self) -> core.OpenConflict | None:
        """The conflict whose values are shown (None when the list is empty)."""
        rows = self.table.selectionModel().selectedRows()
        found: core.OpenConflict | None = self.model.row(rows[0]) if rows else None
        return found

    def _show_selected(self) -> None:
        c = self.selected()
        for pane in (self.kept, self.other):
            pane.button.setEnabled(c is not None and not self._busy)
        if c is None:
            self.heading.clear()
            return
        who = c.participant_name or _word("no_one")
        self.heading.setText(
            self.tr("{0} — {1}: {2}").format(who, part_text(c.table), field_label(c.table, c.field))
        )
        self.kept.show_side(c.field, c.kept, self.model.workers)
        self.other.show_side(c.field, c.other, self.model.workers)

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        """Show the values of the conflict picked in the list."""
        self._show_selected()

    # -- resolving -------------------------------------------------------------------------------

    @Slot()
    def on_keep_clicked(self) -> None:
        """Keep the value the server kept."""
        self._resolve("this")

    @Slot()
    def on_use_other_clicked(self) -> None:
        """Use the value set aside."""
        self._resolve("other")

    def _resolve(self, choice: core.Choice) -> None:
        c = self.selected()
        if c is None or self._busy:
            return
        self._busy = True
        self._select_after = self.model.rows.index(c)
        self._show_selected()

        def change(done: core.Resolved) -> Change:
            detail = {"participant_id": done.participant_id, "conflict_id": done.conflict_id}
            return Change(done.table, (done.row_id,), detail)

        cid = c.id
        self.ctx.write(
            lambda tx: core.resolve(tx, cid, choice), change, self._resolved, self._failed
        )

    @when_alive
    def _resolved(self, done: core.Resolved) -> None:
        self._busy = False
        if done.changed_record:
            self.status.setText(
                self.tr(
                    "Saved: the record now holds the value you picked. It syncs at the next sync."
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "Saved: the record keeps the value it holds. Your choice syncs at the next "
                    "sync."
                )
            )
        self.sig_resolved.emit(done.conflict_id)
        self.refresh()

    @Slot()
    def on_ctx_store_closed(self) -> None:
        """The store was locked: nothing here can be read or saved any more."""
        self.reject()

    @Slot(object)
    def on_ctx_changed(self, change: object) -> None:
        """A sync or an edit elsewhere may have opened or resolved conflicts."""
        if isinstance(change, Change) and change.detail.get("conflict_id"):
            return  # our own resolution: refreshed once it is saved
        if not self._busy:
            self.refresh()


class ConflictsAction(QAction):
    """ "Review conflicts (N)" for the main window's menu and toolbar; opens the screen.

    ``ctx_of`` gives the window's current session (it is replaced when a demo store gives way
    to a real one); the action is enabled while ``follow`` is (an action enabled exactly when a
    store is open) and counts the open conflicts whenever the session reports a change.
    """

    def __init__(
        self, window: QWidget, ctx_of: Callable[[], AppContext], *, follow: QAction
    ) -> None:
        super().__init__(window)
        for old in window.findChildren(ConflictsAction):
            if old is not self:
                old.deleteLater()  # the menus were rebuilt (a language change)
        self.setObjectName("act_conflicts")
        self.window_ = window
        self.ctx_of = ctx_of
        self.follow = follow
        self.count = 0
        self._bound: AppContext | None = None
        self.triggered.connect(self.on_triggered)
        follow.changed.connect(self.on_follow_changed)
        self._label()
        self.setEnabled(False)
        self.on_follow_changed()

    def _label(self) -> None:
        if self.count:
            text = self.tr("Re&view conflicts ({0})").format(self.count)
        else:
            text = self.tr("Re&view conflicts")
        self.setText(text)
        self.setToolTip(
            self.tr("Open conflicts: {0}. Pick the value each record keeps.").format(self.count)
            if self.count
            else self.tr("No conflicts to review")
        )
        font = self.font()
        font.setBold(self.count > 0)
        self.setFont(font)

    @Slot()
    def on_follow_changed(self) -> None:
        """The store was opened or closed: follow, and count again."""
        on = self.follow.isEnabled()
        if on == self.isEnabled() and (not on or self._bound is self.ctx_of()):
            return
        self.setEnabled(on)
        if not on:
            return
        ctx = self.ctx_of()
        if self._bound is not ctx:
            if self._bound is not None:
                try:
                    self._bound.sig_changed.disconnect(self.on_ctx_changed)
                except (RuntimeError, TypeError):
                    logger.debug("old session already gone")
            ctx.sig_changed.connect(self.on_ctx_changed)
            self._bound = ctx
        self.refresh()

    def refresh(self) -> None:
        """Count the open conflicts (on the read thread)."""
        ctx = self.ctx_of()
        if ctx.store is None:
            return
        ctx.read(core.count_open, self._counted, self._not_counted)

    @when_alive
    def _counted(self, count: int) -> None:
        self.count = int(count)
        self._label()

    def _not_counted(self, error: BaseException) -> None:
        logger.debug("conflicts not counted", extra={"error": type(error).__name__})

    @Slot(object)
    def on_ctx_changed(self, _change: object) -> None:
        """Something was saved or synced: count again."""
        self.refresh()

    @Slot()
    def on_triggered(self) -> None:
        """Open the conflict-review screen."""
        ctx = self.ctx_of()
        if ctx.store is None:
            return
        dialog = ConflictsDialog(ctx, self.window_)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resize(self.window_.size() * 0.85)
        dialog.open()
