"""Revisions from the global counter: every writer of records takes its lock first."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from lead_server.models import RevCounter


class Revisions:
    """Hands out revisions from the global counter, held under its row lock until commit.

    Every writer of records takes this lock first (a push, a conflict resolution), so records
    need no row locks of their own: under it, a writer sees every earlier writer's commit.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # FOR UPDATE holds the row lock to commit (SQLite: BEGIN IMMEDIATE already does), so
        # revisions become visible in the order they were given and no two writers share one.
        self.value = int(
            conn.execute(
                select(RevCounter.value).where(RevCounter.id == 1).with_for_update()
            ).scalar_one()
        )
        self.start = self.value

    def next(self) -> int:
        """Return the next revision."""
        self.value += 1
        return self.value

    def save(self) -> None:
        """Store the counter (before commit)."""
        if self.value != self.start:
            self.conn.execute(update(RevCounter).where(RevCounter.id == 1).values(value=self.value))


class Provisional(Revisions):
    """Revisions numbered -1, -2, ... before the lock is taken; the k-th becomes counter + k
    when the batch is written under it (see bulk_sql.FINAL_REV)."""

    def __init__(self) -> None:  # no lock, no database
        self.value = self.start = 0

    def next(self) -> int:
        """Return the next provisional revision."""
        self.value -= 1
        return self.value

    def save(self) -> None:
        """Nothing to store: the batch's statement moves the counter."""
