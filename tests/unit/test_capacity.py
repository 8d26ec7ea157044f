"""Tests for the caseload rules."""

from __future__ import annotations

import pytest

from lead_desktop.domain.capacity import CapacityRules, check_assignment
from lead_desktop.errors import ValidationError

RULES = CapacityRules()


def test_defaults() -> None:
    assert (RULES.program_capacity, RULES.per_worker_max) == (60, 25)


def test_room_left() -> None:
    check = check_assignment(RULES, 59, 24)
    assert check.allowed and check.reasons == ()
    assert (check.program_left, check.worker_left) == (1, 1)
    assert not check.overridden


def test_program_at_capacity() -> None:
    check = check_assignment(RULES, 60, 3)
    assert not check.allowed
    assert check.reasons == ("program is at capacity (60 of 60 active)",)
    assert (check.program_left, check.worker_left) == (0, 22)


def test_worker_at_maximum_and_program_over() -> None:
    check = check_assignment(RULES, 61, 25)
    assert not check.allowed
    assert check.reasons == (
        "program is over capacity (61 of 60 active)",
        "case manager is at the maximum caseload (25 of 25 active)",
    )
    assert check.program_left == 0 and check.worker_left == 0


def test_override_allows_but_keeps_warnings() -> None:
    check = check_assignment(RULES, 60, 25, override=True)
    assert check.allowed and check.overridden
    assert len(check.reasons) == 2
    plain = check_assignment(RULES, 1, 1, override=True)
    assert plain.allowed and not plain.overridden


def test_custom_rules() -> None:
    rules = CapacityRules(program_capacity=100, per_worker_max=30)
    assert check_assignment(rules, 99, 29).allowed
    assert not check_assignment(rules, 10, 30).allowed


@pytest.mark.parametrize(("cap", "most"), [(0, 25), (60, -1), (60, True), (60.0, 25)])
def test_invalid_rules(cap: int, most: int) -> None:
    with pytest.raises(ValidationError):
        CapacityRules(program_capacity=cap, per_worker_max=most)


def test_invalid_counts() -> None:
    with pytest.raises(ValidationError) as info:
        check_assignment(RULES, -1, None)  # type: ignore[arg-type]
    assert len(info.value.issues) == 2
