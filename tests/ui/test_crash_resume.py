"""Kill the app mid-referral; the next start offers to resume exactly where the worker was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from lead_desktop.store.store import Store
from lead_desktop.ui.main_window import MainWindow
from lead_desktop.ui.wizard import ReferralWizard
from tests.helpers import FAST_KDF, PASSPHRASE, REPO


def test_a_killed_app_resumes_the_referral_from_its_draft(qtbot: QtBot, tmp_path: Path) -> None:
    Store.create(tmp_path / "store", "maria", PASSPHRASE, kdf=FAST_KDF).close()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_child", str(tmp_path)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
    finally:
        child.send_signal(signal.SIGKILL)  # no chance to close anything cleanly
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    window = MainWindow(tmp_path)
    qtbot.addWidget(window)
    window.show()
    field = window.findChild(QLineEdit, "passphrase")
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    banner = None

    def offered() -> bool:
        nonlocal banner
        banner = window.findChild(QFrame, "resume_banner")
        return banner is not None and banner.isVisible()

    qtbot.waitUntil(offered, timeout=10_000)
    assert "unfinished work" in window.findChild(QLabel, "resume_text").text()
    qtbot.mouseClick(window.findChild(QPushButton, "resume_button"), Qt.MouseButton.LeftButton)
    assert window.tabs is not None
    wizard = window.tabs.currentWidget()
    assert isinstance(wizard, ReferralWizard)
    qtbot.waitUntil(lambda: wizard.ready, timeout=10_000)
    assert "step 2 of 8" in wizard.findChild(QLabel, "wizard_heading").text()
    assert wizard.findChild(QLineEdit, "officer_name").text() == "Officer Reyes"
    assert wizard.findChild(QComboBox, "referral_type").currentData() == "social_contact"
    assert window.tabs.count() == 2  # the caseload and the one referral, not two copies
    assert window.findChild(QWidget, "caseload") is not None
    window.close()
