"""Child process for the crash test: unlock, start a referral, type, then wait to be killed.

Usage: python -m tests.ui.crash_child DATA_DIR (prints "ready" once the draft is on disk).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QWidget

from lead_desktop.ui.drafts import DraftKeeper
from lead_desktop.ui.main_window import MainWindow
from lead_desktop.ui.wizard import ReferralWizard
from tests.helpers import PASSPHRASE


def _wait(condition: object, seconds: float = 20) -> None:
    for _ in range(int(seconds * 100)):
        if condition():  # type: ignore[operator]
            return
        QTest.qWait(10)
    raise SystemExit("timed out")


def main(data_dir: Path) -> None:
    """Drive the real window up to a half-done referral."""
    app = QApplication(sys.argv)
    window = MainWindow(data_dir)
    window.show()
    field = window.findChild(QLineEdit, "passphrase")
    QTest.keyClicks(field, PASSPHRASE)
    QTest.keyClick(field, Qt.Key.Key_Return)
    _wait(lambda: window.findChild(QWidget, "caseload") is not None)
    window.findChild(QAction, "act_new_referral").trigger()
    assert window.tabs is not None
    wizard = window.tabs.currentWidget()
    assert isinstance(wizard, ReferralWizard)
    _wait(lambda: wizard.ready)
    combo = wizard.findChild(QComboBox, "referral_type")
    combo.setCurrentIndex(combo.findData("social_contact"))
    QTest.keyClicks(wizard.findChild(QLineEdit, "officer_name"), "Officer Reyes")
    QTest.mouseClick(wizard.findChild(QPushButton, "wizard_next"), Qt.MouseButton.LeftButton)
    keeper = wizard.findChild(DraftKeeper)
    _wait(lambda: keeper.saves >= 1 and not keeper.dirty and not window.ctx.ops.busy)
    QTest.qWait(600)  # past the debounce: the last edit is written too
    _wait(lambda: not keeper.dirty and not window.ctx.ops.busy)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    app.exec()  # until the test kills us


if __name__ == "__main__":
    main(Path(sys.argv[1]))
