"""The two doors into the app: first run (create the store, or try demo data) and unlock."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.domain.passphrase import strength_issue
from lead_desktop.errors import BackoffError, ValidationError
from lead_desktop.store.keys import KdfParams
from lead_desktop.store.store import Store, store_exists, worker_names
from lead_desktop.ui import labels
from lead_desktop.ui.context import user_message
from lead_desktop.ui.ops import Ops

logger = logging.getLogger(__name__)

#: The demo store's worker and passphrase: synthetic data only, so both are shown openly.
DEMO_WORKER = "demo"
DEMO_PASSPHRASE = "synthetic people only 2026"
DEMO_PARTICIPANTS = 58


def _card(title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A centred panel with a heading, as both screens use."""
    frame = QFrame(parent)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setMaximumWidth(560)
    layout = QVBoxLayout(frame)
    heading = QLabel(f"<h2>{title}</h2>", frame)
    heading.setAccessibleName(title)
    layout.addWidget(heading)
    return frame, layout


def _centred(widget: QWidget, inner: QWidget) -> None:
    outer = QVBoxLayout(widget)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(inner, 3)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setObjectName(name)
    label.setAccessibleName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.hide()
    return label


class FirstRunScreen(QWidget):
    """Create the program's store and its first (administrator) worker, or try demo data."""

    sig_opened = Signal(object, bool)
    """A store was created and is open: (Store, is_demo)."""

    def __init__(
        self,
        data_dir: Path,
        ops: Ops,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._ops = ops
        self._kdf = kdf
        card, layout = _card(self.tr("Welcome to LEAD Desktop"), self)
        intro = QLabel(
            self.tr(
                "Set up this laptop's encrypted store. You will be its first administrator; "
                "add the other workers later in Settings."
            ),
            card,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(card)
        self.name.setObjectName("worker_name")
        self.name.setAccessibleName(self.tr("Your login name"))
        self.passphrase = QLineEdit(card)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again = QLineEdit(card)
        self.again.setObjectName("passphrase_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Passphrase again"))
        self.hint = QLabel(card)
        self.hint.setObjectName("strength_hint")
        self.hint.setAccessibleName(self.tr("Passphrase strength"))
        self.hint.setWordWrap(True)
        form.addRow(self.tr("Your &login name:"), self.name)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.hint)
        form.addRow(self.tr("Passphrase &again:"), self.again)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = item.widget() if item else None
            buddy = field.widget() if field else None
            if isinstance(label, QLabel) and buddy is not None:
                label.setBuddy(buddy)
        layout.addLayout(form)
        self.error = _error_label(card, "first_run_error")
        layout.addWidget(self.error)
        self.create_button = QPushButton(self.tr("&Create the store"), card)
        self.create_button.setObjectName("create_store")
        self.create_button.setAccessibleName(self.tr("Create the store"))
        self.create_button.setDefault(True)
        layout.addWidget(self.create_button)
        demo_note = QLabel(
            self.tr(
                "Just looking? Try the app with made-up participants first. The demo store is "
                "kept apart from real data and every screen and page says DEMO."
            ),
            card,
        )
        demo_note.setWordWrap(True)
        layout.addWidget(demo_note)
        self.demo = QPushButton(self.tr("Try it with &demo data"), card)
        self.demo.setObjectName("try_demo")
        self.demo.setAccessibleName(self.tr("Try it with demo data"))
        layout.addWidget(self.demo)
        _centred(self, card)
        self.passphrase.textChanged.connect(self.on_passphrase_changed)
        self.name.returnPressed.connect(self.passphrase.setFocus)
        self.passphrase.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self.on_create_clicked)
        self.create_button.clicked.connect(self.on_create_clicked)
        self.demo.clicked.connect(self.on_demo_clicked)
        self.on_passphrase_changed("")

    @Slot(str)
    def on_passphrase_changed(self, text: str) -> None:
        """Show the live strength hint."""
        if not text:
            self.hint.setText(self.tr("At least 15 characters; a few unrelated words work well."))
            return
        self.hint.setText(
            self.tr("Strength: {0}").format(
                labels.issue_text(strength_issue(text, self.name.text() or None))[0]
            )
        )

    def _busy(self, busy: bool) -> None:
        for widget in (self.create_button, self.demo, self.name, self.passphrase, self.again):
            widget.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    @Slot()
    def on_create_clicked(self) -> None:
        """Create the real store on a worker thread (key derivation takes about half a second)."""
        name = self.name.text().strip()
        if not name:
            self._show_error(
                self.tr("Login name: it is empty; type the name you will log in with.")
            )
            self.name.setFocus()
            return
        if self.passphrase.text() != self.again.text():
            self._show_error(self.tr("Passphrase again: it does not match; type it again."))
            self.again.clear()
            self.again.setFocus()
            return
        passphrase = self.passphrase.text()
        root = self._data_dir / "store"
        kdf = self._kdf
        self._busy(True)
        self._ops.write(
            lambda: Store.create(root, name, passphrase, kdf=kdf),
            lambda store: self.sig_opened.emit(store, False),
            self._failed,
        )

    @Slot()
    def on_demo_clicked(self) -> None:
        """Create and fill the separate demo store."""
        from lead_desktop.demo import load_demo

        root = self._data_dir / "demo" / "store"
        kdf = self._kdf

        def job() -> Store:
            store = (
                Store.unlock(root, DEMO_WORKER, DEMO_PASSPHRASE)
                if store_exists(root)
                else Store.create(root, DEMO_WORKER, DEMO_PASSPHRASE, kdf=kdf)
            )
            if not store.settings_get("demo"):
                load_demo(
                    store, DEMO_PARTICIPANTS, with_casework=True, case_manager_id=store.worker_id
                )
                store.settings_set("demo", True)
            return store

        self._busy(True)
        self._show_error(self.tr("Making up {0} participants...").format(DEMO_PARTICIPANTS))
        self._ops.write(job, lambda store: self.sig_opened.emit(store, True), self._failed)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, ValidationError):
            self._show_error(user_message(error))
            self.passphrase.setFocus()
        else:
            self._show_error(user_message(error))


class UnlockScreen(QWidget):
    """Pick a worker, type the passphrase; back-off shown as a countdown."""

    sig_unlocked = Signal(object)
    """The store is unlocked: carries the Store."""
    sig_first_run = Signal()
    """The user wants to set up the real store (from the demo)."""

    def __init__(
        self, root: Path, ops: Ops, *, demo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._root = root
        self._ops = ops
        self._demo = demo
        self._wait_until = 0.0
        title = self.tr("Unlock the DEMO store") if demo else self.tr("Unlock LEAD Desktop")
        card, layout = _card(title, self)
        form = QFormLayout()
        self.worker = QComboBox(card)
        self.worker.setObjectName("worker")
        self.worker.setAccessibleName(self.tr("Worker"))
        self.passphrase = QLineEdit(card)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        worker_label = QLabel(self.tr("&Worker:"), card)
        worker_label.setBuddy(self.worker)
        pass_label = QLabel(self.tr("&Passphrase:"), card)
        pass_label.setBuddy(self.passphrase)
        form.addRow(worker_label, self.worker)
        form.addRow(pass_label, self.passphrase)
        layout.addLayout(form)
        if demo:
            note = QLabel(
                self.tr("Demo store (made-up people). Worker: {0}, passphrase: {1}").format(
                    DEMO_WORKER, DEMO_PASSPHRASE
                ),
                card,
            )
            note.setObjectName("demo_note")
            note.setWordWrap(True)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(note)
        self.message = _error_label(card, "unlock_message")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self.tr("&Unlock"), card)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.forgot = QPushButton(self.tr("&Forgot passphrase?"), card)
        self.forgot.setObjectName("forgot")
        self.forgot.setAccessibleName(self.tr("Forgot passphrase"))
        self.forgot.setFlat(True)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        buttons.addWidget(self.forgot)
        layout.addLayout(buttons)
        if demo:
            self.setup_real = QPushButton(self.tr("Set up the &real store"), card)
            self.setup_real.setObjectName("setup_real")
            self.setup_real.setAccessibleName(self.tr("Set up the real store"))
            self.setup_real.clicked.connect(self.sig_first_run)
            layout.addWidget(self.setup_real)
        _centred(self, card)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self.on_countdown_timeout)
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.passphrase.returnPressed.connect(self.on_unlock_clicked)
        self.forgot.clicked.connect(self.on_forgot_clicked)
        self.reload_workers()

    def reload_workers(self, select: str | None = None) -> None:
        """List the workers who can unlock this store."""
        current = select or self.worker.currentText()
        self.worker.clear()
        try:
            names = worker_names(self._root)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._say(user_message(exc))
            names = []
        self.worker.addItems(names)
        if current in names:
            self.worker.setCurrentText(current)

    def prepare(self, worker: str | None = None, message: str = "") -> None:
        """Get ready for the next unlock (after a lock or a worker switch)."""
        self.reload_workers(worker)
        self.passphrase.clear()
        self._say(message)
        self.passphrase.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def on_unlock_clicked(self) -> None:
        """Derive the key on a worker thread; the screen stays responsive."""
        if time.monotonic() < self._wait_until or not self.unlock_button.isEnabled():
            return
        name = self.worker.currentText() or None
        passphrase = self.passphrase.text()
        if not passphrase:
            self._say(self.tr("Passphrase: it is empty; type your passphrase."))
            return
        root = self._root
        self.unlock_button.setEnabled(False)
        self._say(self.tr("Unlocking..."))
        self._ops.write(lambda: Store.unlock(root, name, passphrase), self._unlocked, self._failed)

    def _unlocked(self, store: Store) -> None:
        self.unlock_button.setEnabled(True)
        self.passphrase.clear()
        self._say("")
        self.sig_unlocked.emit(store)

    def _failed(self, error: BaseException) -> None:
        self.passphrase.clear()
        self.passphrase.setFocus()
        if isinstance(error, BackoffError):
            self._wait_until = time.monotonic() + error.wait_seconds
            self._countdown.start()
            self.on_countdown_timeout()
            return
        self.unlock_button.setEnabled(True)
        self._say(user_message(error))

    @Slot()
    def on_countdown_timeout(self) -> None:
        """Count the back-off down; unlocking comes back at zero."""
        left = round(self._wait_until - time.monotonic())
        if left <= 0:
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
            self._say(self.tr("You can try again now."))
            return
        self.unlock_button.setEnabled(False)
        self._say(self.tr("Too many wrong passphrases. Try again in {0} seconds.").format(left))

    @Slot()
    def on_forgot_clicked(self) -> None:
        """Explain recovery: only the program administrator can reset a passphrase."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Forgot your passphrase?"))
        box.setText(
            self.tr(
                "Nobody can read your passphrase back, not even IT. Ask your program "
                "administrator: they can set you a new one in Settings > Workers, or with the "
                "program's recovery key ('lead-desktop recover'). Your saved work is not lost."
            )
        )
        box.setAccessibleName(self.tr("How to recover a forgotten passphrase"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
