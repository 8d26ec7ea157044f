"""The consent gate (DOMAIN section 4) as pure rules: each omission names its field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from lead_desktop.documents.templates import consent_template
from lead_desktop.domain.consent import (
    DEFAULT_PROGRAM,
    add_months,
    can_revoke,
    check_strokes,
    consent_gate,
    disclosure_check,
)
from lead_desktop.errors import ValidationError
from tests.documents.world import complete_consent

TODAY = date(2026, 3, 10)
PERSON = {"first_name": "José", "last_name": "Núñez", "dob": "1980-03-05"}


def signed(ctype: str, **changes: Any) -> dict[str, Any]:
    """A consent of ``ctype`` with every element present, then ``changes``."""
    consent = {
        "consent_type": ctype,
        "language": "en",
        "discloser": "Baltimore LEAD",
        **complete_consent(ctype, "José Núñez"),
        "signature_kind": "drawn",
        "signature_attachment_id": "sig-1",
        "signed_at": "2026-03-02",
        "copy_given": True,
        "copy_method": "handed over",
        "status": "signed",
    }
    consent.update(changes)
    return consent


def gate(consent: dict[str, Any], person: dict[str, Any] | None = None, **kw: Any) -> set[str]:
    found = consent_gate(
        consent,
        PERSON if person is None else person,
        referral_date=kw.pop("referral_date", date(2026, 1, 5)),
        today=kw.pop("today", TODAY),
        program=kw.pop("program", DEFAULT_PROGRAM),
        **kw,
    )
    for item in found:  # every item says what is missing and how to fix it
        assert item.problem and item.fix and item.message.startswith(item.problem)
    return {m.field for m in found}


@pytest.mark.parametrize(
    "ctype", ["release", "tpo", "criminal_justice", "counseling_notes", "legal_proceedings"]
)
def test_a_complete_consent_of_each_type_passes_with_its_form(ctype: str) -> None:
    for language in ("en", "es"):
        assert gate(signed(ctype), template=consent_template(ctype, language)) == set()


def test_each_omission_names_its_field() -> None:
    cases = {
        "purpose": {"purpose": ""},
        "recipients": {"recipients": []},
        "information": {"information": {}},
        "signer_name": {"signer_name": " "},
        "signed_at": {"signed_at": None},
        "copy_method": {"copy_given": False, "copy_method": None},
        "signature": {"signature_kind": None},
        "expiry_date": {"expiry_date": None},
        "recipients.1.hipaa_covered": {"recipients": [{"name": "Someone"}]},
        "recipients.1.name": {"recipients": [{"name": "", "hipaa_covered": False}]},
    }
    for field, change in cases.items():
        assert gate(signed("release", **change)) == {field}, field


def test_name_and_date_of_birth_identify_the_participant() -> None:
    assert gate(signed("release"), {"first_name": "José", "dob": "1980-03-05"}) == {
        "participant.name"
    }
    assert gate(signed("release"), {**PERSON, "dob": None}) == {"participant.dob"}


def test_discloser_defaults_to_the_program_but_someone_must_be_named() -> None:
    assert gate(signed("release", discloser=None)) == set()
    nameless = {**DEFAULT_PROGRAM, "name": ""}
    assert gate(signed("release", discloser=None), program=nameless) == {"discloser"}


def test_entire_record_needs_a_reason() -> None:
    info = {"categories": [], "entire_record": True}
    assert gate(signed("release", information=info)) == {"information.entire_record_reason"}
    info["entire_record_reason"] = "Transfer of care to a new program"
    assert gate(signed("release", information=info)) == set()


def test_a_class_of_recipients_only_on_a_tpo_consent() -> None:
    group = [{"name": "All my providers", "kind": "class", "hipaa_covered": True}]
    assert gate(signed("tpo", recipients=group)) == set()
    assert gate(signed("release", recipients=group)) == {"recipients.1.kind"}


@pytest.mark.parametrize(
    "purpose",
    ["Any purpose", "any and all purposes", "ANY PURPOSE whatsoever", "Cualquier propósito"],
)
def test_any_purpose_is_refused(purpose: str) -> None:
    found = consent_gate(
        signed("release", purpose=purpose),
        PERSON,
        referral_date=None,
        today=TODAY,
        program=DEFAULT_PROGRAM,
    )
    assert [m.code for m in found] == ["purpose_any"]


def test_at_the_request_of_the_patient_is_a_purpose() -> None:
    assert gate(signed("release", purpose="At the request of the patient")) == set()


def test_maryland_one_year_cap_from_the_signature() -> None:
    assert gate(signed("release", expiry_date="2027-03-02")) == set()  # exactly one year
    assert gate(signed("release", expiry_date="2027-03-03")) == {"expiry_date"}
    found = consent_gate(
        signed("release", expiry_date="2027-03-03"),
        PERSON,
        referral_date=None,
        today=TODAY,
        program=DEFAULT_PROGRAM,
    )
    assert "March" not in found[0].message and "2027-03-02" in found[0].fix
    # a site may set another cap
    assert (
        gate(signed("release", expiry_date="2027-09-01"), program={"consent_max_months": 18})
        == set()
    )
    # unsigned forms are measured from today
    draft = signed("release", signed_at=None, expiry_date="2027-03-11")
    assert gate(draft, stage="print") == {"expiry_date"}
    assert gate({**draft, "expiry_date": "2027-03-10"}, stage="print") == set()


def test_one_year_after_a_leap_day_is_the_28th() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert gate(
        signed("release", signed_at="2024-02-29", expiry_date="2025-03-01"),
        today=date(2024, 3, 1),
        referral_date=None,
    ) == {"expiry_date"}


def test_expiry_before_signing_is_refused() -> None:
    assert gate(signed("release", expiry_date="2026-03-01")) == {"expiry_date"}


def test_criminal_justice_needs_the_event_and_its_reasoning() -> None:
    assert gate(signed("criminal_justice", expiry_event="")) == {"expiry_event"}
    assert gate(signed("criminal_justice", expiry_reason=None)) == {"expiry_reason"}
    # no calendar cap before disposition; 30 days after it once known
    ok = signed("criminal_justice", final_disposition_date="2026-09-01", expiry_date="2026-10-01")
    assert gate(ok) == set()
    late = {**ok, "expiry_date": "2026-10-02"}
    assert gate(late) == {"expiry_date"}


def test_representative_needs_authority_and_paper_needs_a_witness() -> None:
    rep = signed("release", signer_role="representative", signer_name="Ana Ruiz")
    assert gate(rep) == {"signer_authority"}
    assert gate({**rep, "signer_authority": "legal guardian, order 2025-77"}) == set()
    paper = signed("release", signature_kind="paper", signature_attachment_id=None)
    assert gate(paper) == {"witness_name"}
    assert gate({**paper, "witness_name": "Sam Case"}) == set()
    assert gate(signed("release", signature_attachment_id=None)) == {"signature"}


def test_signature_date_not_in_the_future_nor_before_the_referral() -> None:
    assert gate(signed("release", signed_at="2026-03-11")) == {"signed_at"}
    assert gate(signed("release", signed_at="2026-01-04", expiry_date="2027-01-01")) == {
        "signed_at"
    }
    assert gate(signed("release", signed_at="2026-01-05", expiry_date="2027-01-01")) == set()


def test_counseling_notes_and_legal_proceedings_stand_alone() -> None:
    mixed = {"categories": ["counseling_notes", "attendance"], "description": "x"}
    assert gate(signed("counseling_notes", information=mixed)) == {"information.categories"}
    assert gate(signed("release", information=mixed)) == {"information.categories"}
    legal = {"categories": ["legal_proceedings"], "description": ""}
    assert gate(signed("legal_proceedings", information=legal)) == {"information.description"}
    both = {"categories": ["legal_proceedings", "counseling_notes"], "description": "case 1"}
    assert gate(signed("legal_proceedings", information=both)) == {"information.categories"}
    whole = {
        "categories": ["counseling_notes"],
        "entire_record": True,
        "entire_record_reason": "x",
    }
    assert gate(signed("counseling_notes", information=whole)) == {"information.categories"}


def test_print_stage_leaves_the_handwritten_parts_out() -> None:
    unsigned = signed(
        "release", signature_kind=None, signed_at=None, copy_given=False, copy_method=None
    )
    assert gate(unsigned, stage="print") == set()
    assert gate(unsigned) == {"signature", "signed_at", "copy_method"}


def test_a_form_without_a_required_statement_is_refused() -> None:
    form = consent_template("release", "en")
    lacking = {**form, "statements": {**form["statements"], "redisclosure": ""}}
    assert gate(signed("release"), template=lacking) == {"template.redisclosure"}


def test_unknown_type_or_language() -> None:
    assert gate(signed("release", consent_type="general")) == {"consent_type"}
    assert gate(signed("release", language="fr")) == {"language"}


def test_criminal_justice_cannot_be_revoked_before_final_disposition() -> None:
    cj = signed("criminal_justice")
    allowed, why = can_revoke(cj, TODAY)
    assert not allowed and "final disposition" in why and "§2.35" in why
    assert not can_revoke({**cj, "final_disposition_date": "2026-03-11"}, TODAY)[0]
    assert can_revoke({**cj, "final_disposition_date": "2026-03-10"}, TODAY) == (True, "")
    assert can_revoke(signed("release"), TODAY) == (True, "")
    assert not can_revoke(signed("release", status="draft"), TODAY)[0]
    assert not can_revoke(signed("release", status="revoked", revoked_at="2026-03-05"), TODAY)[0]


def test_disclosure_check_at_every_disclosure() -> None:
    assert disclosure_check(signed("release"), TODAY) == []
    codes = {m.code for m in disclosure_check(signed("release", status="draft"), TODAY)}
    assert codes == {"not_signed"}
    late = disclosure_check(signed("release"), date(2027, 3, 2))
    assert [m.code for m in late] == ["expired"]
    revoked = signed("release", status="revoked", revoked_at="2026-03-05")
    assert [m.code for m in disclosure_check(revoked, TODAY)] == ["revoked"]
    flagged = signed("release", flagged_false=True)
    assert [m.code for m in disclosure_check(flagged, TODAY)] == ["flagged_false"]
    cj = signed("criminal_justice", final_disposition_date="2026-03-01")
    assert disclosure_check(cj, date(2026, 3, 31)) == []
    assert [m.code for m in disclosure_check(cj, date(2026, 4, 1))] == ["expired"]


def test_signature_strokes_are_checked_and_normalised() -> None:
    assert check_strokes([[[0.1, 0.2], [0.123456, 1]]]) == [[[0.1, 0.2], [0.1235, 1.0]]]
    for bad in ([], [[]], [[[0.1, 1.2], [0.2, 0.3]]], [[[0.5, 0.5]]], "strokes", [[[1, 2, 3]]]):
        with pytest.raises(ValidationError) as caught:
            check_strokes(bad)
        assert caught.value.issues[0].field == "signature"
