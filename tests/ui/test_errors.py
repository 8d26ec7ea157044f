"""An unexpected error shows a plain message, never a traceback; the log never quotes data."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from lead_desktop.ui.app import install_error_hook


def test_an_unexpected_error_is_a_plain_message_and_the_log_keeps_no_data(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    previous = sys.excepthook
    install_error_hook()
    try:
        name = "Zoë O'Brien-Ćosić"  # data reaches the error's text, as it might in real code
        try:
            raise KeyError(name)
        except KeyError as error:
            with caplog.at_level(logging.ERROR):
                sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes and "Something went wrong and nothing was saved" in boxes[-1].text()
    assert "Traceback" not in boxes[-1].text()
    assert "KeyError" in caplog.text
    assert "Zoë" not in caplog.text and "Ćosić" not in caplog.text
    for box in boxes:
        box.close()
