"""Validation of participant data: every problem names the field and the fix; nothing partial."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from lead_desktop.domain import hmis
from lead_desktop.domain.dates import parse_date
from lead_desktop.errors import Issue, ValidationError, issue

NAME_FIELDS = ("first_name", "middle_name", "last_name", "name_suffix")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SSN_CHARS = re.compile(r"^[0-9xX]{9}$")
MAX_NAME = 100


def _text(field: str, value: Any, issues: list[Issue], limit: int = MAX_NAME) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    if _CONTROL.search(text):
        issues.append(issue(field, "contains control characters", "type the text again"))
    if len(text) > limit:
        issues.append(
            issue(
                field,
                "is {length} characters long",
                "shorten to {limit}",
                length=str(len(text)),
                limit=str(limit),
            )
        )
    return text or None


def _code(codes: Mapping[int, str]) -> Callable[[str, Any, list[Issue]], int | None]:
    def check(field: str, value: Any, issues: list[Issue]) -> int | None:
        if value is None or value == "":
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = -1
        if number not in codes:
            allowed = ", ".join(f"{k} ({v})" for k, v in codes.items())
            issues.append(
                issue(
                    field,
                    "{value} is not an allowed answer",
                    "use {allowed}",
                    value=repr(value),
                    allowed=allowed,
                )
            )
            return None
        return number

    return check


def _date(field: str, value: Any, issues: list[Issue], today: date) -> str | None:
    if value is None or value == "":
        return None
    parsed = value if isinstance(value, date) else parse_date(str(value), today=today)
    if parsed is None:
        issues.append(
            issue(
                field, "{value} is not a date", "use YYYY-MM-DD, e.g. 1980-03-05", value=repr(value)
            )
        )
        return None
    if parsed > today:
        issues.append(
            issue(field, "{date} is in the future", "check the year", date=parsed.isoformat())
        )
    elif parsed.year < 1900:
        issues.append(
            issue(field, "{date} is before 1900", "check the year", date=parsed.isoformat())
        )
    return parsed.isoformat()


def normalise_ssn(value: Any) -> str | None:
    """Turn '123-45-6789' or a last-four '6789' into the 9-character HMIS form; None if not."""
    if value is None:
        return None
    text = re.sub(r"[\s-]", "", str(value))
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text):
        return "xxxxx" + text
    if _SSN_CHARS.match(text):
        return text.lower()
    return "!"


def _count(field: str, value: Any, issues: list[Issue]) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        issues.append(
            issue(field, "{value} is not a whole number", "enter 0 or more", value=repr(value))
        )
        return None
    return number


_CODED: dict[str, Callable[[str, Any, list[Issue]], int | None]] = {
    "name_dq": _code(hmis.NAME_DQ),
    "ssn_dq": _code(hmis.SSN_DQ),
    "dob_dq": _code(hmis.DOB_DQ),
    "sex": _code(hmis.SEX),
    "veteran_status": _code(hmis.NO_YES),
    "disabling_condition": _code(hmis.NO_YES),
    "race_none": _code(hmis.NOT_GIVEN),
    "prior_living_situation": _code(hmis.LIVING_SITUATION),
    "current_living_situation": _code(hmis.LIVING_SITUATION),
}
_COUNTS = ("length_of_stay", "times_homeless_3y", "months_homeless_3y")
_DATES = ("dob", "intake_date", "project_start_date", "engagement_date")
_TEXTS = ("race_detail", "gender_identity", "preferred_language", "team", "external_id")
_DICTS = ("baseline", "health", "legal")
_PASS = ("case_manager_id", "interpreter_needed")


def validate_participant(
    data: Mapping[str, Any], *, today: date | None = None, partial: bool = False
) -> dict[str, Any]:
    """Check and normalise participant fields; raise ValidationError listing every issue."""
    today = today or date.today()
    issues: list[Issue] = []
    out: dict[str, Any] = {}
    known = (
        (set(NAME_FIELDS) | set(_CODED) | set(_COUNTS) | set(_DATES) | set(_TEXTS) | set(_DICTS))
        | set(_PASS)
        | {"ssn", "race", "status"}
    )
    for field in sorted(set(data) - known):
        issues.append(issue(field, "is not a participant field", "remove it"))
    for field in NAME_FIELDS:
        if field in data:
            out[field] = _text(field, data[field], issues)
    for field, check in _CODED.items():
        if field in data:
            out[field] = check(field, data[field], issues)
    for field in _COUNTS:
        if field in data:
            out[field] = _count(field, data[field], issues)
    for field in _DATES:
        if field in data:
            out[field] = _date(field, data[field], issues, today)
    for field in _TEXTS:
        if field in data:
            out[field] = _text(field, data[field], issues, limit=500)
    for field in _DICTS:
        if field in data:
            value = data[field] or {}
            if not isinstance(value, dict):
                issues.append(issue(field, "must be a set of answers", "use the form's fields"))
            out[field] = value
    for field in _PASS:
        if field in data:
            out[field] = data[field]
    if "ssn" in data:
        ssn = normalise_ssn(data["ssn"])
        if ssn == "!":
            issues.append(
                issue("ssn", "is not a social security number", "enter 9 digits, or the last 4")
            )
        out["ssn"] = None if ssn == "!" else ssn
    if "race" in data:
        race = list(data["race"] or [])
        bad = [r for r in race if r not in hmis.RACE]
        if bad:
            issues.append(
                issue(
                    "race",
                    "unknown categories {bad}",
                    "use {options}",
                    bad=str(bad),
                    options=", ".join(hmis.RACE),
                )
            )
        out["race"] = sorted({r for r in race if r in hmis.RACE})
    if "status" in data:
        if data["status"] not in hmis.STATUSES:
            issues.append(
                issue(
                    "status",
                    "{value} is unknown",
                    "use {options}",
                    value=repr(data["status"]),
                    options=", ".join(hmis.STATUSES),
                )
            )
        out["status"] = data["status"]
    if not partial:
        _defaults(out)
    _cross_checks(out, issues)
    if issues:
        raise ValidationError(issues)
    return out


def _defaults(out: dict[str, Any]) -> None:
    has_name = bool(out.get("first_name") or out.get("last_name"))
    if out.get("name_dq") is None:
        out["name_dq"] = (
            1 if out.get("first_name") and out.get("last_name") else (2 if has_name else 99)
        )
    if out.get("ssn_dq") is None:
        ssn = out.get("ssn")
        out["ssn_dq"] = 99 if not ssn else (1 if "x" not in ssn else 2)
    if out.get("dob_dq") is None:
        out["dob_dq"] = 1 if out.get("dob") else 99


def _cross_checks(out: dict[str, Any], issues: list[Issue]) -> None:
    if (
        out.get("name_dq") == 1
        and "first_name" in out
        and not (out.get("first_name") and out.get("last_name"))
    ):
        issues.append(
            issue(
                "name_dq",
                "says full name but first or last name is empty",
                "enter both names, or choose 2 (partial, street or code name)",
            )
        )
    ssn_refused = any(i.field == "ssn" for i in issues)
    if out.get("ssn_dq") in (1, 2) and "ssn" in out and not out.get("ssn") and not ssn_refused:
        issues.append(
            issue(
                "ssn_dq",
                "says an SSN was reported but none was entered",
                "enter the SSN (or its last 4), or choose 8, 9 or 99",
            )
        )
    if out.get("ssn_dq") == 1 and out.get("ssn") and "x" in out["ssn"]:
        issues.append(
            issue(
                "ssn_dq",
                "says full SSN but only part was entered",
                "choose 2 (approximate or partial)",
            )
        )
    if out.get("dob_dq") in (1, 2) and "dob" in out and not out.get("dob"):
        issues.append(
            issue(
                "dob_dq",
                "says a date of birth was reported but none was entered",
                "enter the date of birth, or choose 8, 9 or 99",
            )
        )
    if out.get("race") and out.get("race_none") is not None:
        issues.append(
            issue(
                "race_none",
                "cannot be given together with race categories",
                "clear the categories or clear 8/9/99",
            )
        )


def validate_alias(alias: Any, kind: str) -> tuple[str, str]:
    """Check one alias or street name."""
    issues: list[Issue] = []
    text = _text("alias", alias, issues)
    if not text:
        issues.append(issue("alias", "is empty", "type the name the person is known by"))
    if kind not in hmis.ALIAS_KINDS:
        issues.append(
            issue("alias kind", "{value} is unknown", "use alias or street", value=repr(kind))
        )
    if issues:
        raise ValidationError(issues)
    return str(text), kind


def display_name(row: Mapping[str, Any] | Any) -> str:
    """Return 'First Middle Last Suffix' for display (empty parts skipped)."""
    parts = [row.get(f) for f in NAME_FIELDS]
    return " ".join(p for p in parts if p) or "(no name recorded)"
