"""Step 8: the first plan steps: the person's priorities, then one or two goals with a first
step each (the full plan is written later, from the record)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from lead_desktop.domain import casework
from lead_desktop.store.referrals import MAX_GOALS
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.wizard.base import Page, date_edit, iso, lines_high, set_iso

FIRST_STEP_DAYS = 7


class _Goal(QObject):
    """The fields of one goal and its first step."""

    def __init__(self, page: PlanPage, n: int, form: QFormLayout) -> None:
        # Only the first goal gets mnemonics, so none repeats on the page.
        super().__init__(page)
        first = n == 1
        self.domain = QComboBox()
        labels.fill_codes(self.domain, casework.GOAL_DOMAINS)
        text = self.tr("&Area of life:") if first else self.tr("Area of life:")
        page.add_row(form, text, self.domain, f"goal_{n}_domain", f"goal_{n}.domain")
        self.goal = QLineEdit()
        self.goal.setPlaceholderText(self.tr("In the person's words, e.g. a bed tonight"))
        text = self.tr("&Goal:") if first else self.tr("Goal:")
        page.add_row(form, text, self.goal, f"goal_{n}_goal", f"goal_{n}.goal")
        self.step = QLineEdit()
        self.step.setPlaceholderText(self.tr("e.g. call the shelter hotline together"))
        text = self.tr("First s&tep:") if first else self.tr("First step:")
        page.add_row(form, text, self.step, f"goal_{n}_step", f"goal_{n}.description")
        self.responsible = QComboBox()
        labels.fill_codes(self.responsible, casework.RESPONSIBLE)
        text = self.tr("&Who does it:") if first else self.tr("Who does it:")
        page.add_row(form, text, self.responsible, f"goal_{n}_responsible", f"goal_{n}.responsible")
        self.partner = QLineEdit()
        text = self.tr("Pa&rtner:") if first else self.tr("Partner:")
        page.add_row(form, text, self.partner, f"goal_{n}_partner", f"goal_{n}.partner_name")
        self.target = date_edit(date.today() + timedelta(days=FIRST_STEP_DAYS))
        text = self.tr("Target &date:") if first else self.tr("Target date:")
        page.add_row(form, text, self.target, f"goal_{n}_target", f"goal_{n}.target_date")
        self.responsible.currentIndexChanged.connect(self.on_responsible_changed)
        page.watch(self.domain, self.goal, self.step, self.responsible, self.partner, self.target)
        self.on_responsible_changed()

    @Slot()
    def on_responsible_changed(self) -> None:
        """A partner's name goes with a step a partner does."""
        self.partner.setEnabled(self.responsible.currentData() == "partner")

    def values(self) -> dict[str, Any]:
        partner = self.responsible.currentData() == "partner"
        return {
            "domain": self.domain.currentData(),
            "goal": self.goal.text().strip(),
            "description": self.step.text().strip(),
            "responsible": self.responsible.currentData(),
            "partner_name": (self.partner.text().strip() or None) if partner else None,
            "target_date": iso(self.target),
        }

    def state(self) -> dict[str, Any]:
        return {**self.values(), "partner_typed": self.partner.text()}

    def set_state(self, state: dict[str, Any]) -> None:
        labels.select_data(self.domain, state.get("domain"))
        self.goal.setText(state.get("goal") or "")
        self.step.setText(state.get("description") or "")
        labels.select_data(self.responsible, state.get("responsible"))
        self.partner.setText(state.get("partner_typed") or "")
        set_iso(self.target, state.get("target_date"))


class PlanPage(Page):
    """Priorities and up to two goals, each with a first step."""

    page_id = "plan"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        top = QFormLayout()
        self.outer.addLayout(top)
        self.priorities = QPlainTextEdit()
        self.priorities.setTabChangesFocus(True)
        lines_high(self.priorities, 4)
        self.priorities.setPlaceholderText(self.tr("What matters most to the person right now"))
        self.add_row(top, self.tr("&Priorities:"), self.priorities, "plan_priorities", "priorities")
        self.watch(self.priorities)
        self.goals: list[_Goal] = []
        for n in range(1, MAX_GOALS + 1):
            title = self.tr("Goal {0}") if n == 1 else self.tr("Goal {0} (optional)")
            box = QGroupBox(title.format(n))
            box.setObjectName(f"goal_{n}")
            form = QFormLayout(box)
            self.goals.append(_Goal(self, n, form))
            self.outer.addWidget(box)
        self.outer.addStretch()

    def title(self) -> str:
        """The step's name."""
        return self.tr("First plan steps")

    def values(self) -> dict[str, Any] | None:
        """The plan's priorities and goals (None when nothing is written)."""
        priorities = self.priorities.toPlainText().strip()
        goals = [g.values() for g in self.goals]
        if not priorities and not any(g["goal"] or g["description"] for g in goals):
            return None
        return {"priorities": priorities, "goals": goals}

    def state(self) -> dict[str, Any]:
        """Every field, for the draft."""
        return {
            "priorities": self.priorities.toPlainText(),
            "goals": [g.state() for g in self.goals],
        }

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the fields back."""
        self.priorities.setPlainText(state.get("priorities") or "")
        for goal, saved in zip(self.goals, state.get("goals") or [], strict=False):
            goal.set_state(saved)
