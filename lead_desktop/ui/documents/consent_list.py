"""The list of a participant's consents (a table model) and the forms' wording for the gate."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QWidget

from lead_desktop.documents.templates import consent_template
from lead_desktop.domain import consent as rules
from lead_desktop.domain.casework import CONSENT_TYPES
from lead_desktop.errors import LeadError
from lead_desktop.ui import labels
from lead_desktop.ui.record.fields import date_text
from lead_desktop.ui.table_model import RowsModel

logger = logging.getLogger(__name__)


def form_templates() -> dict[tuple[str, str], dict[str, Any] | None]:
    """Every consent form's current wording by (type, language), for the live gate (read on the
    read thread: the files are read once, then cached)."""
    out: dict[tuple[str, str], dict[str, Any] | None] = {}
    for ctype in CONSENT_TYPES:
        for language in rules.LANGUAGES:
            try:
                out[(ctype, language)] = consent_template(ctype, language)
            except LeadError:
                out[(ctype, language)] = None
    return out


class ConsentsModel(RowsModel):
    """The participant's consents as a table, newest first."""

    COL_TYPE, COL_RECIPIENTS, COL_STATUS, COL_SIGNED, COL_EXPIRES, COL_REVOKED = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                self.tr("Type"),
                self.tr("Recipients"),
                self.tr("Status"),
                self.tr("Signed"),
                self.tr("Expires"),
                self.tr("Revoked"),
            ),
            parent,
        )

    def text(self, consent: dict[str, Any], column: int) -> str:
        """What a consent shows in a column."""
        if column == self.COL_TYPE:
            return labels.code(consent["consent_type"])
        if column == self.COL_RECIPIENTS:
            return ", ".join(str(r.get("name") or "") for r in rules.recipients_of(consent))
        if column == self.COL_STATUS:
            status = labels.code(consent["status"])
            if consent.get("flagged_false"):
                status = self.tr("{0}, flagged as false").format(status)
            return status
        if column == self.COL_SIGNED:
            return date_text(consent["signed_at"])
        if column == self.COL_EXPIRES:
            return date_text(consent["expiry_date"]) or str(consent["expiry_event"] or "")
        return date_text(consent["revoked_at"])
