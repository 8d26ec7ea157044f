"""Fold names for matching: lower case, no diacritics, no apostrophes, hyphens split tokens."""

from __future__ import annotations

import unicodedata

# Letters that NFKD does not decompose into a base letter plus combining marks.
_LETTERS = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ø": "o",
        "ł": "l",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
        "ſ": "s",
        "ƒ": "f",
    }
)

# Apostrophes vanish ("O'Brien" -> "obrien"); any other non-alphanumeric becomes a space.
_APOSTROPHES = frozenset("'’‘ʼʻ`´′")


def _ascii_fold_table() -> dict[int, str | None]:
    """What :func:`_fold_unicode` does to each ASCII character, as a ``str.translate`` table:
    NFKD and combining marks leave ASCII alone and casefold is lower case there, so letters
    and digits are lowered, apostrophes vanish and everything else becomes a space."""
    table: dict[int, str | None] = {}
    for code in range(128):
        ch = chr(code)
        table[code] = None if ch in _APOSTROPHES else ch.lower() if ch.isalnum() else " "
    return table


_ASCII_FOLD = _ascii_fold_table()


def fold(text: str) -> str:
    """Return text folded for comparison: "Zoë O'Brien-Ćosić" -> "zoe obrien cosic"."""
    if text.isascii():  # most names: one table lookup per character, the same result
        return " ".join(text.translate(_ASCII_FOLD).split())
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    compat = unicodedata.normalize("NFKD", text)  # e.g. "ﬁ" -> "fi", "ℌ" -> "H"
    decomposed = unicodedata.normalize("NFKD", compat.casefold())
    chars: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) or ch in _APOSTROPHES:
            continue
        chars.append(ch.translate(_LETTERS) if ch.isalnum() else " ")
    return " ".join("".join(chars).split())


def tokens(text: str) -> list[str]:
    """Return the folded name tokens: hyphenated and dotted parts become separate tokens."""
    return fold(text).split()
