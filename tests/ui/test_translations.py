"""Every string the interface shows has its Spanish translation, and the app loads it."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication

from lead_desktop.ui import i18n
from tests.helpers import REPO


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations", REPO / "scripts/translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module
    spec.loader.exec_module(module)
    return module


def test_nothing_the_interface_shows_is_left_untranslated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _script()
    shutil.copy(tool.ts_path("es"), tmp_path / "lead_desktop_es.ts")
    monkeypatch.setattr(tool, "TS_DIR", tmp_path)
    tool.update()  # re-extract from today's sources into the copy
    missing = tool.untranslated("es")
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:5]}"


def test_spanish_is_loaded_and_english_comes_back(qapp: QCoreApplication) -> None:
    assert i18n.install(qapp, "es")
    try:
        assert QCoreApplication.translate("UnlockScreen", "&Unlock") != "&Unlock"
        assert QCoreApplication.translate("codes", "Client doesn't know") == "El cliente no sabe"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("UnlockScreen", "&Unlock") == "&Unlock"
