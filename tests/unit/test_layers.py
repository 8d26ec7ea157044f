"""The rule of the house: only lead_desktop/ui imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_only_ui_imports_qt() -> None:
    offenders = []
    for package in ("lead_desktop", "lead_server"):
        for path in (ROOT / package).rglob("*.py"):
            if "ui" in path.relative_to(ROOT / package).parts[:1]:
                continue
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_no_print_calls_outside_tests() -> None:
    calls = []
    for path in (ROOT / "lead_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                calls.append(str(path.relative_to(ROOT)))
    assert calls == []
