"""Tests for the passphrase policy."""

from __future__ import annotations

import unicodedata

import pytest

from lead_desktop.domain.passphrase import blocklist, check_passphrase, strength_hint
from lead_desktop.errors import ValidationError
from lead_desktop.resources import resource_path

GOOD = "plum kettle ferry 7 lanterns"


def _problems(passphrase: str, name: str | None = None) -> list[str]:
    with pytest.raises(ValidationError) as info:
        check_passphrase(passphrase, name)
    assert all(issue.field == "passphrase" for issue in info.value.issues)
    return [issue.problem for issue in info.value.issues]


def test_good_passphrase_passes() -> None:
    check_passphrase(GOOD)
    check_passphrase(GOOD, "Maria Lopez")
    assert strength_hint(GOOD) == "good: long and uncommon"


def test_length_boundary() -> None:
    check_passphrase("mauve otter jig")  # exactly 15
    assert "too short" in _problems("mauve otter ji")[0]
    assert strength_hint("mauve otter ji") == "too short: 14 of 15 characters"
    assert strength_hint("short one") == "too short: 9 of 15 characters"


def test_length_counts_code_points_after_nfc() -> None:
    composed = "é" * 15
    decomposed = unicodedata.normalize("NFD", "ñandú gato rojo")
    assert len(decomposed) > 15
    check_passphrase(decomposed)  # 15 characters once composed
    assert "too short" in _problems(unicodedata.normalize("NFD", "ñandú gato roj"))[0]
    assert "repeated" in _problems(composed)[0]


@pytest.mark.parametrize(
    "phrase",
    [
        "correct horse battery staple",
        "Correct   Horse Battery  STAPLE",
        "correcthorsebatterystaple",
        "passwordpassword",
        "iloveyouiloveyou",
        "letmeinletmein123",
        "thequickbrownfoxjumpsoverthelazydog",
        "The Lord is my shepherd",
        "passwordpassword2024!",
    ],
)
def test_common_passphrases_rejected(phrase: str) -> None:
    assert "common" in _problems(phrase)[0]
    assert strength_hint(phrase) == "common passphrase"


@pytest.mark.parametrize(
    "phrase",
    [
        "aaaaaaaaaaaaaaaa",
        "123456789012345",
        "543210987654321",
        "abcdefghijklmnopq",
        "xyzabcdefghijklm",
        "qwertyuiopasdfghj",
        "abcabcabcabcabcabc",
        "ab ab ab ab ab ab ab",
    ],
)
def test_trivial_passphrases_rejected(phrase: str) -> None:
    problems = _problems(phrase)
    assert any("common" in p or "sequence" in p or "repeated" in p for p in problems)


def test_phrase_said_twice_is_not_trivial() -> None:
    check_passphrase("ferry lantern ferry lantern")


def test_own_name_rejected() -> None:
    assert "name" in _problems("zoe likes green tea a lot", "Zoë O'Brien")[0]
    assert "name" in _problems("my friend OBrien sings loud", "Zoë O'Brien")[0]
    assert strength_hint("cosic likes tea and biscuits", "Zoë O'Brien-Ćosić") == (
        "contains your name"
    )
    check_passphrase("al likes green tea a lot", "Al Li")  # parts too short to judge


def test_all_problems_reported() -> None:
    problems = _problems("mariamaria", "Maria Lopez")
    assert len(problems) == 3


def test_blocklist_file_shipped_and_cached() -> None:
    lines = resource_path("passphrase-blocklist.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 300
    assert all(line == line.lower() and line.strip() == line for line in lines)
    assert blocklist() is blocklist()
    assert "correcthorsebatterystaple" in blocklist()
