"""Form templates: versioned TOML data files in ``resources/templates``, one per kind and language.

Wording (legal statements, headings, labels) lives in data files so the program's counsel can
review and change it without touching code. Each file carries ``kind``, ``language`` and
``version``; the version is printed on every page and stored with every printed document and
signed consent. ``common.<language>.toml`` holds labels shared by every form (page numbers,
field names, code lists). Files are read once per process; do not mutate what is returned.
"""

from __future__ import annotations

import functools
import threading
import tomllib
from collections.abc import Mapping
from typing import Any

from lead_desktop.domain.consent import LANGUAGES, REQUIRED_STATEMENTS
from lead_desktop.errors import LeadError
from lead_desktop.resources import resource_path

#: Consent type (store) -> document kind (file name, CLI).
CONSENT_KINDS = {
    "release": "consent-release",
    "tpo": "consent-tpo",
    "criminal_justice": "consent-cj",
    "counseling_notes": "consent-counseling-notes",
    "legal_proceedings": "consent-legal-proceedings",
}
TYPE_OF_KIND = {kind: ctype for ctype, kind in CONSENT_KINDS.items()}
#: Every template file kind (``disclosure-cover`` is the cover sheet sent with a disclosure).
TEMPLATE_KINDS = (
    "service-plan",
    *CONSENT_KINDS.values(),
    "revocation",
    "disclosures",
    "disclosure-cover",
)
#: Keys each kind's file must have (besides kind, language, version).
_REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "common": ("page", "labels", "values", "months"),
    "service-plan": ("title", "headings", "texts"),
    "revocation": ("title", "headings", "texts", "statements"),
    "disclosures": ("title", "headings", "texts", "statements"),
    "disclosure-cover": ("title", "headings", "texts", "statements"),
}
_lock = threading.Lock()


class TemplateError(LeadError):
    """A form template is missing, unreadable or incomplete."""


def _check(kind: str, language: str, data: Mapping[str, Any]) -> None:
    where = f"template {kind}.{language}.toml"
    if data.get("kind") != kind or data.get("language") != language:
        raise TemplateError(f"{where} says it is {data.get('kind')}.{data.get('language')}")
    if not str(data.get("version") or "").strip():
        raise TemplateError(f"{where} has no version")
    needed = _REQUIRED_KEYS.get(kind, ("title", "headings", "texts", "statements"))
    missing = [k for k in needed if k not in data]
    if kind in TYPE_OF_KIND:
        statements = data.get("statements") or {}
        missing += [
            f"statements.{k}"
            for k in REQUIRED_STATEMENTS[TYPE_OF_KIND[kind]]
            if not str(statements.get(k) or "").strip()
        ]
    if missing:
        raise TemplateError(f"{where} lacks {', '.join(missing)}")


@functools.cache
def _load(kind: str, language: str, version: str | None) -> dict[str, Any]:
    if version is None:
        path = resource_path("templates", f"{kind}.{language}.toml")
    else:  # an earlier wording, kept so that what was signed can be printed again
        path = resource_path("templates", "archive", f"{kind}.{language}.{version}.toml")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise TemplateError(f"no form template {path.name}") from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"form template {path.name} is not valid TOML: {exc}") from None
    _check(kind, language, data)
    return data


def load_template(kind: str, language: str, version: str | None = None) -> dict[str, Any]:
    """The template of a kind (``common`` or one of TEMPLATE_KINDS) in a language.

    Without ``version``, the current wording. With one, that version: the current file if it
    is that version, else ``templates/archive/<kind>.<language>.<version>.toml`` (keep the old
    file there when raising a version, so consents signed on it print as they were signed).
    """
    if language not in LANGUAGES:
        raise TemplateError(f"no forms in {language!r}; use one of {', '.join(LANGUAGES)}")
    if kind != "common" and kind not in TEMPLATE_KINDS:
        raise TemplateError(f"no form of kind {kind!r}")
    with _lock:
        current = _load(kind, language, None)
        if version is None or str(current["version"]) == version:
            return current
        try:
            old = _load(kind, language, version)
        except TemplateError:
            raise TemplateError(
                f"form {kind}.{language} version {version} is not installed (current: "
                f"{current['version']}); put it in templates/archive"
            ) from None
        if str(old["version"]) != version:
            raise TemplateError(f"archived form {kind}.{language}.{version} says {old['version']}")
        return old


def consent_template(
    consent_type: str, language: str, version: str | None = None
) -> dict[str, Any]:
    """The printed form of a consent type in a language (current, or a given version)."""
    if consent_type not in CONSENT_KINDS:
        raise TemplateError(f"no form for consent type {consent_type!r}")
    return load_template(CONSENT_KINDS[consent_type], language, version)


def clear_cache() -> None:
    """Forget loaded templates (after counsel's new wording is installed, and in tests)."""
    with _lock:
        _load.cache_clear()
