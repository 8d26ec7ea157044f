"""Tests for date parsing and birth-date checks."""

from __future__ import annotations

from datetime import date

import pytest

from lead_desktop.domain.dates import looks_like_date, parse_date, validate_dob

TODAY = date(2024, 6, 15)
D = date(1980, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "1980-03-05",
        "1980/3/5",
        "03/05/1980",
        "3/5/1980",
        "03-05-1980",
        "03.05.1980",
        "03/05/80",
        "3/5/80",
        "19800305",
        "03051980",
        "5 Mar 1980",
        "5 March 1980",
        "March 5, 1980",
        "Mar 5 1980",
        "mar. 5th, 1980",
        "5-MAR-1980",
        "5 de marzo de 1980",
        "5 de Marzo, 1980",
        "marzo 5 de 1980",
        "  March 5 1980  ",
    ],
)
def test_formats(text: str) -> None:
    assert parse_date(text, today=TODAY) == D


def test_two_digit_year_is_in_the_past() -> None:
    assert parse_date("06/15/24", today=TODAY) == date(2024, 6, 15)
    assert parse_date("06/16/24", today=TODAY) == date(1924, 6, 16)
    assert parse_date("1/1/00", today=TODAY) == date(2000, 1, 1)
    assert parse_date("12/31/99", today=TODAY) == date(1999, 12, 31)
    assert parse_date("5 ene 25", today=TODAY) == date(1925, 1, 5)


def test_eight_digits_by_plausibility() -> None:
    assert parse_date("20240101", today=TODAY) == date(2024, 1, 1)
    assert parse_date("12201999", today=TODAY) == date(1999, 12, 20)
    assert parse_date("20250101", today=TODAY) is None  # year ahead; 20/25 not a month
    assert parse_date("19991301", today=TODAY) is None


def test_spanish_and_english_months() -> None:
    assert parse_date("1 de enero de 1990", today=TODAY) == date(1990, 1, 1)
    assert parse_date("31 diciembre 1990", today=TODAY) == date(1990, 12, 31)
    assert parse_date("15 de septiembre de 1975", today=TODAY) == date(1975, 9, 15)
    assert parse_date("Sept 15 1975", today=TODAY) == date(1975, 9, 15)
    assert parse_date("2 agosto 2001", today=TODAY) == date(2001, 8, 2)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "Maria",
        "02/30/1980",
        "13/01/1980",
        "1980-13-01",
        "March 1980",
        "5 Smarch 1980",
        "12345",
        "1/2/3/4",
        "March 32, 1980",
        "5 March 1980 extra",
    ],
)
def test_not_dates(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


def test_looks_like_date() -> None:
    assert looks_like_date("3/5/80")
    assert looks_like_date("19800305")
    assert looks_like_date("5-Mar-80")
    assert not looks_like_date("12345678")  # month 12, day 34 is no date either way
    assert not looks_like_date("smith")
    assert not looks_like_date("13/13/1980")


def test_validate_dob() -> None:
    assert validate_dob(D, TODAY) == []
    assert validate_dob(TODAY, TODAY) == []
    future = validate_dob(date(2024, 6, 16), TODAY)
    assert [i.problem for i in future] == ["is in the future"]
    assert future[0].field == "date of birth"
    assert validate_dob(date(1899, 12, 31), TODAY)[0].problem == "is before 1900"
    assert validate_dob(date(1900, 1, 1), TODAY) == []
