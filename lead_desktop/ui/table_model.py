"""A read-only table over a list of rows (model and view): what every list of the record shares."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

logger = logging.getLogger(__name__)

_NO_PARENT = QModelIndex()
_TITLE_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


class RowsModel(QAbstractTableModel):
    """Rows (usually dicts, as read from the store) shown one a line under translated titles.

    A subclass gives its column titles (already translated) to the constructor and says what a
    cell shows: :meth:`text` for the text of a cell, :meth:`cell` for other roles (a tooltip, an
    icon, a font), falling back on ``super().cell(...)`` for the text.
    """

    def __init__(self, titles: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles = tuple(titles)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Show these rows (in this order)."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row(self, index: int | QModelIndex | QPersistentModelIndex) -> Any:
        """The row shown at ``index`` (a row number or a model index); None outside the list."""
        number = index if isinstance(index, int) else index.row() if index.isValid() else -1
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def row_of(self, row_id: object) -> int:
        """The row number of the dict whose ``"id"`` is ``row_id`` (-1 when it is not listed)."""
        return next((n for n, row in enumerate(self.rows) if row["id"] == row_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:  # noqa: N802
        """Number of rows shown."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:  # noqa: N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self.titles)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, shown and read out."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role in _TITLE_ROLES
            and 0 <= section < len(self.titles)
        ):
            return self.titles[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """One cell, as :meth:`cell` says."""
        row = self.row(index)
        if row is None:
            return None
        return self.cell(row, index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What ``column`` of ``row`` shows in ``role``: here the text, in the display role."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        return None

    def text(self, row: Any, column: int) -> Any:
        """The text ``column`` of ``row`` shows (None: empty)."""
        return None


def rows_table(model: QAbstractItemModel, name: str, accessible: str) -> QTableView:
    """A read-only view of ``model`` that selects whole rows, without row numbers, its columns as
    wide as their contents; named ``name``, read out as ``accessible``."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table
