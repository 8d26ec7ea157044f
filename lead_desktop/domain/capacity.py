"""Caseload rules: program capacity and per-case-manager maximum, with supervisor override."""

from __future__ import annotations

from dataclasses import dataclass

from lead_desktop.errors import Issue, ValidationError, issue

DEFAULT_PROGRAM_CAPACITY = 60
DEFAULT_PER_WORKER_MAX = 25


def _positive_int_issue(field: str, value: object) -> Issue | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return None
    return issue(
        field,
        "{value} is not a positive whole number",
        "enter a whole number of participants, 1 or more",
        value=repr(value),
    )


def _count_issue(field: str, value: object) -> Issue | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    return issue(
        field,
        "{value} is not a count of participants",
        "give a whole number, 0 or more",
        value=repr(value),
    )


@dataclass(frozen=True)
class CapacityRules:
    """The site's caseload limits; raise ValidationError unless both are positive integers."""

    program_capacity: int = DEFAULT_PROGRAM_CAPACITY
    per_worker_max: int = DEFAULT_PER_WORKER_MAX

    def __post_init__(self) -> None:
        """Validate both limits."""
        issues = [
            issue
            for issue in (
                _positive_int_issue("program capacity", self.program_capacity),
                _positive_int_issue("caseload per case manager", self.per_worker_max),
            )
            if issue is not None
        ]
        if issues:
            raise ValidationError(issues)


@dataclass(frozen=True)
class CapacityCheck:
    """Whether one more participant may be assigned, and why not (or what was overridden)."""

    allowed: bool
    reasons: tuple[str, ...]
    program_left: int
    worker_left: int
    overridden: bool = False


def check_assignment(
    rules: CapacityRules,
    program_active: int,
    worker_active: int,
    *,
    override: bool = False,
) -> CapacityCheck:
    """Check assigning one more active participant; a supervisor override allows it anyway."""
    issues = [
        issue
        for issue in (
            _count_issue("active participants in the program", program_active),
            _count_issue("active participants of the case manager", worker_active),
        )
        if issue is not None
    ]
    if issues:
        raise ValidationError(issues)
    reasons: list[str] = []
    cap, most = rules.program_capacity, rules.per_worker_max
    if program_active >= cap:
        state = "at" if program_active == cap else "over"
        reasons.append(f"program is {state} capacity ({program_active} of {cap} active)")
    if worker_active >= most:
        state = "at" if worker_active == most else "over"
        reasons.append(
            f"case manager is {state} the maximum caseload ({worker_active} of {most} active)"
        )
    blocked = bool(reasons)
    return CapacityCheck(
        allowed=not blocked or override,
        reasons=tuple(reasons),
        program_left=max(0, cap - program_active),
        worker_left=max(0, most - worker_active),
        overridden=blocked and override,
    )
