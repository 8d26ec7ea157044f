"""Driving widgets in GUI tests as a person would: show, find by name, type, tab, click."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from lead_desktop.ui.context import AppContext


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    """Let background reads and writes finish and their results reach the widgets."""
    for _ in range(3):
        ctx.ops.drain()
        qtbot.wait(30)


def show(qtbot: QtBot, ctx: AppContext, widget: QWidget) -> Any:
    """Show ``widget`` at a realistic size, active, once what it loads has arrived."""
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    settle(qtbot, ctx)
    return widget


def child(parent: QWidget, cls: type[Any], name: str) -> Any:
    """The control of type ``cls`` named ``name`` inside ``parent`` (it must be there)."""
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def focused() -> QWidget:
    """The control with the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(
    qtbot: QtBot, pressed: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key in the focused control."""
    qtbot.keyClick(focused(), pressed, modifier)


def tab_key(qtbot: QtBot, times: int = 1) -> None:
    """Press Tab ``times`` times."""
    for _ in range(times):
        key(qtbot, Qt.Key.Key_Tab)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type ``text`` into the focused control."""
    qtbot.keyClicks(focused(), text)


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    """Click the button named ``name`` inside ``parent`` (it must be enabled)."""
    button = child(parent, QPushButton, name)
    assert button.isEnabled(), f"{name}: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
