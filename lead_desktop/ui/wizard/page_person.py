"""Step 4: "Have we met this person?" Look up likely duplicates, then pick one or a new person."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from shiboken6 import isValid

from lead_desktop import services
from lead_desktop.domain import hmis
from lead_desktop.domain.dates import parse_date
from lead_desktop.errors import ValidationError
from lead_desktop.store.duplicates import Candidate
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, user_message
from lead_desktop.ui.wizard.base import Page, issue_text

logger = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex


class CandidatesModel(QAbstractTableModel):
    """Possible matches: name, date of birth, score, and what the score rests on."""

    NAME, BORN, SCORE, WHY = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Replace the candidates."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """How many candidates."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Four columns."""
        return 0 if parent.isValid() else 4

    def why(self, row: dict[str, Any]) -> str:
        """The parts of the score, in words."""
        parts = [self.tr("name {0:.0f}").format(row["name_score"])]
        if row.get("dob_score") is not None:
            parts.append(self.tr("date of birth {0:.0f}").format(row["dob_score"]))
        if row.get("alias_score", 0) >= 80:
            parts.append(self.tr("alias {0:.0f}").format(row["alias_score"]))
        return ", ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == self.NAME:
                return row["name"]
            if column == self.BORN:
                return row.get("dob") or self.tr("not recorded")
            if column == self.SCORE:
                return self.tr("{0:.0f} of 100").format(row["score"])
            return self.why(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Born"), self.tr("Match"), self.tr("Why"))[section]


def candidate_row(candidate: Candidate) -> dict[str, Any]:
    """A candidate as plain JSON-ready data (kept in drafts)."""
    data = asdict(candidate)
    data.pop("reasons", None)
    return data


class PersonPage(Page):
    """Name, date of birth and alias typed; matches listed; the worker decides."""

    page_id = "person"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.choice: str | None = None
        self.existing: dict[str, Any] | None = None
        self._searched_for: tuple[str, ...] | None = None
        form = QFormLayout()
        self.outer.addLayout(form)
        self.first_name = QLineEdit()
        self.add_row(form, self.tr("&First name:"), self.first_name, "lookup_first_name")
        self.last_name = QLineEdit()
        self.add_row(form, self.tr("&Last name:"), self.last_name, "lookup_last_name")
        self.dob = QLineEdit()
        self.dob.setPlaceholderText(self.tr("e.g. 1980-03-04 or 3/4/1980"))
        self.add_row(form, self.tr("&Date of birth:"), self.dob, "lookup_dob", "dob")
        self.alias = QLineEdit()
        self.alias_kind = QComboBox()
        labels.fill_codes(self.alias_kind, hmis.ALIAS_KINDS)
        labels.select_data(self.alias_kind, "street")
        self.alias_kind.setObjectName("alias_kind")
        self.alias_kind.setAccessibleName(self.tr("Kind of other name"))
        alias_row = QWidget()
        row = QHBoxLayout(alias_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.alias, 1)
        row.addWidget(self.alias_kind)
        alias_label = QLabel(self.tr("Other name or s&treet name:"))
        alias_label.setBuddy(self.alias)
        self.alias.setObjectName("lookup_alias")
        self.alias.setAccessibleName(self.tr("Other name or street name"))
        form.addRow(alias_label, alias_row)
        form.addRow("", self.error_for("alias", self.alias))

        self.find_button = QPushButton(self.tr("&Look for this person"))
        self.find_button.setObjectName("find_person")
        self.find_button.setAccessibleName(self.tr("Look for this person"))
        self.find_button.setDefault(False)
        self.outer.addWidget(self.find_button)
        self.status = QLabel()
        self.status.setObjectName("candidates_status")
        self.status.setWordWrap(True)
        self.outer.addWidget(self.status)

        self.model = CandidatesModel(self)
        self.table = QTableView()
        self.table.setObjectName("duplicate_candidates")
        self.table.setAccessibleName(self.tr("People who may be the same person"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.outer.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.same_button = QPushButton(self.tr("This is the &same person"))
        self.same_button.setObjectName("choose_existing")
        self.same_button.setAccessibleName(self.tr("This is the same person"))
        self.new_button = QPushButton(self.tr("N&one of these: new person"))
        self.new_button.setObjectName("choose_new")
        self.new_button.setAccessibleName(self.tr("None of these: new person"))
        buttons.addWidget(self.same_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        self.outer.addLayout(buttons)
        self.chosen = QLabel()
        self.chosen.setObjectName("person_choice")
        self.chosen.setWordWrap(True)
        font = self.chosen.font()
        font.setBold(True)
        self.chosen.setFont(font)
        self.outer.addWidget(self.chosen)
        self.outer.addWidget(self.error_for("choice", self.table))

        self.find_button.clicked.connect(self.on_find_button_clicked)
        for edit in (self.first_name, self.last_name, self.dob, self.alias):
            edit.returnPressed.connect(self.on_find_button_clicked)
            edit.textChanged.connect(self.on_lookup_changed)
        self.same_button.clicked.connect(self.on_same_button_clicked)
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self.edited)
        self.table.doubleClicked.connect(self.on_same_button_clicked)
        self.watch(self.first_name, self.last_name, self.dob, self.alias, self.alias_kind)
        self.setTabOrder(self.alias_kind, self.find_button)
        self.setTabOrder(self.find_button, self.table)
        self.setTabOrder(self.table, self.same_button)
        self.setTabOrder(self.same_button, self.new_button)
        self._show_choice()
        self._update_buttons()
        self.status.setText(
            self.tr("Type the name and date of birth, then choose “Look for this person”.")
        )

    def title(self) -> str:
        """The step's name."""
        return self.tr("Have we met this person?")

    def _lookup_key(self) -> tuple[str, ...]:
        return tuple(
            e.text().strip() for e in (self.first_name, self.last_name, self.dob, self.alias)
        )

    def dob_iso(self) -> str | None:
        """The typed date of birth as ISO text (None when empty or not a date)."""
        text = self.dob.text().strip()
        day = parse_date(text) if text else None
        return day.isoformat() if day else None

    def local_issues(self) -> list[tuple[str, str]]:
        """A typed date of birth that is not a date."""
        if self.dob.text().strip() and self.dob_iso() is None:
            return [("dob", self.tr("Not a date. Type it like 1980-03-04 or 3/4/1980."))]
        return []

    # -- looking up ----------------------------------------------------------------------

    @Slot()
    def on_find_button_clicked(self) -> None:
        """Ask the store for likely duplicates (off the GUI thread; audited)."""
        self.clear_issues()
        problems = self.local_issues()
        if problems:
            self.show_issues(problems)
            return
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        dob, alias = self.dob_iso(), self.alias.text().strip()
        key = self._lookup_key()
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Looking…"))

        def job(store: Any) -> list[dict[str, Any]]:
            found = services.find_duplicates(
                store,
                first_name=first or None,
                last_name=last or None,
                dob=dob,
                aliases=[alias] if alias else None,
            )
            return [candidate_row(c) for c in found]

        self.ctx.call(job, lambda rows: self._found(key, rows), self._failed)

    def _found(self, key: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
        if not isValid(self):
            return
        self.find_button.setEnabled(True)
        self._searched_for = key
        self.model.set_rows(rows)
        self._say_found()
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_buttons()
        self.edited()

    def _say_found(self) -> None:
        rows = self.model.rows
        if self._searched_for is None:
            return
        if self._searched_for != self._lookup_key():
            self.status.setText(self.tr("The details changed since the last look-up: look again."))
        elif rows:
            self.status.setText(
                self.tr(
                    "{0} possible matches. Check with the person, then pick the same person "
                    "or “None of these”."
                ).format(len(rows))
            )
        else:
            self.status.setText(
                self.tr("No one in the store matches. Choose “None of these: new person”.")
            )

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self.find_button.setEnabled(True)
        self.status.setText("")
        if isinstance(error, ValidationError):
            self.show_issues(
                ("dob" if i.field == "dob" else "page", issue_text(*labels.issue_text(i)))
                for i in error.issues
            )
        else:
            self.show_issues([("page", user_message(error))])

    @Slot()
    def on_lookup_changed(self) -> None:
        """Typed details changed: the earlier look-up and choice no longer hold."""
        if self._restoring:
            return
        if self._searched_for is not None:
            self._say_found()
        if self.choice is not None and self._searched_for != self._lookup_key():
            self.choice, self.existing = None, None
            self._show_choice()
        self._update_buttons()

    # -- choosing ------------------------------------------------------------------------

    def _fresh(self) -> bool:
        return self._searched_for is not None and self._searched_for == self._lookup_key()

    @Slot()
    def _update_buttons(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        self.same_button.setEnabled(self._fresh() and bool(selected))
        self.new_button.setEnabled(self._fresh())

    @Slot()
    def on_same_button_clicked(self) -> None:
        """The selected candidate is the person in front of the worker."""
        selected = self.table.selectionModel().selectedRows()
        if not selected or not self._fresh():
            return
        self.choice, self.existing = "existing", dict(self.model.rows[selected[0].row()])
        self._show_choice()
        self.edited()

    @Slot()
    def on_new_button_clicked(self) -> None:
        """Nobody listed is this person."""
        if not self._fresh():
            return
        self.choice, self.existing = "new", None
        self.table.clearSelection()
        self._show_choice()
        self.edited()

    def _show_choice(self) -> None:
        self.error_for("choice", self.table).clear()
        if self.choice == "existing" and self.existing:
            born = self.existing.get("dob") or self.tr("date of birth not recorded")
            self.chosen.setText(
                self.tr("Chosen: {0} ({1}), already a participant.").format(
                    self.existing["name"], born
                )
            )
        elif self.choice == "new":
            self.chosen.setText(self.tr("Chosen: a new person."))
        else:
            self.chosen.setText(self.tr("Nobody chosen yet."))

    # -- values and drafts ---------------------------------------------------------------

    def aliases(self) -> list[list[str]]:
        """The other name typed, as [alias, kind] pairs for a new person."""
        alias = self.alias.text().strip()
        return [[alias, str(self.alias_kind.currentData())]] if alias else []

    def state(self) -> dict[str, Any]:
        """Every field, the candidates shown and the choice, for the draft."""
        selected = self.table.selectionModel().selectedRows()
        return {
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "dob": self.dob.text(),
            "alias": self.alias.text(),
            "alias_kind": self.alias_kind.currentData(),
            "searched_for": list(self._searched_for) if self._searched_for else None,
            "candidates": self.model.rows,
            "selected": selected[0].row() if selected else None,
            "choice": self.choice,
            "existing": self.existing,
        }

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the typed details, the candidates and the choice back."""
        self.first_name.setText(state.get("first_name") or "")
        self.last_name.setText(state.get("last_name") or "")
        self.dob.setText(state.get("dob") or "")
        self.alias.setText(state.get("alias") or "")
        labels.select_data(self.alias_kind, state.get("alias_kind") or "street")
        searched = state.get("searched_for")
        self._searched_for = tuple(searched) if searched is not None else None
        self.model.set_rows(list(state.get("candidates") or []))
        selected = state.get("selected")
        if isinstance(selected, int) and 0 <= selected < len(self.model.rows):
            self.table.selectRow(selected)
        self.choice = state.get("choice")
        self.existing = state.get("existing")
        self._say_found()
        self._show_choice()
        self._update_buttons()
