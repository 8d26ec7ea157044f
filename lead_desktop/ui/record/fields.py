"""Small form helpers shared by the record tabs.

- :class:`DateField`: a date typed as people write it ("1980-03-05", "3/5/1980", "5 de marzo
  de 1980"), empty allowed, with a calendar on Alt+Down or its button; the domain validates it.
- :class:`CodedCombo`: a combo over an HMIS code list (with its 8/9/99 answers) or bare codes,
  an optional blank entry for "not recorded"; ``value()`` / ``set_value()``.
- :class:`OptionalCount`: a whole number that may be left "not recorded".
- :class:`ErrorLabel` and :class:`FieldErrors`: show each ``Issue`` beside the field it names;
  :func:`field_with_error` puts the label under a field, ``FieldErrors.row`` adds both to a form.
- :class:`FormRows`: builds labelled rows, each with its error label under the field, keeps
  the fields by name, reads and fills them (``values()`` / ``fill()``), reports user edits.
- :class:`DraftBanner`: offers to restore unsaved work kept as a draft.
- :func:`when_alive`: decorates a background operation's callback so it is skipped when its
  widget was closed and deleted before the result came back.
- :func:`buddy_label`, :func:`find_draft`, :func:`concerns`, :func:`local_datetime_text`,
  :func:`date_text`.

Convention for changes (``Change``) that concern a participant: a write that touches a record of
a participant puts the participant's id in ``Change.ids`` next to the record's own id, or in
``Change.detail["participant_id"]``; :func:`concerns` checks both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QObject,
    QPoint,
    Qt,
    QTime,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)
from sqlalchemy import Connection

from lead_desktop.domain.dates import parse_date
from lead_desktop.errors import Issue, ValidationError
from lead_desktop.store import casework
from lead_desktop.ui import labels
from lead_desktop.ui.context import Change, show_error

logger = logging.getLogger(__name__)

P = ParamSpec("P")
W = TypeVar("W", bound=QObject)


def when_alive(method: Callable[Concatenate[W, P], None]) -> Callable[Concatenate[W, P], None]:
    """Run a callback only while its widget still exists (results may outlive a closed tab)."""

    def call(self: W, /, *args: P.args, **kwargs: P.kwargs) -> None:
        if shiboken6.isValid(self):
            method(self, *args, **kwargs)
        else:
            logger.debug("result for a closed %s dropped", type(self).__name__)

    call.__name__, call.__doc__ = method.__name__, method.__doc__
    return call


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label for a field (use '&' for a mnemonic); pressing its shortcut focuses the field."""
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setAccessibleName(text.replace("&", ""))
    if not buddy.accessibleName():
        buddy.setAccessibleName(text.replace("&", ""))
    return label


class DateField(QLineEdit):
    """A date field that may stay empty; typed freely, or picked from a calendar (Alt+Down)."""

    sig_edited = Signal()
    """The user typed or picked a date."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self.sig_edited)
        fallback = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        icon = QIcon.fromTheme("x-office-calendar", fallback)
        self._pick = QAction(icon, self.tr("Pick a date (Alt+Down)"), self)
        self._pick.triggered.connect(self.on_pick_triggered)
        self.addAction(self._pick, QLineEdit.ActionPosition.TrailingPosition)
        shortcut = QShortcut(QKeySequence("Alt+Down"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.on_pick_triggered)
        self.setToolTip(self.tr("Type the date, or press Alt+Down to pick it from a calendar"))

    def value(self) -> str | None:
        """The date as ISO text when it parses, else the text as typed (None when empty)."""
        text = self.text().strip()
        if not text:
            return None
        parsed = parse_date(text)
        return parsed.isoformat() if parsed else text

    def set_value(self, value: str | None) -> None:
        """Show a stored ISO date (or nothing)."""
        self.setText((value or "")[:10])

    @Slot()
    def on_pick_triggered(self) -> None:
        """Show a calendar under the field; picking a day fills it in."""
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setAccessibleName(self.tr("Calendar"))
        current = parse_date(self.text()) if self.text().strip() else None
        day = current or date.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(chosen: QDate) -> None:
            self.setText(chosen.toString("yyyy-MM-dd"))
            self.sig_edited.emit()
            menu.close()

        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        calendar.setFocus()
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))


class CodedCombo(QComboBox):
    """A combo over coded answers: an HMIS list (int -> English) or bare snake_case codes.

    The codes are kept on the Python side, not as Qt item data, so they come back exactly as
    given (``True`` stays distinct from ``1``, a blank entry is ``None``) with no round trip
    through QVariant.
    """

    sig_edited = Signal()
    """The user picked another answer."""

    def __init__(
        self,
        name: str,
        accessible: str,
        choices: Mapping[Any, str] | Sequence[str],
        *,
        blank: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self._values: list[Any] = []
        if isinstance(choices, Mapping):
            pairs = [(value, labels.text(english)) for value, english in choices.items()]
        else:
            pairs = [(value, labels.code(value)) for value in choices]
        self.set_choices(pairs, blank=blank)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.activated.connect(lambda _: self.sig_edited.emit())

    def set_choices(self, pairs: Sequence[tuple[Any, str]], *, blank: str | None = None) -> None:
        """Replace the entries with (code, shown text) pairs, keeping the selected code."""
        current = self.value() if self._values else None
        self.clear()
        self._values = []
        if blank is not None:
            self._values.append(None)
            self.addItem(blank)
        for value, text in pairs:
            self._values.append(value)
            self.addItem(text)
        self.set_value(current)

    def value(self) -> Any:
        """The selected code (None for the blank entry)."""
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> None:
        """Select the entry for ``value`` (the first entry when there is none)."""
        index = next(
            (
                n
                for n, known in enumerate(self._values)
                if known == value and isinstance(known, bool) == isinstance(value, bool)
            ),
            -1,
        )
        if index < 0 and value is not None:
            index = next((n for n, known in enumerate(self._values) if known == value), -1)
        self.setCurrentIndex(max(index, 0))


class OptionalCount(QSpinBox):
    """A whole number of 0 or more, or "not recorded" (shown when below zero)."""

    sig_edited = Signal()
    """The user changed the number."""

    def __init__(
        self, name: str, accessible: str, maximum: int = 9999, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setRange(-1, maximum)
        self.setSpecialValueText(self.tr("Not recorded"))
        self.setValue(-1)
        self.valueChanged.connect(lambda _: self.sig_edited.emit() if self.hasFocus() else None)

    def number(self) -> int | None:
        """The number, or None when not recorded."""
        return None if self.value() < 0 else self.value()

    def set_number(self, value: int | None) -> None:
        """Show a stored number (None: not recorded)."""
        self.setValue(-1 if value is None else int(value))


class ErrorLabel(QWidget):
    """A problem with one field, shown right under it: a warning icon and the message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        pixmap = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(pixmap.pixmap(size, size))
        icon.setAccessibleName(self.tr("Warning"))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(self.tr("Problem"))
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show the message (an empty one hides the label)."""
        self.text.setText(message)
        self.setAccessibleDescription(message)
        self.setVisible(bool(message))

    def message(self) -> str:
        """The message shown ("" when hidden)."""
        return self.text.text() if not self.isHidden() else ""

    def clear(self) -> None:
        """Hide the label."""
        self.show_message("")


class FieldErrors:
    """Maps issue field names to the widget and error label beside each field."""

    def __init__(self, general: ErrorLabel) -> None:
        self._general = general
        self._fields: dict[str, tuple[QWidget, ErrorLabel, str]] = {}

    def add(self, field: str, widget: QWidget, label: ErrorLabel, title: str) -> None:
        """Register where problems with ``field`` are shown; ``title`` names the field."""
        self._fields[field] = (widget, label, title)

    def clear(self) -> None:
        """Hide every message."""
        self._general.clear()
        for widget, label, _ in self._fields.values():
            label.clear()
            widget.setAccessibleDescription("")

    def show(self, issues: Iterable[Issue]) -> None:
        """Show each issue beside its field (the rest at the top); focus the first bad field."""
        self.clear()
        texts: dict[ErrorLabel, list[str]] = {}
        general: list[str] = []
        first: QWidget | None = None
        for issue in issues:
            place = self._fields.get(issue.field)
            if place is None:
                general.append("{}: {}; {}".format(issue.field, *labels.issue_text(issue)))
                continue
            widget, label, title = place
            message = QCoreApplication.translate("FieldErrors", "{0}: {1}; {2}").format(
                title, *labels.issue_text(issue)
            )
            texts.setdefault(label, []).append(message)
            widget.setAccessibleDescription(message)
            first = first or widget
        for label, messages in texts.items():
            label.show_message("\n".join(messages))
        if general:
            self._general.show_message("\n".join(general))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, error: BaseException, parent: QWidget) -> None:
        """A refused write: a ValidationError's issues beside their fields, anything else in a
        message over ``parent``."""
        if isinstance(error, ValidationError):
            self.show(error.issues)
        else:
            show_error(parent, error)

    def row(
        self,
        form: QFormLayout,
        text: str,
        field: str,
        widget: QWidget,
        title: str | None = None,
        *,
        buddy: QWidget | None = None,
        error_name: str | None = None,
    ) -> ErrorLabel:
        """Add a labelled field to ``form`` with the error label where problems with ``field``
        show, under it. ``text`` is the label (with its mnemonic), ``title`` names the field in
        messages (the label's text by default), ``buddy`` is the control inside ``widget`` that
        the label focuses; the error label is named ``error_<objectName>`` by default."""
        focus = buddy or widget
        holder, error = field_with_error(widget, error_name or f"error_{widget.objectName()}")
        self.add(field, focus, error, title or text.replace("&", ""))
        form.addRow(buddy_label(text, focus), holder)
        return error


def field_with_error(widget: QWidget, error_name: str) -> tuple[QWidget, ErrorLabel]:
    """The field with an error label right under it, named ``error_name``."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    error = ErrorLabel(holder)
    error.setObjectName(error_name)
    column.addWidget(widget)
    column.addWidget(error)
    return holder, error


def field_value(widget: QWidget) -> Any:
    """The value a field holds: ISO date, code, number, text (None when empty)."""
    if isinstance(widget, DateField):
        return widget.value()
    if isinstance(widget, CodedCombo):
        return widget.value()
    if isinstance(widget, OptionalCount):
        return widget.number()
    if isinstance(widget, QLineEdit):
        return widget.text().strip() or None
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(f"no value for a {type(widget).__name__}")


def set_field_value(widget: QWidget, value: Any) -> None:
    """Show a stored value in a field (without counting as a user edit)."""
    if isinstance(widget, DateField | CodedCombo):
        widget.set_value(value)
    elif isinstance(widget, OptionalCount):
        widget.set_number(value)
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        raise TypeError(f"cannot show a value in a {type(widget).__name__}")


class FormRows:
    """Labelled fields with an error label under each, kept by field name.

    ``title(field)`` names a field in messages; ``on_edited`` is called on every user edit
    (typing, picking), never when :meth:`fill` shows stored values.
    """

    def __init__(
        self, errors: FieldErrors, title: Callable[[str], str], on_edited: Callable[[], None]
    ) -> None:
        self.errors = errors
        self.title = title
        self.widgets: dict[str, QWidget] = {}
        self.error_labels: dict[str, ErrorLabel] = {}
        self._on_edited = on_edited
        self.filling = False

    def group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        """A titled group with a form layout that wraps long rows at large text sizes."""
        box = QGroupBox(title)
        box.setAccessibleName(title.replace("&", ""))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return box, form

    def row(
        self,
        form: QFormLayout,
        field: str,
        widget: QWidget,
        text: str,
        shown: QWidget | None = None,
    ) -> ErrorLabel:
        """Add a labelled field and its error label; ``shown`` holds the field when it comes
        with buttons. Plain line edits get the field's name as objectName."""
        if not widget.objectName():
            widget.setObjectName(field)
        if not widget.accessibleName():
            widget.setAccessibleName(self.title(field))
        error = self.errors.row(
            form,
            text,
            field,
            shown or widget,
            self.title(field),
            buddy=widget,
            error_name=f"{field}_error",
        )
        self.widgets[field] = widget
        self.error_labels[field] = error
        if isinstance(widget, DateField | CodedCombo | OptionalCount):
            widget.sig_edited.connect(self._edited)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)
        elif isinstance(widget, QCheckBox):
            widget.clicked.connect(self._edited)
        return error

    def _edited(self, *_: object) -> None:
        if not self.filling:
            self._on_edited()

    def values(self) -> dict[str, Any]:
        """Every field's value by field name."""
        return {field: field_value(widget) for field, widget in self.widgets.items()}

    def fill(self, values: Mapping[str, Any]) -> None:
        """Show stored values (fields missing from ``values`` are emptied)."""
        self.filling = True
        try:
            for field, widget in self.widgets.items():
                set_field_value(widget, values.get(field))
        finally:
            self.filling = False


class DraftBanner(QFrame):
    """Tells the worker unsaved work was kept, and offers to restore or discard it."""

    sig_restore = Signal()
    """The worker wants the kept draft back in the form."""
    sig_discard = Signal()
    """The worker does not want the kept draft."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draft_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Unsaved work kept"))
        layout = QHBoxLayout(self)
        self._what = what
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unsaved work kept"))
        restore = QPushButton(self.tr("&Restore"))
        restore.setObjectName("draft_restore")
        restore.setAccessibleName(self.tr("Restore unsaved work"))
        discard = QPushButton(self.tr("D&iscard"))
        discard.setObjectName("draft_discard")
        discard.setAccessibleName(self.tr("Discard unsaved work"))
        restore.clicked.connect(self.sig_restore)
        discard.clicked.connect(self.sig_discard)
        restore.clicked.connect(self.hide)
        discard.clicked.connect(self.hide)
        layout.addWidget(self.message, 1)
        layout.addWidget(restore)
        layout.addWidget(discard)
        self.hide()

    def offer(self, updated_at: str) -> None:
        """Show the banner for a draft saved at ``updated_at`` (UTC ISO)."""
        self.message.setText(
            self.tr("{0} you had not saved were kept on {1}.").format(
                self._what, local_datetime_text(updated_at)
            )
        )
        self.show()


def find_draft(
    conn: Connection, worker_id: str, kind: str, ref_id: str | None
) -> dict[str, Any] | None:
    """The newest draft of this worker for this kind of form and record, if any."""
    for draft in casework.list_drafts(conn, worker_id):
        if draft["kind"] == kind and draft["ref_id"] == ref_id:
            return draft
    return None


def concerns(change: Any, participant_id: str, known_ids: Iterable[str] = ()) -> bool:
    """Whether a Change touches this participant's record (see the module docstring)."""
    if not isinstance(change, Change):
        return False
    ids = set(change.ids)
    if participant_id in ids or change.detail.get("participant_id") == participant_id:
        return True
    return bool(ids & set(known_ids))


def local_datetime_text(at: str | None) -> str:
    """A stored UTC timestamp as local date and time, in the user's locale ("" for none)."""
    if not at:
        return ""
    moment = QDateTime.fromString(at.replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(at, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return at
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def date_text(value: str | None) -> str:
    """A stored ISO date or date-time in the user's locale (local time when zoned)."""
    if not value:
        return ""
    try:
        if len(value) > 10:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                moment = moment.astimezone()
            stamp = QDateTime(
                QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
            )
            return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
