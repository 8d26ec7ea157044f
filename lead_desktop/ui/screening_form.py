"""One screening instrument given to a participant, scored live, with the PHQ-9 safety alert.

The worker picks an instrument (AUDIT-C, DAST-10, PHQ-9), answers each item with the keyboard
or the mouse, and sees the total, band and result as soon as every item is answered. Any answer
above "Not at all" on PHQ-9 item 9 shows a safety alert at the top of the form that must be
acknowledged before the screening can be saved.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.domain.dates import parse_date
from lead_desktop.domain.screening import (
    AUDIT_C,
    INSTRUMENTS,
    PHQ_9,
    Answer,
    Instrument,
    ScreeningResult,
    score,
)
from lead_desktop.store.casework import record_screening
from lead_desktop.store.tx import Tx
from lead_desktop.ui import labels
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.record.fields import (
    DateField,
    DraftBanner,
    ErrorLabel,
    buddy_label,
    find_draft,
    when_alive,
)

logger = logging.getLogger(__name__)

#: Above this many characters of answer labels, an item's answers take two rows.
_ONE_ROW_CHARS = 70


def max_total(meta: Instrument) -> int:
    """The highest total an instrument can score."""
    return sum(max(int(c.value) for c in choices) for choices in meta.choices)


class SafetyBanner(QFrame):
    """The PHQ-9 item 9 alert: icon, bold text, and the acknowledgement the save needs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safety_alert")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Safety alert"))
        layout = QHBoxLayout(self)
        icon = QLabel()
        size = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        pixmap = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        icon.setPixmap(pixmap.pixmap(size, size))
        icon.setAccessibleName(self.tr("Alert"))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        column = QVBoxLayout()
        self.text = QLabel(
            self.tr(
                "SAFETY ALERT: the person reports thoughts of being better off dead or of "
                "hurting themselves. Ask about safety now and follow the crisis protocol "
                "before anything else."
            )
        )
        self.text.setObjectName("safety_alert_text")
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Safety alert"))
        font = QFont(self.text.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text.setFont(font)
        column.addWidget(self.text)
        self.ack = QCheckBox(self.tr("I have &followed the safety protocol"))
        self.ack.setObjectName("safety_ack")
        self.ack.setAccessibleName(self.tr("I have followed the safety protocol"))
        self.ack.setFont(font)
        column.addWidget(self.ack)
        self.ack_error = ErrorLabel(self)
        self.ack_error.setObjectName("safety_ack_error")
        column.addWidget(self.ack_error)
        layout.addLayout(column, 1)
        self.setAccessibleDescription(self.text.text())
        self._paint()
        self.hide()

    def _paint(self) -> None:
        """Use the palette's highlight colours, so light and dark themes both stand out."""
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Highlight))
        text = palette.color(QPalette.ColorRole.HighlightedText)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        palette.setColor(QPalette.ColorRole.Text, text)
        self.setPalette(palette)

    def raise_alert(self) -> None:
        """Show the alert, ask for a fresh acknowledgement, and announce it."""
        was_hidden = self.isHidden()
        self.show()
        if was_hidden:
            self.ack.setChecked(False)
            self.ack_error.clear()
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def lower_alert(self) -> None:
        """Hide the alert (item 9 is no longer above "Not at all")."""
        self.hide()
        self.ack.setChecked(False)
        self.ack_error.clear()


class ScreeningForm(QWidget):
    """Give one screening instrument, scored live; save stores it for the participant."""

    sig_edited = Signal()
    """An answer, the instrument or the date changed (drafts listen to this)."""
    sig_saved = Signal(str)
    """A screening was stored; carries its id."""

    def __init__(self, ctx: AppContext, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screening_form")
        self.ctx = ctx
        self.participant_id = participant_id
        self.sex: str | None = None
        self._groups: list[QButtonGroup] = []
        self._saving = False
        self._draft: dict[str, Any] | None = None
        self._build()
        self.keeper = DraftKeeper(ctx, self, "screening", ref_id=participant_id, parent=self)
        self._show_instrument(PHQ_9)
        self.check_draft()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.banner = SafetyBanner(self)
        outer.addWidget(self.banner)
        self.draft_banner = DraftBanner(self.tr("Screening answers"), self)
        self.draft_banner.sig_restore.connect(self.on_draft_restore)
        self.draft_banner.sig_discard.connect(self.on_draft_discard)
        outer.addWidget(self.draft_banner)
        top = QHBoxLayout()
        self.instrument = QComboBox()
        self.instrument.setObjectName("instrument")
        for name, meta in INSTRUMENTS.items():
            self.instrument.addItem(f"{name}: {labels.text(meta.title)}")
        self.instrument.activated.connect(self.on_instrument_activated)
        top.addWidget(buddy_label(self.tr("I&nstrument"), self.instrument))
        top.addWidget(self.instrument, 1)
        self.date = DateField("screened_at", self.tr("Date given"))
        self.date.set_value(date.today().isoformat())
        self.date.sig_edited.connect(self.sig_edited)
        top.addWidget(buddy_label(self.tr("&Date given"), self.date))
        top.addWidget(self.date)
        outer.addLayout(top)
        self.date_error = ErrorLabel(self)
        self.date_error.setObjectName("screened_at_error")
        outer.addWidget(self.date_error)
        self.stem = QLabel()
        self.stem.setWordWrap(True)
        self.stem.setAccessibleName(self.tr("Instructions"))
        outer.addWidget(self.stem)
        self.items_scroll = QScrollArea()
        self.items_scroll.setWidgetResizable(True)
        outer.addWidget(self.items_scroll, 1)
        self.score_label = QLabel()
        self.score_label.setObjectName("screening_score")
        self.score_label.setAccessibleName(self.tr("Score"))
        font = QFont(self.score_label.font())
        font.setBold(True)
        self.score_label.setFont(font)
        self.score_label.setWordWrap(True)
        outer.addWidget(self.score_label)
        self.notes = QLabel()
        self.notes.setObjectName("screening_notes")
        self.notes.setAccessibleName(self.tr("Scoring notes"))
        self.notes.setWordWrap(True)
        outer.addWidget(self.notes)
        self.error = ErrorLabel(self)
        self.error.setObjectName("screening_error")
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.state = QLabel()
        self.state.setObjectName("screening_state")
        self.state.setAccessibleName(self.tr("Save state"))
        buttons.addWidget(self.state, 1)
        self.clear = QPushButton(self.tr("C&lear answers"))
        self.clear.setObjectName("clear_screening")
        self.clear.setAccessibleName(self.tr("Clear answers"))
        self.clear.clicked.connect(self.on_clear_clicked)
        self.save = QPushButton(self.tr("&Save screening"))
        self.save.setObjectName("save_screening")
        self.save.setAccessibleName(self.tr("Save screening"))
        self.save.clicked.connect(self.on_save_clicked)
        buttons.addWidget(self.clear)
        buttons.addWidget(self.save)
        outer.addLayout(buttons)
        self.banner.ack.toggled.connect(lambda _: self.banner.ack_error.clear())

    def _show_instrument(self, name: str) -> None:
        """Draw the items of an instrument, unanswered."""
        meta = INSTRUMENTS[name]
        self.instrument.setCurrentIndex(list(INSTRUMENTS).index(name))
        self.instrument.setAccessibleDescription(labels.text(meta.title))
        self.stem.setText(labels.text(meta.stem))
        host = QWidget()  # the scroll area deletes the previous instrument's items
        host.setObjectName("screening_items")
        items = QVBoxLayout(host)
        self._groups = []
        for n, (prompt, choices) in enumerate(zip(meta.prompts, meta.choices, strict=True), 1):
            items.addWidget(self._item(n, prompt, choices))
        items.addStretch()
        self.items_scroll.setWidget(host)
        chain = [self.date, *(b for g in self._groups for b in g.buttons()), self.clear, self.save]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)  # answers come before the buttons
        self.banner.lower_alert()
        self._rescore()

    def _item(self, n: int, prompt: str, choices: tuple[Any, ...]) -> QWidget:
        box = QFrame()
        box.setObjectName(f"item_{n}")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        text = labels.text(prompt)
        box.setAccessibleName(self.tr("Item {0}: {1}").format(n, text))
        layout = QVBoxLayout(box)
        question = QLabel(self.tr("{0}. {1}").format(n, text))
        question.setWordWrap(True)
        question.setAccessibleName(self.tr("Item {0}").format(n))
        layout.addWidget(question)
        grid = QGridLayout()
        wide = sum(len(c.label) for c in choices) > _ONE_ROW_CHARS
        columns = (len(choices) + 1) // 2 if wide else len(choices)
        group = QButtonGroup(box)
        group.setExclusive(True)
        for index, choice in enumerate(choices):
            radio = QRadioButton(labels.text(choice.label))
            radio.setObjectName(f"item_{n}_choice_{index}")
            radio.setAccessibleName(labels.text(choice.label))
            radio.setAccessibleDescription(self.tr("Item {0}: {1}").format(n, text))
            group.addButton(radio, index)
            grid.addWidget(radio, index // columns, index % columns)
            if index == 0:
                question.setBuddy(radio)
        group.idClicked.connect(self.on_answer_clicked)
        layout.addLayout(grid)
        self._groups.append(group)
        return box

    # -- answers and score ------------------------------------------------------------------

    @property
    def instrument_name(self) -> str:
        """The instrument being given."""
        return list(INSTRUMENTS)[max(self.instrument.currentIndex(), 0)]

    def answers(self) -> list[Answer]:
        """Each item's answer (None when unanswered)."""
        meta = INSTRUMENTS[self.instrument_name]
        out: list[Answer] = []
        for group, choices in zip(self._groups, meta.choices, strict=True):
            checked = group.checkedId()
            out.append(None if checked < 0 else choices[checked].value)
        return out

    def set_answers(self, answers: list[Answer]) -> None:
        """Tick the given answers (None leaves an item unanswered)."""
        meta = INSTRUMENTS[self.instrument_name]
        for group, choices, value in zip(self._groups, meta.choices, answers, strict=False):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
            for index, choice in enumerate(choices):
                if value is not None and choice.value == value:
                    group.button(index).setChecked(True)
        self._rescore()

    def result(self) -> ScreeningResult:
        """The domain's score of the answers given so far."""
        options = {"sex": self.sex} if self.instrument_name == AUDIT_C else {}
        return score(self.instrument_name, self.answers(), **options)

    def set_sex(self, sex: str | None) -> None:
        """The participant's sex ("male", "female" or None), for the AUDIT-C threshold."""
        self.sex = sex
        self._rescore()

    def _rescore(self) -> None:
        result = self.result()
        meta = INSTRUMENTS[self.instrument_name]
        if result.total is None:
            answered = sum(1 for a in result.items if a is not None)
            self.score_label.setText(
                self.tr("Answer all items to score ({0} of {1} answered)").format(
                    answered, meta.item_count
                )
            )
        else:
            verdict = self.tr("positive screen") if result.positive else self.tr("negative screen")
            if result.band in ("positive", "negative"):
                text = self.tr("Total {0} of {1}: {2}").format(
                    result.total, max_total(meta), verdict
                )
            else:
                text = self.tr("Total {0} of {1}: {2}, {3}").format(
                    result.total, max_total(meta), labels.code(result.band), verdict
                )
            self.score_label.setText(text)
        self.score_label.setAccessibleDescription(self.score_label.text())
        notes = [n for n in result.notes if "item 9" not in n and "unanswered" not in n]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        if result.safety_alert:
            self.banner.raise_alert()
        else:
            self.banner.lower_alert()

    @Slot(int)
    def on_answer_clicked(self, _: int) -> None:
        """An answer was chosen: score again."""
        self.error.clear()
        self._rescore()
        self.sig_edited.emit()

    @Slot(int)
    def on_instrument_activated(self, _: int) -> None:
        """Another instrument was picked: show its items, unanswered."""
        self._show_instrument(self.instrument_name)
        self.sig_edited.emit()

    @Slot()
    def on_clear_clicked(self) -> None:
        """Start the instrument over."""
        self._show_instrument(self.instrument_name)
        self.error.clear()
        self.keeper.discard()

    # -- drafts -----------------------------------------------------------------------------

    def draft_payload(self) -> dict[str, Any]:
        """The answers given so far (the acknowledgement is asked for again on restore)."""
        return {
            "instrument": self.instrument_name,
            "answers": self.answers(),
            "screened_at": self.date.text(),
        }

    def restore_payload(self, payload: dict[str, Any]) -> None:
        """Put kept answers back."""
        name = payload.get("instrument")
        if name not in INSTRUMENTS:
            return
        self._show_instrument(str(name))
        self.set_answers(list(payload.get("answers") or []))
        self.date.setText(str(payload.get("screened_at") or ""))
        self.sig_edited.emit()

    def check_draft(self) -> None:
        """Offer the answers kept from an earlier, unsaved screening of this participant."""
        store = self.ctx.store
        if store is None:
            return
        worker, pid = store.worker_id, self.participant_id
        self.ctx.read(lambda conn: find_draft(conn, worker, "screening", pid), self._draft_found)

    @when_alive
    def _draft_found(self, draft: dict[str, Any] | None) -> None:
        if draft is None:
            return
        self._draft = draft
        self.keeper.draft_id = draft["id"]
        self.draft_banner.offer(draft["updated_at"])

    @Slot()
    def on_draft_restore(self) -> None:
        """Restore the kept answers."""
        if self._draft is not None:
            self.restore_payload(self._draft["payload"])

    @Slot()
    def on_draft_discard(self) -> None:
        """Drop the kept answers."""
        self.keeper.discard()

    # -- saving -----------------------------------------------------------------------------

    def _check_date(self) -> str | None:
        text = self.date.text().strip()
        parsed = parse_date(text) if text else date.today()
        if parsed is None:
            problem = self.tr("Date given: {0} is not a date; use YYYY-MM-DD").format(text)
        elif parsed > date.today():
            problem = self.tr("Date given: {0} is in the future; check the date").format(
                parsed.isoformat()
            )
        else:
            return parsed.isoformat()
        self.date_error.show_message(problem)
        self.date.setFocus()
        return None

    @Slot()
    def on_save_clicked(self) -> None:
        """Store the screening; refuse while a safety alert is not acknowledged."""
        if self._saving or self.ctx.store is None:
            return
        self.error.clear()
        self.date_error.clear()
        result = self.result()
        answers = self.answers()
        if all(a is None for a in answers):
            self.error.show_message(self.tr("Answer at least one item before saving."))
            return
        if result.safety_alert and not self.banner.ack.isChecked():
            self.banner.ack_error.show_message(
                self.tr(
                    "Not saved: tick 'I have followed the safety protocol' once you have, "
                    "then save."
                )
            )
            self.banner.ack.setFocus()
            return
        screened_at = self._check_date()
        if screened_at is None:
            return
        pid, name, sex = self.participant_id, self.instrument_name, self.sex
        acknowledged = result.safety_alert

        def job(tx: Tx) -> str:
            sid, _ = record_screening(
                tx,
                participant_id=pid,
                instrument=name,
                items=answers,
                screened_at=screened_at,
                sex=sex,
            )
            if acknowledged:
                tx.audit("safety_protocol_followed", "screening", sid)
            return sid

        self._saving = True
        self.ctx.write(
            job,
            lambda sid: Change("screening", (pid, sid), {"participant_id": pid}),
            self._saved,
            self._failed,
        )

    @when_alive
    def _saved(self, sid: str) -> None:
        self._saving = False
        self.keeper.discard()
        self._show_instrument(self.instrument_name)
        self.state.setText(self.tr("Screening saved"))
        self.sig_saved.emit(sid)

    @when_alive
    def _failed(self, error: BaseException) -> None:
        self._saving = False
        show_error(self, error)


def answer_label(name: str, item: int, value: Answer) -> str:
    """The label of one stored answer (item counted from 1), translated; "" if unanswered."""
    if value is None:
        return QCoreApplication.translate("ScreeningForm", "(not answered)")
    for choice in INSTRUMENTS[name].choices[item - 1]:
        if choice.value == value and type(choice.value) is type(value):
            return labels.text(choice.label)
    return str(value)
