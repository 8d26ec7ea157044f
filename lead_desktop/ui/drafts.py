"""Drafts: every form saves what is typed, encrypted in the store, so no lock or crash loses it.

A form that wants this implements :class:`DraftForm` (a ``sig_edited`` signal plus
``draft_payload()`` / ``restore_payload()``) and hands itself to a :class:`DraftKeeper`. The keeper
saves shortly after each edit (debounced), at once when asked (idle lock, window close), and
discards the draft when the form is saved for real.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, SignalInstance

from lead_desktop.store import casework
from lead_desktop.store.ids import uuid7
from lead_desktop.store.tx import Tx
from lead_desktop.ui.context import AppContext

logger = logging.getLogger(__name__)

#: How long after the last keystroke a draft is written.
DEBOUNCE_MS = 400


class DraftForm(Protocol):
    """What a form offers so its unsaved state can be kept."""

    sig_edited: SignalInstance

    def draft_payload(self) -> dict[str, Any]:
        """Everything needed to put the form back exactly as it is, including the step."""
        ...

    def restore_payload(self, payload: dict[str, Any]) -> None:
        """Put the form back as the payload describes."""
        ...


class DraftKeeper(QObject):
    """Saves one form's draft as it is edited."""

    def __init__(
        self,
        ctx: AppContext,
        form: DraftForm,
        kind: str,
        *,
        ref_id: str | None = None,
        draft_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._form = form
        self.kind = kind
        self.ref_id = ref_id
        # Fixed up front, so a discard queued behind a pending save deletes the right row.
        self.draft_id = draft_id or uuid7()
        self._saved_once = draft_id is not None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.save_now)
        form.sig_edited.connect(self._timer.start)
        self._dirty = False
        form.sig_edited.connect(self._mark)
        self.saves = 0
        ctx.keepers.add(self)

    @property
    def form(self) -> DraftForm:
        """The form whose edits this keeper saves."""
        return self._form

    def adopt(self, draft_id: str, payload: dict[str, Any]) -> None:
        """Put a saved draft back into the form and keep saving under the same draft id."""
        self.draft_id = draft_id
        self._saved_once = True
        self._form.restore_payload(payload)
        self._dirty = False

    def _mark(self, *_: object) -> None:
        self._dirty = True

    @property
    def dirty(self) -> bool:
        """Whether there are edits not yet in the store."""
        return self._dirty

    def save_now(self) -> None:
        """Write the draft now (queued on the write thread, durable when it returns)."""
        self._timer.stop()
        if not self._dirty or self._ctx.store is None:
            return
        payload = self._form.draft_payload()
        self._dirty = False
        kind, ref_id = self.kind, self.ref_id

        def job(tx: Tx) -> str:
            return casework.save_draft(
                tx, kind=kind, payload=payload, ref_id=ref_id, draft_id=self.draft_id
            )

        def done(_: str) -> None:
            self._saved_once = True
            self.saves += 1

        self._ctx.write(job, None, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._dirty = True
        logger.warning("draft not saved: %s", type(error).__name__)

    def discard(self) -> None:
        """The form was saved for real (or abandoned): drop its draft."""
        self._timer.stop()
        self._dirty = False
        draft_id = self.draft_id
        self.draft_id = uuid7()
        if self._ctx.store is None:
            return
        self._ctx.write(lambda tx: casework.discard_draft(tx, draft_id), None)
