"""Tolerant search and duplicate candidates: the hard cases of the street."""

from __future__ import annotations

import pytest

from lead_desktop.services import find_duplicates, search_participants
from lead_desktop.store.participants import add_alias, create_participant, update_participant
from lead_desktop.store.store import Store

PEOPLE = [
    ("José", "Núñez", "1980-03-05", ["Pepe"]),
    ("Thị Minh Khai", "Nguyễn", "1975-01-02", []),
    ("Zoë", "O'Brien-Ćosić", "1990-12-24", ["Red"]),
    ("Michael", "Johnson", "1969-07-04", ["Lil Mike", "Smoke"]),
    ("Maria", "Peña", "1985-05-06", []),
    ("Mario", "Pena", "1985-06-05", []),
]


@pytest.fixture
def people(new_store: Store) -> dict[str, str]:
    ids = {}
    with new_store.write() as tx:
        for first, last, dob, aliases in PEOPLE:
            ids[last] = create_participant(
                tx,
                data={"first_name": first, "last_name": last, "dob": dob},
                aliases=[(a, "street") for a in aliases],
            )
    return ids


def _top(store: Store, text: str) -> str | None:
    hits = search_participants(store, text, audit=False)
    return hits[0].participant_id if hits else None


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("Nunez", "Núñez"),
        ("núñez", "Núñez"),
        ("nguyen", "Nguyễn"),
        ("NGUYEN minh", "Nguyễn"),
        ("cosic", "O'Brien-Ćosić"),
        ("obrien", "O'Brien-Ćosić"),
        ("zoe", "O'Brien-Ćosić"),
        ("Nun", "Núñez"),  # partial
        ("Johnso", "Johnson"),  # partial
        ("Jonhson", "Johnson"),  # transposition typo
        ("Jhonson", "Johnson"),  # typo
        ("ngyuen", "Nguyễn"),  # transposition in a short name
        ("lil mike", "Johnson"),  # street name
        ("smoke", "Johnson"),
        ("pepe", "Núñez"),
        ("3/5/1980", "Núñez"),  # DOB, US format
        ("1980-03-05", "Núñez"),
        ("03.05.1980", "Núñez"),
        ("March 5, 1980", "Núñez"),
        ("jose 3/5/80", "Núñez"),
        ("maria pena 5/6/1985", "Peña"),
        ("Núñez March 5, 1980", "Núñez"),  # name, then a date in words
        ("5 de marzo de 1980 jose", "Núñez"),  # a Spanish date, then the name
        ("johnson 1969", "Johnson"),  # name and birth year
    ],
)
def test_search_finds_the_hard_cases(
    new_store: Store, people: dict[str, str], query: str, who: str
) -> None:
    assert _top(new_store, query) == people[who]


def test_search_ranks_best_first_and_drops_non_matches(
    new_store: Store, people: dict[str, str]
) -> None:
    hits = search_participants(new_store, "pena", audit=False)
    assert {h.participant_id for h in hits[:2]} == {people["Peña"], people["Pena"]}
    assert all(h.score >= hits[-1].score for h in hits)
    assert search_participants(new_store, "zzzzqqq", audit=False) == []


def test_search_follows_renames_and_new_aliases(new_store: Store, people: dict[str, str]) -> None:
    assert _top(new_store, "nunez") == people["Núñez"]
    with new_store.write() as tx:
        update_participant(tx, people["Núñez"], data={"last_name": "Ibáñez"})
        add_alias(tx, people["Nguyễn"], alias="Kiki", kind="street")
    assert _top(new_store, "ibanez") == people["Núñez"]
    assert _top(new_store, "kiki") == people["Nguyễn"]
    assert search_participants(new_store, "nunez", audit=False) == []


def test_search_sees_writes_from_another_process_handle(
    new_store: Store, people: dict[str, str]
) -> None:
    assert _top(new_store, "nunez")
    other = Store.unlock(new_store.root, None, "granite lantern velvet orbit 42")
    try:
        with other.write() as tx:
            pid = create_participant(tx, data={"first_name": "Ngozi", "last_name": "Okonkwo"})
    finally:
        other.close()
    assert _top(new_store, "okonkwo") == pid


def test_duplicates_are_scored_not_merged(new_store: Store, people: dict[str, str]) -> None:
    found = find_duplicates(new_store, first_name="Jose", last_name="Nunez", dob="03/05/1980")
    assert found[0].participant_id == people["Núñez"]
    assert found[0].score >= 90
    assert "dob 100" in found[0].reasons
    swapped = find_duplicates(new_store, first_name="Maria", last_name="Pena", dob="1985-06-05")
    ids = [c.participant_id for c in swapped]
    assert people["Peña"] in ids and people["Pena"] in ids
    by_alias = find_duplicates(new_store, first_name=None, last_name=None, aliases=["Lil Mike"])
    assert by_alias and by_alias[0].participant_id == people["Johnson"]
    nobody = find_duplicates(new_store, first_name="Ngozi", last_name="Okonkwo", dob="2001-01-01")
    assert nobody == []
    with new_store.read() as conn:
        from sqlalchemy import func, select

        from lead_desktop.store.schema import Participant

        assert conn.execute(select(func.count()).select_from(Participant)).scalar() == len(PEOPLE)
