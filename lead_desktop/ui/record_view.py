"""One participant's record: a header and the tabs of their file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import Connection

from lead_desktop.domain.participant import display_name
from lead_desktop.store import casework
from lead_desktop.store.participants import get_participant
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change
from lead_desktop.ui.drafts import DraftKeeper

logger = logging.getLogger(__name__)

#: Drafts that belong to a tab of the record (their ref_id is the participant id).
RECORD_DRAFT_KINDS = ("profile", "screening", "plan", "contact", "consent")


class RecordView(QWidget):
    """The header (name, date of birth, status) over the record's tabs."""

    sig_title = Signal(str)
    """The participant's name is known (for the tab's title)."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from lead_desktop.ui.record.assessments_tab import AssessmentsTab
        from lead_desktop.ui.record.consents_tab import ConsentsTab
        from lead_desktop.ui.record.contacts_tab import ContactsTab
        from lead_desktop.ui.record.documents_tab import DocumentsTab
        from lead_desktop.ui.record.history_tab import HistoryTab
        from lead_desktop.ui.record.plan_tab import PlanTab
        from lead_desktop.ui.record.profile_tab import ProfileTab
        from lead_desktop.ui.record.referrals_tab import ReferralsTab

        self.ctx = ctx
        self.participant_id = participant_id
        self.title = ""
        self.header = QLabel(self)
        self.header.setObjectName("record_header")
        self.header.setAccessibleName(self.tr("Participant"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("record_tabs")
        self.tabs.setAccessibleName(self.tr("Parts of the record"))
        self.tabs.setDocumentMode(True)
        pages: list[tuple[str, Callable[[AppContext, str, QWidget], QWidget]]] = [
            (self.tr("&Profile"), ProfileTab),
            (self.tr("&Referrals"), ReferralsTab),
            (self.tr("&Assessments"), AssessmentsTab),
            (self.tr("Service p&lan"), PlanTab),
            (self.tr("Co&nsents"), ConsentsTab),
            (self.tr("Con&tacts"), ContactsTab),
            (self.tr("&Documents"), DocumentsTab),
            (self.tr("&History"), HistoryTab),
        ]
        for text, page in pages:
            widget = page(ctx, participant_id, self.tabs)
            self.tabs.addTab(widget, text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.refresh()
        # Queued behind the tabs' own first loads (one read thread, in order), so a draft
        # lands on top of the stored values rather than under them.
        ctx.read(self._drafts, self._restore_drafts)

    def refresh(self) -> None:
        """Reload the header."""
        self.ctx.read(lambda conn: get_participant(conn, self.participant_id), self._show)

    def _show(self, row: dict[str, Any]) -> None:
        self.title = display_name(row)
        parts = [f"<b>{self.title}</b>"]
        if row.get("dob"):
            parts.append(self.tr("born {0}").format(row["dob"]))
        parts.append(labels.code(row.get("status")))
        self.header.setText(" · ".join(parts))
        self.header.setAccessibleDescription(self.header.text())
        self.sig_title.emit(self.title)

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Keep the header current."""
        if self.participant_id in change.ids or change.entity == "participant":
            self.refresh()

    def _drafts(self, conn: Connection) -> list[dict[str, Any]]:
        store = self.ctx.store
        if store is None:
            return []
        return [
            d
            for d in casework.list_drafts(conn, store.worker_id)
            if d["ref_id"] == self.participant_id and d["kind"] in RECORD_DRAFT_KINDS
        ]

    def _restore_drafts(self, drafts: list[dict[str, Any]]) -> None:
        mine = self.open_drafts()
        for draft in reversed(drafts):  # oldest first, so the newest wins
            for keeper in mine:
                if keeper.kind == draft["kind"]:
                    keeper.adopt(draft["id"], draft["payload"])
                    form = keeper.form
                    if isinstance(form, QWidget):  # already back: no need to offer it
                        for banner in form.findChildren(QFrame, "draft_banner"):
                            banner.hide()
                    break

    def open_drafts(self) -> list[DraftKeeper]:
        """The draft keepers of the forms inside this record view."""
        return [
            keeper
            for keeper in self.findChildren(DraftKeeper)
            if keeper.ref_id == self.participant_id
        ]
