"""Take the README's screenshots from the real window (offscreen), over a fresh demo store.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--scale 2] [--lang es] [--out DIR]

Each main screen is grabbed at 1280x800 logical pixels; ``--scale 2`` gives the 200% versions
(named ``*@2x.png``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

logger = logging.getLogger("screenshots")


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:  # noqa: PLR0915 - one linear walk through the screens
    """Walk through the screens and save a PNG of each."""
    args = _parse(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QAction
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

    from lead_desktop.ui import i18n
    from lead_desktop.ui.caseload_model import CaseloadModel
    from lead_desktop.ui.main_window import MainWindow
    from lead_desktop.ui.unlock import DEMO_PASSPHRASE

    app = QApplication(sys.argv)
    i18n.install(app, args.lang)
    suffix = ("@2x" if args.scale == 2 else "") + ("" if args.lang == "en" else f"-{args.lang}")
    args.out.mkdir(parents=True, exist_ok=True)

    def wait(condition: Callable[[], bool], seconds: float = 60) -> None:
        for _ in range(int(seconds * 50)):
            if condition():
                return
            QTest.qWait(20)
        raise SystemExit("timed out waiting for the screen")

    def shot(window: QWidget, name: str) -> None:
        QTest.qWait(300)
        path = args.out / f"{name}{suffix}.png"
        window.grab().save(str(path))
        logger.info("wrote %s", path)

    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Path(tmp))
        window.resize(1280, 800)
        window.show()
        shot(window, "first-run")
        window.findChild(QPushButton, "try_demo").click()
        wait(lambda: window.findChild(QWidget, "caseload") is not None)
        caseload = window.findChild(QWidget, "caseload")
        table = caseload.findChild(QWidget, "caseload_table")
        wait(lambda: table.model() is not None and table.model().rowCount() > 0)
        QTest.qWait(800)
        shot(window, "main-caseload")
        search = caseload.findChild(QLineEdit, "caseload_search")
        if search is not None:
            search.setFocus()
            QTest.keyClicks(search, "aaliyah")
            QTest.qWait(800)
            shot(window, "main-search")
            search.clear()
            QTest.qWait(500)
        model = table.model()
        if model is not None and model.rowCount() > 0:
            pid = model.index(0, 0).data(CaseloadModel.ID_ROLE)
            if isinstance(pid, str):
                window.open_participant(pid)
                QTest.qWait(1200)
                shot(window, "main-record")
        window.findChild(QAction, "act_new_referral").trigger()
        QTest.qWait(1200)
        shot(window, "main-referral")
        window.findChild(QAction, "act_lock").trigger()
        QTest.qWait(300)
        field = window.findChild(QLineEdit, "passphrase")
        if field is not None:
            field.setFocus()
        shot(window, "unlock")
        assert field is not None
        QTest.keyClicks(field, DEMO_PASSPHRASE)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
