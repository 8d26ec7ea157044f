"""Likely duplicates at intake: scored candidates for a person to decide on; never merged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy import Connection, select

from lead_desktop.domain.dates import parse_date
from lead_desktop.domain.participant import display_name
from lead_desktop.domain.text import fold
from lead_desktop.errors import ValidationError, issue
from lead_desktop.store.schema import Alias, Participant
from lead_desktop.store.search import TokenIndex, search

NAME_WEIGHT, DOB_WEIGHT, ALIAS_WEIGHT = 0.55, 0.35, 0.10
THRESHOLD = 55.0


@dataclass(frozen=True)
class Candidate:
    """A possible match with its overall score and what it rests on."""

    participant_id: str
    name: str
    dob: str | None
    score: float
    name_score: float
    dob_score: float | None
    alias_score: float
    reasons: str


def dob_similarity(a: date, b: date) -> float:
    """100 for the same date; partial credit for the usual slips (day/month swap, one digit)."""
    if a == b:
        return 100.0
    if a.year == b.year and a.month == b.day and a.day == b.month:
        return 80.0
    diffs = sum(x != y for x, y in zip(a.isoformat(), b.isoformat(), strict=True))
    if diffs == 1:
        return 70.0
    if a.year == b.year and a.month == b.month:
        return 50.0
    if abs(a.year - b.year) <= 1 and (a.month, a.day) == (b.month, b.day):
        return 60.0
    return 0.0


def find_duplicates(
    conn: Connection,
    index: TokenIndex,
    *,
    first_name: str | None,
    last_name: str | None,
    dob: str | None = None,
    aliases: list[str] | None = None,
    limit: int = 10,
) -> list[Candidate]:
    """Score existing participants against a new person; best first, above a threshold."""
    aliases = [a for a in (aliases or []) if a.strip()]
    wanted = fold(" ".join(p for p in (first_name, last_name) if p))
    born = parse_date(dob) if dob else None
    if dob and born is None:
        raise ValidationError(
            [
                issue(
                    "dob",
                    "{value} is not a date",
                    "use e.g. 1980-03-05 or 3/5/1980",
                    value=repr(dob),
                )
            ]
        )
    pool: set[str] = set()
    for text in (first_name, last_name, wanted, *aliases):
        if text:
            pool.update(h.participant_id for h in search(conn, index, text, limit=200))
    if born:
        pool.update(
            conn.execute(
                select(Participant.id).where(
                    Participant.dob == born.isoformat(), Participant.deleted.is_(False)
                )
            ).scalars()
        )
    if not pool:
        return []
    rows = conn.execute(select(Participant).where(Participant.id.in_(pool))).mappings().all()
    alias_rows: dict[str, list[str]] = {}
    for pid, alias in conn.execute(
        select(Alias.participant_id, Alias.alias).where(
            Alias.participant_id.in_(pool), Alias.deleted.is_(False)
        )
    ):
        alias_rows.setdefault(pid, []).append(fold(alias))
    folded_aliases = [fold(a) for a in aliases]
    out = []
    for row in rows:
        theirs = fold(" ".join(p for p in (row["first_name"], row["last_name"]) if p))
        name_score = float(fuzz.token_sort_ratio(wanted, theirs)) if wanted and theirs else 0.0
        their_aliases = alias_rows.get(row["id"], [])
        alias_score = max(
            (
                float(fuzz.ratio(a, b))
                for a in folded_aliases + [wanted]
                for b in their_aliases
                if a and b
            ),
            default=0.0,
        )
        their_dob = date.fromisoformat(row["dob"]) if row["dob"] else None
        dob_score = dob_similarity(born, their_dob) if born and their_dob else None
        best_name = max(name_score, alias_score)
        if dob_score is None:
            score = best_name * (NAME_WEIGHT + DOB_WEIGHT) + alias_score * ALIAS_WEIGHT
        else:
            score = best_name * NAME_WEIGHT + dob_score * DOB_WEIGHT + alias_score * ALIAS_WEIGHT
        reasons = [f"name {name_score:.0f}"]
        if dob_score is not None:
            reasons.append(f"dob {dob_score:.0f}")
        if alias_score >= 80:
            reasons.append(f"alias {alias_score:.0f}")
        if score >= THRESHOLD:
            out.append(
                Candidate(
                    row["id"],
                    display_name(row),
                    row["dob"],
                    round(score, 1),
                    name_score,
                    dob_score,
                    alias_score,
                    ", ".join(reasons),
                )
            )
    out.sort(key=lambda c: (-c.score, c.participant_id))
    return out[:limit]
