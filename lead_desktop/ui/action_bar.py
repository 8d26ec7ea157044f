"""The line of buttons under a form or in a dialog, busy while the act's write runs."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

logger = logging.getLogger(__name__)


def push_button(name: str, text: str, accessible: str) -> QPushButton:
    """A push button named ``name`` that Enter does not press by accident."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)
    return button


class ActionBar(QHBoxLayout):
    """What happened (a message named ``<name>_message``), then the button that drops the form
    (Cancel, Clear) and the one that acts.

    While the act's write runs the bar is :attr:`busy`: the act button is off, and the form
    ignores a second press until the write has succeeded or been refused.
    """

    def __init__(self, name: str, drop: QPushButton, act: QPushButton) -> None:
        super().__init__()
        self.message = QLabel()
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.drop = drop
        self.act = act
        self.busy = False
        self.addWidget(self.message, 1)
        self.addWidget(drop)
        self.addWidget(act)

    def set_busy(self, busy: bool) -> None:
        """Mark the act's write under way (the act button off) or over (on again)."""
        self.busy = busy
        self.act.setEnabled(not busy)
