"""Step 3: the exclusion screen (the program's own items), the records check and the
prosecutor's eligibility decision."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from lead_desktop.domain import casework
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.wizard.base import ErrorLabel, Page, date_edit, iso, set_iso


def item_label(item: str) -> str:
    """A default item is a code shown translated; an administrator's own item is plain text."""
    return labels.code(item) if item in casework.EXCLUSION_ITEMS else item


class ScreenPage(Page):
    """Each exclusion item answered yes / no / unknown; any yes makes the person ineligible."""

    page_id = "screen"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: tuple[str, ...] = ()
        self._groups: list[QButtonGroup] = []
        self._answers: dict[str, str] = {}  # kept for items not built yet (draft restored early)
        intro = QLabel(
            self.tr(
                "Ask or check each item. Any “yes” means the person cannot be accepted; "
                "“unknown” can be checked later."
            )
        )
        intro.setWordWrap(True)
        self.outer.addWidget(intro)
        self.grid = QGridLayout()
        self.outer.addLayout(self.grid)
        self.loading = QLabel(self.tr("Loading the program's exclusion screen…"))
        self.loading.setObjectName("screen_loading")
        self.grid.addWidget(self.loading, 0, 0)
        self.notice = ErrorLabel("eligibility", self)
        self.outer.addWidget(self.notice)

        form = QFormLayout()
        self.outer.addLayout(form)
        self.outer.addStretch()
        self.records_check = QCheckBox(self.tr("Records check &done"))
        self.records_check.setObjectName("records_check_done")
        self.records_check.setAccessibleName(self.tr("Records check done"))
        form.addRow("", self.records_check)
        self.prosecutor_decision = QComboBox()
        labels.fill_codes(self.prosecutor_decision, casework.PROSECUTOR, blank=self.tr("Not yet"))
        self.add_row(
            form,
            self.tr("&Prosecutor's eligibility decision:"),
            self.prosecutor_decision,
            "prosecutor_decision",
        )
        self.prosecutor_name = QLineEdit()
        self.add_row(form, self.tr("Prosecutor's na&me:"), self.prosecutor_name, "prosecutor_name")
        self.prosecutor_date = date_edit()
        self.add_row(
            form, self.tr("Decision da&te:"), self.prosecutor_date, "prosecutor_decision_at"
        )
        verified = QLabel(
            self.tr("Answers are recorded as verified by {0}, now.").format(ctx.worker_name)
        )
        verified.setWordWrap(True)
        self.outer.insertWidget(self.outer.count() - 1, verified)
        self.prosecutor_decision.currentIndexChanged.connect(self.on_decision_changed)
        self.watch(
            self.records_check, self.prosecutor_decision, self.prosecutor_name, self.prosecutor_date
        )
        self.on_decision_changed()

    def title(self) -> str:
        """The step's name."""
        return self.tr("Exclusion screen")

    def set_items(self, items: tuple[str, ...]) -> None:
        """Build one row per exclusion item of the program."""
        self.loading.hide()
        self.items = tuple(items)
        answers = {"yes": self.tr("Yes"), "no": self.tr("No"), "unknown": self.tr("Unknown")}
        for n, item in enumerate(self.items, 1):
            text = item_label(item)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setObjectName(f"screen_item_{n}_label")
            group = QButtonGroup(self)
            group.setObjectName(f"screen_item_{n}")
            row = 2 * n - 1
            self.grid.addWidget(label, row, 0)
            for col, (code, word) in enumerate(answers.items(), 1):
                button = QRadioButton(word)
                button.setObjectName(f"screen_item_{n}_{code}")
                button.setAccessibleName(self.tr("{0}: {1}").format(text, word))
                button.setProperty("answer", code)
                group.addButton(button)
                self.grid.addWidget(button, row, col)
                if self._answers.get(item) == code:
                    button.setChecked(True)
            label.setBuddy(group.buttons()[0])
            error = self.error_for(f"item_{n}", group.buttons()[0])
            self.grid.addWidget(error, row + 1, 0, 1, 4)
            group.buttonToggled.connect(self.on_group_button_toggled)
            self._groups.append(group)
        self.grid.setColumnStretch(0, 1)
        self._update_notice()

    @Slot()
    def on_decision_changed(self) -> None:
        """A decision date only goes with a decision."""
        decided = self.prosecutor_decision.currentData() is not None
        self.prosecutor_date.setEnabled(decided)
        self.prosecutor_name.setEnabled(decided)

    @Slot()
    def on_group_button_toggled(self) -> None:
        """An answer changed."""
        if self._restoring:
            return
        self._answers = {i: a for i, a in self._collect() if a}
        self._update_notice()
        self.edited()

    def _collect(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for item, group in zip(self.items, self._groups, strict=True):
            checked = group.checkedButton()
            out.append((item, str(checked.property("answer")) if checked else None))
        return out

    def excluded_by(self) -> list[str]:
        """The items answered yes (shown as labels)."""
        return [item_label(i) for i, a in self._collect() if a == "yes"]

    def _update_notice(self) -> None:
        yes = self.excluded_by()
        if yes:
            self.notice.show_message(
                self.tr("Not eligible: “{0}” was answered yes.").format("”, “".join(yes))
            )
        else:
            self.notice.clear()

    def values(self) -> dict[str, Any]:
        """The referral fields this page holds."""
        if self._groups:
            screen = [{"item": i, "answer": a} for i, a in self._collect()]
        else:  # not built yet: keep what the draft held
            screen = [{"item": i, "answer": a} for i, a in self._answers.items()]
        decision = self.prosecutor_decision.currentData()
        return {
            "exclusion_screen": screen,
            "records_check_done": self.records_check.isChecked(),
            "prosecutor_decision": decision,
            "prosecutor_decision_at": iso(self.prosecutor_date) if decision else None,
            "prosecutor_name": (self.prosecutor_name.text().strip() or None) if decision else None,
        }

    def state(self) -> dict[str, Any]:
        """Every field, for the draft."""
        return {
            **self.values(),
            "answers": dict(self._answers),
            "prosecutor_name_typed": self.prosecutor_name.text(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the answers and the prosecutor's decision back."""
        self._answers = dict(state.get("answers") or {})
        for item, group in zip(self.items, self._groups, strict=True):
            wanted = self._answers.get(item)
            checked = group.checkedButton()
            if checked is not None and wanted is None:
                group.setExclusive(False)  # an exclusive group cannot be emptied otherwise
                checked.setChecked(False)
                group.setExclusive(True)
            for button in group.buttons():
                if button.property("answer") == wanted:
                    button.setChecked(True)
        self.records_check.setChecked(bool(state.get("records_check_done")))
        labels.select_data(self.prosecutor_decision, state.get("prosecutor_decision"))
        self.prosecutor_name.setText(state.get("prosecutor_name_typed") or "")
        set_iso(self.prosecutor_date, state.get("prosecutor_decision_at"))
        self._update_notice()
