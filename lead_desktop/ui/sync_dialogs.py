"""Sync dialogs: the server password (asked once, then a sync key is kept) and setting up sync.

:class:`PasswordDialog` asks a worker for their server password when the laptop holds no sync
key for them (or the server refused it). :class:`SetUpSyncDialog` lets an administrator enroll
the laptop: server address, one-time code, user name and password; for an https server it shows
the certificate's fingerprint so the administrator can check it against the one IT gave.
The network work runs through ``run(fn, on_success, on_failure)`` (the sync thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lead_desktop.sync.service import enroll_laptop
from lead_desktop.sync.transport import (
    CertificateInfo,
    EnrollPayload,
    SyncError,
    check_url,
    fetch_certificate,
    normalise_fingerprint,
)
from lead_desktop.ui.context import user_message
from lead_desktop.ui.record.fields import ErrorLabel, buddy_label

logger = logging.getLogger(__name__)

#: Runs ``fn()`` off the GUI thread and reports back on it: ``run(fn, on_success, on_failure)``.
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


def _error_label(name: str, parent: QWidget) -> ErrorLabel:
    label = ErrorLabel(parent)
    label.setObjectName(name)
    return label


def _wide_enough(dialog: QDialog, chars: int) -> None:
    """Give a dialog of wrapped text room for about ``chars`` characters a line (any scale)."""
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * chars)


class _GrowingDialog(QDialog):
    """A dialog that grows to show messages appearing in it (wrapped labels need the room)."""

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._grow)  # not after the dialog is gone
        return super().event(event)

    def _grow(self) -> None:
        need = self.heightForWidth(self.width())
        if need > self.height():
            self.resize(self.width(), need)


def fingerprint_lines(fingerprint: str) -> str:
    """A SHA-256 fingerprint (32 pairs) on two lines of 16 pairs, easier to compare by eye."""
    pairs = fingerprint.split(":")
    return ":".join(pairs[:16]) + ":\n" + ":".join(pairs[16:]) if len(pairs) > 16 else fingerprint


class PasswordDialog(_GrowingDialog):
    """Asks for the server password once; the sync that follows keeps a key instead."""

    def __init__(
        self, user: str, server: str, problem: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sync_password_dialog")
        self.setWindowTitle(self.tr("Sync: server password"))
        self.setAccessibleName(self.tr("Server password for sync"))
        intro = QLabel(
            self.tr(
                "To sync with {0}, type the server password of {1}. You type it only this "
                "once: the laptop then keeps a sync key in its encrypted store."
            ).format(server, user),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("password_intro")
        self.password = QLineEdit(self)
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Server password"))
        self.error = _error_label("password_error", self)
        self.error.show_message(problem)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("&Sync"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("password_ok")
        self.ok.setAccessibleName(self.tr("Sync with this password"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Do not sync now"))
        self.ok.setDefault(True)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password.textChanged.connect(self.on_password_text_changed)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("Server &password:"), self.password), self.password)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        _wide_enough(self, 56)
        self.password.setFocus()

    @Slot(str)
    def on_password_text_changed(self, text: str) -> None:
        """Sync only with something typed."""
        self.ok.setEnabled(bool(text))

    def take_password(self) -> str:
        """The password typed; the field is cleared so the dialog no longer holds it."""
        text = self.password.text()
        self.password.clear()
        return text


class SetUpSyncDialog(_GrowingDialog):
    """Enroll this laptop with the program's sync server (administrators)."""

    sig_enrolled = Signal(str)
    """The laptop was enrolled; carries the server's id for this device."""

    def __init__(
        self,
        store: Any,
        run: Runner,
        *,
        user: str,
        current_server: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sync_setup_dialog")
        self.setWindowTitle(self.tr("Set up sync"))
        self.setAccessibleName(self.tr("Set up sync"))
        self.store, self.run = store, run
        self.certificate: CertificateInfo | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Connect this laptop to the program's sync server. IT gives you the server "
                "address, a one-time enrollment code and, for an https server, its certificate "
                "fingerprint. You can paste the text of the enrollment QR code as the code."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if current_server:
            again = QLabel(
                self.tr(
                    "This laptop is already enrolled with {0}. Enrolling again replaces that "
                    "link: do it only when IT asks you to."
                ).format(current_server),
                self,
            )
            again.setObjectName("already_enrolled")
            again.setWordWrap(True)
            layout.addWidget(again)
        form = QFormLayout()
        self.url = self._field("server_url", self.tr("Server address"))
        self.url.setPlaceholderText("https://sync.example.org:8700")
        self.url_error = _error_label("url_error", self)
        self.code = self._field("enroll_code", self.tr("Enrollment code"))
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.code_error = _error_label("code_error", self)
        self.user = self._field("server_user", self.tr("Server user name"))
        self.user.setText(user)
        self.user_error = _error_label("user_error", self)
        self.password = self._field("server_password", self.tr("Server password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = _error_label("setup_password_error", self)
        for label, field, error in (
            (self.tr("Server &address:"), self.url, self.url_error),
            (self.tr("Enrollment &code:"), self.code, self.code_error),
            (self.tr("Server &user name:"), self.user, self.user_error),
            (self.tr("Server pass&word:"), self.password, self.password_error),
        ):
            form.addRow(buddy_label(label, field), field)
            form.addRow("", error)
        layout.addLayout(form)
        layout.addWidget(self._certificate_box())
        self.status = QLabel(self)
        self.status.setObjectName("setup_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Set-up progress"))
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.enroll = self.buttons.addButton(
            self.tr("&Enroll this laptop"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.enroll.setObjectName("enroll_button")
        self.enroll.setAccessibleName(self.tr("Enroll this laptop"))
        self.enroll.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("setup_cancel")
        cancel.setAccessibleName(self.tr("Cancel set-up"))
        self.buttons.accepted.connect(self.on_enroll_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.url.textChanged.connect(self.on_url_text_changed)
        self.code.editingFinished.connect(self.on_code_editing_finished)
        self.on_url_text_changed("")
        _wide_enough(self, 68)
        self.url.setFocus()

    def _field(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        return field

    def _certificate_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Server certificate"), self)
        box.setObjectName("certificate_box")
        self.cert_box = box
        self.check_cert = QPushButton(self.tr("C&heck the certificate"), box)
        self.check_cert.setObjectName("check_certificate")
        self.check_cert.setAccessibleName(self.tr("Check the server certificate"))
        self.check_cert.clicked.connect(self.on_check_cert_clicked)
        self.cert_text = QLabel(box)
        self.cert_text.setObjectName("certificate_details")
        self.cert_text.setAccessibleName(self.tr("Certificate details"))
        self.cert_text.setWordWrap(True)
        self.cert_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel(box)
        self.fingerprint.setObjectName("certificate_fingerprint")
        self.fingerprint.setAccessibleName(self.tr("Certificate fingerprint (SHA-256)"))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.it_fingerprint = QLineEdit(box)
        self.it_fingerprint.setObjectName("it_fingerprint")
        self.it_fingerprint.setAccessibleName(self.tr("Fingerprint from IT"))
        self.it_fingerprint.setPlaceholderText(self.tr("Paste it here to compare (optional)"))
        self.it_fingerprint.textChanged.connect(self.on_it_fingerprint_text_changed)
        self.compare = QLabel(box)
        self.compare.setObjectName("fingerprint_comparison")
        self.compare.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("The &fingerprint matches the one IT gave me"), box)
        self.confirm.setObjectName("fingerprint_confirmed")
        self.confirm.setAccessibleName(self.tr("The fingerprint matches the one IT gave me"))
        self.cert_error = _error_label("certificate_error", box)
        row = QHBoxLayout()
        row.addWidget(self.check_cert)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addWidget(self.fingerprint)
        inner.addWidget(self.cert_text)
        inner.addWidget(buddy_label(self.tr("Fingerprint from &IT:"), self.it_fingerprint))
        inner.addWidget(self.it_fingerprint)
        inner.addWidget(self.compare)
        inner.addWidget(self.confirm)
        inner.addWidget(self.cert_error)
        self._show_certificate(None)
        return box

    # -- the certificate -----------------------------------------------------------------------

    def _https(self) -> bool:
        return self.url.text().strip().lower().startswith("https://")

    @Slot(str)
    def on_url_text_changed(self, _text: str) -> None:
        """A new address: its certificate must be checked again (https only)."""
        self.cert_box.setVisible(self._https())
        self._show_certificate(None)

    @Slot()
    def on_code_editing_finished(self) -> None:
        """The text of an enrollment QR code fills in the address, code, user and fingerprint."""
        text = self.code.text().strip()
        if not text.lower().startswith("lead-enroll:"):
            return
        try:
            payload = EnrollPayload.parse(text)
        except SyncError as error:
            self.code_error.show_message(user_message(error))
            return
        self.code_error.show_message("")
        self.code.setText(payload.code)
        if payload.server:
            self.url.setText(payload.server)
        if payload.user:
            self.user.setText(payload.user)
        if payload.fingerprint:
            self.it_fingerprint.setText(payload.fingerprint)

    def _show_certificate(self, info: CertificateInfo | None) -> None:
        self.certificate = info
        self.confirm.setChecked(False)
        self.confirm.setEnabled(info is not None)
        self.cert_error.show_message("")
        self.fingerprint.setVisible(info is not None)
        if info is None:
            self.fingerprint.clear()
            self.cert_text.setText(
                self.tr("Not checked yet: choose Check the certificate after typing the address.")
            )
        else:
            self.fingerprint.setText(fingerprint_lines(info.fingerprint))
            self.fingerprint.setAccessibleDescription(info.fingerprint)
            self.cert_text.setText(
                self.tr(
                    "Above: the SHA-256 fingerprint. Compare it with the one IT gave you.\n"
                    "Subject: {0}\nIssued by: {1}\nValid from {2} to {3}"
                ).format(info.subject, info.issuer, info.not_before, info.not_after)
            )
        self.on_it_fingerprint_text_changed(self.it_fingerprint.text())

    @Slot()
    def on_check_cert_clicked(self) -> None:
        """Read the certificate the server presents (nothing is sent to it)."""
        url = self.url.text().strip()
        try:
            check_url(url, pin_required=False)
        except SyncError as error:
            self.url_error.show_message(user_message(error))
            return
        self.url_error.show_message("")
        self.check_cert.setEnabled(False)
        self.status.setText(self.tr("Reading the server's certificate…"))
        self.run(lambda: fetch_certificate(url), self._certificate_read, self._certificate_failed)

    def _certificate_read(self, info: CertificateInfo) -> None:
        self.check_cert.setEnabled(True)
        self.status.clear()
        self._show_certificate(info)
        self.confirm.setFocus()

    def _certificate_failed(self, error: BaseException) -> None:
        self.check_cert.setEnabled(True)
        self.status.clear()
        self._show_certificate(None)
        self.cert_error.show_message(user_message(error))

    @Slot(str)
    def on_it_fingerprint_text_changed(self, text: str) -> None:
        """Compare a pasted fingerprint with the certificate's."""
        if not text.strip():
            self.compare.clear()
            return
        try:
            given = normalise_fingerprint(text)
        except SyncError as error:
            self.compare.setText(user_message(error))
            return
        if self.certificate is None:
            self.compare.setText(self.tr("Check the certificate to compare it with this one."))
        elif given == self.certificate.fingerprint:
            self.compare.setText(self.tr("It matches the server's certificate."))
            self.confirm.setChecked(True)
        else:
            self.compare.setText(
                self.tr(
                    "It does NOT match the server's certificate. Do not enroll: tell IT, "
                    "someone may be between this laptop and the server."
                )
            )
            self.confirm.setChecked(False)

    # -- enrolling ---------------------------------------------------------------------------

    def _check_fields(self) -> bool:
        ok = True
        url = self.url.text().strip()
        try:
            check_url(url, pin_required=False)
            self.url_error.show_message("")
        except SyncError as error:
            self.url_error.show_message(user_message(error))
            ok = False
        for field, error_label, message in (
            (self.code, self.code_error, self.tr("Enrollment code: type the code IT gave you.")),
            (self.user, self.user_error, self.tr("Server user name: type your server account.")),
            (
                self.password,
                self.password_error,
                self.tr("Server password: type the password of that account."),
            ),
        ):
            empty = not field.text().strip()
            error_label.show_message(message if empty else "")
            ok = ok and not empty
        if ok and self._https() and not (self.certificate and self.confirm.isChecked()):
            self.cert_error.show_message(
                self.tr(
                    "Check the certificate, compare its fingerprint with the one IT gave you, "
                    "and tick the box when they match."
                )
            )
            ok = False
        return ok

    @Slot()
    def on_enroll_clicked(self) -> None:
        """Enroll with the server, then keep a sync key so no password is asked again."""
        if self._busy or not self._check_fields():
            return
        url, code = self.url.text().strip(), self.code.text().strip()
        user, password = self.user.text().strip(), self.password.text()
        fingerprint = self.certificate.fingerprint if self._https() and self.certificate else None
        store = self.store
        self._busy = True
        self.enroll.setEnabled(False)
        self.status.setText(self.tr("Enrolling this laptop…"))
        self.run(
            lambda: enroll_laptop(store, url, code, user, password, fingerprint=fingerprint),
            self._enrolled,
            self._enroll_failed,
        )

    def _enrolled(self, device_id: str) -> None:
        self._busy = False
        self.password.clear()
        self.status.setText(self.tr("This laptop is enrolled. Sync starts now."))
        self.sig_enrolled.emit(device_id)
        self.accept()

    def _enroll_failed(self, error: BaseException) -> None:
        self._busy = False
        self.enroll.setEnabled(True)
        self.status.clear()
        code = getattr(error, "code", None)
        if code == "bad_code":
            self.code_error.show_message(
                self.tr(
                    "Enrollment code: the server does not know this code, or it expired or was "
                    "used already. Ask IT for a new one."
                )
            )
        elif code in ("bad_credentials", "too_many_attempts", "forbidden"):
            self.password_error.show_message(
                self.tr(
                    "Server password: the server refused this user name and password. Check "
                    "both and try again (after several wrong tries, wait a few minutes)."
                )
            )
        elif isinstance(error, SyncError) and error.unreachable:
            self.url_error.show_message(
                self.tr(
                    "Server address: the server cannot be reached. Check the address and the "
                    "network, then try again."
                )
            )
        elif code in ("certificate_mismatch", "certificate_expired", "tls_failed"):
            self.cert_error.show_message(user_message(error))
        else:
            self.status.setText(user_message(error))
