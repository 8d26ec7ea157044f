"""Passphrase policy: at least 15 characters, not common, not trivial, not the worker's name."""

from __future__ import annotations

import functools
import logging
import unicodedata

from lead_desktop.domain.text import fold, tokens
from lead_desktop.errors import Issue, ValidationError, issue
from lead_desktop.resources import resource_path

logger = logging.getLogger(__name__)

_FIELD = "passphrase"
MIN_LENGTH = 15
MAX_LENGTH = 1024
BLOCKLIST_FILE = "passphrase-blocklist.txt"
_MAX_REPEAT_UNIT = 8  # "iloveyou" x 2 is a repeat; a long phrase said twice is not
_MIN_NAME_PART = 3  # shorter name parts ("Al", "Li") would match too many phrases
_EDGE_NOISE = "0123456789!?.,;:-_*#@$&+=~"
_FALLBACK = (
    "correct horse battery staple",
    "passwordpassword",
    "iloveyouiloveyou",
    "thequickbrownfoxjumpsoverthelazydog",
)
# Cyclic runs: alphabet, digits, keyboard rows and columns.
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "1234567890qwertyuiopasdfghjklzxcvbnm",
    "qazwsxedcrfvtgbyhnujmikolp",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)


def _normalise(text: str) -> str:
    """Return NFC, case-folded text with whitespace runs collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _squeeze(text: str) -> str:
    return "".join(_normalise(text).split())


@functools.cache
def blocklist() -> frozenset[str]:
    """Return the common passphrases (normalised, with and without spaces); read once."""
    path = resource_path(BLOCKLIST_FILE)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        logger.warning("passphrase blocklist %s unreadable; using the short built-in list", path)
        lines = list(_FALLBACK)
    entries: set[str] = set()
    for line in lines:
        entry = _normalise(line)
        if entry and not entry.startswith("#"):
            entries.update((entry, entry.replace(" ", "")))
    return frozenset(entries)


def _is_common(passphrase: str) -> bool:
    listed = blocklist()
    squeezed = _squeeze(passphrase)
    core = squeezed.strip(_EDGE_NOISE)  # "passwordpassword2024!" is still common
    return _normalise(passphrase) in listed or squeezed in listed or bool(core and core in listed)


def _is_trivial(passphrase: str) -> bool:
    """Return True for one character or a short unit repeated, or a run like '123456789012345'."""
    text = _squeeze(passphrase)
    if not text:
        return False
    for size in range(1, min(_MAX_REPEAT_UNIT, len(text) // 2) + 1):
        unit = text[:size]
        if (unit * (len(text) // size + 1))[: len(text)] == text:
            return True
    for run in _SEQUENCES:
        for way in (run, run[::-1]):
            if text in way * (len(text) // len(way) + 2):
                return True
    return False


def _has_name(passphrase: str, worker_name: str | None) -> bool:
    if not worker_name:
        return False
    folded = fold(passphrase).replace(" ", "")
    parts = [part for part in tokens(worker_name) if len(part) >= _MIN_NAME_PART]
    return any(part in folded for part in parts)


def _findings(passphrase: str, worker_name: str | None) -> list[tuple[Issue, Issue]]:
    """Return (short hint, issue) for every rule the passphrase breaks, most basic first.

    The hint is an Issue too (its problem is the hint, its fix empty) so it can be translated.
    """
    found: list[tuple[Issue, Issue]] = []
    length = len(unicodedata.normalize("NFC", passphrase))
    sizes = {"length": str(length), "minimum": str(MIN_LENGTH), "maximum": str(MAX_LENGTH)}
    if length < MIN_LENGTH:
        found.append(
            (
                issue(_FIELD, "too short: {length} of {minimum} characters", "", **sizes),
                issue(
                    _FIELD,
                    "is too short ({length} of at least {minimum} characters)",
                    "add words: a short sentence only you would say is long and easy to remember",
                    **sizes,
                ),
            )
        )
    elif length > MAX_LENGTH:
        found.append(
            (
                issue(_FIELD, "too long: {length} of at most {maximum} characters", "", **sizes),
                issue(
                    _FIELD,
                    "is too long ({length} characters)",
                    "use at most {maximum} characters",
                    **sizes,
                ),
            )
        )
    if _is_common(passphrase):
        found.append(
            (
                issue(_FIELD, "common passphrase", ""),
                issue(
                    _FIELD,
                    "is on the list of common passphrases that attackers try first",
                    "choose words that are not a well-known phrase, lyric, verse or key pattern",
                ),
            )
        )
    elif _is_trivial(passphrase):
        found.append(
            (
                issue(_FIELD, "too simple: repeated characters or a sequence", ""),
                issue(
                    _FIELD,
                    "is a repeated character, a repeated pattern or a simple sequence",
                    "use several unrelated words instead",
                ),
            )
        )
    if _has_name(passphrase, worker_name):
        found.append(
            (
                issue(_FIELD, "contains your name", ""),
                issue(_FIELD, "contains your own name", "leave your name out; others know it"),
            )
        )
    return found


def check_passphrase(passphrase: str, worker_name: str | None = None) -> None:
    """Raise ValidationError listing every rule the passphrase breaks; return if it is fine."""
    found = _findings(passphrase, worker_name)
    if found:
        raise ValidationError([problem for _, problem in found])


def strength_issue(passphrase: str, worker_name: str | None = None) -> Issue:
    """The strength meter's hint as an Issue (the hint is its problem; translatable)."""
    found = _findings(passphrase, worker_name)
    return found[0][0] if found else issue(_FIELD, "good: long and uncommon", "")


def strength_hint(passphrase: str, worker_name: str | None = None) -> str:
    """Return a short English hint for a strength meter, e.g. 'too short: 9 of 15 characters'."""
    return strength_issue(passphrase, worker_name).problem
