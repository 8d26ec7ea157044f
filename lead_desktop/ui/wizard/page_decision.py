"""Step 5: accept or decline, with what the earlier steps found and, for a decline, why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from lead_desktop.store.referrals import DECLINE_REASONS, decline_reason, split_decline_reason
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.wizard.base import ErrorLabel, Page


class DecisionPage(Page):
    """The decision on the referral; blocked from "accept" when the person cannot be accepted."""

    page_id = "decision"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.reasons = {
            "outside_area": self.tr("Outside the LEAD area"),
            "excluded": self.tr("Excluded by the screen"),
            "not_eligible": self.tr("Not eligible (prosecutor's decision)"),
            "person_declined": self.tr("The person declined to take part"),
            "other": self.tr("Other reason"),
        }
        self.summary = QLabel()
        self.summary.setObjectName("decision_summary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What the earlier steps found"))
        self.outer.addWidget(self.summary)
        self.blocked = ErrorLabel("blocked", self)
        self.outer.addWidget(self.blocked)

        self.accept = QRadioButton(self.tr("&Accept into LEAD: intake starts now"))
        self.accept.setObjectName("decision_accept")
        self.accept.setAccessibleName(self.tr("Accept into LEAD"))
        self.decline = QRadioButton(
            self.tr("&Decline: the person is processed as usual; the referral is kept")
        )
        self.decline.setObjectName("decision_decline")
        self.decline.setAccessibleName(self.tr("Decline"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.accept)
        self.group.addButton(self.decline)
        self.outer.addWidget(self.accept)
        self.outer.addWidget(self.decline)
        self.outer.addWidget(self.error_for("decision", self.accept))

        form = QFormLayout()
        self.outer.addLayout(form)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Choose the reason…"), None)
        for code in DECLINE_REASONS:
            self.reason.addItem(self.reasons[code], code)
        self.add_row(
            form, self.tr("&Reason:"), self.reason, "decline_reason_code", "decline_reason"
        )
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("Optional details, in a few words"))
        self.add_row(form, self.tr("D&etails:"), self.detail, "decline_detail")
        self.note = QLabel(
            self.tr(
                "For a declined new person, no participant record is made and the name is not kept."
            )
        )
        self.note.setObjectName("decline_note")
        self.note.setWordWrap(True)
        self.outer.addWidget(self.note)
        self.outer.addStretch()

        self.group.buttonToggled.connect(self.on_group_button_toggled)
        self.watch(self.accept, self.decline, self.reason, self.detail)
        self._blockers: list[tuple[str, str]] = []
        self.on_group_button_toggled()

    def title(self) -> str:
        """The step's name."""
        return self.tr("Decision")

    @Slot()
    def on_group_button_toggled(self) -> None:
        """A reason only goes with a decline."""
        declining = self.decline.isChecked()
        self.reason.setEnabled(declining)
        self.detail.setEnabled(declining)
        self.note.setVisible(declining)

    def update_summary(self, lines: list[str], blockers: list[tuple[str, str]]) -> None:
        """Show what the earlier steps found; ``blockers`` are (reason code, why) that forbid
        accepting, so the decline is chosen and its reason filled in."""
        self.summary.setText("\n".join(f"• {line}" for line in lines))
        self._blockers = blockers
        if blockers:
            self.blocked.show_message(
                self.tr("This referral cannot be accepted: {0}.").format(
                    "; ".join(why for _, why in blockers)
                )
            )
            self.accept.setEnabled(False)
            if not self.decline.isChecked():
                self.decline.setChecked(True)
            if self.reason.currentData() is None:
                self.select_reason(blockers[0][0])
        else:
            self.blocked.clear()
            self.accept.setEnabled(True)

    def select_reason(self, code: str) -> None:
        """Choose a decline reason."""
        index = self.reason.findData(code)
        if index >= 0:
            self.reason.setCurrentIndex(index)

    def choose_decline(self, code: str) -> None:
        """Decline with this reason (used by "Record as declined: outside the area")."""
        self.decline.setChecked(True)
        self.select_reason(code)

    def local_issues(self) -> list[tuple[str, str]]:
        """The decision has to be made."""
        if self.decision() is None:
            return [("decision", self.tr("Choose accept or decline."))]
        return []

    def decision(self) -> str | None:
        """accepted / declined / None while undecided."""
        if self.accept.isChecked():
            return "accepted"
        if self.decline.isChecked():
            return "declined"
        return None

    def values(self) -> dict[str, Any]:
        """The decision and the stored decline reason."""
        decision = self.decision()
        code = self.reason.currentData()
        reason = (
            decline_reason(code, self.detail.text()) if decision == "declined" and code else None
        )
        return {"decision": decision, "decline_reason": reason}

    def state(self) -> dict[str, Any]:
        """Every field, for the draft."""
        return {
            "decision": self.decision(),
            "reason": self.reason.currentData(),
            "detail": self.detail.text(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        """Put the decision back."""
        decision = state.get("decision")
        if decision == "accepted":
            self.accept.setChecked(True)
        elif decision == "declined":
            self.decline.setChecked(True)
        code = state.get("reason")
        if code is None and state.get("decline_reason"):
            code, detail = split_decline_reason(state["decline_reason"])
            state = {**state, "detail": detail}
        index = self.reason.findData(code)
        self.reason.setCurrentIndex(max(index, 0))
        self.detail.setText(state.get("detail") or "")
        self.on_group_button_toggled()
