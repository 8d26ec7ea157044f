"""The service plan's goals and steps: a tree beside a detail form, with undo, all by keyboard."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.domain.casework import GOAL_DOMAINS, RESPONSIBLE, STEP_STATUSES
from lead_desktop.errors import Issue
from lead_desktop.store.record_queries import PlanIssues
from lead_desktop.ui import labels
from lead_desktop.ui.record.fields import CodedCombo, DateField, ErrorLabel, buddy_label, date_text

PATH_ROLE = Qt.ItemDataRole.UserRole
UNDO_LIMIT = 100
#: Tree columns.
COL_TEXT, COL_WHO, COL_DATE, COL_STATUS = range(4)


def field_box(widget: QWidget, label: ErrorLabel) -> QWidget:
    """The field with its error label right under it."""
    label.setObjectName(f"error_{widget.objectName()}")
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(label)
    return box


def new_goal(domain: str) -> dict[str, Any]:
    """An empty goal in a domain."""
    return {"id": None, "domain": domain, "goal": "", "barriers": "", "status": "open", "steps": []}


def new_step() -> dict[str, Any]:
    """An empty step, done by the participant."""
    return {
        "id": None,
        "description": "",
        "responsible": "participant",
        "partner_name": "",
        "target_date": None,
        "status": "open",
        "consent_id": None,
    }


class GoalsEditor(QGroupBox):
    """Goals by domain, each with its steps; edits stay in memory until the plan is saved."""

    sig_edited = Signal()
    """A goal or step was added, changed, moved, removed or an edit undone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Goals and steps"))
        self._goals: list[dict[str, Any]] = []
        self._undo: list[tuple[list[dict[str, Any]], list[int] | None]] = []
        self._undo_key: tuple[tuple[int, ...], str] | None = None
        self._issues = PlanIssues()
        self._filling = False
        self._forms: dict[str, QFormLayout] = {}
        self._places: dict[str, dict[str, tuple[QWidget, ErrorLabel, str]]] = {
            "goal": {},
            "step": {},
        }
        self._build()
        self._rebuild()

    # -- building ------------------------------------------------------------------------------

    def _button(
        self, text: str, name: str, accessible: str, slot: Any, tip: str = ""
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.tree = QTreeWidget()
        self.tree.setObjectName("plan_goals")
        self.tree.setAccessibleName(self.tr("Goals and their steps"))
        self.tree.setHeaderLabels(
            [self.tr("Goal or step"), self.tr("Who"), self.tr("Target date"), self.tr("Status")]
        )
        self.tree.setMinimumHeight(self.tree.fontMetrics().lineSpacing() * 10)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(self.on_tree_current_changed)
        self.tree.itemActivated.connect(self.on_tree_activated)
        self.add_goal = self._button(
            self.tr("Add &goal"), "plan_add_goal", self.tr("Add goal"), self.on_add_goal_clicked
        )
        self.add_step = self._button(
            self.tr("Add st&ep"),
            "plan_add_step",
            self.tr("Add step to the selected goal"),
            self.on_add_step_clicked,
            self.tr("Adds a step to the selected goal (Insert in the list)"),
        )
        self.move_up = self._button(
            self.tr("Move &up"),
            "plan_move_up",
            self.tr("Move up"),
            self.on_move_up_clicked,
            self.tr("Ctrl+Up in the list"),
        )
        self.move_down = self._button(
            self.tr("Move down"),
            "plan_move_down",
            self.tr("Move down"),
            self.on_move_down_clicked,
            self.tr("Ctrl+Down in the list"),
        )
        self.mark_done = self._button(
            self.tr("Mar&k done"),
            "plan_mark_done",
            self.tr("Mark done or reopen"),
            self.on_mark_done_clicked,
            self.tr("Marks the selected goal or step done; again to reopen"),
        )
        self.remove = self._button(
            self.tr("Remove"),
            "plan_remove",
            self.tr("Remove unsaved goal or step"),
            self.on_remove_clicked,
            self.tr(
                "Only goals and steps not saved yet can be removed; set a saved one to dropped"
            ),
        )
        self.undo_button = self._button(
            self.tr("Undo"),
            "plan_undo",
            self.tr("Undo the last goal or step edit"),
            self.undo,
            self.tr("Undo the last goal or step edit (Ctrl+Z outside a text field)"),
        )
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.on_add_step_clicked),
            (QKeySequence("Ctrl+Up"), self.on_move_up_clicked),
            (QKeySequence("Ctrl+Down"), self.on_move_down_clicked),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.on_remove_clicked),
        ):
            shortcut = QShortcut(key, self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        buttons = QHBoxLayout()
        for button in (
            self.add_goal,
            self.add_step,
            self.move_up,
            self.move_down,
            self.mark_done,
            self.remove,
            self.undo_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()

        self.detail = QStackedWidget()
        self.detail.setObjectName("plan_detail")
        self.hint = QLabel()
        self.hint.setObjectName("plan_goals_hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.addWidget(self.hint)
        self.detail.addWidget(self._build_goal_page())
        self.detail.addWidget(self._build_step_page())
        self.detail_error = ErrorLabel()

        left = QVBoxLayout()
        left.addWidget(self.tree, 1)
        right = QVBoxLayout()
        right.addWidget(self.detail_error)
        right.addWidget(self.detail)
        right.addStretch()
        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(row, 1)

    def _row(self, page: str, field: str, text: str, widget: QWidget, title: str) -> None:
        form = self._forms[page]
        error = ErrorLabel()
        form.addRow(buddy_label(text, widget), field_box(widget, error))
        self._places[page][field] = (widget, error, title)

    def _line(self, name: str, accessible: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(lambda text: self._set(field, text))
        return edit

    def _build_goal_page(self) -> QWidget:
        page = QWidget()
        self._forms["goal"] = form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.goal_domain = CodedCombo("goal_domain", self.tr("Goal domain"), GOAL_DOMAINS)
        self.goal_domain.sig_edited.connect(lambda: self._set("domain", self.goal_domain.value()))
        self.goal_text = self._line("goal_text", self.tr("Goal"), "goal")
        self.goal_text.setPlaceholderText(self.tr("The goal, in the participant's words"))
        self.goal_barriers = self._line("goal_barriers", self.tr("Barriers"), "barriers")
        self.goal_status = CodedCombo("goal_status", self.tr("Goal status"), STEP_STATUSES)
        self.goal_status.sig_edited.connect(lambda: self._set("status", self.goal_status.value()))
        self._row("goal", "domain", self.tr("Do&main"), self.goal_domain, self.tr("Domain"))
        self._row(
            "goal", "goal", self.tr("Goal (&in their words)"), self.goal_text, self.tr("Goal")
        )
        self._row("goal", "barriers", self.tr("&Barriers"), self.goal_barriers, self.tr("Barriers"))
        self._row(
            "goal", "status", self.tr("Goal status"), self.goal_status, self.tr("Goal status")
        )
        return page

    def _build_step_page(self) -> QWidget:
        page = QWidget()
        self._forms["step"] = form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.step_text = self._line("step_description", self.tr("Step"), "description")
        self.step_text.setPlaceholderText(self.tr("What will be done"))
        self.step_who = CodedCombo("step_responsible", self.tr("Who does it"), RESPONSIBLE)
        self.step_who.sig_edited.connect(self.on_step_who_edited)
        self.step_partner = self._line("step_partner", self.tr("Partner's name"), "partner_name")
        self.step_partner.setPlaceholderText(self.tr("When a partner does it: who"))
        self.step_date = DateField("step_target_date", self.tr("Target date"))
        self.step_date.sig_edited.connect(lambda: self._set("target_date", self.step_date.value()))
        self.step_status = CodedCombo("step_status", self.tr("Step status"), STEP_STATUSES)
        self.step_status.sig_edited.connect(lambda: self._set("status", self.step_status.value()))
        self.step_consent = QComboBox()
        self.step_consent.setObjectName("step_consent")
        self.step_consent.setAccessibleName(self.tr("Referral made under consent"))
        self.step_consent.activated.connect(
            lambda _: self._set("consent_id", self.step_consent.currentData())
        )
        self.set_consents([])
        self._row(
            "step",
            "description",
            self.tr("Step descr&iption"),
            self.step_text,
            self.tr("Step"),
        )
        self._row("step", "responsible", self.tr("&Who does it"), self.step_who, self.tr("Who"))
        self._row("step", "partner_name", self.tr("Partner"), self.step_partner, self.tr("Partner"))
        self._row(
            "step",
            "target_date",
            self.tr("Target date"),
            self.step_date,
            self.tr("Target date"),
        )
        self._row(
            "step", "status", self.tr("Step status"), self.step_status, self.tr("Step status")
        )
        self._row(
            "step",
            "consent_id",
            self.tr("Under &consent"),
            self.step_consent,
            self.tr("Consent"),
        )
        return page

    # -- public --------------------------------------------------------------------------------

    def goals(self) -> list[dict[str, Any]]:
        """The goals as edited, each with its steps (a copy)."""
        return copy.deepcopy(self._goals)

    def set_goals(self, goals: list[dict[str, Any]]) -> None:
        """Show these goals (fresh from the store or a draft); clears undo and problems."""
        path = self.selected_path()
        self._goals = goals
        self._undo.clear()
        self._undo_key = None
        self._issues = PlanIssues()
        self._rebuild()
        self.select_path(path if path and self._item_at(path) is not None else [0])

    def set_consents(self, consents: list[dict[str, Any]]) -> None:
        """Offer the participant's consents for steps that refer to a partner."""
        current = self.step_consent.currentData()
        self.step_consent.clear()
        self.step_consent.addItem(self.tr("No consent named"), None)
        for consent in consents:
            names = ", ".join(
                str(r.get("name") if isinstance(r, dict) else r)
                for r in consent["recipients"] or []
            )
            text = self.tr("{0} to {1} ({2})").format(
                labels.code(consent["consent_type"]),
                names or self.tr("nobody yet"),
                labels.code(consent["status"]),
            )
            self.step_consent.addItem(text, consent["id"])
        labels.select_data(self.step_consent, current)

    def selected_path(self) -> list[int] | None:
        """[goal] or [goal, step] of the selected row (None when nothing is selected)."""
        item = self.tree.currentItem()
        return list(item.data(0, PATH_ROLE)) if item is not None else None

    def select_path(self, path: list[int] | None) -> None:
        """Select the goal or step at ``path`` (if it exists)."""
        item = self._item_at(path) if path else None
        if item is not None:
            self.tree.setCurrentItem(item)
        self._show_detail()

    def clear_undo(self) -> None:
        """Forget undo steps (after a save or a discard)."""
        self._undo.clear()
        self._undo_key = None
        self._update_buttons()

    def show_issues(self, found: PlanIssues) -> None:
        """Mark goals and steps with problems; select the first and show its problems."""
        self._issues = found
        self._mark_issues()
        keys: list[tuple[int, int]] = [(g, -1) for g in found.goals] + list(found.steps)
        if keys:
            g, s = min(keys)
            self.select_path([g] if s < 0 else [g, s])
        self._show_item_issues(focus=bool(keys))

    @Slot()
    def undo(self) -> None:
        """Take back the last goal or step edit."""
        if not self._undo:
            return
        self._goals, path = self._undo.pop()
        self._undo_key = None
        self._rebuild()
        self.select_path(path)
        self.sig_edited.emit()

    # -- tree ----------------------------------------------------------------------------------

    def _item_at(self, path: list[int]) -> QTreeWidgetItem | None:
        if not path or not 0 <= path[0] < self.tree.topLevelItemCount():
            return None
        item = self.tree.topLevelItem(path[0])
        if item is not None and len(path) > 1:
            return item.child(path[1]) if 0 <= path[1] < item.childCount() else None
        return item

    def _node(self, path: list[int]) -> dict[str, Any]:
        goal = self._goals[path[0]]
        return goal["steps"][path[1]] if len(path) > 1 else goal

    def _texts(self, path: list[int]) -> list[str]:
        node = self._node(path)
        if len(path) == 1:
            text = node["goal"] or self.tr("(new goal)")
            return [
                self.tr("{0}: {1}").format(labels.code(node["domain"]), text),
                "",
                "",
                labels.code(node["status"]),
            ]
        who = labels.code(node["responsible"])
        if node["responsible"] == "partner" and node.get("partner_name"):
            who = node["partner_name"]
        return [
            node["description"] or self.tr("(new step)"),
            who,
            date_text(node.get("target_date")),
            labels.code(node["status"]),
        ]

    def _rebuild(self) -> None:
        self._filling = True
        try:
            self.tree.clear()
            for g, goal in enumerate(self._goals):
                top = QTreeWidgetItem(self._texts([g]))
                top.setData(0, PATH_ROLE, [g])
                self.tree.addTopLevelItem(top)
                for s in range(len(goal["steps"])):
                    child = QTreeWidgetItem(top, self._texts([g, s]))
                    child.setData(0, PATH_ROLE, [g, s])
                top.setExpanded(True)
            for column in (COL_WHO, COL_DATE, COL_STATUS):
                self.tree.resizeColumnToContents(column)
        finally:
            self._filling = False
        self._mark_issues()
        self._show_detail()

    def _mark_issues(self) -> None:
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for g, goal in enumerate(self._goals):
            top = self._item_at([g])
            if top is not None:
                top.setIcon(COL_TEXT, warning if self._issues.goals.get(g) else QIcon())
            for s in range(len(goal["steps"])):
                child = self._item_at([g, s])
                if child is not None:
                    bad = bool(self._issues.steps.get((g, s)))
                    child.setIcon(COL_TEXT, warning if bad else QIcon())

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def on_tree_current_changed(self, *_: object) -> None:
        """Show the selected goal or step in the detail form."""
        if not self._filling:
            self._show_detail()

    @Slot(QTreeWidgetItem, int)
    def on_tree_activated(self, *_: object) -> None:
        """Enter on a row: go to its first field."""
        first = self.goal_domain if self.detail.currentIndex() == 1 else self.step_text
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_detail(self) -> None:
        path = self.selected_path()
        self._filling = True
        try:
            if path is None:
                self.hint.setText(
                    self.tr("No goals yet. Add the first with Add goal (Alt+G).")
                    if not self._goals
                    else self.tr("Select a goal or step to edit it.")
                )
                self.detail.setCurrentIndex(0)
            elif len(path) == 1:
                goal = self._node(path)
                self.goal_domain.set_value(goal["domain"])
                self.goal_text.setText(goal["goal"] or "")
                self.goal_barriers.setText(goal.get("barriers") or "")
                self.goal_status.set_value(goal["status"])
                self.detail.setCurrentIndex(1)
            else:
                step = self._node(path)
                self.step_text.setText(step["description"] or "")
                self.step_who.set_value(step["responsible"])
                self.step_partner.setText(step.get("partner_name") or "")
                self.step_partner.setEnabled(step["responsible"] == "partner")
                self.step_date.setText(step.get("target_date") or "")
                self.step_status.set_value(step["status"])
                labels.select_data(self.step_consent, step.get("consent_id"))
                self.detail.setCurrentIndex(2)
        finally:
            self._filling = False
        self._show_item_issues(focus=False)
        self._update_buttons()

    def _show_item_issues(self, *, focus: bool) -> None:
        path = self.selected_path()
        issues: list[Issue] = []
        page = "goal"
        if path is not None and len(path) == 1:
            issues = self._issues.goals.get(path[0], [])
        elif path is not None:
            page, issues = "step", self._issues.steps.get((path[0], path[1]), [])
        general: list[str] = []
        first: QWidget | None = None
        for places in self._places.values():
            for widget, error, _ in places.values():
                error.clear()
                widget.setAccessibleDescription("")
        shown: dict[str, list[str]] = {}
        for issue in issues:
            place = self._places[page].get(issue.field)
            if place is None:
                general.append("{}: {}; {}".format(issue.field, *labels.issue_text(issue)))
                continue
            message = self.tr("{0}: {1}; {2}").format(place[2], *labels.issue_text(issue))
            shown.setdefault(issue.field, []).append(message)
            first = first or place[0]
        for field, messages in shown.items():
            widget, error, _ = self._places[page][field]
            error.show_message("\n".join(messages))
            widget.setAccessibleDescription("\n".join(messages))
        self.detail_error.show_message("\n".join(general))
        if focus and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        path = self.selected_path()
        siblings = 0
        if path is not None:
            siblings = len(self._goals) if len(path) == 1 else len(self._goals[path[0]]["steps"])
        self.add_step.setEnabled(path is not None)
        self.move_up.setEnabled(path is not None and path[-1] > 0)
        self.move_down.setEnabled(path is not None and path[-1] < siblings - 1)
        self.mark_done.setEnabled(path is not None)
        self.remove.setEnabled(path is not None and not self._node(path).get("id"))
        self.undo_button.setEnabled(bool(self._undo))

    # -- edits ---------------------------------------------------------------------------------

    def _push_undo(self) -> None:
        self._undo.append((copy.deepcopy(self._goals), self.selected_path()))
        del self._undo[:-UNDO_LIMIT]

    def _structural(self, path: list[int] | None) -> None:
        """After adding, moving or removing: redraw, select ``path``, announce."""
        self._undo_key = None
        self._issues = PlanIssues()
        self._rebuild()
        self.select_path(path)
        self.sig_edited.emit()

    def _set(self, field: str, value: Any) -> None:
        path = self.selected_path()
        if self._filling or path is None:
            return
        key = (tuple(path), field)
        if self._undo_key != key:
            self._push_undo()
            self._undo_key = key
        self._node(path)[field] = value
        item = self._item_at(path)
        if item is not None:
            for column, text in enumerate(self._texts(path)):
                item.setText(column, text)
        page = "goal" if len(path) == 1 else "step"
        place = self._places[page].get(field)
        if place is not None:
            place[1].clear()
            place[0].setAccessibleDescription("")
        self._update_buttons()
        self.sig_edited.emit()

    @Slot()
    def on_step_who_edited(self) -> None:
        """Who does the step: a partner needs a name."""
        who = self.step_who.value()
        self.step_partner.setEnabled(who == "partner")
        self._set("responsible", who)

    @Slot()
    def on_add_goal_clicked(self) -> None:
        """Add a goal (in a domain not used yet) and go to its domain."""
        used = {g["domain"] for g in self._goals}
        domain = next((d for d in GOAL_DOMAINS if d not in used), GOAL_DOMAINS[0])
        self._push_undo()
        self._goals.append(new_goal(domain))
        self._structural([len(self._goals) - 1])
        self.goal_domain.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_add_step_clicked(self) -> None:
        """Add a step to the selected goal and go to its description."""
        path = self.selected_path()
        if path is None:
            return
        self._push_undo()
        steps = self._goals[path[0]]["steps"]
        steps.append(new_step())
        self._structural([path[0], len(steps) - 1])
        self.step_text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move(self, delta: int) -> None:
        path = self.selected_path()
        if path is None:
            return
        siblings = self._goals if len(path) == 1 else self._goals[path[0]]["steps"]
        here, there = path[-1], path[-1] + delta
        if not 0 <= there < len(siblings):
            return
        self._push_undo()
        siblings[here], siblings[there] = siblings[there], siblings[here]
        self._structural([*path[:-1], there])
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_move_up_clicked(self) -> None:
        """Move the selected goal or step up."""
        self._move(-1)

    @Slot()
    def on_move_down_clicked(self) -> None:
        """Move the selected goal or step down."""
        self._move(+1)

    @Slot()
    def on_mark_done_clicked(self) -> None:
        """Mark the selected goal or step done (or open again when it was done)."""
        path = self.selected_path()
        if path is None:
            return
        self._push_undo()
        node = self._node(path)
        node["status"] = "open" if node["status"] == "done" else "done"
        self._structural(path)

    @Slot()
    def on_remove_clicked(self) -> None:
        """Remove a goal or step that was never saved."""
        path = self.selected_path()
        if path is None or self._node(path).get("id"):
            return
        self._push_undo()
        if len(path) == 1:
            del self._goals[path[0]]
            after = [min(path[0], len(self._goals) - 1)] if self._goals else None
        else:
            steps = self._goals[path[0]]["steps"]
            del steps[path[1]]
            after = [path[0], path[1] - 1] if path[1] > 0 else [path[0]]
        self._structural(after)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
