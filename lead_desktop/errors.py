"""The exception tree: one root, one subclass per layer; user-facing text lives here."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field


class LeadError(Exception):
    """Root of every error LEAD Desktop raises on purpose; its text is safe to show a user."""


@dataclass(frozen=True)
class Issue:
    """One problem with one field: what is wrong and how to fix it."""

    field: str
    problem: str
    fix: str
    line: int | None = None
    #: The English (problem, fix) templates with ``{name}`` placeholders, for translation.
    templates: tuple[str, str] | None = _field(default=None, compare=False)
    #: The values for the placeholders, already formatted as text (user data stays here).
    args: dict[str, str] = _field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.field}: {self.problem}; {self.fix}"


def issue(field: str, problem: str, fix: str, line: int | None = None, /, **args: str) -> Issue:
    """An :class:`Issue` from English templates; ``args`` fill the ``{name}`` placeholders.

    ``line`` (an import row) is positional. The English text is ``problem.format(**args)`` and
    ``fix.format(**args)``; the templates and values are kept so the interface can show the same
    issue in another language.
    """
    return Issue(
        field,
        problem.format(**args),
        fix.format(**args),
        line,
        templates=(problem, fix),
        args=dict(args),
    )


class ValidationError(LeadError):
    """Input was refused; nothing was written. Holds every issue found, not just the first."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("; ".join(str(i) for i in self.issues) or "invalid input")


class StoreError(LeadError):
    """The local store could not do what was asked."""


class StoreMissingError(StoreError):
    """No store exists in the data directory."""


class StoreExistsError(StoreError):
    """A store already exists where one was to be created."""


class UnlockError(StoreError):
    """The store could not be unlocked (wrong passphrase, unknown worker, back-off)."""


class BackoffError(UnlockError):
    """Too many failed unlocks: the caller must wait before the next attempt."""

    def __init__(self, worker: str, wait_seconds: float) -> None:
        self.worker = worker
        self.wait_seconds = wait_seconds
        super().__init__(
            f"too many failed unlocks for worker {worker!r}; "
            f"wait {wait_seconds:.0f} s before trying again"
        )


class KeyFileError(StoreError):
    """The keyslot file is missing, damaged or of an unknown version."""


class IntegrityError(StoreError):
    """Stored data failed a verification (audit chain, backup checksum, SQLCipher HMAC)."""


class NotFoundError(StoreError):
    """A record that was asked for does not exist."""
