"""Tests for the intake deadline."""

from __future__ import annotations

from datetime import date

import pytest

from lead_desktop.domain.intake import IntakeState, intake_due_date, intake_state
from lead_desktop.errors import ValidationError

REFERRED = date(2024, 1, 31)


def test_due_date_default_and_leap_year() -> None:
    assert intake_due_date(REFERRED) == date(2024, 3, 1)  # 2024 is a leap year
    assert intake_due_date(date(2023, 1, 31)) == date(2023, 3, 2)
    assert intake_due_date(REFERRED, days=1) == date(2024, 2, 1)
    assert intake_due_date(REFERRED, days=365) == date(2025, 1, 30)


@pytest.mark.parametrize("days", [0, -5, 366, True, 2.5])
def test_days_out_of_range(days: int) -> None:
    with pytest.raises(ValidationError) as info:
        intake_due_date(REFERRED, days)
    assert info.value.issues[0].field == "intake days"
    assert "1 to 365" in info.value.issues[0].fix


def test_countdown_edges() -> None:
    due = date(2024, 3, 1)
    assert intake_state(REFERRED, None, date(2024, 2, 29)) == IntakeState(due, 1, False, False)
    assert intake_state(REFERRED, None, due) == IntakeState(due, 0, False, False)
    assert intake_state(REFERRED, None, date(2024, 3, 2)) == IntakeState(due, -1, True, False)


def test_done_is_never_overdue() -> None:
    late = intake_state(REFERRED, date(2024, 3, 5), date(2024, 6, 1))
    assert late.done and not late.overdue
    assert late.days_left == -4  # done four days late
    early = intake_state(REFERRED, date(2024, 2, 1), date(2024, 6, 1), days=10)
    assert early.due == date(2024, 2, 10) and early.days_left == 9
