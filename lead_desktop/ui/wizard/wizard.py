"""The new-referral wizard used in the street: eight steps, kept as a draft as the worker types,
saved in one transaction at the end."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from lead_desktop import services, settings
from lead_desktop.domain.coverage import CoverageArea
from lead_desktop.domain.places import (
    Gazetteer,
    MapLayers,
    load_default_gazetteer,
    load_map_layers,
)
from lead_desktop.errors import Issue, ValidationError
from lead_desktop.store import casework
from lead_desktop.store.referrals import (
    PAGES,
    ReferralResult,
    check_payload,
    finish_referral,
    page_of,
)
from lead_desktop.store.store import Store
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error, user_message
from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.wizard.base import ErrorLabel, Page, issue_text
from lead_desktop.ui.wizard.page_consent import ConsentPage
from lead_desktop.ui.wizard.page_decision import DecisionPage
from lead_desktop.ui.wizard.page_intake import IntakePage
from lead_desktop.ui.wizard.page_location import LocationPage
from lead_desktop.ui.wizard.page_person import PersonPage
from lead_desktop.ui.wizard.page_plan import PlanPage
from lead_desktop.ui.wizard.page_referral import ReferralTypePage
from lead_desktop.ui.wizard.page_screen import ScreenPage, item_label

logger = logging.getLogger(__name__)

DRAFT_KIND = "referral"
DRAFT_VERSION = 1
TYPE, LOCATION, SCREEN, PERSON, DECISION, INTAKE, CONSENT, PLAN = range(len(PAGES))


@dataclass(frozen=True)
class WizardData:
    """What the wizard loads from the store and resources before it is fully usable."""

    area: CoverageArea
    exclusion_items: tuple[str, ...]
    program_name: str
    gazetteer: Gazetteer
    layers: MapLayers


def load_wizard_data(store: Store) -> WizardData:
    """Read the program's area, exclusion screen and name (runs on the read thread)."""
    program = settings.load(store)
    return WizardData(
        area=services.coverage_area(store),
        exclusion_items=tuple(program.exclusion_items),
        program_name=program.program.name,
        gazetteer=load_default_gazetteer(),
        layers=load_map_layers(),
    )


class ReferralWizard(QWidget):
    """Referral, location, exclusion screen, person, decision, intake, consent, first plan."""

    sig_finished = Signal(object)
    """The referral was saved; carries the ReferralResult."""
    sig_cancelled = Signal()
    """The worker closed the wizard without finishing ("Save and close"); the draft is kept."""
    sig_edited = Signal()
    """Something in the wizard changed (the draft keeper saves it)."""
    sig_ready = Signal()
    """The program's area, places and exclusion screen are loaded."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        draft_id: str | None = None,
        payload: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("referral_wizard")
        self.setAccessibleName(self.tr("New referral"))
        self.ready = False
        self.saving = False
        self.done = False
        self.current = TYPE
        self.history: list[int] = []
        self._restoring = False
        self._program_name = ""
        self._pending: dict[str, list[tuple[str, str]]] = {}
        self.type_page = ReferralTypePage(ctx)
        self.location = LocationPage(ctx)
        self.screen_page = ScreenPage(ctx)
        self.person = PersonPage(ctx)
        self.decision = DecisionPage(ctx)
        self.intake = IntakePage(ctx)
        self.consent = ConsentPage(ctx)
        self.plan = PlanPage(ctx)
        self.pages: list[Page] = [
            self.type_page,
            self.location,
            self.screen_page,
            self.person,
            self.decision,
            self.intake,
            self.consent,
            self.plan,
        ]
        self._build()
        for page in self.pages:
            page.sig_edited.connect(self.on_page_edited)
        self.location.sig_decline_outside.connect(self.on_location_decline_outside)
        self.keeper = DraftKeeper(ctx, self, DRAFT_KIND, draft_id=draft_id, parent=self)
        if payload:
            self.restore_payload(payload)
        else:
            self._show(TYPE)
        ctx.call(load_wizard_data, self._loaded, self._load_failed)

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("wizard_heading")
        self.heading.setAccessibleName(self.tr("Current step"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        self.banner = ErrorLabel("wizard", self)
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        steps = QFrame()
        steps.setFrameShape(QFrame.Shape.StyledPanel)
        steps.setObjectName("wizard_steps")
        column = QVBoxLayout(steps)
        self.step_labels: list[QLabel] = []
        for n, page in enumerate(self.pages, 1):
            label = QLabel(self.tr("{0}. {1}").format(n, page.title()))
            label.setObjectName(f"step_{page.page_id}")
            bold = label.font()
            bold.setBold(True)  # room for the current step, shown in bold
            label.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(label.text()) + 4)
            self.step_labels.append(label)
            column.addWidget(label)
        column.addStretch()
        body.addWidget(steps)
        self.stack = QStackedWidget()
        self.stack.setObjectName("wizard_pages")
        for page in self.pages:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            # Not a tab stop itself: it still scrolls to whichever field gets focus.
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setAccessibleName(page.title())
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
        body.addWidget(self.stack, 1)

        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Save and &close"))
        self.close_button.setObjectName("wizard_save_close")
        self.close_button.setAccessibleName(self.tr("Save and close"))
        self.close_button.setToolTip(self.tr("Keep this referral as a draft and close it"))
        self.status = QLabel()
        self.status.setObjectName("wizard_status")
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setObjectName("wizard_back")
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button = QPushButton()
        self.next_button.setObjectName("wizard_next")
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)
        self.close_button.clicked.connect(self.on_close_button_clicked)
        self.back_button.clicked.connect(self.on_back_button_clicked)
        self.next_button.clicked.connect(self.on_next_button_clicked)

    # -- loading -------------------------------------------------------------------------

    def _loaded(self, data: WizardData) -> None:
        if not isValid(self):
            return
        self._program_name = data.program_name
        self.location.set_data(data.area, data.gazetteer, data.layers)
        self.screen_page.set_items(data.exclusion_items)
        self.ready = True
        self._entered(self.current)
        self.sig_ready.emit()

    def _load_failed(self, error: BaseException) -> None:
        if isValid(self):
            self.banner.show_message(user_message(error))

    # -- the payload -----------------------------------------------------------------------

    def core_payload(self) -> dict[str, Any]:
        """Everything typed, in the shape lead_desktop.store.referrals expects."""
        existing = self.person.existing if self.person.choice == "existing" else None
        return {
            "referral": {
                **self.type_page.values(),
                **self.location.values(),
                **self.screen_page.values(),
            },
            "person_choice": self.person.choice,
            "existing_participant_id": existing["participant_id"] if existing else None,
            **self.decision.values(),
            "participant": self.intake.values() if self.person.choice == "new" else {},
            "aliases": self.person.aliases() if self.person.choice == "new" else [],
            "consent": self.consent.consent_data(),
            "plan": self.plan.values(),
        }

    def draft_payload(self) -> dict[str, Any]:
        """The current step, the way back, and every field of every step."""
        return {
            "version": DRAFT_VERSION,
            "page": self.current,
            "history": list(self.history),
            "pages": {page.page_id: page.state() for page in self.pages},
        }

    def restore_payload(self, payload: dict[str, Any]) -> None:
        """Put every step back and return to the step the worker was on."""
        self._restoring = True
        try:
            states = payload.get("pages") or {}
            for page in self.pages:
                if page.page_id in states:
                    page.restore(states[page.page_id])
            self.history = [
                int(i) for i in payload.get("history") or [] if 0 <= int(i) < len(PAGES)
            ]
            page_index = int(payload.get("page") or 0)
            self._show(page_index if 0 <= page_index < len(PAGES) else TYPE)
        finally:
            self._restoring = False

    @Slot()
    def on_page_edited(self) -> None:
        """A field changed: keep the draft, refresh the buttons."""
        self._update_buttons()
        if not self._restoring:
            self.sig_edited.emit()

    # -- moving between steps ------------------------------------------------------------

    def _area_result(self) -> bool | None:
        return self.location.in_area

    def _next_index(self) -> int:
        if self.current == LOCATION and self._area_result() is False:
            return DECISION
        return self.current + 1

    def _is_last(self) -> bool:
        if self.current == DECISION:
            return self.decision.decision() == "declined"
        return self.current == PLAN

    def _show(self, index: int) -> None:
        self.current = index
        self.stack.setCurrentIndex(index)
        self._entered(index)
        page = self.pages[index]
        self.heading.setText(
            self.tr("New referral: step {0} of {1}, {2}").format(
                index + 1, len(PAGES), page.title()
            )
        )
        for n, label in enumerate(self.step_labels):
            font = label.font()
            font.setBold(n == index)
            label.setFont(font)
            label.setEnabled(n == index or n in self.history)
        self._update_buttons()
        self._focus_first(page)

    def _go(self, index: int) -> None:
        self.history.append(self.current)
        self._show(index)
        self.banner.clear()
        self.sig_edited.emit()

    def _entered(self, index: int) -> None:
        page = self.pages[index]
        page.clear_issues()
        if index == DECISION:
            self._update_decision()
        elif index == INTAKE:
            existing = self.person.existing if self.person.choice == "existing" else None
            self.intake.set_existing(existing)
            self.intake.prefill(
                {
                    "first_name": self.person.first_name.text().strip(),
                    "last_name": self.person.last_name.text().strip(),
                    "dob": self.person.dob.text().strip(),
                }
            )
        elif index == CONSENT:
            if self.person.choice == "existing" and self.person.existing:
                signer = str(self.person.existing.get("name") or "")
            else:
                values = self.intake.values()
                signer = " ".join(
                    values.get(f, "") for f in ("first_name", "middle_name", "last_name")
                ).strip()
                signer = " ".join(signer.split())
            self.consent.prefill(signer, self._program_name)
        pending = self._pending.pop(page.page_id, [])
        if pending:
            page.show_issues(pending)

    def _update_decision(self) -> None:
        lines: list[str] = []
        blockers: list[tuple[str, str]] = []
        inside = self._area_result()
        place = self.location.location_text.text().strip()
        if inside is None:
            lines.append(self.tr("Place: not chosen yet."))
        elif inside:
            lines.append(self.tr("Place: inside the LEAD area ({0}).").format(place))
        else:
            lines.append(self.tr("Place: outside the LEAD area ({0}).").format(place))
            blockers.append(("outside_area", self.tr("the place is outside the LEAD area")))
        excluded = self.screen_page.excluded_by()
        screen = self.screen_page.values()["exclusion_screen"]
        unknown = [i["item"] for i in screen if i["answer"] in ("unknown", None)]
        if excluded:
            lines.append(
                self.tr("Exclusion screen: “{0}” answered yes.").format("”, “".join(excluded))
            )
            blockers.append(("excluded", self.tr("the exclusion screen has a “yes”")))
        elif unknown:
            lines.append(
                self.tr(
                    "Exclusion screen: nothing excludes the person; still to check: {0}."
                ).format(", ".join(item_label(u) for u in unknown))
            )
        else:
            lines.append(self.tr("Exclusion screen: nothing excludes the person."))
        prosecutor = self.screen_page.prosecutor_decision.currentData()
        if prosecutor:
            lines.append(self.tr("Prosecutor: {0}.").format(labels.code(prosecutor)))
            if prosecutor == "ineligible":
                blockers.append(
                    ("not_eligible", self.tr("the prosecutor found the person ineligible"))
                )
        if self.person.choice == "existing" and self.person.existing:
            lines.append(
                self.tr("Person: already a participant, {0}.").format(self.person.existing["name"])
            )
        elif self.person.choice == "new":
            lines.append(self.tr("Person: new to the program."))
        else:
            lines.append(self.tr("Person: not looked up yet."))
        self.decision.update_summary(lines, blockers)

    def _focus_first(self, page: Page) -> None:
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisibleTo(page)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _update_buttons(self) -> None:
        busy = self.saving or self.done
        self.back_button.setEnabled(bool(self.history) and not busy)
        self.next_button.setEnabled(not busy)
        self.close_button.setEnabled(not self.saving)
        if not self._is_last():
            text, name = self.tr("&Next"), self.tr("Next")
        elif self.current == DECISION:
            text, name = self.tr("&Save declined referral"), self.tr("Save declined referral")
        else:
            text, name = self.tr("&Save referral"), self.tr("Save referral")
        self.next_button.setText(text)
        self.next_button.setAccessibleName(name)

    # -- checks ----------------------------------------------------------------------------

    def _issues(self) -> list[Issue]:
        return check_payload(self.core_payload(), area=self.location.area)

    def _page_problems(self, index: int) -> list[tuple[str, str]]:
        page = self.pages[index]
        found = [
            (page_of(i)[1], issue_text(*labels.issue_text(i)))
            for i in self._issues()
            if page_of(i)[0] == page.page_id
        ]
        return page.local_issues() + found

    def show_issues(self, issues: list[Issue]) -> None:
        """Go to the step of the first issue and show every issue beside its field."""
        by_page: dict[str, list[tuple[str, str]]] = {}
        for issue in issues:
            page, field = page_of(issue)
            by_page.setdefault(page or "type", []).append(
                (field, issue_text(*labels.issue_text(issue)))
            )
        first = min(PAGES.index(p) for p in by_page)
        titles = [self.pages[PAGES.index(p)].title() for p in PAGES if p in by_page]
        self._pending = by_page
        if first != self.current:
            self._go(first)
        else:
            self._entered(first)
        self.banner.show_message(
            self.tr("Nothing was saved. Please check: {0}.").format(", ".join(titles))
        )
        focus = self.pages[first].show_issues(by_page.get(PAGES[first], []))
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- buttons ---------------------------------------------------------------------------

    @Slot()
    def on_next_button_clicked(self) -> None:
        """Check this step, then go on (or save, on the last step)."""
        if self.saving or self.done:
            return
        page = self.pages[self.current]
        page.clear_issues()
        problems = self._page_problems(self.current)
        if problems:
            focus = page.show_issues(problems)
            if focus is not None:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._is_last():
            self.finish()
        else:
            self._go(self._next_index())

    @Slot()
    def on_back_button_clicked(self) -> None:
        """Back to the step before (the way the worker came)."""
        if self.history and not self.saving:
            self._show(self.history.pop())
            self.banner.clear()
            self.sig_edited.emit()

    @Slot()
    def on_location_decline_outside(self) -> None:
        """Out of the area: straight to the decision, declined for that reason."""
        self.decision.choose_decline("outside_area")
        self._go(DECISION)

    @Slot()
    def on_close_button_clicked(self) -> None:
        """Keep the draft and close."""
        if not self.done:
            self.keeper.save_now()
        self.sig_cancelled.emit()

    def finish(self) -> None:
        """Check everything, then write it all in one transaction."""
        issues = self._issues()
        if self.decision.decision() is None:
            issues.append(Issue("decision.decision", "is not made", "choose accept or decline"))
        if issues:
            self.show_issues(issues)
            return
        payload = self.core_payload()
        area = self.location.area
        self.saving = True
        self.stack.setEnabled(False)  # nothing changes while it is being written
        self.status.setText(self.tr("Saving…"))
        self._update_buttons()

        draft_id = self.keeper.draft_id

        def job(tx: Any) -> ReferralResult:
            result = finish_referral(tx, payload, area=area)
            # Same transaction: a crash can never leave a draft of a referral already saved.
            casework.discard_draft(tx, draft_id)
            return result

        def change(result: ReferralResult) -> Change:
            ids = tuple(i for i in (result.referral_id, result.participant_id) if i)
            detail = {"decision": result.decision, "new_participant": result.new_participant}
            return Change("referral", ids, detail)

        self.ctx.write(job, change, self._saved, self._save_failed)

    def _saved(self, result: ReferralResult) -> None:
        if not isValid(self):
            return
        self.keeper.discard()  # stops pending saves (the draft row went with the referral)
        self.done = True
        self.status.setText(self.tr("Saved."))
        self._update_buttons()
        self.sig_finished.emit(result)

    def _save_failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self.stack.setEnabled(True)
        self.status.setText("")
        self._update_buttons()
        if isinstance(error, ValidationError):
            self.show_issues(error.issues)
        else:
            show_error(self, error)
