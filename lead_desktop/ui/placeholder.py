"""A first window that shows the store's state until the full GUI arrives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from lead_desktop import __version__
from lead_desktop.store.store import store_exists, worker_names


class PlaceholderWindow(QMainWindow):
    """Shows where the store is, who can unlock it, and the command-line equivalents."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("LEAD Desktop"))
        root = data_dir / "store"
        if store_exists(root):
            names = ", ".join(worker_names(root))
            state = self.tr("Store found in {0}. Workers: {1}.").format(root, names)
        else:
            state = self.tr(
                "No store yet in {0}. Create one with: lead-desktop init --worker NAME"
            ).format(root)
        text = QLabel(
            "<h2>"
            + self.tr("LEAD Desktop {0}").format(__version__)
            + "</h2><p>"
            + state
            + "</p><p>"
            + self.tr(
                "The case-management screens are on their way. Until then, use the command "
                "line: lead-desktop --help"
            )
            + "</p>"
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        text.setAccessibleName(self.tr("Store status"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(text)
        layout.addStretch()
        self.setCentralWidget(body)
        self.resize(640, 320)
