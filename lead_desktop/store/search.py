"""Tolerant participant search: diacritics, partial names, aliases, typos, dates of birth.

Each participant's names and aliases are folded into tokens (``search_token`` table, written in
the same transaction as the names). Distinct tokens are held in memory; a query term is matched
against them exactly, by prefix, by substring (one C-level scan of a joined string) and by edit
similarity (rapidfuzz), then the matching tokens are joined back to participants in SQL.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, func, select
from sqlalchemy import text as sql_text

from lead_desktop.domain.dates import parse_date
from lead_desktop.domain.participant import display_name
from lead_desktop.domain.text import tokens
from lead_desktop.store.schema import ChangeJournal, Participant, SearchToken

EXACT, PREFIX, SUBSTRING = 100.0, 94.0, 86.0
FUZZY_CUTOFF = 72.0
DOB_BONUS = 10.0
_YEAR = re.compile(r"^(19|20)\d\d$")
_SEP = "\n"
#: Distinct tokens by hopping through the primary-key index (a loose index scan): far fewer
#: steps than reading every (token, participant) row when many people share a name.
_DISTINCT_TOKENS = sql_text(
    "WITH RECURSIVE t(tok) AS ("
    " SELECT min(token) FROM search_token"
    " UNION ALL"
    " SELECT (SELECT min(token) FROM search_token WHERE token > t.tok) FROM t"
    " WHERE t.tok IS NOT NULL)"
    " SELECT tok FROM t"
)


@dataclass(frozen=True)
class SearchHit:
    """One participant found, with the score (0-100) that ranked it."""

    participant_id: str
    name: str
    dob: str | None
    score: float


class TokenIndex:
    """The distinct name tokens of the store, in memory, rebuilt when another process wrote."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.tokens: list[str] = []
        self._known: set[str] = set()
        self._blob = ""
        self._starts: list[int] = []
        self.generation = -1

    def refresh(self, conn: Connection) -> None:
        """Reload the tokens if the store changed since they were loaded."""
        generation = conn.execute(select(func.max(ChangeJournal.seq))).scalar() or 0
        if generation == self.generation:
            return
        toks = [t for t in conn.execute(_DISTINCT_TOKENS).scalars() if t is not None]
        with self._lock:
            self._set(toks)
            self.generation = generation

    def invalidate(self) -> None:
        """Reload at the next search: for writes the change journal does not see (pulled
        pages and repairs are applied without journaling)."""
        with self._lock:
            self.generation = -1

    def after_write(self, new_tokens: set[str], span: tuple[int, int] | None) -> None:
        """Take in a committed local write (stale tokens are harmless: they match no one)."""
        if span is None:
            return
        with self._lock:
            if self.generation != span[0] - 1:  # someone else wrote in between: reload later
                self.generation = -1
                return
            fresh = sorted(new_tokens - self._known)
            if fresh:
                self._append(fresh)
            self.generation = span[1]

    def _set(self, toks: list[str]) -> None:
        self.tokens, self._known, self._starts, self._blob = [], set(), [], ""
        self._append(toks)

    def _append(self, toks: list[str]) -> None:
        pos = len(self._blob) + 1 if self.tokens else 0
        for tok in toks:
            self._starts.append(pos)
            pos += len(tok) + 1
        joined = _SEP.join(toks)
        self._blob = f"{self._blob}{_SEP}{joined}" if self.tokens else joined
        self.tokens = self.tokens + toks  # a new list: readers iterate the old one safely
        self._known |= set(toks)

    def match(self, term: str) -> dict[str, float]:
        """Return tokens matching one folded term, with a score each."""
        found: dict[str, float] = {}
        if term in self._known:
            found[term] = EXACT
        if len(term) >= 2:
            self._scan(term, found)
        if len(term) >= 4:
            for tok, score, _ in process.extract(
                term, self.tokens, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
            ):
                found.setdefault(tok, 0.85 * score)
        return found

    def _scan(self, term: str, found: dict[str, float]) -> None:
        blob, starts, toks = self._blob, self._starts, self.tokens
        pos = blob.find(term)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            tok = toks[i]
            if pos == starts[i]:
                score = PREFIX - min(len(tok) - len(term), 10) * 0.5
            elif len(term) >= 3:
                score = SUBSTRING
            else:
                score = 0.0
            if score and found.get(tok, 0.0) < score:
                found[tok] = score
            pos = blob.find(term, starts[i] + len(tok))


@dataclass(frozen=True)
class Query:
    """A search text split into name terms, a date of birth and a birth year."""

    terms: tuple[str, ...]
    dob: date | None
    year: int | None

    @classmethod
    def parse(cls, text: str, today: date | None = None) -> Query:
        """Split free text into its parts; a date may be typed before or after the name."""
        dob = None
        year = None
        words = []
        raw, dob = _take_worded_date([w for w in re.split(r"[\s,;]+", text.strip()) if w], today)
        for word in raw:
            if _YEAR.match(word):
                year = int(word)
                continue
            parsed = parse_date(word, today=today) if any(c.isdigit() for c in word) else None
            if parsed:
                dob = parsed
            else:
                words.append(word)
        terms = tuple(t for w in words for t in tokens(w))
        return cls(terms, dob, year)


def _take_worded_date(words: list[str], today: date | None) -> tuple[list[str], date | None]:
    """Find a date written in several words ("May 29 1999", "5 de marzo de 1980") at the end
    or the start of the query; return the other words and the date."""
    for size in range(min(5, len(words)), 1, -1):
        for window, rest in ((words[-size:], words[:-size]), (words[:size], words[size:])):
            if not any(c.isdigit() for c in "".join(window)):
                continue
            parsed = parse_date(" ".join(window), today=today)
            if parsed:
                return rest, parsed
    return words, None


def search(
    conn: Connection, index: TokenIndex, text: str, *, limit: int = 20, today: date | None = None
) -> list[SearchHit]:
    """Find participants for free text; best first."""
    query = Query.parse(text, today)
    index.refresh(conn)
    scores: dict[str, float] = {}
    if query.terms:
        per_term = [index.match(term) for term in query.terms]
        if not all(per_term):
            return []
        scores = _join_terms(conn, per_term)
    elif query.dob is None and query.year is None:
        return []
    live = Participant.deleted.is_(False)
    if query.dob or query.year:
        cond = (
            Participant.dob == query.dob.isoformat()
            if query.dob
            else Participant.dob.between(f"{query.year}-01-01", f"{query.year}-12-31")
        )  # both forms use the dob index (LIKE would not); intersected with names below
        # No "live" filter here, so the (dob, id) index answers alone; the final fetch drops
        # deleted people.
        dob_ids = set(conn.execute(select(Participant.id).where(cond)).scalars())
        if query.terms:
            scores = {
                pid: min(100.0, s + DOB_BONUS) if pid in dob_ids else s * 0.8
                for pid, s in scores.items()
            }
        else:
            scores = dict.fromkeys(dob_ids, 100.0)
    best = sorted(scores.items(), key=lambda kv: -kv[1])[: limit * 2]
    if not best:
        return []
    rows = {
        r["id"]: r
        for r in conn.execute(
            select(
                Participant.id,
                Participant.first_name,
                Participant.middle_name,
                Participant.last_name,
                Participant.name_suffix,
                Participant.dob,
            ).where(Participant.id.in_([pid for pid, _ in best]), live)
        ).mappings()
    }
    hits = [
        SearchHit(pid, display_name(rows[pid]), rows[pid]["dob"], round(score, 1))
        for pid, score in best
        if pid in rows
    ]
    hits.sort(key=lambda h: (-h.score, h.name.casefold(), h.participant_id))
    return hits[:limit]


def _join_terms(conn: Connection, per_term: list[dict[str, float]]) -> dict[str, float]:
    """Score participants who match every term: mean of each term's best token."""
    wanted = set().union(*per_term)
    by_token: dict[str, list[str]] = defaultdict(list)
    listed = sorted(wanted)
    for i in range(0, len(listed), 900):
        for tok, pid in conn.execute(
            select(SearchToken.token, SearchToken.participant_id).where(
                SearchToken.token.in_(listed[i : i + 900])
            )
        ):
            by_token[tok].append(pid)
    totals: dict[str, float] | None = None
    for matches in per_term:
        best: dict[str, float] = {}
        for tok, score in matches.items():
            for pid in by_token.get(tok, ()):
                if best.get(pid, 0.0) < score:
                    best[pid] = score
        if totals is None:
            totals = best
        else:
            totals = {pid: totals[pid] + s for pid, s in best.items() if pid in totals}
    n = len(per_term)
    return {pid: s / n for pid, s in (totals or {}).items()}
