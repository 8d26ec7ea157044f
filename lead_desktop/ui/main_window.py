"""The main window: first run or unlock, then the caseload and open records, with idle lock."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from lead_desktop import settings as program_settings
from lead_desktop.store import casework
from lead_desktop.store.ids import uuid7
from lead_desktop.store.keys import KdfParams
from lead_desktop.store.store import Store, store_exists
from lead_desktop.store.tx import Tx
from lead_desktop.ui import i18n, labels, theme
from lead_desktop.ui.context import AppContext, Change, show_error
from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.idle import IdleWatcher
from lead_desktop.ui.ops import log_unexpected
from lead_desktop.ui.sync_status import SyncController, SyncStatusButton, notice
from lead_desktop.ui.unlock import FirstRunScreen, UnlockScreen

logger = logging.getLogger(__name__)

SESSION = "session"
REFERRAL = "referral"


def _discard(tx: Tx, *, draft_id: str) -> None:
    casework.discard_draft(tx, draft_id)


class MainWindow(QMainWindow):
    """Holds the session: which store, who is working, which records are open."""

    def __init__(
        self, data_dir: Path, *, kdf: KdfParams | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.data_dir = data_dir
        self._kdf = kdf
        self._session_id = uuid7()
        self._resume_for: str | None = None
        self._session_payload: dict[str, Any] | None = None
        # False from unlock until the saved session has been looked at, so the fresh, empty
        # workspace never overwrites it.
        self._session_live = False
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        demo = not store_exists(data_dir / "store") and store_exists(data_dir / "demo" / "store")
        self.ctx = self._new_context(demo)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.idle = IdleWatcher(app, program_settings.DEFAULT_IDLE_MINUTES, self)
        self.idle.sig_idle.connect(self.on_idle_idle)
        self.idle.sig_slept.connect(self.on_idle_slept)
        self.workspace: QWidget | None = None
        self.tabs: QTabWidget | None = None
        self.caseload: Any = None
        self._build_status_bar()
        self._build_actions()
        self._show_door()
        self.resize(1100, 720)

    # -- building ------------------------------------------------------------------------------

    def _new_context(self, demo: bool) -> AppContext:
        ctx = AppContext(self.data_dir / "demo" if demo else self.data_dir, demo=demo, parent=self)
        ctx.ops.sig_busy.connect(self.on_ops_busy)
        ctx.sig_changed.connect(self.on_ctx_changed)
        self._set_title(demo)
        return ctx

    def _set_title(self, demo: bool) -> None:
        title = self.tr("LEAD Desktop")
        self.setWindowTitle(self.tr("{0} — DEMO (made-up people)").format(title) if demo else title)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.lock_state = QLabel(bar)
        self.lock_state.setObjectName("lock_state")
        self.lock_state.setAccessibleName(self.tr("Lock state"))
        # Sync: the state (a button: clicking it syncs now), driven by the SyncController,
        # started for each unlocked session and stopped before a lock (see ui/sync_status.py).
        self.sync_state = SyncStatusButton(bar)
        self.sync = SyncController(self.sync_state, self)
        self.sync.sig_wiped.connect(self.on_sync_wiped)
        self.busy_state = QLabel(bar)
        self.busy_state.setObjectName("busy_state")
        self.busy_state.setAccessibleName(self.tr("Activity"))
        self.demo_badge = QLabel(self.tr("DEMO: made-up people, not for real work"), bar)
        self.demo_badge.setObjectName("demo_badge")
        self.demo_badge.setAccessibleName(self.tr("Demo store"))
        font = self.demo_badge.font()
        font.setBold(True)
        self.demo_badge.setFont(font)
        self.demo_badge.setVisible(self.ctx.demo)
        bar.addWidget(self.demo_badge)
        bar.addWidget(self.lock_state, 1)
        bar.addPermanentWidget(self.busy_state)
        bar.addPermanentWidget(self.sync_state)

    def _action(
        self,
        text: str,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Any,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar()
        menu.clear()
        work = menu.addMenu(self.tr("&Work"))
        self.act_new = self._action(
            self.tr("&New referral"),
            "act_new_referral",
            QKeySequence.StandardKey.New,
            self.on_new_referral_triggered,
        )
        self.act_find = self._action(
            self.tr("&Find a participant"),
            "act_find",
            QKeySequence.StandardKey.Find,
            self.on_find_triggered,
        )
        self.act_caseload = self._action(
            self.tr("&Caseload"), "act_caseload", "Ctrl+1", self.on_caseload_triggered
        )
        self.act_close_tab = self._action(
            self.tr("Close &tab"),
            "act_close_tab",
            QKeySequence.StandardKey.Close,
            self.on_close_tab_triggered,
        )
        self.act_settings = self._action(
            self.tr("&Settings..."), "act_settings", "Ctrl+,", self.on_settings_triggered
        )
        self.act_lock = self._action(self.tr("&Lock"), "act_lock", "Ctrl+L", self.on_lock_triggered)
        self.act_sync_now = self._action(
            self.tr("S&ync now"), "act_sync_now", "Ctrl+Shift+S", self.on_sync_now_triggered
        )
        self.act_setup_sync = self._action(
            self.tr("Set &up sync..."), "act_setup_sync", None, self.on_setup_sync_triggered
        )
        self.act_switch = self._action(
            self.tr("S&witch worker"), "act_switch", None, self.on_switch_triggered
        )
        self.act_quit = self._action(
            self.tr("&Quit"), "act_quit", QKeySequence.StandardKey.Quit, self.close
        )
        for action in (self.act_new, self.act_find, self.act_caseload, self.act_close_tab):
            work.addAction(action)
        work.addSeparator()
        work.addAction(self.act_sync_now)
        work.addAction(self.act_setup_sync)
        work.addSeparator()
        for action in (self.act_settings, self.act_lock, self.act_switch):
            work.addAction(action)
        work.addSeparator()
        work.addAction(self.act_quit)
        old: QToolBar | None = getattr(self, "toolbar", None)
        if old is not None:
            self.removeToolBar(old)
            old.deleteLater()
        # Big, labelled buttons for touch screens; the same actions as the menu.
        self.toolbar = QToolBar(self.tr("Main actions"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setAccessibleName(self.tr("Main actions"))
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_new, self.act_caseload, self.act_find):
            self.toolbar.addAction(action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        for action in (self.act_sync_now, self.act_settings, self.act_lock):
            self.toolbar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._enable_work(False)
        # -- conflict review (lead_desktop/ui/conflicts.py): enabled with Lock, shows the count --
        from lead_desktop.ui.conflicts import ConflictsAction

        self.act_conflicts = ConflictsAction(self, lambda: self.ctx, follow=self.act_lock)
        work.insertAction(self.act_settings, self.act_conflicts)
        self.toolbar.insertAction(self.act_settings, self.act_conflicts)
        # -- end of conflict review ------------------------------------------------------------

    def _enable_work(self, on: bool) -> None:
        for action in (
            self.act_new,
            self.act_find,
            self.act_caseload,
            self.act_close_tab,
            self.act_settings,
            self.act_lock,
            self.act_switch,
            self.act_sync_now,
        ):
            action.setEnabled(on)
        self.act_setup_sync.setEnabled(on and self.ctx.is_admin)

    def _show_door(self, message: str = "", worker: str | None = None) -> None:
        """Show first run or unlock, whichever fits the data directory."""
        self._enable_work(False)
        self.lock_state.setText(self.tr("Locked"))
        if store_exists(self.ctx.root):
            screen: QWidget = UnlockScreen(self.ctx.root, self.ctx.ops, demo=self.ctx.demo)
            screen.setObjectName("unlock_screen")
            assert isinstance(screen, UnlockScreen)
            screen.sig_unlocked.connect(self.on_door_opened)
            screen.sig_first_run.connect(self.on_unlock_first_run)
            screen.prepare(worker, message)
        else:
            screen = FirstRunScreen(self.data_dir, self.ctx.ops, kdf=self._kdf)
            screen.setObjectName("first_run_screen")
            assert isinstance(screen, FirstRunScreen)
            screen.sig_opened.connect(self.on_first_run_opened)
        self._replace_page(screen)
        screen.setFocus()
        focus = screen.findChild(QWidget, "passphrase")
        if isinstance(screen, FirstRunScreen):
            focus = screen.findChild(QWidget, "worker_name")
        if focus is not None:
            focus.setFocus()

    def _replace_page(self, page: QWidget) -> None:
        while self.stack.count():
            old = self.stack.widget(0)
            assert old is not None
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def _build_workspace(self) -> None:
        from lead_desktop.ui.caseload import CaseloadView

        workspace = QWidget()
        workspace.setObjectName("workspace")
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QFrame(workspace)
        self.banner.setObjectName("resume_banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.banner)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("resume_text")
        self.banner_text.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("&Resume"), self.banner)
        self.resume_button.setObjectName("resume_button")
        self.resume_button.setAccessibleName(self.tr("Resume unfinished work"))
        self.discard_button = QPushButton(self.tr("Not now"), self.banner)
        self.discard_button.setObjectName("not_now_button")
        self.discard_button.setAccessibleName(self.tr("Keep the unfinished work for later"))
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.discard_button)
        self.resume_button.clicked.connect(self.on_resume_clicked)
        self.discard_button.clicked.connect(self.banner.hide)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget(workspace)
        self.tabs.setObjectName("workspace_tabs")
        self.tabs.setAccessibleName(self.tr("Open work"))
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.on_tabs_close_requested)
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        self.caseload = CaseloadView(self.ctx, self.tabs)
        self.caseload.setObjectName("caseload")
        self.caseload.sig_open_participant.connect(self.open_participant)
        self.tabs.addTab(self.caseload, self.tr("Caseload"))
        bar = self.tabs.tabBar()
        bar.setTabButton(0, bar.ButtonPosition.RightSide, None)
        bar.setTabButton(0, bar.ButtonPosition.LeftSide, None)
        layout.addWidget(self.tabs, 1)
        self.workspace = workspace
        self._replace_page(workspace)

    # -- opening and locking -------------------------------------------------------------------

    @Slot(object, bool)
    def on_first_run_opened(self, store: Store, demo: bool) -> None:
        """A store was just created (real or demo)."""
        if demo != self.ctx.demo:
            self.ctx.ops.shutdown()
            self.ctx = self._new_context(demo)
        self.demo_badge.setVisible(demo)
        self._opened(store)

    @Slot(object)
    def on_door_opened(self, store: Store) -> None:
        """The unlock screen unlocked the store."""
        self._opened(store)

    @Slot()
    def on_unlock_first_run(self) -> None:
        """From the demo's unlock screen: set up the real store."""
        self.ctx.ops.shutdown()
        self.ctx = self._new_context(False)
        self.demo_badge.hide()
        self._show_door()

    def _opened(self, store: Store) -> None:
        self._session_live = False
        self._session_payload = None
        self.ctx.open(store)
        self._build_workspace()
        self._enable_work(True)
        role = labels.code(self.ctx.worker_role)
        self.lock_state.setText(
            self.tr("Unlocked: {0} ({1}). Ctrl+L locks.").format(store.worker_name, role)
        )
        self.act_settings.setEnabled(True)
        self.ctx.call(program_settings.load, self._apply_settings)
        resume = self._resume_for == store.worker_name
        self._resume_for = None
        self.ctx.read(self._unfinished, lambda found: self._offer_resume(found, resume))
        self.idle.start()
        self._start_sync()
        if self.caseload is not None and hasattr(self.caseload, "focus_search"):
            self.caseload.focus_search()

    @Slot(object)
    def on_ctx_changed(self, change: Change) -> None:
        """Settings changed: take the new idle time at once."""
        if change.entity == "settings" and self.ctx.store is not None:
            self.ctx.call(program_settings.load, self._apply_settings)

    def _apply_settings(self, current: program_settings.ProgramSettings) -> None:
        self.idle.set_minutes(current.idle_minutes)

    def lock(self, message: str = "") -> None:
        """Keep everything open as drafts, close the store, and show the unlock screen."""
        if self.ctx.store is None:
            return
        self.idle.stop()
        self._stop_sync()
        worker = self.ctx.worker_name
        self._save_session()
        self._close_work_tabs()
        self._session_live = False
        self.ctx.close()
        self._resume_for = worker
        self.caseload = None
        self.tabs = None
        self._show_door(message or self.tr("Locked. Your work is saved."), worker)

    @Slot()
    def on_lock_triggered(self) -> None:
        """Ctrl+L."""
        self.lock()

    @Slot()
    def on_idle_idle(self) -> None:
        """Nobody was here for the idle time."""
        self.lock(self.tr("Locked after a quiet spell. Your work is saved; unlock to go on."))

    @Slot()
    def on_idle_slept(self) -> None:
        """The laptop slept."""
        self.lock(self.tr("Locked while the laptop slept. Your work is saved."))

    @Slot()
    def on_switch_triggered(self) -> None:
        """Lock, so another worker can unlock with their own passphrase."""
        self.lock(self.tr("Choose the worker and type their passphrase."))
        self._resume_for = None

    # -- tabs ----------------------------------------------------------------------------------

    def _find_tab(self, kind: str, key: str) -> int:
        if self.tabs is None:
            return -1
        for i in range(1, self.tabs.count()):
            w = self.tabs.widget(i)
            if w is not None and w.property("lead_kind") == kind and w.property("lead_key") == key:
                return i
        return -1

    @Slot(str)
    def open_participant(self, participant_id: str, page: int = 0) -> None:
        """Open (or bring forward) a participant's record."""
        from lead_desktop.ui.record_view import RecordView

        if self.tabs is None:
            return
        found = self._find_tab("record", participant_id)
        if found < 0:
            view = RecordView(self.ctx, participant_id, self.tabs)
            view.setProperty("lead_kind", "record")
            view.setProperty("lead_key", participant_id)
            found = self.tabs.addTab(view, self.tr("Participant"))
            view.header.setProperty("tab_index", found)
            view.sig_title.connect(lambda text, v=view: self._retitle(v, text))
            view.tabs.setCurrentIndex(page)
        self.tabs.setCurrentIndex(found)
        self._save_session()

    def _retitle(self, view: QWidget, text: str) -> None:
        if self.tabs is not None:
            index = self.tabs.indexOf(view)
            if index >= 0:
                self.tabs.setTabText(index, text)

    @Slot()
    def on_new_referral_triggered(self) -> None:
        """Ctrl+N: start a referral."""
        self.open_referral(None, None)

    def open_referral(self, draft_id: str | None, payload: dict[str, Any] | None) -> None:
        """Open the referral wizard, fresh or from a draft."""
        from lead_desktop.ui.wizard import ReferralWizard

        if self.tabs is None:
            return
        if draft_id is not None:
            found = self._find_tab(REFERRAL, draft_id)
            if found >= 0:
                self.tabs.setCurrentIndex(found)
                return
        wizard = ReferralWizard(self.ctx, draft_id=draft_id, payload=payload, parent=self.tabs)
        key = self._draft_id_of(wizard)
        wizard.setProperty("lead_kind", REFERRAL)
        wizard.setProperty("lead_key", key)
        wizard.sig_finished.connect(lambda result, w=wizard: self._referral_done(w, result))
        wizard.sig_cancelled.connect(lambda w=wizard: self._close_widget(w))
        index = self.tabs.addTab(wizard, self.tr("New referral"))
        self.tabs.setCurrentIndex(index)
        self._save_session()

    def _draft_id_of(self, form: QWidget) -> str | None:
        for keeper in list(self.ctx.keepers):
            if isinstance(keeper, DraftKeeper) and keeper.form is cast(object, form):
                return keeper.draft_id
        return None

    def _referral_done(self, wizard: QWidget, result: Any) -> None:
        self._close_widget(wizard)
        participant_id = getattr(result, "participant_id", None)
        if participant_id:
            self.open_participant(participant_id)

    def _close_widget(self, widget: QWidget) -> None:
        if self.tabs is None:
            return
        index = self.tabs.indexOf(widget)
        if index > 0:
            self.on_tabs_close_requested(index)

    @Slot(int)
    def on_tabs_close_requested(self, index: int) -> None:
        """Close a record or wizard tab; its unsaved edits stay as drafts."""
        if self.tabs is None or index <= 0:
            return
        widget = self.tabs.widget(index)
        self.ctx.save_drafts()
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()
        self._save_session()

    @Slot(int)
    def on_tabs_current_changed(self, _index: int) -> None:
        """Remember which tab is in front."""
        self._save_session()

    @Slot()
    def on_close_tab_triggered(self) -> None:
        """Ctrl+W."""
        if self.tabs is not None:
            self.on_tabs_close_requested(self.tabs.currentIndex())

    @Slot()
    def on_caseload_triggered(self) -> None:
        """Ctrl+1."""
        if self.tabs is not None:
            self.tabs.setCurrentIndex(0)

    @Slot()
    def on_find_triggered(self) -> None:
        """Ctrl+F: back to the caseload, in its search box."""
        if self.tabs is not None and self.caseload is not None:
            self.tabs.setCurrentIndex(0)
            self.caseload.focus_search()

    def _close_work_tabs(self) -> None:
        self.ctx.save_drafts()
        if self.tabs is None:
            return
        self.tabs.blockSignals(True)  # closing for a lock is not the worker closing tabs
        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            if widget is not None:
                widget.deleteLater()

    # -- the session: what is open, kept as a draft so a lock or a crash can come back to it ----

    def session_payload(self) -> dict[str, Any]:
        """Which tabs are open and which is in front."""
        tabs: list[dict[str, Any]] = []
        if self.tabs is None:
            return {"tabs": tabs, "current": 0}
        for i in range(1, self.tabs.count()):
            w = self.tabs.widget(i)
            if w is None:
                continue
            item: dict[str, Any] = {"kind": w.property("lead_kind"), "key": w.property("lead_key")}
            inner = getattr(w, "tabs", None)
            if isinstance(inner, QTabWidget):
                item["page"] = inner.currentIndex()
            tabs.append(item)
        return {"tabs": tabs, "current": self.tabs.currentIndex()}

    def _save_session(self) -> None:
        if self.ctx.store is None or self.tabs is None or not self._session_live:
            return
        payload = self.session_payload()
        if payload == self._session_payload:
            return
        self._session_payload = payload
        sid = self._session_id
        self.ctx.write(
            lambda tx: casework.save_draft(tx, kind=SESSION, payload=payload, draft_id=sid), None
        )

    def _unfinished(self, conn: Connection) -> list[dict[str, Any]]:
        store = self.ctx.store
        return casework.list_drafts(conn, store.worker_id) if store else []

    def _offer_resume(self, drafts: list[dict[str, Any]], automatic: bool) -> None:
        self._drafts_found = drafts
        sessions = [d for d in drafts if d["kind"] == SESSION and d["payload"].get("tabs")]
        referrals = [d for d in drafts if d["kind"] == REFERRAL]
        if not sessions and not referrals:
            self._session_live = True
            return
        if automatic:
            self.on_resume_clicked()
            return
        when = (sessions or referrals)[0]["updated_at"][:16].replace("T", " ")
        self.banner_text.setText(
            self.tr("You have unfinished work from {0} UTC. Resume where you left off?").format(
                when
            )
        )
        self.banner.show()
        self.resume_button.setFocus()
        self._session_live = True  # the worker may start afresh; the old drafts stay

    @Slot()
    def on_resume_clicked(self) -> None:
        """Reopen what was open, at the same place, with the unsaved edits."""
        self.banner.hide()
        self._session_live = False  # reopening tabs one by one is not worth saving each time
        drafts = getattr(self, "_drafts_found", [])
        by_id = {d["id"]: d for d in drafts}
        sessions = [d for d in drafts if d["kind"] == SESSION]
        reopened: set[str] = set()
        if sessions:
            session = sessions[0]
            self._session_id = session["id"]
            for old in sessions[1:]:
                self.ctx.write(partial(_discard, draft_id=old["id"]), None)
            for item in session["payload"].get("tabs", []):
                if item.get("kind") == "record":
                    self.open_participant(item["key"], int(item.get("page", 0)))
                elif item.get("kind") == REFERRAL and item.get("key") in by_id:
                    self.open_referral(item["key"], by_id[item["key"]]["payload"])
                    reopened.add(item["key"])
            if self.tabs is not None:
                current = int(session["payload"].get("current", 0))
                self.tabs.setCurrentIndex(min(current, self.tabs.count() - 1))
        for draft in drafts:  # referrals started but not in the session (a crash before it saved)
            if draft["kind"] == REFERRAL and draft["id"] not in reopened:
                self.open_referral(draft["id"], draft["payload"])
        self._session_live = True
        self._save_session()

    # -- settings ------------------------------------------------------------------------------

    @Slot()
    def on_settings_triggered(self) -> None:
        """Open the settings."""
        from lead_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_language_changed.connect(self.on_settings_language_changed)
        dialog.sig_theme_changed.connect(self.on_settings_theme_changed)
        dialog.open()

    @Slot(str)
    def on_settings_theme_changed(self, name: str) -> None:
        """Light, dark or the system's choice."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)

    @Slot(str)
    def on_settings_language_changed(self, language: str) -> None:
        """Rebuild the screens in the new language, keeping what is open."""
        app = QApplication.instance()
        assert app is not None
        if not i18n.install(app, language):
            show_error(self, RuntimeError("translation missing"))
            return
        self._build_actions()
        self._set_title(self.ctx.demo)
        if self.ctx.store is None:
            self._show_door()
            return
        self._enable_work(True)
        payload = self.session_payload()
        self._close_work_tabs()
        self._build_workspace()
        drafts = [{"id": self._session_id, "kind": SESSION, "payload": payload, "updated_at": ""}]
        self.ctx.read(self._unfinished, lambda found: self._relaunch(found, drafts))

    def _relaunch(self, found: list[dict[str, Any]], session: list[dict[str, Any]]) -> None:
        self._drafts_found = session + [d for d in found if d["kind"] != SESSION]
        self.on_resume_clicked()

    # -- sync ----------------------------------------------------------------------------------

    def _start_sync(self) -> None:
        self.sync.start(self.ctx)

    def _stop_sync(self) -> None:
        """Before the store closes: stop background syncs (a running one stops at its next step)."""
        self.sync.stop()

    @Slot()
    def on_sync_now_triggered(self) -> None:
        """Ctrl+Shift+S: sync at once."""
        self.sync.sync_now()

    @Slot()
    def on_setup_sync_triggered(self) -> None:
        """Enroll this laptop with the sync server (administrators)."""
        if self.ctx.is_admin:
            self.sync.set_up()

    @Slot(str)
    def on_sync_wiped(self, message: str) -> None:
        """The server revoked this laptop and its copy was wiped: back to the door."""
        self._stop_sync()
        self.ctx.forget_store()  # already closed and erased by the wipe
        self.idle.stop()
        self.caseload = None
        self.tabs = None
        self._show_door()
        notice(self, message)

    # -- status and closing --------------------------------------------------------------------

    @Slot(bool)
    def on_ops_busy(self, busy: bool) -> None:
        """Show that something is being saved or loaded."""
        self.busy_state.setText(self.tr("Working...") if busy else "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Keep open work as drafts, close the store cleanly."""
        try:
            self.idle.stop()
            self._stop_sync()
            if self.ctx.store is not None:
                self._save_session()
                self.ctx.close()
            self.ctx.ops.shutdown()
        except Exception as error:  # noqa: BLE001 - closing must not fail; drafts are durable
            log_unexpected(error)
        event.accept()
