"""The change journal and the audit chain, on a real encrypted store."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, text, update

from lead_desktop.errors import ValidationError
from lead_desktop.store import migrations
from lead_desktop.store.audit import verify_audit
from lead_desktop.store.casework import add_goal, add_step, create_plan, log_encounter
from lead_desktop.store.participants import add_alias, create_participant, update_participant
from lead_desktop.store.schema import AuditEvent, ChangeJournal, Participant
from lead_desktop.store.store import Store


def _journal(store: Store) -> list[tuple[str, str, str, dict]]:
    with store.read() as conn:
        return [
            (r.table_name, r.row_id, r.op, r.fields)
            for r in conn.execute(select(ChangeJournal).order_by(ChangeJournal.seq))
        ]


def test_journal_holds_exactly_one_entry_per_change(new_store: Store) -> None:
    before = len(_journal(new_store))
    with new_store.write() as tx:
        pid = create_participant(tx, data={"first_name": "Ana", "last_name": "Pérez"})
    with new_store.write() as tx:
        update_participant(tx, pid, data={"status": "in_the_wind"})
        update_participant(tx, pid, data={"status": "in_the_wind"})  # no change: no entry
    with new_store.write() as tx:
        add_alias(tx, pid, alias="Flaca", kind="street")
    entries = _journal(new_store)[before:]
    assert [(t, op) for t, _, op, _ in entries] == [
        ("participant", "insert"),
        ("participant", "update"),
        ("alias", "insert"),
    ]
    assert entries[1][3] == {"status": ["active", "in_the_wind"]}
    assert entries[0][3]["last_name"] == [None, "Pérez"]


def test_bad_input_writes_nothing_and_names_every_field(new_store: Store) -> None:
    before = _journal(new_store)
    with pytest.raises(ValidationError) as err:
        with new_store.write() as tx:
            create_participant(tx, data={"first_name": "Ana", "last_name": "Ruiz"})
            create_participant(
                tx, data={"first_name": "X", "dob": "31/31/1990", "name_dq": 7, "ssn": "12ab"}
            )
    fields = {i.field for i in err.value.issues}
    assert {"dob", "name_dq", "ssn"} <= fields
    assert all(i.fix for i in err.value.issues)
    with new_store.read() as conn:
        assert conn.execute(select(func.count()).select_from(Participant)).scalar() == 0
    assert _journal(new_store) == before


def test_plan_goals_steps_and_contacts_are_journaled(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = create_participant(tx, data={"first_name": "Lê", "last_name": "Văn"})
        plan = create_plan(tx, data={"participant_id": pid, "plan_date": "2026-11-01"})
        goal = add_goal(tx, plan_id=plan, data={"domain": "housing", "goal": "Shelter bed"})
        add_step(
            tx, goal_id=goal, data={"description": "Call shelter", "responsible": "case_manager"}
        )
        log_encounter(
            tx,
            participant_id=pid,
            data={"occurred_at": "2026-11-02T10:00", "contact_type": "in_person"},
        )
    tables = [t for t, _, op, _ in _journal(new_store) if op == "insert"]
    assert tables[-5:] == ["participant", "service_plan", "plan_goal", "plan_step", "encounter"]


def test_audit_chain_verifies_and_detects_an_edited_row(new_store: Store) -> None:
    with new_store.write() as tx:
        create_participant(tx, data={"first_name": "Ana", "last_name": "Ruiz"})
    with new_store.read() as conn:
        assert verify_audit(conn).ok
    with new_store.engine.begin() as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(action="view"))
    with new_store.read() as conn:
        report = verify_audit(conn)
    assert not report.ok
    assert any("row 2 was altered" in p for p in report.problems)


def test_audit_verifier_detects_a_deleted_row(new_store: Store) -> None:
    for _ in range(3):
        with new_store.write() as tx:
            create_participant(tx, data={"first_name": "Ana", "last_name": "Ruiz"})
    with new_store.engine.begin() as conn:
        conn.execute(delete(AuditEvent).where(AuditEvent.seq == 3))
    with new_store.read() as conn:
        report = verify_audit(conn)
    assert any("missing" in p for p in report.problems)


def test_audit_verifier_detects_a_deleted_tail(new_store: Store) -> None:
    with new_store.write() as tx:
        create_participant(tx, data={"first_name": "Ana", "last_name": "Ruiz"})
    with new_store.engine.begin() as conn:
        last = conn.execute(select(func.max(AuditEvent.seq))).scalar()
        conn.execute(delete(AuditEvent).where(AuditEvent.seq == last))
    with new_store.read() as conn:
        assert any("at the end were deleted" in p for p in verify_audit(conn).problems)


def test_audit_rows_hold_no_personal_data(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = create_participant(tx, data={"first_name": "Zoë", "last_name": "Ćosić"})
        update_participant(tx, pid, data={"last_name": "Ćosić-Ruiz"})
    with new_store.read() as conn:
        rows = conn.execute(select(AuditEvent.detail, AuditEvent.action)).all()
    dumped = repr(rows)
    assert "Ćosić" not in dumped and "Zoë" not in dumped
    assert any(r.detail == {"fields": ["last_name"]} for r in rows)


def test_schema_is_migrated_to_the_latest_version(new_store: Store) -> None:
    with new_store.read() as conn:
        assert conn.execute(text("PRAGMA user_version")).scalar() == migrations.latest()
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_orm_models_match_the_migrated_schema(new_store: Store) -> None:
    from lead_desktop.store.schema import Base

    with new_store.read() as conn:
        for table in Base.metadata.sorted_tables:
            cols = {r[1] for r in conn.execute(text(f"PRAGMA table_info({table.name})"))}
            assert cols == set(table.columns.keys()), table.name


def test_orm_indexes_match_the_migrated_schema(new_store: Store) -> None:
    from lead_desktop.store.schema import Base

    with new_store.read() as conn:
        for table in Base.metadata.sorted_tables:
            stored = {
                r[1]
                for r in conn.execute(text(f"PRAGMA index_list({table.name})"))
                if r[3] == "c"  # created by CREATE INDEX, not by a constraint
            }
            assert stored == {ix.name for ix in table.indexes}, table.name
