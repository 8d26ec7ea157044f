"""Small pieces the consent dialogs share: labels, the store's refusal shown, the scan picker."""

from __future__ import annotations

import logging
from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from lead_desktop.errors import Issue, ValidationError
from lead_desktop.ui import labels
from lead_desktop.ui.action_bar import push_button
from lead_desktop.ui.record.fields import ErrorLabel, FieldErrors

logger = logging.getLogger(__name__)

#: File types accepted as a scan of a signed paper form, by suffix.
SCAN_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
#: Largest scan kept (a phone photo of a page is a few MB).
MAX_SCAN_BYTES = 25 * 1024 * 1024


def copy_methods() -> list[str]:
    """Usual ways a participant gets their copy (the worker may type another)."""
    return [
        QCoreApplication.translate("consents", "Handed over in person"),
        QCoreApplication.translate("consents", "Mailed"),
        QCoreApplication.translate("consents", "Emailed"),
    ]


def text_label(name: str, text: str = "") -> QLabel:
    """A label named ``name`` for text that wraps and is never read as markup."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def sentence(issue: Issue) -> str:
    """An issue as one sentence: problem, then fix."""
    text = labels.issue_message(issue)
    return text[:1].upper() + text[1:]


def show_refusal(
    errors: FieldErrors,
    general: ErrorLabel,
    refusal: ValidationError,
    own: Collection[str],
    heading: str,
) -> None:
    """The store's refusal: each issue about one of the dialog's ``own`` fields beside it, the
    rest listed under ``heading`` in ``general``."""
    errors.show(i for i in refusal.issues if i.field in own)
    other = [i for i in refusal.issues if i.field not in own]
    if other:
        general.show_message(heading + "\n" + "\n".join(f"• {sentence(i)}" for i in other))


class ScanFile(QWidget):
    """Picks the scan of a signed paper form; the file is read only when the consent is signed."""

    sig_changed = Signal()
    """A scan was chosen or removed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_scan")
        self._path: Path | None = None
        self.pick = push_button(
            "sign_scan_pick",
            self.tr("Attach a sc&an…"),
            self.tr("Attach a scan of the signed paper form"),
        )
        self.pick.clicked.connect(self.on_pick_clicked)
        self.remove = push_button(
            "sign_scan_remove", self.tr("Remove scan"), self.tr("Remove the attached scan")
        )
        self.remove.clicked.connect(self.on_remove_clicked)
        self.shown = QLabel()
        self.shown.setObjectName("sign_scan_name")
        self.shown.setAccessibleName(self.tr("Scan attached"))
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pick)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.remove)
        self._show()

    def path(self) -> Path | None:
        """The chosen file, if any."""
        return self._path

    def set_path(self, path: Path | None) -> None:
        """Choose this file (None: no scan)."""
        self._path = path
        self._show()
        self.sig_changed.emit()

    def _show(self) -> None:
        if self._path is None:
            self.shown.setText(self.tr("No scan attached."))
        else:
            self.shown.setText(self._path.name)
        self.remove.setEnabled(self._path is not None)

    @Slot()
    def on_pick_clicked(self) -> None:
        """Ask for the scan file (PDF or image)."""
        dialog = QFileDialog(self, self.tr("Scan of the signed paper form"))
        dialog.setObjectName("scan_dialog")
        dialog.setAccessibleName(self.tr("Choose the scan of the signed paper form"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        patterns = " ".join(f"*{suffix}" for suffix in SCAN_TYPES)
        dialog.setNameFilter(self.tr("Scans ({0})").format(patterns))
        dialog.fileSelected.connect(lambda chosen: self.set_path(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def on_remove_clicked(self) -> None:
        """Forget the chosen scan."""
        self.set_path(None)
        self.pick.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def read(path: Path) -> tuple[bytes, str]:
        """The scan's bytes and type (on the write thread); ValidationError when unusable."""

        def refuse(problem: str, fix: str) -> ValidationError:
            return ValidationError([Issue("scan", problem, fix)])

        mime = SCAN_TYPES.get(path.suffix.lower())
        if mime is None:
            raise refuse(
                QCoreApplication.translate("consents", "the scan is not a PDF or an image"),
                QCoreApplication.translate("consents", "choose a PDF, PNG or JPEG"),
            )
        try:
            size = path.stat().st_size
            if size > MAX_SCAN_BYTES:
                raise refuse(
                    QCoreApplication.translate("consents", "the scan is larger than 25 MB"),
                    QCoreApplication.translate("consents", "scan at a lower resolution"),
                )
            data = path.read_bytes()
        except OSError:
            raise refuse(
                QCoreApplication.translate("consents", "the scan could not be read"),
                QCoreApplication.translate("consents", "check the file and attach it again"),
            ) from None
        if not data:
            raise refuse(
                QCoreApplication.translate("consents", "the scan file is empty"),
                QCoreApplication.translate("consents", "scan the form again"),
            )
        return data, mime
