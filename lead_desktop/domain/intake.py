"""Intake deadline: due date, countdown and overdue flag (shown, never enforced)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lead_desktop.errors import ValidationError, issue

DEFAULT_INTAKE_DAYS = 30
MIN_INTAKE_DAYS = 1
MAX_INTAKE_DAYS = 365


@dataclass(frozen=True)
class IntakeState:
    """Where a referral stands against its intake deadline.

    days_left counts from today while intake is pending; once done it counts from the intake
    date (negative means the intake was late). overdue is never True once intake is done.
    """

    due: date
    days_left: int
    overdue: bool
    done: bool


def _check_days(days: int) -> None:
    if (
        isinstance(days, bool)
        or not isinstance(days, int)
        or not (MIN_INTAKE_DAYS <= days <= MAX_INTAKE_DAYS)
    ):
        raise ValidationError(
            [
                issue(
                    "intake days",
                    "{value} is not an allowed number of days",
                    "enter a whole number of days from {low} to {high} "
                    "({usual} is the usual setting)",
                    value=repr(days),
                    low=str(MIN_INTAKE_DAYS),
                    high=str(MAX_INTAKE_DAYS),
                    usual=str(DEFAULT_INTAKE_DAYS),
                )
            ]
        )


def intake_due_date(referral_date: date, days: int = DEFAULT_INTAKE_DAYS) -> date:
    """Return the date intake is due: the referral date plus the site's number of days."""
    _check_days(days)
    return referral_date + timedelta(days=days)


def intake_state(
    referral_date: date,
    intake_date: date | None,
    today: date,
    days: int = DEFAULT_INTAKE_DAYS,
) -> IntakeState:
    """Return the countdown for one referral; intake is done when intake_date is set."""
    due = intake_due_date(referral_date, days)
    if intake_date is not None:
        return IntakeState(due=due, days_left=(due - intake_date).days, overdue=False, done=True)
    days_left = (due - today).days
    return IntakeState(due=due, days_left=days_left, overdue=days_left < 0, done=False)
