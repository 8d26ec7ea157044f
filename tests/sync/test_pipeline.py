"""Push and pull overlap the network with the laptop's own work and keep every guarantee.

``SyncClient.pull`` fetches the next page on a background thread while it applies the one in
hand; ``SyncClient.push`` sends the next batch while it files the answers to the one before.
Through the loopback proxy (tests/sync/proxy.py) and the real server on SQLite and PostgreSQL,
these tests show that the overlap really happens and that it changes nothing else: pages are
applied in order, once each, each with its own cursor move; a fetch that fails leaves the
cursor at the end of the last page applied and the next sync completes; a batch is sent only
after the one before it was answered, a lost answer marks nothing and costs only a
``duplicate`` answer later; errors reach the caller as the same ``SyncError``; no thread
outlives a sync step; a sync with nothing to do opens no write transaction.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import event, select

from lead_desktop.store.participants import create_participant, update_participant
from lead_desktop.store.records import META, table_of
from lead_desktop.store.schema import ChangeJournal, Participant, SearchToken
from lead_desktop.store.search import search
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import CURSOR_KEY, SyncClient, SyncReport, _Ahead
from lead_desktop.sync.protocol import PullPage
from lead_desktop.sync.state import get_state
from lead_desktop.sync.transport import SyncError
from lead_server import admin
from lead_server.models import Record
from tests.server.conftest import PASSWORD, ServerThread
from tests.sync.interruption_state import applied_changes
from tests.sync.proxy import Fault, Proxy

#: Small batches and pages, so a few records make several of each.
BATCH, PAGE = 5, 5
PUSH, PULL = "/api/v1/push", "/api/v1/pull"
#: People ana creates: with her worker record, three push batches and three pull pages.
PEOPLE = 12
#: How long a test waits for the background thread to reach the proxy.
PATIENCE_S = 10.0


# -- helpers -----------------------------------------------------------------------------------


def sync_threads() -> list[str]:
    """Background threads of the sync client still running."""
    return [t.name for t in threading.enumerate() if t.name.startswith("lead-sync-")]


def enrolled(store: Store, server: ServerThread, url: str, user: str) -> SyncClient:
    """``user``'s laptop enrolled with the server, signed in, talking to ``url``."""
    client = SyncClient(store, url, batch=BATCH, page=PAGE)
    client.enroll(admin.make_enroll_code(server.engine, user), user, PASSWORD)
    client.sign_in(user, PASSWORD)
    return client


@dataclass
class Pair:
    """Two laptops enrolled straight with the server (no proxy)."""

    ana_store: Store
    ana: SyncClient
    ben_store: Store
    ben: SyncClient


@pytest.fixture
def pair(server: ServerThread, make_store: Any) -> Iterator[Pair]:
    """Ana's and ben's laptops, enrolled and signed in."""
    ana_store, ben_store = make_store("ana"), make_store("ben")
    with (
        enrolled(ana_store, server, server.url, "ana") as ana,
        enrolled(ben_store, server, server.url, "ben") as ben,
    ):
        yield Pair(ana_store, ana, ben_store, ben)


def add_people(store: Store, n: int) -> list[str]:
    """Create ``n`` participants with their JSON columns filled, in one transaction."""
    with store.write() as tx:
        return [
            create_participant(
                tx,
                data={
                    "first_name": f"Zoë {k}",
                    "last_name": "O'Brien-Ćosić" if k % 2 else "Ruiz",
                    "dob": "1980-02-01",
                    "baseline": {"income": "SSI", "needs": ["ID", "phone"], "n": k},
                    "health": {"insurance": None},
                },
            )
            for k in range(n)
        ]


def cursor_of(store: Store) -> int:
    with store.read() as conn:
        return int(get_state(conn, CURSOR_KEY) or 0)


def people_of(store: Store) -> dict[str, dict[str, Any]]:
    """Every participant row's data columns (no sync metadata), by id."""
    with store.read() as conn:
        rows = conn.execute(select(table_of(Participant))).mappings().all()
    return {r["id"]: {k: v for k, v in r.items() if k not in META} for r in rows}


def unpushed_queue(store: Store) -> list[str]:
    with store.read() as conn:
        return list(
            conn.execute(
                select(ChangeJournal.change_id)
                .where(ChangeJournal.pushed_at.is_(None))
                .order_by(ChangeJournal.seq)
            ).scalars()
        )


def pushed_ids(store: Store) -> set[str]:
    with store.read() as conn:
        return set(
            conn.execute(
                select(ChangeJournal.change_id).where(ChangeJournal.pushed_at.is_not(None))
            ).scalars()
        )


def walk_pages(client: SyncClient, cursor: int = 0) -> list[PullPage]:
    """The pages a pull from ``cursor`` gets, fetched one by one (nothing applied)."""
    pages: list[PullPage] = []
    while True:
        page = PullPage.model_validate(
            client.transport.call("GET", "/pull", params={"cursor": cursor, "limit": PAGE})
        )
        pages.append(page)
        if page.done or page.next_cursor == cursor:
            return pages
        cursor = page.next_cursor


def requests_to(proxy: Proxy, path: str) -> int:
    return sum(1 for seen in list(proxy.log) if seen.path == path)


def wait_for(check: Callable[[], bool]) -> bool:
    """Poll ``check`` until it holds or PATIENCE_S pass; return whether it held."""
    deadline = time.monotonic() + PATIENCE_S
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


class Statements:
    """Counts a store's write transactions, applied pull pages (one PRAGMA each) and the
    statements that write search tokens."""

    def __init__(self) -> None:
        self.writes = 0
        self.pages = 0
        self.tokens = 0

    def seen(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        text = statement.lstrip().upper().replace('"', "")
        if text.startswith("BEGIN IMMEDIATE"):
            self.writes += 1
        elif text.startswith("PRAGMA DEFER_FOREIGN_KEYS"):
            self.pages += 1
        elif text.startswith(("INSERT INTO SEARCH_TOKEN", "DELETE FROM SEARCH_TOKEN")):
            self.tokens += 1


@contextmanager
def counting(store: Store) -> Iterator[Statements]:
    counts = Statements()
    event.listen(store.engine, "after_cursor_execute", counts.seen)
    try:
        yield counts
    finally:
        event.remove(store.engine, "after_cursor_execute", counts.seen)


@pytest.fixture
def laptops(server: ServerThread, make_store: Any) -> Iterator[tuple[Proxy, SyncClient, Store]]:
    """Ana's people on the server; ben's laptop enrolled through the proxy, nothing pulled."""
    ana_store = make_store("ana")
    with SyncClient(ana_store, server.url) as ana:
        ana.enroll(admin.make_enroll_code(server.engine, "ana"), "ana", PASSWORD)
        add_people(ana_store, PEOPLE)
        assert ana.sync_once("ana", PASSWORD).in_step
    ben_store = make_store("ben")
    with Proxy(server.port) as proxy:
        ben = enrolled(ben_store, server, proxy.url, "ben")
        ben.push(SyncReport())  # his own worker record
        try:
            yield proxy, ben, ben_store
        finally:
            ben.close()


# -- pull --------------------------------------------------------------------------------------


def test_a_failed_page_fetch_keeps_the_cursor_at_the_last_page_applied(
    laptops: tuple[Proxy, SyncClient, Store],
) -> None:
    proxy, ben, store = laptops
    pages = walk_pages(ben)
    filled = [p for p in pages if p.records or p.scope_removed]
    assert len(filled) >= 3, [len(p.records) for p in pages]
    fault = Fault("down", "start", request=1, path=PULL)
    proxy.arm(fault)
    with counting(store) as counts, pytest.raises(SyncError) as caught:
        ben.pull(SyncReport())
    assert proxy.fired == fault
    assert caught.value.unreachable, caught.value
    assert sync_threads() == []
    assert counts.pages == 1, "only the first page was applied"
    assert cursor_of(store) == pages[0].next_cursor
    first = {r.row_id for r in pages[0].records if r.table == "participant"}
    assert set(people_of(store)) == first

    moved: list[int] = []
    ben.progress = lambda phase, _done: moved.append(cursor_of(store)) if phase == "pull" else None
    report = SyncReport()
    with counting(store) as counts:
        ben.pull(report)
    assert counts.pages == len(filled) - 1, "each page applied once, in its own transaction"
    assert moved == [p.next_cursor for p in pages[1:]], "the cursor moved page by page"
    everyone = {r.row_id for p in pages for r in p.records if r.table == "participant"}
    assert len(everyone) == PEOPLE and set(people_of(store)) == everyone
    assert report.pulled >= PEOPLE - len(first)
    ben.compare(report)
    assert report.in_step, report.drift
    assert sync_threads() == []


def test_the_next_page_is_fetched_while_one_is_applied(
    laptops: tuple[Proxy, SyncClient, Store],
) -> None:
    proxy, ben, store = laptops
    pages = walk_pages(ben)
    proxy.reset_log()
    ahead: list[bool] = []

    def progress(phase: str, _done: int) -> None:
        if phase == "pull" and not ahead:
            # Called on the pulling thread after the first page's commit: only a background
            # fetch can send the next request while this thread waits here.
            ahead.append(wait_for(lambda: requests_to(proxy, PULL) >= 2))

    ben.progress = progress
    report = SyncReport()
    ben.pull(report)
    assert ahead == [True]
    assert requests_to(proxy, PULL) == len(pages), "no page fetched twice"
    ben.compare(report)
    assert report.in_step, report.drift
    assert len(people_of(store)) == PEOPLE


def test_pulled_rows_equal_the_pushers_rows(
    server: ServerThread, make_store: Any, laptops: tuple[Proxy, SyncClient, Store]
) -> None:
    _proxy, ben, store = laptops
    ben.pull(SyncReport())
    theirs = people_of(store)
    assert len(theirs) == PEOPLE
    sample = next(iter(theirs.values()))
    assert sample["baseline"]["needs"] == ["ID", "phone"]
    assert sample["health"] == {"insurance": None}
    with server.engine.connect() as conn:
        on_server = {
            r.row_id: r.fields
            for r in conn.execute(
                select(Record.row_id, Record.fields).where(Record.table_name == "participant")
            )
        }
    for pid, row in theirs.items():
        for name, value in on_server[pid].items():
            assert row[name] == value, name


def test_a_sync_with_nothing_to_do_opens_no_write_transaction(
    laptops: tuple[Proxy, SyncClient, Store],
) -> None:
    _proxy, ben, store = laptops
    ben.pull(SyncReport())
    before = cursor_of(store)
    told: list[str] = []
    ben.progress = lambda phase, _done: told.append(phase)
    with counting(store) as counts:
        report = SyncReport()
        ben.push(report)
        ben.pull(report)
    assert counts.writes == 0
    assert report.pulled == report.pushed == 0
    assert cursor_of(store) == before
    assert told == ["pull"], "progress is still told once per page"


def test_pulled_names_are_searchable_and_only_changed_tokens_are_written(pair: Pair) -> None:
    ana_store, ana, ben_store, ben = pair.ana_store, pair.ana, pair.ben_store, pair.ben
    ben.sync_once("ben")
    with ben_store.read() as conn:  # the search index is loaded before the pull
        assert search(conn, ben_store.search_index, "Wojciechowski") == []
    with ana_store.write() as tx:
        pid = create_participant(
            tx, data={"first_name": "Marek", "last_name": "Wojciechowski", "dob": "1970-01-01"}
        )
    ana.sync_once("ana")
    ben.pull(SyncReport())
    with ben_store.read() as conn:
        hits = search(conn, ben_store.search_index, "Wojciechowsky")  # a typo still finds
    assert [h.participant_id for h in hits] == [pid]

    with ana_store.write() as tx:
        update_participant(tx, pid, data={"preferred_language": "pl"})
    ana.sync_once("ana")
    with counting(ben_store) as counts:
        assert ben.sync_once("ben").pulled == 1
    assert counts.tokens == 0, "an edit that leaves the names alone writes no token"

    with ana_store.write() as tx:
        update_participant(tx, pid, data={"last_name": "Nowak-Kowalska"})
    ana.sync_once("ana")
    with counting(ben_store) as counts:
        assert ben.sync_once("ben").pulled == 1
    assert counts.tokens == 2, "one token gone, two added, in two statements"
    with ben_store.read() as conn:
        held = set(
            conn.execute(
                select(SearchToken.token).where(SearchToken.participant_id == pid)
            ).scalars()
        )
        assert held == {"marek", "nowak", "kowalska"}
        hits = search(conn, ben_store.search_index, "Kowalska")
    assert [h.participant_id for h in hits] == [pid]


def test_pulled_edits_write_indexed_columns_only_when_they_change(pair: Pair) -> None:
    ana_store, ana, ben_store, ben = pair.ana_store, pair.ana, pair.ben_store, pair.ben
    [pid, other] = add_people(ana_store, 2)
    ana.sync_once("ana")
    ben.sync_once("ben")
    with ana_store.write() as tx:
        update_participant(tx, pid, data={"status": "inactive", "external_id": "HMIS-7"})
        update_participant(tx, other, data={"preferred_language": "pl"})
    ana.sync_once("ana")
    assert ben.sync_once("ben").pulled == 2
    theirs, mine = people_of(ana_store), people_of(ben_store)
    assert mine == theirs
    assert mine[pid]["status"] == "inactive" and mine[pid]["external_id"] == "HMIS-7"
    assert mine[other]["preferred_language"] == "pl"
    with ben_store.read() as conn:  # found through the indexes
        by_status = select(Participant.id).where(Participant.status == "inactive")
        assert list(conn.execute(by_status).scalars()) == [pid]
        by_id = select(Participant.id).where(Participant.external_id == "HMIS-7")
        assert list(conn.execute(by_id).scalars()) == [pid]
        check = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
    assert check == "ok"


# -- push --------------------------------------------------------------------------------------


def test_a_lost_push_answer_marks_nothing_and_sends_nothing_after_it(
    server: ServerThread, make_store: Any
) -> None:
    store = make_store("ana")
    with Proxy(server.port) as proxy, enrolled(store, server, proxy.url, "ana") as ana:
        add_people(store, PEOPLE)
        queue = unpushed_queue(store)
        assert len(queue) > 2 * BATCH
        proxy.reset_log()
        fault = Fault("down", "middle", request=1, path=PUSH)
        proxy.arm(fault)
        with pytest.raises(SyncError) as caught:
            ana.push(SyncReport())
        assert proxy.fired == fault
        assert caught.value.unreachable, caught.value
        assert sync_threads() == []
        assert requests_to(proxy, PUSH) == 2, "nothing is sent after a request that failed"
        assert pushed_ids(store) == set(queue[:BATCH]), "only the answered batch is marked"
        on_server = set(applied_changes(server.engine)) & set(queue)
        assert on_server == set(queue[: 2 * BATCH]), "the lost answer's batch was applied"

        report = SyncReport()
        ana.push(report)
        assert report.duplicates == BATCH, "the batch whose answer was lost comes back duplicate"
        assert report.pushed == len(queue) - BATCH * 2
        assert report.conflicts == report.rejected == 0
        assert pushed_ids(store) >= set(queue)
        assert set(applied_changes(server.engine)) >= set(queue)
        with server.engine.connect() as conn:
            rows = conn.execute(
                select(Record.row_id).where(Record.table_name == "participant")
            ).scalars()
            ids = list(rows)
        assert len(ids) == len(set(ids)) == PEOPLE, "no record is stored twice"
        report = SyncReport()
        ana.compare(report)
        assert report.in_step, report.drift


def test_the_next_batch_is_sent_while_answers_are_filed(
    server: ServerThread, make_store: Any
) -> None:
    store = make_store("ana")
    with Proxy(server.port) as proxy, enrolled(store, server, proxy.url, "ana") as ana:
        add_people(store, PEOPLE)
        queue = unpushed_queue(store)
        batches = -(-len(queue) // BATCH)
        proxy.reset_log()
        ahead: list[bool] = []
        done: list[int] = []

        def progress(phase: str, count: int) -> None:
            if phase != "push":
                return
            done.append(count)
            if not ahead:
                # Called once the first batch's answers are filed: the second batch went out
                # as soon as the first was answered, not after the filing.
                ahead.append(wait_for(lambda: requests_to(proxy, PUSH) >= 2))

        ana.progress = progress
        report = SyncReport()
        ana.push(report)
        assert ahead == [True]
        assert report.pushed == len(queue)
        assert requests_to(proxy, PUSH) == batches
        assert done == [min(BATCH * k, len(queue)) for k in range(1, batches + 1)]
        assert all(seen.status == 200 for seen in proxy.log if seen.path == PUSH)
        assert unpushed_queue(store) == []


def test_one_batch_and_one_page_need_no_background_thread(pair: Pair) -> None:
    ana_store, ana, ben = pair.ana_store, pair.ana, pair.ben
    ben.sync_once("ben")
    add_people(ana_store, BATCH - 2)  # with ana's worker record: one short batch
    seen: list[tuple[str, list[str]]] = []
    ana.progress = ben.progress = lambda phase, _: seen.append((phase, sync_threads()))
    report = SyncReport()
    ana.push(report)
    assert report.pushed == BATCH - 1
    report = SyncReport()
    ben.pull(report)
    assert report.pulled == BATCH - 1
    assert seen == [("push", []), ("pull", [])]


# -- the background thread ---------------------------------------------------------------------


def test_background_calls_run_in_order_and_stop_at_the_first_error() -> None:
    ran: list[int] = []
    refused = SyncError("server refused /pull (403): revoked", status=403, code="device_revoked")

    def call(n: int) -> Callable[[], int]:
        def run() -> int:
            ran.append(n)
            if n == 2:
                raise refused
            return n * 10

        return run

    with _Ahead("lead-sync-test") as ahead:
        for n in range(5):
            ahead.submit(call(n))
        assert [ahead.result(), ahead.result()] == [0, 10]
        for _ in range(3):  # the failed call and every call after it raise the same error
            with pytest.raises(SyncError) as caught:
                ahead.result()
            assert caught.value is refused
        assert ahead.pending == 0
    assert ran == [0, 1, 2], "nothing runs after a failed call"
    assert sync_threads() == []


def test_leaving_drops_calls_not_started_and_ends_the_thread() -> None:
    started = threading.Event()
    release = threading.Event()
    ran: list[str] = []

    def slow() -> None:
        started.set()
        release.wait(PATIENCE_S)
        ran.append("slow")

    with _Ahead("lead-sync-test") as ahead:
        ahead.submit(slow)
        ahead.submit(lambda: ran.append("dropped"))
        assert started.wait(PATIENCE_S)
        threading.Timer(0.05, release.set).start()
    assert ran == ["slow"], "the call under way finished; the one queued never ran"
    assert sync_threads() == []
    with _Ahead("lead-sync-test") as idle, pytest.raises(RuntimeError):
        idle.result()
    assert sync_threads() == []
