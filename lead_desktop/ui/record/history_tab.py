"""The history tab: who viewed or changed which part of a participant's record, and when."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.store.history import DEFAULT_LIMIT, HistoryEvent, record_history
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.fields import concerns, local_datetime_text, when_alive
from lead_desktop.ui.record.profile_tab import field_title
from lead_desktop.ui.table_model import RowsModel, rows_table

logger = logging.getLogger(__name__)

CONTEXT = "HistoryTab"
ACTIONS: dict[str, object] = {
    "view": QT_TRANSLATE_NOOP("HistoryTab", "Viewed"),
    "create": QT_TRANSLATE_NOOP("HistoryTab", "Created"),
    "update": QT_TRANSLATE_NOOP("HistoryTab", "Changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryTab", "Removed"),
    "print": QT_TRANSLATE_NOOP("HistoryTab", "Printed"),
    "export": QT_TRANSLATE_NOOP("HistoryTab", "Exported"),
    "consent_event": QT_TRANSLATE_NOOP("HistoryTab", "Consent event"),
    "safety_alert": QT_TRANSLATE_NOOP("HistoryTab", "Safety alert raised"),
    "safety_protocol_followed": QT_TRANSLATE_NOOP("HistoryTab", "Safety protocol followed"),
    "capacity_override": QT_TRANSLATE_NOOP("HistoryTab", "Caseload limit overridden"),
    "sync": QT_TRANSLATE_NOOP("HistoryTab", "Synchronised"),
    "conflict_resolved": QT_TRANSLATE_NOOP("HistoryTab", "Conflict resolved"),
}
PARTS: dict[str, object] = {
    "participant": QT_TRANSLATE_NOOP("HistoryTab", "Profile"),
    "alias": QT_TRANSLATE_NOOP("HistoryTab", "Alias or street name"),
    "referral": QT_TRANSLATE_NOOP("HistoryTab", "Referral"),
    "assessment": QT_TRANSLATE_NOOP("HistoryTab", "Assessment"),
    "screening": QT_TRANSLATE_NOOP("HistoryTab", "Screening"),
    "service_plan": QT_TRANSLATE_NOOP("HistoryTab", "Service plan"),
    "plan_goal": QT_TRANSLATE_NOOP("HistoryTab", "Plan goal"),
    "plan_step": QT_TRANSLATE_NOOP("HistoryTab", "Plan step"),
    "consent": QT_TRANSLATE_NOOP("HistoryTab", "Consent"),
    "encounter": QT_TRANSLATE_NOOP("HistoryTab", "Contact"),
    "document": QT_TRANSLATE_NOOP("HistoryTab", "Document"),
    "attachment": QT_TRANSLATE_NOOP("HistoryTab", "Attachment"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_text(action: str) -> str:
    """An audited action in plain words."""
    english = ACTIONS.get(action)
    return _tr(str(english)) if english else labels.code(action)


def part_text(entity: str | None) -> str:
    """Which part of the record an entity is."""
    english = PARTS.get(entity or "")
    return _tr(str(english)) if english else labels.code(entity)


def detail_text(event: HistoryEvent) -> str:
    """The names of the fields an event touched (never their values)."""
    if not event.fields:
        return ""
    if event.entity == "participant":
        names = [field_title(f) for f in event.fields]
    else:
        names = [labels.code(f) for f in event.fields]
    return ", ".join(names)


class HistoryModel(RowsModel):
    """Audit events (:class:`HistoryEvent`) of one record, newest first."""

    WHEN, WORKER, ACTION, PART, FIELDS = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (_tr("When"), _tr("Worker"), _tr("Action"), _tr("Part"), _tr("Fields")), parent
        )

    def text(self, event: HistoryEvent, column: int) -> str | None:
        """What an event shows in a column."""
        if column == self.WHEN:
            return local_datetime_text(event.at)
        if column == self.WORKER:
            return event.worker_name or _tr("(unknown worker)")
        if column == self.ACTION:
            return action_text(event.action)
        if column == self.PART:
            return part_text(event.entity)
        if column == self.FIELDS:
            return detail_text(event)
        return None


class HistoryTab(QWidget):
    """Every view and change of the participant's record, newest first."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_tab")
        self.ctx = ctx
        self.participant_id = participant_id
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("history_summary")
        self.summary.setAccessibleName(self.tr("History summary"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = HistoryModel(self)
        self.table = rows_table(self.model, "history", self.tr("History of the record"))
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reload the history in the background."""
        if self.ctx.store is None:
            return
        pid = self.participant_id
        self.ctx.read(lambda conn: record_history(conn, pid), self._loaded)

    @when_alive
    def _loaded(self, events: list[HistoryEvent]) -> None:
        self.model.set_rows(events)
        if not events:
            self.summary.setText(self.tr("Nothing has been recorded about this record yet."))
        elif len(events) >= DEFAULT_LIMIT:
            self.summary.setText(
                self.tr("The latest {0} events, newest first.").format(len(events))
            )
        else:
            self.summary.setText(self.tr("{0} events, newest first.").format(len(events)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Bring the history up to date each time the tab is shown (views are not announced)."""
        super().showEvent(event)
        self.refresh()

    @Slot(object)
    def on_ctx_changed(self, change: object) -> None:
        """Reload when a change concerns this participant."""
        ids = {e.entity_id for e in self.model.rows if e.entity_id}
        if concerns(change, self.participant_id, ids):
            self.refresh()
