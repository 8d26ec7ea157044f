"""Consents in the real encrypted store: signing through the gate, revocation, disclosures."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from lead_desktop.errors import ValidationError
from lead_desktop.store import casework, consents
from lead_desktop.store.records import get_row
from lead_desktop.store.schema import AuditEvent, ChangeJournal, Consent, Disclosure
from lead_desktop.store.store import Store
from tests.documents.world import STROKES, TODAY, add_consent, add_person, complete_consent

NAME = "Zoë O'Brien-Ćosić"


def new_draft(store: Store, ctype: str = "release") -> tuple[str, str]:
    with store.write() as tx:
        pid = add_person(tx, NAME)
        cid = add_consent(tx, pid, ctype, NAME, sign=False)
    return pid, cid


def refused_fields(store: Store, cid: str, **kw: object) -> set[str]:
    args = {
        "signature_kind": "drawn",
        "signed_at": "2026-03-02",
        "strokes": STROKES,
        "copy_method": "handed over",
        "today": TODAY,
        **kw,
    }
    with pytest.raises(ValidationError) as caught, store.write() as tx:
        consents.sign_consent(tx, cid, **args)  # type: ignore[arg-type]
    return {i.field for i in caught.value.issues}


def test_signing_refuses_an_incomplete_consent_and_writes_nothing(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, NAME)
        cid = casework.create_consent(tx, participant_id=pid, data={"consent_type": "release"})
        consents.update_consent(tx, cid, data={"signer_name": NAME, "purpose": "Any purpose"})
    fields = refused_fields(new_store, cid)
    assert {"recipients", "information", "purpose", "expiry_date"} <= fields
    with new_store.read() as conn:
        row = get_row(conn, Consent, cid)
        assert row["status"] == "draft" and row["signature_attachment_id"] is None
        missing = consents.check_consent(conn, cid, today=TODAY)
    assert {m.field for m in missing} >= {"recipients", "purpose", "signature"}


def test_specific_omissions_are_named(new_store: Store) -> None:
    _, cid = new_draft(new_store)
    assert refused_fields(new_store, cid, strokes=[]) == {"signature"}
    assert refused_fields(new_store, cid, copy_method="") == {"copy_method"}
    assert refused_fields(new_store, cid, signed_at="2026-03-11") == {"signed_at"}
    # before the referral; and the one-year cap, counted from that date, now falls earlier
    assert refused_fields(new_store, cid, signed_at="2026-01-01") == {"signed_at", "expiry_date"}
    assert refused_fields(new_store, cid, signature_kind="paper") == {"witness_name"}
    with new_store.write() as tx:
        consents.update_consent(tx, cid, data={"expiry_date": "2027-06-01"})
    assert refused_fields(new_store, cid) == {"expiry_date"}


def test_drawn_signature_is_stored_as_vector_strokes(new_store: Store) -> None:
    _, cid = new_draft(new_store)
    with new_store.write() as tx:
        consents.sign_consent(
            tx,
            cid,
            signature_kind="drawn",
            signed_at=date(2026, 3, 2),
            strokes=STROKES,
            copy_method="handed over",
            today=TODAY,
        )
    with new_store.read() as conn:
        row = get_row(conn, Consent, cid)
        assert row["status"] == "signed" and row["template_version"] == "2026.1"
        assert consents.signature_strokes(conn, row["signature_attachment_id"]) == STROKES
        events = conn.execute(
            select(AuditEvent.detail).where(AuditEvent.entity_id == cid)
        ).scalars()
        assert {"event": "signed", "kind": "drawn"} in list(events)
        journal = conn.execute(
            select(ChangeJournal.fields).where(ChangeJournal.table_name == "attachment")
        ).scalar_one()
    assert journal["data"][1]["size"] > 0 and "blob_sha256" in journal["data"][1]
    # a signed consent is final
    with pytest.raises(ValidationError) as caught, new_store.write() as tx:
        consents.update_consent(tx, cid, data={"purpose": "Something else"})
    assert caught.value.issues[0].field == "status"
    assert refused_fields(new_store, cid) == {"status"}


def test_paper_signature_with_witness_and_scan(new_store: Store) -> None:
    pid, cid = new_draft(new_store, "tpo")
    with new_store.write() as tx:
        scan = casework.put_attachment(
            tx, data=b"%PDF-1.4 scanned form", mime="application/pdf", participant_id=pid
        )
        consents.sign_consent(
            tx,
            cid,
            signature_kind="paper",
            signed_at="2026-03-02",
            witness_name="Sam Case",
            scan_attachment_id=scan,
            copy_method="mailed",
            today=TODAY,
        )
    with new_store.read() as conn:
        row = get_row(conn, Consent, cid)
    assert row["witness_name"] == "Sam Case" and row["scan_attachment_id"] == scan
    _, other = new_draft(new_store)
    assert refused_fields(new_store, other, scan_attachment_id="nope") == {"scan"}


def test_draft_edits_are_checked(new_store: Store) -> None:
    _, cid = new_draft(new_store)
    with pytest.raises(ValidationError) as caught, new_store.write() as tx:
        consents.update_consent(
            tx, cid, data={"expiry_date": "soon", "status": "signed", "recipients": "everyone"}
        )
    assert {i.field for i in caught.value.issues} == {"expiry_date", "status", "recipients"}


def test_criminal_justice_consent_cannot_be_revoked_before_disposition(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, NAME)
        cid = add_consent(tx, pid, "criminal_justice", NAME)
    with pytest.raises(ValidationError) as caught, new_store.write() as tx:
        consents.revoke_consent(tx, cid, revoked_at="2026-03-09", method="in writing", today=TODAY)
    issue = caught.value.issues[0]
    assert issue.field == "final_disposition_date" and "final disposition" in issue.problem
    with new_store.write() as tx:
        consents.set_disposition(tx, cid, disposition_date="2026-03-08")
        consents.revoke_consent(tx, cid, revoked_at="2026-03-09", method="in writing", today=TODAY)
    with new_store.read() as conn:
        row = get_row(conn, Consent, cid)
    assert (row["status"], row["revoked_at"], row["revocation_method"]) == (
        "revoked",
        "2026-03-09",
        "in writing",
    )


def test_revocation_needs_a_sensible_date_and_a_method(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, NAME)
        cid = add_consent(tx, pid, "release", NAME)
    with pytest.raises(ValidationError) as caught, new_store.write() as tx:
        consents.revoke_consent(tx, cid, revoked_at="2026-03-11", method=" ", today=TODAY)
    assert {i.field for i in caught.value.issues} == {"revoked_at", "revocation_method"}
    with pytest.raises(ValidationError), new_store.write() as tx:
        consents.revoke_consent(tx, cid, revoked_at="2026-03-01", method="letter", today=TODAY)
    with new_store.write() as tx:
        consents.revoke_consent(tx, cid, revoked_at=TODAY, method="letter", today=TODAY)
    with pytest.raises(ValidationError) as again, new_store.write() as tx:
        consents.revoke_consent(tx, cid, revoked_at=TODAY, method="letter", today=TODAY)
    assert "already revoked" in again.value.issues[0].problem


def test_every_disclosure_rechecks_the_consent(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, NAME)
        cid = add_consent(tx, pid, "release", NAME)
        draft = add_consent(tx, pid, "release", NAME, sign=False)

    def disclose(consent_id: str, recipient: str, today: date = TODAY) -> str:
        with new_store.write() as tx:
            return consents.record_disclosure(
                tx,
                consent_id=consent_id,
                recipient=recipient,
                purpose="Housing referral",
                what="Housing application",
                today=today,
            )

    first = disclose(cid, "health care for the homeless")  # names match without case
    for consent_id, recipient, today, field in (
        (draft, "Health Care for the Homeless", TODAY, "status"),
        (cid, "Somebody Else", TODAY, "recipient"),
        (cid, "Health Care for the Homeless", date(2027, 3, 2), "expiry_date"),
    ):
        with pytest.raises(ValidationError) as caught:
            disclose(consent_id, recipient, today)
        assert {i.field for i in caught.value.issues} == {field}
    with new_store.write() as tx:
        consents.flag_consent(tx, cid, reason="signature disputed")
    with pytest.raises(ValidationError) as flagged:
        disclose(cid, "Health Care for the Homeless")
    assert flagged.value.issues[0].field == "flagged_false"
    with new_store.read() as conn:
        listed = consents.list_disclosures(conn, pid)
        assert [d["id"] for d in listed] == [first]
        assert listed[0]["consent_type"] == "release" and listed[0]["notice"] == "full"
        assert get_row(conn, Disclosure, first)["participant_id"] == pid


def test_program_settings_layers(new_store: Store) -> None:
    with new_store.read() as conn:
        assert consents.program_settings(conn)["name"] == "LEAD Program"
    new_store.settings_set("program_settings", {"program": {"name": "Baltimore LEAD"}})
    with new_store.read() as conn:
        assert consents.program_settings(conn)["name"] == "Baltimore LEAD"
    new_store.settings_set("program", {"phone": "410-555-0100", "consent_max_months": 6})
    with new_store.read() as conn:
        program = consents.program_settings(conn)
    assert (program["name"], program["phone"], program["consent_max_months"]) == (
        "Baltimore LEAD",
        "410-555-0100",
        6,
    )
    draft = complete_consent("release", NAME)
    assert draft["expiry_date"] == "2027-03-01"
    _, cid = new_draft(new_store)
    assert refused_fields(new_store, cid) == {"expiry_date"}  # the site's 6-month cap
    assert json.dumps(program)  # settings stay JSON


def test_only_a_draft_consent_can_be_discarded(new_store: Store) -> None:
    pid, draft = new_draft(new_store)
    with new_store.write() as tx:
        signed = add_consent(tx, pid, "release", NAME)
        consents.discard_draft_consent(tx, draft)
    with pytest.raises(ValidationError) as caught, new_store.write() as tx:
        consents.discard_draft_consent(tx, signed)
    assert "cannot be deleted" in caught.value.issues[0].problem
    with new_store.read() as conn:
        assert get_row(conn, Consent, draft)["deleted"]
        assert not get_row(conn, Consent, signed)["deleted"]
        assert consents.latest_consent(conn, pid, "release")["id"] == signed  # type: ignore[index]
