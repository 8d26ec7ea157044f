"""Pull pages are written from the stored JSON text: what comes back is exactly what went in."""

from __future__ import annotations

from typing import Any

from lead_desktop.sync.protocol import PullPage
from tests.server.test_protocol import create

#: Values that JSON text must carry exactly: quotes, backslashes, non-ASCII, control
#: characters, nesting, numbers of every kind, and nulls at every depth.
TRICKY: dict[str, Any] = {
    "first_name": 'Zoë "Zee" O\'Brien \\ núñez',
    "last_name": "Nguyễn\tTrần\n李",
    "baseline": {
        "needs": ["ID", "phone", None],
        "monthly_income": 1234.5,
        "nested": {"deep": [1, -2, 3.25e-7, True, False, None, {"x": "€ — “quotes”"}]},
        "big": 2**53 + 1,
        "empty": {},
    },
    "months_homeless_3y": 0,
}


def test_pulled_fields_are_exactly_the_pushed_ones(make_laptop: Any) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    [made] = a.push(create("p1", **TRICKY))
    assert made["status"] == "applied"
    pages = b.pull_all(limit=1)
    # Every page parses with the wire schema as the laptop parses it.
    parsed = [PullPage.model_validate(page) for page in pages]
    records = [r for page in parsed for r in page.records if r.row_id == "p1"]
    assert len(records) == 1
    assert records[0].fields == TRICKY
    assert records[0].deleted is False
    assert parsed[-1].done and parsed[-1].next_cursor == made["rev"]


def test_pages_end_exactly_at_the_limit(make_laptop: Any) -> None:
    a, b = make_laptop("ana"), make_laptop("ben")
    a.push(*[create(f"p{i}", first_name=f"N{i}") for i in range(6)])
    pages = b.pull_all(limit=3)
    sizes = [len(page["records"]) for page in pages]
    assert sum(sizes) >= 6 and all(size <= 3 for size in sizes)
    assert [page["done"] for page in pages] == [False] * (len(pages) - 1) + [True]
    cursors = [page["next_cursor"] for page in pages]
    assert cursors == sorted(cursors)
    revs = [r["rev"] for page in pages for r in page["records"]]
    assert revs == sorted(set(revs))  # in order, none twice
