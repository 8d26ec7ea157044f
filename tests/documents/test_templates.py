"""Form templates: versioned data files that counsel can review, checked when loaded."""

from __future__ import annotations

import re
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lead_desktop.documents import templates
from lead_desktop.documents.templates import TEMPLATE_KINDS, TemplateError, load_template
from lead_desktop.resources import resource_path

#: Placeholders the builders fill; a template using any other would print it raw.
KNOWN = {
    "discloser", "description", "reason", "expiry_date", "expiry_event", "authority", "date",
    "method", "days", "disposition", "count", "type", "page", "what", "recipient",
    "consent_date", "version", "plan_date", "status", "review_date", "done", "total",
    "month", "day", "year",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    templates.clear_cache()
    yield
    templates.clear_cache()


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_form_loads_with_a_version_and_known_placeholders(lang: str) -> None:
    for kind in ("common", *TEMPLATE_KINDS):
        form = load_template(kind, lang)
        assert re.fullmatch(r"\d{4}\.\d+", form["version"]), kind
        for text in _strings(form):
            names = {f[1] for f in string.Formatter().parse(text) if f[1] is not None}
            assert names <= KNOWN, (kind, names - KNOWN)


def test_both_languages_have_the_same_keys() -> None:
    def keys(node: Any, prefix: str = "") -> set[str]:
        if not isinstance(node, dict):
            return {prefix}
        return set().union(*(keys(v, f"{prefix}.{k}") for k, v in node.items()))

    for kind in ("common", *TEMPLATE_KINDS):
        en, es = keys(load_template(kind, "en")), keys(load_template(kind, "es"))
        extra = {k for k in es - en if k.endswith("_official") or k == ".texts.official"}
        assert en == es - extra, kind


def test_the_2_32_notice_is_the_same_on_the_cover_sheet_and_the_accounting() -> None:
    for lang in ("en", "es"):
        cover = load_template("disclosure-cover", lang)["statements"]
        accounting = load_template("disclosures", lang)["statements"]
        assert cover == accounting
    english = load_template("disclosure-cover", "en")["statements"]
    assert english["notice_short"] == (
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
    )
    assert english["notice_full"].startswith(
        "This record which has been disclosed to you is protected by Federal confidentiality"
    )
    assert (
        load_template("disclosure-cover", "es")["statements"]["notice_full_official"]
        == (english["notice_full"])
    )


def _copy_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "resources"
    shutil.copytree(resource_path("templates"), root / "templates")
    monkeypatch.setenv("LEAD_RESOURCES", str(root))
    return root / "templates"


def test_a_consent_form_missing_a_statement_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_resources(tmp_path, monkeypatch)
    path = folder / "consent-cj.en.toml"
    path.write_text(
        re.sub(r"(?m)^irrevocable = .*$", "", path.read_text("utf-8")), encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"statements\.irrevocable"):
        load_template("consent-cj", "en")


def test_earlier_versions_come_from_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_resources(tmp_path, monkeypatch)
    assert load_template("consent-release", "en", "2026.1")["version"] == "2026.1"
    with pytest.raises(TemplateError, match="version 2025.9 is not installed"):
        load_template("consent-release", "en", "2025.9")
    (folder / "archive").mkdir()
    old = (folder / "consent-release.en.toml").read_text("utf-8")
    old = old.replace('version = "2026.1"', 'version = "2025.9"').replace(
        "Consent to share information", "Old consent form"
    )
    (folder / "archive" / "consent-release.en.2025.9.toml").write_text(old, encoding="utf-8")
    templates.clear_cache()
    assert load_template("consent-release", "en", "2025.9")["title"] == "Old consent form"
    assert load_template("consent-release", "en")["version"] == "2026.1"
