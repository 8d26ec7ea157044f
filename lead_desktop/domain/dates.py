"""Parse dates as people type them on US streets, in English or Spanish; check birth dates."""

from __future__ import annotations

import re
from datetime import date

from lead_desktop.domain.text import fold
from lead_desktop.errors import Issue, issue

EARLIEST_BIRTH_YEAR = 1900
_FULL_YEAR = 4  # digits
_WORDED_PARTS = 3  # day, month, year

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero ene",
        "february feb febrero",
        "march mar marzo",
        "april apr abril abr",
        "may mayo",
        "june jun junio",
        "july jul julio",
        "august aug agosto ago",
        "september sep sept septiembre setiembre set",
        "october oct octubre",
        "november nov noviembre",
        "december dec diciembre dic",
    ),
    start=1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))

_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_US = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
_EIGHT = re.compile(r"\d{8}")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|o|ro|ero)?")
_YEAR = re.compile(r"\d{4}|\d{2}")
_FILLER = frozenset({"de", "del", "of", "the"})
_QUICK = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{8}|\d{1,2}[-/.][^\W\d_]{3,10}[-/.]\d{2,4}")


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_year(year_text: str, month: int, day: int, today: date) -> date | None:
    """Build a date; a two-digit year takes the century that puts the date in the past."""
    if len(year_text) == _FULL_YEAR:
        return _make(int(year_text), month, day)
    yy = int(year_text)
    recent = _make(2000 + yy, month, day)
    if recent is not None and recent <= today:
        return recent
    return _make(1900 + yy, month, day)


def _eight_digits(text: str, today: date) -> date | None:
    year = int(text[:4])
    if EARLIEST_BIRTH_YEAR <= year <= today.year:
        as_iso = _make(year, int(text[4:6]), int(text[6:]))
        if as_iso is not None:
            return as_iso
    return _make(int(text[4:]), int(text[:2]), int(text[2:4]))


def _worded(text: str, today: date) -> date | None:
    """Parse '5 Mar 1980', 'March 5, 1980', 'Mar 5 1980' or '5 de marzo de 1980'."""
    words = [word for word in fold(text).split() if word not in _FILLER]
    if len(words) != _WORDED_PARTS:
        return None
    month_at = [i for i, word in enumerate(words) if word in _MONTHS]
    if len(month_at) != 1 or month_at[0] == len(words) - 1:  # the year comes last
        return None
    month = _MONTHS[words.pop(month_at[0])]
    day_match, year_match = _DAY.fullmatch(words[0]), _YEAR.fullmatch(words[1])
    if day_match is None or year_match is None:
        return None
    return _with_year(words[1], month, int(day_match.group(1)), today)


def parse_date(text: str, *, today: date | None = None) -> date | None:
    """Return the date written in text, or None if it is not a date."""
    today = today or date.today()
    text = text.strip()
    if not text:
        return None
    if match := _ISO.fullmatch(text):
        return _make(int(match[1]), int(match[3]), int(match[4]))
    if match := _US.fullmatch(text):
        return _with_year(match[4], int(match[1]), int(match[3]), today)
    if _EIGHT.fullmatch(text):
        return _eight_digits(text, today)
    return _worded(text, today)


def looks_like_date(token: str) -> bool:
    """Return True if one token (no spaces) such as '3/5/80', '19800305', '5-Mar-80' is a date."""
    token = token.strip()
    return bool(_QUICK.fullmatch(token)) and parse_date(token) is not None


def validate_dob(d: date, today: date | None = None) -> list[Issue]:
    """Return the issues that make a date of birth impossible (future, before 1900)."""
    today = today or date.today()
    issues: list[Issue] = []
    if d > today:
        issues.append(
            issue(
                "date of birth",
                "is in the future",
                "check the year; if the person does not know, record an approximate date "
                "or 'client doesn't know'",
            )
        )
    if d.year < EARLIEST_BIRTH_YEAR:
        issues.append(
            issue(
                "date of birth",
                "is before {year}",
                "check the year; if the person does not know, record an approximate date "
                "or 'client doesn't know'",
                year=str(EARLIEST_BIRTH_YEAR),
            )
        )
    return issues
