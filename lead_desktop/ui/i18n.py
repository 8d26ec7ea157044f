"""Interface language: our translations and Qt's own, loaded before any window is built."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lead_desktop.resources import resource_path

logger = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> bool:
    """Switch the interface to ``language``; return False when its translation is missing."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    ours = QTranslator(app)
    qm = resource_path("translations", f"lead_desktop_{language}.qm")
    if not ours.load(str(qm)):
        logger.warning("no translation file for language %s", language)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return True
