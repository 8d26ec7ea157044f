"""A fixed list of realistic search queries drawn deterministically from the generated people."""

from __future__ import annotations

import random
import string
import unicodedata
from dataclasses import dataclass
from datetime import date

from bench.people import Person

_PLAIN = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"})

KINDS = (
    "last_exact",
    "last_no_diacritics",
    "partial",
    "typo",
    "transposition",
    "alias",
    "first_last",
    "dob",
    "name_dob",
)


@dataclass(frozen=True)
class SearchQuery:
    """One query, what kind it is, and the person (index in the list) it was drawn from."""

    kind: str
    text: str
    target: int


def strip_diacritics(text: str) -> str:
    """Type a name as on a US keyboard: 'Ćosić' -> 'Cosic', 'Łukasz' -> 'Lukasz'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _dob_text(dob: date, rng: random.Random) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"{dob.month}/{dob.day}/{dob.year}"
    if style == 1:
        return f"{dob.month:02d}/{dob.day:02d}/{dob.year}"
    if style == 2:
        return f"{dob.month}-{dob.day}-{dob.year % 100:02d}"
    if style == 3:
        return dob.isoformat()
    return f"{dob.strftime('%B')} {dob.day}, {dob.year}"


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    letters = [c for c in string.ascii_lowercase if c != word[i].lower()]
    return word[:i] + rng.choice(letters) + word[i + 1 :]


def _transpose(word: str, rng: random.Random) -> str:
    for _ in range(10):
        i = rng.randrange(1, len(word) - 2)
        if word[i] != word[i + 1]:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def _make(kind: str, person: Person, rng: random.Random) -> str | None:  # noqa: PLR0911
    values, aliases = person
    first = values.get("first_name") or ""
    last = values.get("last_name") or ""
    dob = date.fromisoformat(values["dob"]) if values.get("dob") else None
    simple_last = last.split("-")[0].split(" ")[0] if last else ""
    if kind == "last_exact":
        return last or None
    if kind == "last_no_diacritics":
        plain = strip_diacritics(last)
        return plain if plain != last else None
    if kind == "partial":
        if len(simple_last) < 4 or not first:
            return None
        head = simple_last[: rng.randint(3, min(5, len(simple_last)))]
        return head if rng.random() < 0.5 else f"{first[:3]} {head}"
    if kind in {"typo", "transposition"}:
        word = strip_diacritics(simple_last).lower()
        if len(word) < 5 or not word.isalpha():
            return None
        changed = _typo(word, rng) if kind == "typo" else _transpose(word, rng)
        return changed if rng.random() < 0.6 else f"{strip_diacritics(first)} {changed}"
    if kind == "alias":
        return aliases[0][0] if aliases else None
    if kind == "first_last":
        if not (first and last):
            return None
        text = f"{first} {last}"
        return text if rng.random() < 0.5 else strip_diacritics(text).lower()
    if kind == "dob":
        return _dob_text(dob, rng) if dob else None
    if kind == "name_dob":
        return f"{strip_diacritics(simple_last)} {_dob_text(dob, rng)}" if dob and last else None
    raise ValueError(kind)


def build_queries(people: list[Person], count: int = 200, seed: int = 11) -> list[SearchQuery]:
    """Return ``count`` queries spread evenly over :data:`KINDS`, in a fixed shuffled order."""
    rng = random.Random(seed)
    per, extra = divmod(count, len(KINDS))
    out: list[SearchQuery] = []
    for k, kind in enumerate(KINDS):
        wanted = per + (1 if k < extra else 0)
        made = 0
        for _ in range(wanted * 200):
            if made == wanted:
                break
            target = rng.randrange(len(people))
            text = _make(kind, people[target], rng)
            if text:
                out.append(SearchQuery(kind, text, target))
                made += 1
    rng.shuffle(out)
    return out
