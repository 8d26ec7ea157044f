"""The caseload table model (rows sorted in the model, fast at 100,000), how it is loaded, and
the capacity label shown above it."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QStyle, QWidget

from lead_desktop import settings as program_settings
from lead_desktop.domain.capacity import CapacityRules
from lead_desktop.store.caseload import (
    CaseloadCapacity,
    CaseRow,
    capacity,
    caseload_flags,
    caseload_people,
    caseload_rows,
    count_capacity,
    paused_gc,
    sort_rows,
    with_flags,
)
from lead_desktop.store.search import SearchHit
from lead_desktop.store.store import Store
from lead_desktop.ui import labels

logger = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseloadModel", text)


def flag_lines(row: CaseRow) -> list[str]:
    """What needs attention for one participant, most urgent first, as short sentences."""
    lines: list[str] = []
    if row.intake == "overdue" and row.intake_days_left is not None:
        lines.append(_tr("Intake overdue by {0} days").format(-row.intake_days_left))
    elif row.intake == "due" and row.intake_days_left is not None:
        if row.intake_days_left == 0:
            lines.append(_tr("Intake due today"))
        else:
            lines.append(_tr("Intake due in {0} days").format(row.intake_days_left))
    if row.consent_expiry is not None:
        lines.append(_tr("Consent expires {0}").format(row.consent_expiry))
    if row.plan_review is not None:
        lines.append(_tr("Plan review due {0}").format(row.plan_review))
    return lines


def urgent(row: CaseRow) -> bool:
    """Whether a row needs attention soon (a pending intake not yet overdue does not)."""
    return row.intake == "overdue" or row.consent_expiry is not None or row.plan_review is not None


class CaseloadModel(QAbstractTableModel):
    """Caseload rows for a QTableView; ``sort()`` reorders the rows themselves."""

    COL_NAME = 0
    COL_DOB = 1
    COL_STATUS = 2
    COL_CASE_MANAGER = 3
    COL_LAST_CONTACT = 4
    COL_FLAGS = 5
    COLUMN_COUNT = 6
    #: The CaseRow field each column sorts by (see lead_desktop.store.caseload.SORT_KEYS).
    SORT_FIELDS = ("name", "dob", "status", "case_manager", "last_contact", "flags")
    #: Role giving a row's participant id.
    ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
    _ROLES = frozenset({_DISPLAY, _TOOLTIP, _ACCESSIBLE, _FONT, _DECORATION, ID_ROLE})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._flags_pending = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._warning = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self._headers = (
            self.tr("Name"),
            self.tr("Date of birth"),
            self.tr("Status"),
            self.tr("Case manager"),
            self.tr("Last contact"),
            self.tr("Needs attention"),
        )

    # -- contents ------------------------------------------------------------------------------

    def set_rows(self, rows: list[CaseRow]) -> None:
        """Show these rows, in this order (the model keeps the list; do not change it after)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def refresh_rows(self, rows: list[CaseRow]) -> None:
        """The same participants, in the same order, with fresher details."""
        if len(rows) != len(self._rows):
            self.set_rows(rows)
            return
        self._rows = rows
        if rows:
            last = self.index(len(rows) - 1, self.COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_flags_pending(self, pending: bool) -> None:
        """Whether the casework columns (last contact, needs attention) are still loading:
        they show "…" meanwhile. Takes effect with the next set_rows or refresh_rows."""
        self._flags_pending = pending

    def flags_pending(self) -> bool:
        """Whether the casework columns are still loading."""
        return self._flags_pending

    def rows(self) -> list[CaseRow]:
        """The rows shown, in their order."""
        return self._rows

    def row_at(self, row: int) -> CaseRow:
        """The participant on one row."""
        return self._rows[row]

    def row_of(self, participant_id: str) -> int:
        """The row showing a participant, or -1."""
        for number, case in enumerate(self._rows):
            if case.participant_id == participant_id:
                return number
        return -1

    def rowCount(self, parent: _Index | None = None) -> int:  # noqa: N802 - Qt's name
        """Rows shown (none under a row: this is a flat table)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self._rows)

    def columnCount(self, parent: _Index | None = None) -> int:  # noqa: N802 - Qt's name
        """The six columns."""
        if parent is not None and parent.isValid():
            return 0
        return self.COLUMN_COUNT

    # -- sorting -------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by a column (a column of -1 keeps the current order)."""
        if not 0 <= column < self.COLUMN_COUNT:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        # Rows are rebuilt from the new order, so persistent indexes (the selection) follow
        # their participant.
        persistent = self.persistentIndexList()
        keep = [(p, self._rows[p.row()].participant_id, p.column()) for p in persistent]
        self._rows = sort_rows(self._rows, self.SORT_FIELDS[column], descending=descending)
        if keep:
            where = {case.participant_id: n for n, case in enumerate(self._rows)}
            self.changePersistentIndexList(
                [p for p, _, _ in keep],
                [self.index(where[pid], col) for _, pid, col in keep],
            )
        self.layoutChanged.emit()

    # -- data ----------------------------------------------------------------------------------

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, accessible text, emphasis and the participant id of a cell."""
        if role not in self._ROLES:  # most calls (alignment, colours...): answer at once
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        case = self._rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self._text(case, column)
        if role == self.ID_ROLE:
            return case.participant_id
        if role == _TOOLTIP:
            return self._tooltip(case, column)
        if role == _ACCESSIBLE:
            shown = self._text(case, column) or self.tr("none")
            if shown == "…":
                shown = self.tr("still loading")
            return self.tr("{0}: {1}").format(self._headers[column], shown)
        if column == self.COL_FLAGS and not self._flags_pending and urgent(case):
            if role == _FONT:
                return self._bold
            if role == _DECORATION:
                return self._warning
        return None

    def _text(self, case: CaseRow, column: int) -> str:
        if column >= self.COL_LAST_CONTACT and self._flags_pending:
            return "…"
        if column == self.COL_NAME:
            return case.name
        if column == self.COL_DOB:
            return case.dob or ""
        if column == self.COL_STATUS:
            return labels.code(case.status)
        if column == self.COL_CASE_MANAGER:
            return case.case_manager
        if column == self.COL_LAST_CONTACT:
            return case.last_contact or ""
        if column == self.COL_FLAGS:
            return "; ".join(flag_lines(case))
        return ""

    def _tooltip(self, case: CaseRow, column: int) -> str:
        if column >= self.COL_LAST_CONTACT and self._flags_pending:
            return self.tr("Still loading; shown in a moment")
        if column == self.COL_FLAGS:
            lines = flag_lines(case)
            return "\n".join(lines) if lines else self.tr("Nothing needs attention")
        if column == self.COL_LAST_CONTACT and not case.last_contact:
            return self.tr("No contact logged yet")
        if column == self.COL_CASE_MANAGER and not case.case_manager:
            return self.tr("No case manager assigned")
        return self.tr("{0}. Press Enter or double-click to open.").format(case.name)


@dataclass(frozen=True)
class Loaded:
    """One background load: rows (sorted), an index by id, and the capacity counts.

    ``complete`` is False when only the worker's own caseload was read (the program count in
    ``capacity`` is still exact; it is not counted at all, None, when the worker has no
    caseload of their own, since everyone is read next anyway). ``flags`` is False when
    everyone was read for the first time (phase 1): the casework columns are empty until
    :func:`load_flags` fills them (phase 2); ``pending`` are then those waiting for intake.
    """

    rows: list[CaseRow]
    by_id: dict[str, CaseRow]
    capacity: CaseloadCapacity | None
    worker_id: str
    order: tuple[str, bool]
    complete: bool
    intake_days: int
    flags: bool = True
    pending: tuple[str, ...] = ()


def load_caseload(
    store: Store, order: tuple[str, bool], *, mine_only: bool = False, flags: bool = True
) -> Loaded:
    """Read the caseload (everyone, or only the worker's own) in one snapshot, sorted; run on
    the read thread. The worker's own caseload goes through indexes: milliseconds at 100k.
    Everyone without ``flags`` is phase 1 (people only, about 0.4 s at 100k with the sort;
    :func:`load_flags` is phase 2); with ``flags``, everything in one statement (a refresh)."""
    settings = program_settings.load(store)
    rules = CapacityRules(settings.program_capacity, settings.per_worker_max)
    worker = store.worker_id
    today = date.today()
    pending: tuple[str, ...] = ()
    with paused_gc(), store.read() as conn:
        if mine_only:
            rows = caseload_rows(
                conn, today=today, intake_days=settings.intake_days, worker_id=worker
            )
            counts = capacity(conn, rules, worker_id=worker) if rows else None
        elif flags:  # one statement: cheaper than the two phases one after the other
            rows = caseload_rows(conn, today=today, intake_days=settings.intake_days)
        else:
            people = caseload_people(conn)
            rows = people.rows
            pending = tuple(people.pending)
        rows = sort_rows(rows, order[0], descending=order[1])
        by_id = {row.participant_id: row for row in rows}
        if not mine_only:
            counts = count_capacity(rows, rules)
    return Loaded(
        rows,
        by_id,
        counts,
        worker,
        order,
        not mine_only,
        settings.intake_days,
        flags or mine_only,
        pending,
    )


def load_flags(store: Store, data: Loaded) -> dict[str, CaseRow]:
    """Phase 2 on the read thread: the rows of a phase-1 load completed with their casework
    (last contact, intake, consent and plan flags), by participant id."""
    with paused_gc(), store.read() as conn:
        found = caseload_flags(
            conn, today=date.today(), pending=data.pending, intake_days=data.intake_days
        )
        return {row.participant_id: row for row in with_flags(data.rows, found)}


def rows_for(store: Store, ids: list[str], intake_days: int) -> list[CaseRow]:
    """The caseload rows of some participants (search results), through the indexes."""
    with store.read() as conn:
        return caseload_rows(conn, today=date.today(), intake_days=intake_days, ids=ids)


class CapacityLabel(QWidget):
    """ "41 of 60" with, at or over the limit, a warning icon and bold text saying so."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(warning.pixmap(size, size))
        self.icon.setAccessibleName(self.tr("Warning"))
        self.icon.hide()
        self.label = QLabel(self)
        self.label.setObjectName(name)
        self.label.setAccessibleName(accessible)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.label)

    def show_count(self, template: str, count: int, limit: int) -> None:
        """Show ``template`` filled with the count and the limit; warn at or over it."""
        locale = QLocale()
        text = template.format(locale.toString(count), locale.toString(limit))
        full = count >= limit
        if full:
            state = self.tr("at capacity") if count == limit else self.tr("over capacity")
            text = self.tr("{0}: {1}").format(text, state)
        font = self.label.font()
        font.setBold(full)
        self.label.setFont(font)
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.icon.setVisible(full)

    def clear_count(self) -> None:
        """Show nothing (while locked)."""
        self.label.clear()
        self.icon.hide()


def weakly(method: Callable[[Any], None]) -> Callable[[Any], None]:
    """A callback that does not keep its widget alive.

    The operation's worker thread drops its references to the callbacks after the result is
    relayed; if that were the last reference to this widget, Python would delete the widget
    on the worker thread, which Qt does not allow (it crashes). A weak reference avoids it.
    """
    ref = weakref.WeakMethod(method)

    def call(value: Any) -> None:
        bound = ref()
        if bound is not None:
            bound(value)

    return call


def row_of_hit(hit: SearchHit) -> CaseRow:
    """A row for someone found but not in the loaded caseload yet (just created elsewhere)."""
    return CaseRow(
        hit.participant_id, hit.name, hit.dob, "", None, "", None, "", None, None, None, None
    )
