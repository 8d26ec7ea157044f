"""Application services shared by the CLI and the GUI: search, duplicates, coverage, self-test."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lead_desktop.domain.coverage import CoverageArea, load_default
from lead_desktop.store.duplicates import Candidate
from lead_desktop.store.duplicates import find_duplicates as _find_duplicates
from lead_desktop.store.search import SearchHit, search
from lead_desktop.store.store import Store

logger = logging.getLogger(__name__)
COVERAGE_KEY = "coverage_area"


def search_participants(
    store: Store, text: str, *, limit: int = 20, audit: bool = True
) -> list[SearchHit]:
    """Run the tolerant search; audit that a search happened (never what was searched)."""
    with store.read() as conn:
        hits = search(conn, store.search_index, text, limit=limit)
    if audit:
        with store.write() as tx:
            tx.audit("search", "participant", None, {"results": len(hits)})
    return hits


def find_duplicates(
    store: Store,
    *,
    first_name: str | None,
    last_name: str | None,
    dob: str | None = None,
    aliases: list[str] | None = None,
) -> list[Candidate]:
    """List likely duplicates of a new person, best first (audited, without the names)."""
    with store.read() as conn:
        found = _find_duplicates(
            conn,
            store.search_index,
            first_name=first_name,
            last_name=last_name,
            dob=dob,
            aliases=aliases,
        )
    with store.write() as tx:
        tx.audit("duplicate_check", "participant", None, {"results": len(found)})
    return found


def coverage_area(store: Store) -> CoverageArea:
    """The program's coverage area: the imported one, else the shipped default."""
    stored = store.settings_get(COVERAGE_KEY)
    return CoverageArea.from_geojson(stored) if stored else load_default()


def set_coverage(store: Store, geojson: str | dict[str, Any]) -> CoverageArea:
    """Validate and store a new coverage polygon."""
    area = CoverageArea.from_geojson(geojson)
    store.settings_set(COVERAGE_KEY, area.to_geojson())
    return area


def self_test() -> Iterator[str]:
    """Exercise the installation end to end in a throw-away folder; yield what passed."""
    from lead_desktop.store.audit import verify_audit
    from lead_desktop.store.keys import KdfParams
    from lead_desktop.store.participants import create_participant

    with tempfile.TemporaryDirectory(prefix="lead-self-test-") as tmp:
        root = Path(tmp) / "store"
        phrase = "amber quarry lantern nineteen wolves"
        with Store.create(root, "checker", phrase, kdf=KdfParams(1, 64 * 1024)) as store:
            yield "encrypted store created (SQLCipher, Argon2id keyslot)"
            with store.write() as tx:
                create_participant(tx, data={"first_name": "Zoë", "last_name": "Ćosić"})
            yield "participant saved with journal and audit"
        with Store.unlock(root, None, phrase) as store:
            hits = search_participants(store, "zoe cosic", audit=False)
            if not hits:
                raise RuntimeError("self-test: search found nothing")
            yield "unlocked again; tolerant search works"
            with store.read() as conn:
                if not verify_audit(conn).ok:
                    raise RuntimeError("self-test: audit chain does not verify")
            yield "audit chain verifies"
        raw = (root / "lead.db").read_bytes()
        if "Ćosić".encode() in raw or b"SQLite format 3" in raw[:16]:
            raise RuntimeError("self-test: the database is not encrypted")
        yield "database file is encrypted"
        if not load_default().contains(39.2915, -76.6214):
            raise RuntimeError("self-test: coverage check failed")
        yield "coverage area loads"
