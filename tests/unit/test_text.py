"""Tests for name folding."""

from __future__ import annotations

import pytest

from lead_desktop.domain.text import fold, tokens


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Nguyễn", "nguyen"),
        ("Núñez", "nunez"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("Zoë O'Brien-Ćosić", "zoe obrien cosic"),
        ("Đặng", "dang"),
        ("Søren Łukasz", "soren lukasz"),
        ("Straße", "strasse"),
        ("Ærø Œuvre Þór", "aero oeuvre thor"),
        ("Yıldız İnce", "yildiz ince"),
        ("  J.R.   Smith  ", "j r smith"),
        ("ＭＡＲＩＡ", "maria"),
        ("", ""),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_tokens() -> None:
    assert tokens("Zoë O'Brien-Ćosić") == ["zoe", "obrien", "cosic"]
    assert tokens("Brien-Ćosić") == ["brien", "cosic"]
    assert tokens("María José García-López") == ["maria", "jose", "garcia", "lopez"]
    assert tokens(" -- ") == []


def test_fold_is_idempotent() -> None:
    once = fold("Zoë O'Brien-Ćosić Nguyễn")
    assert fold(once) == once
