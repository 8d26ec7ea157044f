"""Record tab queries: plans, versions and history, contacts, consents, documents, plan save."""

from __future__ import annotations

import pytest

from lead_desktop.errors import ValidationError
from lead_desktop.store import casework, record_queries
from lead_desktop.store.participants import create_participant
from lead_desktop.store.store import Store


def _person(store: Store, first: str = "Zoë") -> str:
    with store.write() as tx:
        return create_participant(tx, data={"first_name": first, "last_name": "O'Brien-Ćosić"})


HEADER = {
    "plan_date": "2026-03-02",
    "review_date": "6/1/2026",
    "status": "active",
    "stage_of_change": "preparation",
    "priorities": "A place to sleep that is not the street",
    "immediate_needs": {"shelter_tonight": True, "naloxone": True, "note": "Has a kit"},
    "legal_coordination": "",
}


def _goals() -> list[dict[str, object]]:
    return [
        {
            "domain": "housing",
            "goal": "Move into stable housing",
            "barriers": "No ID",
            "status": "open",
            "steps": [
                {
                    "description": "Get a state ID",
                    "responsible": "participant",
                    "target_date": "2026-03-20",
                    "status": "open",
                },
                {
                    "description": "Call the housing navigator",
                    "responsible": "partner",
                    "partner_name": "Health Care for the Homeless",
                    "target_date": "",
                    "status": "in_progress",
                },
            ],
        },
        {"domain": "substance_use", "goal": "Keep naloxone on hand", "status": "open", "steps": []},
    ]


def test_a_plan_saved_as_edited_reads_back_in_order(store: Store) -> None:
    pid = _person(store)
    with store.read() as conn:
        assert record_queries.current_plan(conn, pid) is None
        assert record_queries.list_plans(conn, pid) == []
    with store.write() as tx:
        plan_id = record_queries.save_plan(
            tx, participant_id=pid, plan_id=None, header=HEADER, goals=_goals()
        )
    with store.read() as conn:
        tree = record_queries.current_plan(conn, pid)
    assert tree is not None and tree["id"] == plan_id
    assert tree["review_date"] == "2026-06-01"  # typed US style, stored ISO
    assert tree["case_manager_name"] == "tester"
    assert [g["domain"] for g in tree["goals"]] == ["housing", "substance_use"]
    steps = tree["goals"][0]["steps"]
    assert [s["description"] for s in steps] == ["Get a state ID", "Call the housing navigator"]
    assert steps[1]["partner_name"] == "Health Care for the Homeless"
    assert steps[1]["target_date"] is None

    # Edit: reorder goals, change a step, add one; ids are kept, nothing is duplicated.
    goals = [dict(g) for g in tree["goals"]][::-1]
    goals[1]["steps"][0] = {**goals[1]["steps"][0], "status": "done"}
    goals[0]["steps"] = [{"description": "Pick up a kit", "responsible": "case_manager"}]
    with store.write() as tx:
        record_queries.save_plan(
            tx, participant_id=pid, plan_id=plan_id, header=HEADER, goals=goals
        )
    with store.read() as conn:
        again = casework.plan_tree(conn, plan_id)
    assert [g["domain"] for g in again["goals"]] == ["substance_use", "housing"]
    assert again["goals"][0]["steps"][0]["description"] == "Pick up a kit"
    assert again["goals"][1]["steps"][0]["status"] == "done"
    assert len(again["goals"][1]["steps"]) == 2


def test_a_bad_step_is_placed_and_nothing_is_written(store: Store) -> None:
    pid = _person(store)
    goals = _goals()
    goals[0]["steps"][0]["target_date"] = "2026-02-30"  # type: ignore[index]
    found = record_queries.check_plan(pid, HEADER, goals)
    assert not found.header and not found.goals
    assert [i.field for i in found.steps[(0, 0)]] == ["target_date"]
    goals[1]["goal"] = ""
    found = record_queries.check_plan(pid, {**HEADER, "plan_date": ""}, goals)
    assert [i.field for i in found.all()] == ["plan_date", "target_date", "goal"]
    with pytest.raises(ValidationError), store.write() as tx:
        record_queries.save_plan(tx, participant_id=pid, plan_id=None, header=HEADER, goals=goals)
    with store.read() as conn:
        assert record_queries.list_plans(conn, pid) == []


def test_a_review_starts_the_next_version_and_history_shows_it(store: Store) -> None:
    pid = _person(store)
    with store.write() as tx:
        first = record_queries.save_plan(
            tx, participant_id=pid, plan_id=None, header=HEADER, goals=_goals()
        )
    with store.write() as tx:
        second = record_queries.new_plan_version(tx, plan_id=first, plan_date="2026-06-01")
    with store.read() as conn:
        plans = record_queries.list_plans(conn, pid)
        tree = record_queries.current_plan(conn, pid)
        history = record_queries.plan_history(conn, pid)
    assert [(p["version"], p["status"], p["goal_count"]) for p in plans] == [
        (2, "draft", 2),
        (1, "reviewed", 2),
    ]
    assert tree is not None and tree["id"] == second
    assert tree["priorities"] == HEADER["priorities"]
    assert len(tree["goals"][0]["steps"]) == 2
    assert [(e["version"], e["event"], e["new"]) for e in history] == [
        (2, "created", "draft"),
        (1, "status", "reviewed"),
        (1, "created", "active"),
    ]
    assert history[1]["old"] == "active" and history[0]["by"] == "tester"


def test_contacts_newest_first_and_counted_since_a_date(store: Store) -> None:
    pid, other = _person(store), _person(store, "Ana")
    with store.write() as tx:
        for when in ("2026-01-05T10:00", "2026-03-01T09:30", "2026-02-10T16:45"):
            casework.log_encounter(
                tx,
                participant_id=pid,
                data={"occurred_at": when, "contact_type": "in_person", "services": ["food"]},
            )
        casework.log_encounter(
            tx, participant_id=other, data={"occurred_at": "2026-03-01", "contact_type": "phone"}
        )
    with store.read() as conn:
        contacts = record_queries.list_contacts(conn, pid)
        assert [c["occurred_at"][:10] for c in contacts] == [
            "2026-03-01",
            "2026-02-10",
            "2026-01-05",
        ]
        assert contacts[0]["logged_by_name"] == "tester"
        assert len(record_queries.list_contacts(conn, pid, limit=1)) == 1
        assert record_queries.count_contacts_since(conn, pid, "2026-02-01") == 2
        assert record_queries.count_contacts_since(conn, other, "2026-02-01") == 1


def test_consents_and_documents_of_one_participant(store: Store) -> None:
    pid, other = _person(store), _person(store, "José")
    with store.write() as tx:
        casework.create_consent(
            tx,
            participant_id=pid,
            data={
                "consent_type": "release",
                "recipients": [{"name": "Public Defender", "hipaa_covered": False}],
            },
        )
        casework.create_consent(tx, participant_id=other, data={"consent_type": "tpo"})
        casework.record_document(
            tx,
            participant_id=pid,
            kind="service_plan",
            template_version="1",
            language="es",
            pdf=b"%PDF-1.4 test",
        )
    with store.read() as conn:
        consents = record_queries.list_consents(conn, pid)
        assert [c["recipients"][0]["name"] for c in consents] == ["Public Defender"]
        documents = record_queries.list_documents(conn, pid)
        assert [(d["kind"], d["language"], len(d["sha256"])) for d in documents] == [
            ("service_plan", "es", 64)
        ]
        assert record_queries.list_documents(conn, other) == []


def test_typed_dates_become_iso_only_with_a_full_year() -> None:
    assert record_queries.normalize_date(" 3/5/2026 ") == "2026-03-05"
    assert record_queries.normalize_date("March 5, 2026") == "2026-03-05"
    assert record_queries.normalize_date("3/5/26") == "3/5/26"  # left for validation to refuse
    assert record_queries.normalize_date("2026-02-30") == "2026-02-30"
    assert record_queries.normalize_date("  ") is None
