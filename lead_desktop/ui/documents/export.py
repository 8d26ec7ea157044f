"""The two asks before a document leaves the app: which printer, and (for a file) a warning.

Both dialogs are opened without blocking (``open()``), so background work carries on and tests
can answer them like a user would. "Save as PDF" is only ever an explicit act: the warning that
the file is not encrypted comes first, then the file dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

logger = logging.getLogger(__name__)


def ask_printer(parent: QWidget, printer: QPrinter, pages: int, then: Callable[[], None]) -> None:
    """Show the system print dialog for ``printer``; call ``then`` once the user accepts.

    Printing to a file is not offered here: a file copy goes through "Save as PDF", which warns
    first."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    dialog.setAccessibleName(QCoreApplication.translate("QObject", "Print"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, max(pages, 1))
    dialog.accepted.connect(then)
    dialog.finished.connect(dialog.deleteLater)
    QDialog.open(dialog)  # the binding hides the no-argument overload on QPrintDialog


def confirm_unencrypted(parent: QWidget, then: Callable[[], None]) -> QMessageBox:
    """Warn that a saved PDF is not encrypted and holds personal data; ``then`` on yes."""
    box = QMessageBox(parent)
    box.setObjectName("save_pdf_warning")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("QObject", "Save an unencrypted copy?"))
    box.setText(
        QCoreApplication.translate(
            "QObject", "The PDF file will not be encrypted and holds personal data."
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "QObject",
            "Anyone who can open the file can read it. Save it only where your program allows, "
            "print it, then delete it. Printing directly keeps nothing on this computer.",
        )
    )
    box.setAccessibleName(
        QCoreApplication.translate("QObject", "Warning: the saved file is not encrypted")
    )
    save = box.addButton(
        QCoreApplication.translate("QObject", "&Save unencrypted copy"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    save.setObjectName("save_pdf_confirm")
    save.setAccessibleName(QCoreApplication.translate("QObject", "Save an unencrypted copy"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("save_pdf_cancel")
    box.setDefaultButton(cancel)  # Enter does not save by accident
    box.setEscapeButton(cancel)

    def answered(_: int) -> None:
        if box.clickedButton() is save:
            then()
        box.deleteLater()

    box.finished.connect(answered)
    box.open()
    return box


def ask_save_path(parent: QWidget, suggested: str, then: Callable[[Path], None]) -> QFileDialog:
    """Ask where to save a PDF (``suggested`` is a file name without personal data)."""
    dialog = QFileDialog(parent, QCoreApplication.translate("QObject", "Save the document as PDF"))
    dialog.setObjectName("save_pdf_dialog")
    dialog.setAccessibleName(QCoreApplication.translate("QObject", "Save the document as PDF"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(QCoreApplication.translate("QObject", "PDF documents (*.pdf)"))
    dialog.setDefaultSuffix("pdf")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if folder:
        dialog.setDirectory(folder)
    dialog.selectFile(suggested)
    dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
