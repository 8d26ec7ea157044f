"""Program settings kept in the store: what administrators set, with defaults and checks.

Every screen reads settings through :func:`load`; administrators change them through
:func:`save`, which validates the whole set and writes nothing when any value is wrong.
The coverage area has its own pair of functions in :mod:`lead_desktop.services`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from lead_desktop.domain import casework
from lead_desktop.domain.capacity import DEFAULT_PER_WORKER_MAX, DEFAULT_PROGRAM_CAPACITY
from lead_desktop.domain.intake import DEFAULT_INTAKE_DAYS, MAX_INTAKE_DAYS, MIN_INTAKE_DAYS
from lead_desktop.errors import Issue, ValidationError, issue
from lead_desktop.store.store import Store

DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 30
MIN_IDLE_MINUTES = 1

KEY = "program_settings"


@dataclass(frozen=True)
class Program:
    """The program's details, printed on documents."""

    name: str = "LEAD Program"
    address: str = ""
    phone: str = ""
    logo_attachment_id: str | None = None


@dataclass(frozen=True)
class ProgramSettings:
    """Everything an administrator can set for the program."""

    idle_minutes: int = DEFAULT_IDLE_MINUTES
    intake_days: int = DEFAULT_INTAKE_DAYS
    exclusion_items: tuple[str, ...] = casework.EXCLUSION_ITEMS
    program_capacity: int = DEFAULT_PROGRAM_CAPACITY
    per_worker_max: int = DEFAULT_PER_WORKER_MAX
    program: Program = field(default_factory=Program)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the stored form)."""
        data = asdict(self)
        data["exclusion_items"] = list(self.exclusion_items)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ProgramSettings:
        """Read the stored form, taking defaults for anything missing or unknown."""
        if not data:
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        program = known.pop("program", None) or {}
        items = known.pop("exclusion_items", None)
        base = replace(cls(), **known)
        prog_known = {k: v for k, v in program.items() if k in Program.__dataclass_fields__}
        return replace(
            base,
            program=Program(**prog_known),
            exclusion_items=tuple(items) if items else casework.EXCLUSION_ITEMS,
        )


def _whole(value: object, lo: int, hi: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi


def validate(settings: ProgramSettings) -> list[Issue]:
    """Every problem with a set of settings, each naming the field and the fix."""
    issues: list[Issue] = []
    if not _whole(settings.idle_minutes, MIN_IDLE_MINUTES, MAX_IDLE_MINUTES):
        issues.append(
            issue(
                "idle_minutes",
                "{value} minutes is out of range",
                "choose {low} to {high} minutes",
                value=repr(settings.idle_minutes),
                low=str(MIN_IDLE_MINUTES),
                high=str(MAX_IDLE_MINUTES),
            )
        )
    if not _whole(settings.intake_days, MIN_INTAKE_DAYS, MAX_INTAKE_DAYS):
        issues.append(
            issue(
                "intake_days",
                "{value} days is out of range",
                "choose {low} to {high} days",
                value=repr(settings.intake_days),
                low=str(MIN_INTAKE_DAYS),
                high=str(MAX_INTAKE_DAYS),
            )
        )
    for name in ("program_capacity", "per_worker_max"):
        if not _whole(getattr(settings, name), 1, 100_000):
            issues.append(
                issue(
                    name,
                    "{value} is not allowed",
                    "enter 1 or more",
                    value=repr(getattr(settings, name)),
                )
            )
    if settings.per_worker_max > settings.program_capacity:
        issues.append(
            issue(
                "per_worker_max",
                "is larger than the program's capacity",
                "make it no larger than the program capacity",
            )
        )
    items = [i.strip() for i in settings.exclusion_items]
    if not items or any(not i for i in items):
        issues.append(
            issue("exclusion_items", "has an empty item", "write each question or remove it")
        )
    elif len(set(items)) != len(items):
        issues.append(issue("exclusion_items", "repeats a question", "remove the repeat"))
    if not settings.program.name.strip():
        issues.append(issue("program.name", "is empty", "enter the program's name"))
    for name in ("name", "address", "phone"):
        if len(getattr(settings.program, name)) > 300:
            issues.append(issue(f"program.{name}", "is too long", "shorten it to 300 characters"))
    return issues


def load(store: Store) -> ProgramSettings:
    """The program's settings (defaults where none were saved)."""
    return ProgramSettings.from_json(store.settings_get(KEY))


def save(store: Store, settings: ProgramSettings) -> ProgramSettings:
    """Check and store a whole set of settings; refuse (writing nothing) when any is wrong."""
    issues = validate(settings)
    if issues:
        raise ValidationError(issues)
    store.settings_set(KEY, settings.to_json())
    return settings
