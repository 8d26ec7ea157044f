"""The name folding behind pulled people's search tokens: its ASCII shortcut changes no result.

Applying a pulled page recomputes the search tokens of every person on it, so ``fold`` runs for
every name of a first pull; ASCII names take a one-table shortcut. These tests hold the
shortcut to the general path character by character and on many mixed strings.
"""

from __future__ import annotations

import random

from lead_desktop.domain.text import _fold_unicode, fold, tokens
from lead_desktop.store.participants import name_tokens

#: Characters the general path treats specially, mixed into the random strings.
SPECIAL = "éëÉøłßæœþıħŧŋſƒ’‘ʼʻ´′ﬁℌİǅ"


def test_every_ascii_character_folds_as_the_general_path_folds_it() -> None:
    for code in range(128):
        ch = chr(code)
        for text in (ch, f"a{ch}B", f"{ch}{ch}", f"O{ch}Brien-Smith {ch}"):
            assert text.isascii()
            assert fold(text) == _fold_unicode(text), repr(text)


def test_mixed_strings_fold_as_the_general_path_folds_them() -> None:
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(128)] + list(SPECIAL)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert fold(text) == _fold_unicode(text), repr(text)


def test_known_names_fold_and_tokenise_as_before() -> None:
    assert fold("Zoë O'Brien-Ćosić") == "zoe obrien cosic"
    assert fold("  MARY-ANN  o`neil ") == "mary ann oneil"
    assert tokens("J.R. Smith_Jones") == ["j", "r", "smith", "jones"]
    row = {"first_name": "Zoë", "middle_name": None, "last_name": "O'Brien-Ćosić"}
    assert name_tokens(row, ["La Flaca"]) == {"zoe", "obrien", "cosic", "la", "flaca"}
