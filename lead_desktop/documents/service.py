"""Documents from the store: read what a kind needs, apply the consent gate, build, verify."""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from lead_desktop.documents.consent_pdf import build_consent_pdf, build_revocation_pdf
from lead_desktop.documents.disclosure_pdf import build_cover_pdf, build_disclosures_pdf
from lead_desktop.documents.model import COVER_KIND, KINDS, BuiltDocument
from lead_desktop.documents.plan_pdf import build_plan_pdf
from lead_desktop.documents.templates import CONSENT_KINDS, TYPE_OF_KIND, load_template
from lead_desktop.domain import consent as rules
from lead_desktop.errors import LeadError, NotFoundError, ValidationError, issue
from lead_desktop.store import consents as store_consents
from lead_desktop.store.casework import plan_tree, record_document
from lead_desktop.store.records import get_row
from lead_desktop.store.schema import (
    Attachment,
    Consent,
    Document,
    Participant,
    ServicePlan,
    Worker,
)
from lead_desktop.store.tx import Tx

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReprintCheck:
    """Whether rebuilding a printed document gives the same bytes as were printed."""

    matches: bool
    stored_sha256: str
    rebuilt_sha256: str | None
    reason: str


def _program(conn: Connection, program: Mapping[str, Any] | None) -> dict[str, Any]:
    """Program details (settings unless given), with the logo resolved to bytes if any."""
    out = dict(program if program is not None else store_consents.program_settings(conn))
    logo = out.get("logo")
    if isinstance(logo, str) and logo:
        try:
            out["logo"] = base64.b64decode(logo, validate=True)
        except (binascii.Error, ValueError):
            logger.warning("the program logo setting is not base64; printing without it")
            out["logo"] = None
    elif not isinstance(logo, bytes) and out.get("logo_attachment_id"):
        out["logo"] = conn.execute(
            select(Attachment.data).where(Attachment.id == out["logo_attachment_id"])
        ).scalar()
    return out


def _participant(conn: Connection, participant_id: str) -> dict[str, Any]:
    participant = get_row(conn, Participant, participant_id)
    if participant["deleted"]:
        raise NotFoundError(f"participant {participant_id} was deleted")
    return participant


def _consent_for(
    conn: Connection, participant_id: str, consent_id: str | None, consent_type: str | None
) -> dict[str, Any]:
    if consent_id:
        consent = store_consents.get_consent(conn, consent_id)
        if consent["participant_id"] != participant_id:
            raise ValidationError(
                [issue("consent", "belongs to another participant", "check the consent id")]
            )
        if consent_type is not None and consent["consent_type"] != consent_type:
            kind = CONSENT_KINDS.get(consent["consent_type"], consent["consent_type"])
            raise ValidationError(
                [
                    issue(
                        "consent",
                        "is a {kind} consent",
                        "print it as {document}",
                        kind=str(consent["consent_type"]),
                        document=kind,
                    )
                ]
            )
        return consent
    statuses = ("signed", "revoked") if consent_type is None else None
    found = store_consents.latest_consent(conn, participant_id, consent_type, statuses=statuses)
    if found is None:
        what = f"{consent_type} consent" if consent_type else "signed consent"
        raise NotFoundError(f"this participant has no {what}; create one first")
    return found


def build(
    kind: str,
    *,
    conn: Connection,
    participant_id: str,
    language: str,
    draft: bool = False,
    large_print: bool = False,
    consent_id: str | None = None,
    program: Mapping[str, Any] | None = None,
    demo: bool = False,
    today: date | None = None,
) -> BuiltDocument:
    """Build one document of ``kind`` (see KINDS) for a participant; see the package docs."""
    if kind not in KINDS:
        raise ValidationError(
            [
                issue(
                    "kind",
                    "{value} is not a document kind",
                    "use one of {options}",
                    value=repr(kind),
                    options=", ".join(KINDS),
                )
            ]
        )
    load_template("common", language)  # an unknown language fails here, clearly
    day = today or date.today()
    prog = _program(conn, program)
    demo = demo or store_consents.is_demo(conn)
    participant = _participant(conn, participant_id)
    options = {"draft": draft, "large_print": large_print, "demo": demo}
    if kind == "service-plan":
        return _build_plan(conn, participant, language=language, program=prog, **options)
    if kind == "disclosures":
        rows = store_consents.list_disclosures(conn, participant_id)
        return build_disclosures_pdf(participant, rows, language=language, program=prog, **options)
    if kind == "revocation":
        consent = _consent_for(conn, participant_id, consent_id, None)
        if not draft and consent["status"] != "revoked":
            problem = rules.revoke_problem(consent, day)
            if problem is not None:
                raise rules.as_validation_error([problem])
        return build_revocation_pdf(
            consent, participant, language=language, program=prog, **options
        )
    consent = _consent_for(conn, participant_id, consent_id, TYPE_OF_KIND[kind])
    doc = _build_consent(
        conn, consent, participant, language=language, program=prog, day=day, options=options
    )
    return replace(doc, consent_id=consent["id"])


def _build_consent(
    conn: Connection,
    consent: Mapping[str, Any],
    participant: Mapping[str, Any],
    *,
    language: str,
    program: Mapping[str, Any],
    day: date,
    options: Mapping[str, bool],
) -> BuiltDocument:
    signed = consent["status"] in ("signed", "revoked")
    version = None
    if signed and consent.get("template_version") and consent.get("language") == language:
        version = str(consent["template_version"])  # print the wording that was signed
    template = load_template(CONSENT_KINDS[consent["consent_type"]], language, version)
    if not options["draft"]:
        missing = rules.consent_gate(
            consent,
            participant,
            referral_date=store_consents.referral_date(conn, consent["participant_id"]),
            today=day,
            program=program,
            stage="sign" if signed else "print",
            template=template,
        )
        if missing:
            raise rules.as_validation_error(missing)
    strokes = []
    if consent.get("signature_kind") == "drawn":
        strokes = store_consents.signature_strokes(conn, consent.get("signature_attachment_id"))
    return build_consent_pdf(
        consent,
        participant,
        language=language,
        program=program,
        strokes=strokes,
        template_version=version,
        **options,
    )


def latest_plan_id(conn: Connection, participant_id: str) -> str | None:
    """The participant's latest service plan (highest version, then newest)."""
    found = conn.execute(
        select(ServicePlan.id)
        .where(ServicePlan.participant_id == participant_id, ~ServicePlan.deleted)
        .order_by(ServicePlan.version.desc(), ServicePlan.id.desc())
        .limit(1)
    ).scalar()
    return str(found) if found else None


def _worker_name(conn: Connection, worker_id: str | None) -> str | None:
    if not worker_id:
        return None
    row = conn.execute(
        select(Worker.display_name, Worker.name).where(Worker.id == worker_id)
    ).first()
    return (row.display_name or row.name) if row else None


def _build_plan(
    conn: Connection,
    participant: Mapping[str, Any],
    *,
    language: str,
    program: Mapping[str, Any],
    draft: bool,
    large_print: bool,
    demo: bool,
) -> BuiltDocument:
    plan_id = latest_plan_id(conn, participant["id"])
    if plan_id is None:
        raise NotFoundError("this participant has no service plan yet; write one first")
    plan = plan_tree(conn, plan_id)
    history = [
        dict(r)
        for r in conn.execute(
            select(
                ServicePlan.version,
                ServicePlan.plan_date,
                ServicePlan.status,
                ServicePlan.review_date,
            )
            .where(
                ServicePlan.participant_id == participant["id"],
                ~ServicePlan.deleted,
                ServicePlan.id != plan_id,
            )
            .order_by(ServicePlan.version, ServicePlan.id)
        ).mappings()
    ]
    consent_ids = {s["consent_id"] for g in plan["goals"] for s in g["steps"] if s["consent_id"]}
    consents = {
        str(r["id"]): dict(r)
        for r in conn.execute(select(Consent).where(Consent.id.in_(sorted(consent_ids)))).mappings()
    }
    shared = [
        d
        for d in store_consents.list_disclosures(conn, participant["id"])
        if d["consent_type"] in ("criminal_justice", "legal_proceedings")
    ]
    manager = _worker_name(conn, plan.get("case_manager_id") or participant.get("case_manager_id"))
    return build_plan_pdf(
        plan,
        participant,
        language=language,
        program=program,
        case_manager=manager,
        consents=consents,
        history=history,
        shared=shared,
        draft=draft,
        large_print=large_print,
        demo=demo,
    )


def cover_sheet(
    *,
    conn: Connection,
    disclosure_id: str,
    language: str = "en",
    large_print: bool = False,
    program: Mapping[str, Any] | None = None,
    demo: bool = False,
) -> BuiltDocument:
    """The cover sheet (42 CFR §2.32 notice and consent summary) to send with a disclosure."""
    disclosure = store_consents.get_disclosure(conn, disclosure_id)
    consent = store_consents.get_consent(conn, disclosure["consent_id"])
    participant = _participant(conn, disclosure["participant_id"])
    doc = build_cover_pdf(
        {**disclosure, "consent_type": consent["consent_type"]},
        consent,
        participant,
        language=language,
        program=_program(conn, program),
        large_print=large_print,
        demo=demo or store_consents.is_demo(conn),
    )
    return replace(doc, consent_id=consent["id"])


def record_printed(
    tx: Tx, document: BuiltDocument, *, participant_id: str, consent_id: str | None = None
) -> str:
    """Store that a document was printed (kind, form version, language, sha256 and the consent
    it prints, by default ``document.consent_id``); audited. Drafts are never recorded."""
    if document.draft:
        raise LeadError("a draft is not recorded as printed")
    return record_document(
        tx,
        participant_id=participant_id,
        kind=document.kind,
        template_version=document.template_version,
        language=document.language,
        pdf=document.pdf,
        consent_id=consent_id or document.consent_id,
    )


def verify_reprint(
    conn: Connection, document_row_id: str, *, today: date | None = None
) -> ReprintCheck:
    """Rebuild a printed document from the store and compare with the sha256 stored at print.

    A match proves the reprint is byte for byte what was printed. A mismatch means the record,
    the program details or the form's wording changed since (the reason says which it seems)."""
    row = get_row(conn, Document, document_row_id)
    stored = str(row["sha256"])
    rebuilt: BuiltDocument | None = None
    try:
        candidates: list[BuiltDocument] = []
        for large in (False, True):
            if row["kind"] == COVER_KIND:
                candidates += [
                    cover_sheet(
                        conn=conn,
                        disclosure_id=d["id"],
                        language=row["language"],
                        large_print=large,
                    )
                    for d in store_consents.list_disclosures(conn, row["participant_id"])
                    if d["consent_id"] == row["consent_id"]
                ]
            else:
                candidates.append(
                    build(
                        row["kind"],
                        conn=conn,
                        participant_id=row["participant_id"],
                        language=row["language"],
                        large_print=large,
                        consent_id=row["consent_id"],
                        today=today,
                    )
                )
    except LeadError as exc:
        return ReprintCheck(False, stored, None, f"it cannot be rebuilt now: {exc}")
    for candidate in candidates:
        rebuilt = candidate
        if candidate.sha256 == stored:
            return ReprintCheck(True, stored, candidate.sha256, "identical to what was printed")
    if rebuilt is not None and rebuilt.template_version != row["template_version"]:
        reason = (
            f"the form changed since it was printed (version {row['template_version']} then, "
            f"{rebuilt.template_version} now)"
        )
    else:
        reason = "the record or the program details changed since it was printed"
    return ReprintCheck(False, stored, rebuilt.sha256 if rebuilt else None, reason)
