"""The caseload screen: who is on the caseload, what needs attention, and search as you type.

The caseload is loaded on the read thread (set-based queries, see
:mod:`lead_desktop.store.caseload`): first the worker's own caseload (through indexes, shown
within milliseconds of unlocking), then everyone; rows are then filtered and sorted in memory,
so changing a filter never waits for the database. A search runs as soon as a key is pressed
when no search is running; while one runs, further keys are coalesced into the next search,
and results of a search that is no longer current are dropped (a generation counter). One
audit entry is written per settled search (the typing pauses, or a result is opened), never
per keystroke.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import replace

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from lead_desktop.services import search_participants
from lead_desktop.store.caseload import FILTERS, CaseRow, select_rows, sort_rows
from lead_desktop.store.search import SearchHit
from lead_desktop.ui.caseload_model import (
    CapacityLabel,
    CaseloadModel,
    Loaded,
    load_caseload,
    load_flags,
    row_of_hit,
    rows_for,
    weakly,
)
from lead_desktop.ui.context import AppContext, Change, user_message

logger = logging.getLogger(__name__)

#: Results shown for a search.
SEARCH_LIMIT = 50
#: Typing pauses this long: the search counts as done and is audited once.
SETTLE_MS = 1500
#: Typing pauses this long: details of results outside the loaded caseload are read.
DETAILS_MS = 150
#: Changes that cannot alter the caseload.
_IGNORED = frozenset({"draft"})
#: Filters and sort fields that need the casework columns (phase 2 of loading everyone).
_FLAG_FILTERS = frozenset({"intake_overdue", "consent_expiring", "plan_review_due"})
_FLAG_FIELDS = frozenset({"last_contact", "flags"})


class CaseloadView(QWidget):
    """Search, filter and open participants; shows caseload against capacity."""

    sig_open_participant = Signal(str)
    """The user opened a participant (Enter or double-click); carries the participant id."""
    sig_rows_shown = Signal()
    """The table shows a new set of rows (a load, a filter change or search results)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._data: Loaded | None = None
        self._loading = False
        self._reload_again = False
        self._stale = False
        self._scope_chosen = False
        self._load_error = ""
        self._search_error = ""
        self._generation = 0
        self._searching = False
        self._pending: str | None = None
        self._hits: list[SearchHit] | None = None
        self._extra: dict[str, CaseRow] = {}  # details of search results not loaded
        self._audited = ""
        self._sort = (CaseloadModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.model = CaseloadModel(self)
        self._build()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.on_settle_timeout)
        self._details = QTimer(self)
        self._details.setSingleShot(True)
        self._details.setInterval(DETAILS_MS)
        self._details.timeout.connect(self.on_details_timeout)
        ctx.sig_changed.connect(self.on_ctx_changed)
        ctx.sig_store_opened.connect(self.on_ctx_store_opened)
        ctx.sig_store_closed.connect(self.on_ctx_store_closed)
        self.reload()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        find_label = QLabel(self.tr("&Find:"), self)
        self.search = QLineEdit(self)
        self.search.setObjectName("caseload_search")
        self.search.setAccessibleName(self.tr("Search participants"))
        self.search.setPlaceholderText(
            self.tr("Name, alias or date of birth; typos are fine (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        find_label.setBuddy(self.search)
        show_label = QLabel(self.tr("S&how:"), self)
        self.filter = QComboBox(self)
        self.filter.setObjectName("caseload_filter")
        self.filter.setAccessibleName(self.tr("Show which participants"))
        names = {
            "all": self.tr("All"),
            "active": self.tr("Active"),
            "inactive": self.tr("Inactive"),
            "in_the_wind": self.tr("In the wind"),
            "intake_overdue": self.tr("Intake overdue"),
            "consent_expiring": self.tr("Consent expiring (30 days)"),
            "plan_review_due": self.tr("Plan review due (7 days)"),
        }
        for key in FILTERS:
            self.filter.addItem(names[key], key)
        show_label.setBuddy(self.filter)
        self.mine = QRadioButton(self.tr("&My caseload"), self)
        self.mine.setObjectName("caseload_mine")
        self.mine.setAccessibleName(self.tr("Only my caseload"))
        self.everyone = QRadioButton(self.tr("&Everyone"), self)
        self.everyone.setObjectName("caseload_everyone")
        self.everyone.setAccessibleName(self.tr("Everyone in the program"))
        self.everyone.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.mine)
        scope.addButton(self.everyone)
        controls = QHBoxLayout()
        controls.addWidget(find_label)
        controls.addWidget(self.search, 3)
        controls.addSpacing(self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing))
        controls.addWidget(show_label)
        controls.addWidget(self.filter, 1)
        controls.addWidget(self.mine)
        controls.addWidget(self.everyone)

        self.program_capacity = CapacityLabel(
            "caseload_program_capacity", self.tr("Program capacity"), self
        )
        self.my_capacity = CapacityLabel(
            "caseload_my_capacity", self.tr("My caseload against the maximum"), self
        )
        self.count = QLabel(self)
        self.count.setObjectName("caseload_count")
        self.count.setAccessibleName(self.tr("Participants listed"))
        self.note = QLabel(self.tr("Searching everyone; clear the search to filter."), self)
        self.note.setObjectName("caseload_search_note")
        self.note.hide()
        status = QHBoxLayout()
        status.setSpacing(
            2 * self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        )
        status.addWidget(self.program_capacity)
        status.addWidget(self.my_capacity)
        status.addStretch(1)
        status.addWidget(self.note)
        status.addWidget(self.count)

        self.table = QTableView(self)
        self.table.setObjectName("caseload_table")
        self.table.setAccessibleName(self.tr("Caseload"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring at 100k
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(*self._sort)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self._size_columns()
        self.empty = QLabel(self.tr("Loading the caseload…"), self)
        self.empty.setObjectName("caseload_empty")
        self.empty.setAccessibleName(self.tr("Caseload message"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(status)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.search, self.filter)
        QWidget.setTabOrder(self.filter, self.mine)
        QWidget.setTabOrder(self.mine, self.everyone)
        QWidget.setTabOrder(self.everyone, self.table)

        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_return_pressed)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.filter.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.mine.toggled.connect(self.on_mine_toggled)
        header.sortIndicatorChanged.connect(self.on_header_sort_indicator_changed)

    def _size_columns(self) -> None:
        """Widths from the font (so they follow the scale): wide enough for title and text."""
        metrics = self.table.horizontalHeader().fontMetrics()
        style = self.style()
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 4 * (
            style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        )
        typical = {
            CaseloadModel.COL_NAME: "Kwame Mamadou Ouédraogo Jr.",
            CaseloadModel.COL_DOB: "0000-00-00",
            CaseloadModel.COL_STATUS: "In the wind",
            CaseloadModel.COL_CASE_MANAGER: "M. Rivera",
            CaseloadModel.COL_LAST_CONTACT: "0000-00-00",
        }
        for column, sample in typical.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            text = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(sample))
            self.table.setColumnWidth(column, text + indicator)

    # -- public --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reload(self) -> None:
        """Load the caseload again in the background (the selection is kept).

        Only the worker's own caseload is read (milliseconds) unless everyone is asked for:
        Everyone chosen, no caseload of their own, or everyone already loaded once.
        """
        if self._ctx.store is None:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._stale = False
        order = (CaseloadModel.SORT_FIELDS[self._sort[0]], self._descending)
        mine_only = not self._wants_everyone()
        # The first time everyone is read, people first and their casework next (two phases);
        # a refresh of what is shown reads both at once, so nothing shown goes blank.
        flags = self._data is not None and self._data.complete and self._data.flags
        self._ctx.call(
            lambda store: load_caseload(store, order, mine_only=mine_only, flags=flags),
            weakly(self._loaded),
            weakly(self._load_failed),
        )

    # -- loading -------------------------------------------------------------------------------

    @property
    def _descending(self) -> bool:
        return self._sort[1] == Qt.SortOrder.DescendingOrder

    def _alive(self) -> bool:
        return Shiboken.isValid(self)

    def _wants_everyone(self) -> bool:
        if self._data is not None and self._data.complete:
            return True  # keep it fresh once loaded
        return self._scope_chosen and self.everyone.isChecked()

    def _loaded(self, data: Loaded) -> None:
        if not self._alive():
            return
        self._loading = False
        if self._ctx.store is None:  # locked meanwhile: keep nothing
            return
        if self._data is not None and self._data.complete and not data.complete:
            data = self._data  # an older, smaller load finished late: keep everyone
        self._data = data
        self._extra = {}
        self._load_error = ""
        if not self._scope_chosen:
            self._scope_chosen = True
            has_own = any(row.case_manager_id == data.worker_id for row in data.rows)
            # A case manager starts with their own caseload; others with everyone.
            (self.mine if has_own else self.everyone).setChecked(True)
        self._show_capacity()
        if self._hits is not None:
            self._show_hits(self._hits, keep_selection=True)
        else:
            self._show_list()
        if not data.flags:  # phase 1 shown: read the casework next, still "loading"
            self._loading = True
            self._ctx.call(
                lambda store: load_flags(store, data),
                weakly(self._flags_loaded),
                weakly(self._load_failed),
            )
            return
        self._loaded_next()

    def _loaded_next(self) -> None:
        data = self._data
        if self._reload_again or (
            data is not None and self._wants_everyone() and not data.complete
        ):
            self._reload_again = False
            self.reload()

    def _flags_loaded(self, by_id: dict[str, CaseRow]) -> None:
        """Phase 2 landed: fill in the casework, keeping the rows, selection and scroll."""
        if not self._alive():
            return
        self._loading = False
        data = self._data
        if self._ctx.store is None or data is None or data.flags:
            self._loaded_next()
            return
        rows = [by_id.get(row.participant_id, row) for row in data.rows]
        self._data = replace(data, rows=rows, by_id=by_id, flags=True, pending=())
        self.model.set_flags_pending(False)
        field = CaseloadModel.SORT_FIELDS[self._sort[0]]
        if self._hits is None and (
            self.filter.currentData() in _FLAG_FILTERS or field in _FLAG_FIELDS
        ):
            self._show_list()  # the rows themselves change: filtered or ordered by casework
        else:  # the same rows in the same order: only their cells change (dataChanged)
            self.model.refresh_rows(
                [self._known(row.participant_id) or row for row in self.model.rows()]
            )
            self._show_count()
        self._loaded_next()

    def _load_failed(self, error: BaseException) -> None:
        if not self._alive():
            return
        self._loading = False
        self._load_error = self.tr("The caseload could not be loaded. {0}").format(
            user_message(error)
        )
        self._show_empty_state()

    def _show_capacity(self) -> None:
        if self._data is None or self._data.capacity is None:
            return
        cap = self._data.capacity
        rules = cap.rules
        self.program_capacity.show_count(
            self.tr("Program: {0} of {1} active"), cap.program_active, rules.program_capacity
        )
        mine = cap.worker_active(self._data.worker_id)
        self.my_capacity.show_count(self.tr("My caseload: {0} of {1}"), mine, rules.per_worker_max)

    # -- showing rows --------------------------------------------------------------------------

    def _list_rows(self) -> list[CaseRow] | None:
        """The rows the list controls ask for; None while everyone is still loading, or
        while a filter by what needs attention waits for the casework."""
        assert self._data is not None
        data = self._data
        worker = data.worker_id if self.mine.isChecked() else None
        if self._everyone_pending() or self._filter_pending():
            return None
        rows = select_rows(data.rows, str(self.filter.currentData()), worker)
        field = CaseloadModel.SORT_FIELDS[self._sort[0]]
        if data.order != (field, self._descending):
            rows = sort_rows(rows, field, descending=self._descending)
            if len(rows) == len(data.rows):  # the whole list: keep it in this order from now
                self._data = replace(data, rows=rows, order=(field, self._descending))
        return rows

    def _searching_mode(self, on: bool) -> None:
        """While searching, the list controls do not apply: say so and grey them out."""
        self.note.setVisible(on)
        for control in (self.filter, self.mine, self.everyone):
            control.setEnabled(not on)

    def _filter_pending(self) -> bool:
        """The filter chosen needs the casework, which is still loading."""
        data = self._data
        return data is not None and not data.flags and self.filter.currentData() in _FLAG_FILTERS

    def _everyone_pending(self) -> bool:
        """Everyone is asked for but only the worker's own caseload is loaded yet."""
        data = self._data
        return data is not None and not data.complete and not self.mine.isChecked()

    def _show_list(self) -> None:
        self._searching_mode(False)
        if self._data is None:
            return
        rows = self._list_rows()
        self._set_rows(rows if rows is not None else [], keep_selection=True)
        self._set_sort_indicator(*self._sort)

    def _show_hits(self, hits: list[SearchHit], *, keep_selection: bool = False) -> None:
        """Show search results at once; people not loaded yet (only the worker's own
        caseload is, unless Everyone was chosen) get their details a moment later."""
        rows = [self._known(hit.participant_id) or row_of_hit(hit) for hit in hits]
        self._searching_mode(True)
        self._set_rows(rows, keep_selection=keep_selection)
        self._set_sort_indicator(-1, Qt.SortOrder.AscendingOrder)  # best match first
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        if any(self._known(hit.participant_id) is None for hit in hits):
            self._details.start()  # once the typing pauses, not between keys

    def _known(self, participant_id: str) -> CaseRow | None:
        if self._data is not None:
            row = self._data.by_id.get(participant_id)
            if row is not None:
                return row
        return self._extra.get(participant_id)

    @Slot()
    def on_details_timeout(self) -> None:
        """Typing paused: read the details of results outside the loaded caseload."""
        if self._hits is None or self._data is None or self._ctx.store is None:
            return
        missing = [h.participant_id for h in self._hits if self._known(h.participant_id) is None]
        if missing:
            self._fetch_details(missing, self._data.intake_days)

    def _fetch_details(self, ids: list[str], intake_days: int) -> None:
        generation = self._generation
        me = weakref.ref(self)  # see weakly(): never let a worker thread hold the view

        def done(rows: list[CaseRow]) -> None:
            view = me()
            if view is not None:
                view._details_fetched(generation, rows)

        self._ctx.call(lambda store: rows_for(store, ids, intake_days), done, None)

    def _details_fetched(self, generation: int, rows: list[CaseRow]) -> None:
        if not self._alive() or generation != self._generation or self._hits is None:
            return
        self._extra.update((row.participant_id, row) for row in rows)
        shown = self.model.rows()
        self.model.refresh_rows([self._known(row.participant_id) or row for row in shown])

    def _set_rows(self, rows: list[CaseRow], *, keep_selection: bool) -> None:
        current = self._current_id() if keep_selection else None
        self.model.set_flags_pending(self._data is not None and not self._data.flags)
        self.model.set_rows(rows)
        if current is not None:
            row = self.model.row_of(current)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._show_count()
        self._show_empty_state()
        self.sig_rows_shown.emit()

    def _set_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(blocked)

    def _show_count(self) -> None:
        n = self.model.rowCount()
        number = QLocale().toString(n)
        if self._hits is not None:
            text = self.tr("1 match") if n == 1 else self.tr("{0} matches").format(number)
        elif self._everyone_pending() or self._filter_pending():
            text = self.tr("Loading…")
        else:
            text = (
                self.tr("1 participant") if n == 1 else self.tr("{0} participants").format(number)
            )
        if self.model.flags_pending() and n:
            text = self.tr("{0}; still loading what needs attention…").format(text)
        self.count.setText(text)

    def _show_empty_state(self) -> None:
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
            return
        self.empty.setText(self._empty_text())
        self.stack.setCurrentWidget(self.empty)

    def _empty_text(self) -> str:
        if self._hits is not None and self._search_error:
            return self._search_error
        if self._load_error:
            return self._load_error
        if self._data is None:
            return self.tr("Loading the caseload…")
        if self._hits is None and self._everyone_pending():
            return self.tr("Loading everyone in the program…")
        if self._hits is None and self._filter_pending():
            return self.tr("Still loading what needs attention; this list shows in a moment.")
        if self._hits is not None:
            return self.tr(
                "Nobody matches that search. Check the spelling, or try part of the name, "
                "an alias or street name, or a date of birth."
            )
        if not self._data.rows:
            return self.tr(
                "No participants yet. They appear here once a referral is recorded or a "
                "spreadsheet is imported."
            )
        if self.mine.isChecked() and self.filter.currentData() == "all":
            return self.tr(
                "No participants are assigned to you. Choose Everyone to see the whole program."
            )
        return self.tr(
            "No one matches this filter. Choose All in Show, or Everyone, to see more people."
        )

    def _current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row()).participant_id

    # -- search --------------------------------------------------------------------------------

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        """Search at once when idle; while a search runs, keep only the latest text."""
        text = text.strip()
        self._details.stop()
        if not text:
            self._settle.stop()
            self._generation += 1  # a search still running is no longer wanted
            self._pending = None
            self._hits = None
            self._show_list()
            return
        self._settle.start()
        if self._searching:
            self._pending = text
            return
        self._start_search(text)

    def _start_search(self, text: str) -> None:
        if self._ctx.store is None:
            return
        self._generation += 1
        generation = self._generation
        self._searching = True

        me = weakref.ref(self)  # see weakly(): never let a worker thread hold the view

        def done(hits: list[SearchHit]) -> None:
            view = me()
            if view is not None:
                view._search_done(generation, hits)

        def failed(error: BaseException) -> None:
            view = me()
            if view is not None:
                view._search_done(generation, None, error)

        self._ctx.call(
            lambda store: search_participants(store, text, limit=SEARCH_LIMIT, audit=False),
            done,
            failed,
        )

    def _search_done(
        self, generation: int, hits: list[SearchHit] | None, error: BaseException | None = None
    ) -> None:
        if not self._alive():
            return
        self._searching = False
        if self._pending is not None:  # typed on meanwhile: these results are stale
            text, self._pending = self._pending, None
            self._start_search(text)
            return
        if generation != self._generation or not self.search.text().strip():
            return
        if hits is None:
            logger.warning("search failed: %s", type(error).__name__)
            self._search_error = self.tr("The search failed. {0}").format(
                user_message(error) if error else ""
            )
            hits = []
        else:
            self._search_error = ""
        self._hits = hits
        self._show_hits(hits)

    @Slot()
    def on_settle_timeout(self) -> None:
        """The typing paused: record (once) that a search was made."""
        self._audit_search()

    def _audit_search(self) -> None:
        self._settle.stop()
        text = self.search.text().strip()
        if not text or text == self._audited or self._ctx.store is None:
            return
        self._audited = text
        self._ctx.write_store(
            lambda store: search_participants(store, text, limit=SEARCH_LIMIT, audit=True), None
        )

    # -- user actions --------------------------------------------------------------------------

    def _open(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        if self._hits is not None:
            self._audit_search()
        self.sig_open_participant.emit(self.model.row_at(row).participant_id)

    @Slot()
    def on_search_return_pressed(self) -> None:
        """Enter in the search box opens the selected (or first) result."""
        index = self.table.currentIndex()
        self._open(index.row() if index.isValid() else 0)

    @Slot(object)
    def on_table_double_clicked(self, index: object) -> None:
        """Double-click opens a participant."""
        row = getattr(index, "row", lambda: -1)()
        self._open(int(row))

    @Slot(int)
    def on_filter_current_index_changed(self, _index: int) -> None:
        """Another filter: narrow the list (in memory)."""
        if self._hits is None:
            self._show_list()

    @Slot(bool)
    def on_mine_toggled(self, _checked: bool) -> None:
        """My caseload / everyone (loaded the first time it is asked for)."""
        self._scope_chosen = True
        if self._hits is None:
            self._show_list()
        if self._wants_everyone() and (self._data is None or not self._data.complete):
            self.reload()

    @Slot(int, Qt.SortOrder)
    def on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        """A column header was clicked: sort by it (search results too)."""
        if self._hits is None:
            self._sort = (column, order)
        self.model.sort(column, order)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter on the table opens; Down in the search box moves to the results."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = self.table.currentIndex()
                if index.isValid():
                    self._open(index.row())
                    return True
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # -- the session ---------------------------------------------------------------------------

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Something was saved: reload (now if shown, else when next shown)."""
        if getattr(change, "entity", "") in _IGNORED:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    @Slot()
    def on_ctx_store_opened(self) -> None:
        """Unlocked again: load."""
        self.reload()

    @Slot()
    def on_ctx_store_closed(self) -> None:
        """Locked: forget every row, so no personal data stays in memory."""
        self._data = None
        self._hits = None
        self._extra = {}
        self._pending = None
        self._generation += 1
        self._settle.stop()
        self._details.stop()
        self.search.clear()
        self.model.set_rows([])
        self.count.clear()
        self.program_capacity.clear_count()
        self.my_capacity.clear_count()
        self._show_empty_state()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Catch up on changes saved while the caseload was hidden."""
        super().showEvent(event)
        if self._stale:
            self.reload()
