"""The shared table model: rows, titles (shown and read out), cells through the subclass."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from lead_desktop.ui.table_model import RowsModel, rows_table


class _People(RowsModel):
    NAME, CITY = range(2)

    def __init__(self) -> None:
        super().__init__(("Name", "City"))

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CITY:
            return "lives in " + row["city"]
        return super().cell(row, column, role)

    def text(self, row: dict[str, Any], column: int) -> str:
        return str(row["name"] if column == self.NAME else row["city"])


def test_rows_titles_and_cells(qapp: QApplication) -> None:
    model = _People()
    assert (model.rowCount(), model.columnCount()) == (0, 2)
    rows = [
        {"id": "a", "name": "Ana", "city": "Baltimore"},
        {"id": "b", "name": "Bo", "city": "Ely"},
    ]
    model.set_rows(rows)
    assert model.rowCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(1, horizontal) == "City"
    assert model.headerData(1, horizontal, Qt.ItemDataRole.AccessibleTextRole) == "City"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(1, 0).data() == "Bo"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "lives in Baltimore"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.row(1) is rows[1]
    assert model.row(model.index(0, 1)) is rows[0]
    assert model.row(QModelIndex()) is None
    assert model.row(2) is None
    assert model.row(-1) is None
    assert model.row_of("b") == 1
    assert model.row_of("z") == -1


def test_the_table_view_is_read_only_and_selects_whole_rows(qapp: QApplication) -> None:
    model = _People()
    table = rows_table(model, "people", "People")
    assert (table.objectName(), table.accessibleName()) == ("people", "People")
    assert table.model() is model
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.verticalHeader().isHidden()
