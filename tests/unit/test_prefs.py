"""This computer's preferences: read before unlock, written atomically, never anything else."""

from __future__ import annotations

import json
from pathlib import Path

from lead_desktop.ui.prefs import Prefs, load_prefs, prefs_path, save_prefs


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    assert load_prefs(tmp_path) == Prefs(language="en", theme="system")


def test_round_trip_in_a_new_folder(tmp_path: Path) -> None:
    folder = tmp_path / "not-yet-made"
    save_prefs(folder, Prefs(language="es", theme="dark"))
    assert load_prefs(folder) == Prefs(language="es", theme="dark")
    assert json.loads(prefs_path(folder).read_text("utf-8")) == {"language": "es", "theme": "dark"}
    assert [p.name for p in folder.iterdir()] == ["prefs.json"]  # no temporary file left


def test_unknown_values_fall_back_to_defaults(tmp_path: Path) -> None:
    written = save_prefs(tmp_path, Prefs(language="tlh", theme="neon"))
    assert written == Prefs()
    prefs_path(tmp_path).write_text('{"language": "es", "theme": 3, "extra": "x"}', "utf-8")
    assert load_prefs(tmp_path) == Prefs(language="es", theme="system")


def test_a_damaged_file_gives_defaults(tmp_path: Path) -> None:
    for content in ("{not json", "[1, 2]", '"es"', "\xff\xfe"):
        prefs_path(tmp_path).write_text(content, "latin-1")
        assert load_prefs(tmp_path) == Prefs()


def test_only_preferences_are_written(tmp_path: Path) -> None:
    save_prefs(tmp_path, Prefs(language="es"))
    assert set(json.loads(prefs_path(tmp_path).read_text("utf-8"))) == {"language", "theme"}
