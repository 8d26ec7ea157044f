"""Light or dark: follow the system unless this computer's preference says otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}


def apply(app: QGuiApplication, theme: str) -> None:
    """Set the colour scheme ("system" hands the choice back to the platform)."""
    app.styleHints().setColorScheme(_SCHEMES.get(theme, Qt.ColorScheme.Unknown))
