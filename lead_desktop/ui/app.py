"""Start the Qt application: language, style, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)


def has_display() -> bool:
    """Tell whether Qt has somewhere to draw a window."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "minimal", "vnc")
    )


def install_error_hook() -> None:
    """Show an unexpected error as a plain message (details go to the log, never personal data)."""
    from PySide6.QtWidgets import QApplication

    from lead_desktop.ui.context import show_error
    from lead_desktop.ui.ops import log_unexpected

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        log_unexpected(error)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            show_error(app.activeWindow(), error, logged=True)

    sys.excepthook = hook


def run_gui(data_dir: Path) -> int:
    """Show the main window and run the event loop; return the exit code."""
    if not has_display():
        sys.stderr.write(
            "lead-desktop: error: no display found; run it from a desktop session "
            "(or set QT_QPA_PLATFORM=offscreen to run without one)\n"
        )
        return 2
    from PySide6.QtWidgets import QApplication

    from lead_desktop.ui import i18n, theme
    from lead_desktop.ui.collector import GuiThreadCollector
    from lead_desktop.ui.main_window import MainWindow
    from lead_desktop.ui.prefs import load_prefs

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("LEAD Desktop")
    app.setApplicationDisplayName("LEAD Desktop")
    data_dir.mkdir(parents=True, exist_ok=True)
    prefs = load_prefs(data_dir)
    i18n.install(app, prefs.language)
    theme.apply(app, prefs.theme)
    install_error_hook()
    collector = GuiThreadCollector(app)
    window = MainWindow(data_dir)
    window.show()
    code = int(app.exec())
    collector.stop()
    return code
