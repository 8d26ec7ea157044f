"""Consents in the store: edit drafts, sign through the gate, revoke, flag, and log disclosures.

Every write takes a :class:`~lead_desktop.store.tx.Tx` from ``store.write()``; refusals raise
:class:`~lead_desktop.errors.ValidationError` with one ``Issue(field, problem, fix)`` per item
and write nothing. Signed consents and revocations are never deleted; disclosures are only
appended. A consent is created with :func:`lead_desktop.store.casework.create_consent`.

The GUI calls, in order: ``update_consent`` while the form is a draft (or
``discard_draft_consent``), ``check_consent`` to show what is still missing, ``sign_consent``,
then later ``record_disclosure``, ``set_disposition`` (criminal-justice consents),
``revoke_consent`` or ``flag_consent``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from lead_desktop.domain import consent as rules
from lead_desktop.domain.consent import Missing
from lead_desktop.errors import Issue, LeadError, NotFoundError, ValidationError, issue
from lead_desktop.store.casework import put_attachment
from lead_desktop.store.records import create_row, get_row, tombstone_row, update_row
from lead_desktop.store.schema import (
    Attachment,
    Consent,
    Disclosure,
    Participant,
    Referral,
    Setting,
)
from lead_desktop.store.tx import Tx

logger = logging.getLogger(__name__)

#: MIME type of stored on-screen signatures (JSON vector strokes, see ``check_strokes``).
STROKES_MIME = "application/vnd.lead.signature+json"
#: Fields a draft consent may change through ``update_consent``.
EDITABLE = (
    "language",
    "discloser",
    "recipients",
    "information",
    "purpose",
    "expiry_date",
    "expiry_event",
    "expiry_reason",
    "final_disposition_date",
    "signer_name",
    "signer_role",
    "signer_authority",
)
_DATES = ("expiry_date", "final_disposition_date")


def _today(today: date | None) -> date:
    return today or date.today()


def _refuse(field: str, problem: str, fix: str, **args: str) -> ValidationError:
    return ValidationError([issue(field, problem, fix, **args)])


# -- reading ---------------------------------------------------------------------------------


def program_settings(conn: Connection) -> dict[str, Any]:
    """Program details and consent rules: defaults, then the administrator's program settings
    (``program_settings.program``), then the ``program`` setting."""
    rows: dict[str, Any] = dict(
        conn.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_(("program", "program_settings"))
            )
        ).all()
    )
    out = dict(rules.DEFAULT_PROGRAM)
    nested = (rows.get("program_settings") or {}).get("program")
    for layer in (nested, rows.get("program")):
        if isinstance(layer, Mapping):
            out.update({k: v for k, v in layer.items() if v is not None})
    return out


def is_demo(conn: Connection) -> bool:
    """Whether this store holds demo data (setting ``demo``)."""
    return bool(conn.execute(select(Setting.value).where(Setting.key == "demo")).scalar())


def referral_date(conn: Connection, participant_id: str) -> date | None:
    """The date of the participant's first referral (a consent cannot be signed before it)."""
    first = conn.execute(
        select(func.min(Referral.referred_at)).where(
            Referral.participant_id == participant_id, ~Referral.deleted
        )
    ).scalar()
    return rules.to_date(first)


def get_consent(conn: Connection, consent_id: str) -> dict[str, Any]:
    """One consent as a dict (NotFoundError if there is none)."""
    return get_row(conn, Consent, consent_id)


def latest_consent(
    conn: Connection,
    participant_id: str,
    consent_type: str | None = None,
    *,
    statuses: Sequence[str] | None = None,
) -> dict[str, Any] | None:
    """The participant's most recently created consent (of a type, in given statuses)."""
    query = select(Consent).where(Consent.participant_id == participant_id, ~Consent.deleted)
    if consent_type is not None:
        query = query.where(Consent.consent_type == consent_type)
    if statuses is not None:
        query = query.where(Consent.status.in_(list(statuses)))
    row = conn.execute(query.order_by(Consent.id.desc()).limit(1)).mappings().first()
    return dict(row) if row is not None else None


def signature_strokes(conn: Connection, attachment_id: str | None) -> list[list[list[float]]]:
    """The stored on-screen signature strokes of a consent (empty when none)."""
    if not attachment_id:
        return []
    data = conn.execute(select(Attachment.data).where(Attachment.id == attachment_id)).scalar()
    if data is None:
        return []
    strokes: list[list[list[float]]] = json.loads(data)["strokes"]
    return strokes


def check_consent(
    conn: Connection,
    consent_id: str,
    *,
    today: date | None = None,
    stage: str = "sign",
    changes: Mapping[str, Any] | None = None,
) -> list[Missing]:
    """Run the gate on a stored consent (with unsaved ``changes`` laid over it): what is missing.

    For a live checklist in the consent form; ``stage="print"`` for a form about to be printed
    for a signature on paper."""
    consent = {**get_consent(conn, consent_id), **(changes or {})}
    participant = get_row(conn, Participant, consent["participant_id"])
    return rules.consent_gate(
        consent,
        participant,
        referral_date=referral_date(conn, consent["participant_id"]),
        today=_today(today),
        program=program_settings(conn),
        stage=stage,
        template=_template_or_none(consent),
    )


def _template_or_none(consent: Mapping[str, Any]) -> Mapping[str, Any] | None:
    # The form's wording lives with the documents; imported here to keep the packages acyclic.
    from lead_desktop.documents.templates import consent_template

    try:
        return consent_template(consent["consent_type"], consent.get("language") or "en")
    except LeadError:
        return None  # unknown type or language: the gate names it


# -- drafts ----------------------------------------------------------------------------------


def _normalise(data: Mapping[str, Any]) -> dict[str, Any]:
    issues = [
        issue(k, "cannot be changed here", "sign, revoke or flag the consent instead")
        for k in sorted(set(data) - set(EDITABLE))
    ]
    out: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in EDITABLE:
            continue
        value: Any = raw
        if key in _DATES and raw not in (None, ""):
            parsed = rules.to_date(raw)
            if parsed is None:
                issues.append(
                    issue(key, "{value} is not a date", "use e.g. 2027-03-05", value=repr(raw))
                )
                continue
            value = parsed.isoformat()
        elif key == "recipients":
            if not isinstance(raw, list | tuple) or not all(
                isinstance(r, str | Mapping) for r in raw
            ):
                issues.append(issue(key, "must be a list of recipients", "add them one by one"))
                continue
            value = [dict(r) if isinstance(r, Mapping) else {"name": r} for r in raw]
        elif key == "information":
            if not isinstance(raw, Mapping):
                issues.append(issue(key, "must describe categories and text", "fill the form"))
                continue
            value = dict(raw)
        elif isinstance(raw, str):
            value = raw.strip() or None
        out[key] = value
    if issues:
        raise ValidationError(issues)
    return out


def update_consent(tx: Tx, consent_id: str, *, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Change a draft consent's fields; a signed or revoked consent cannot be edited."""
    consent = get_consent(tx.conn, consent_id)
    if consent["status"] != "draft":
        raise _refuse(
            "status",
            "this consent is {status} and cannot be edited",
            "create a new consent instead",
            status=str(consent["status"]),
        )
    return update_row(tx, Consent, consent_id, _normalise(data))


def discard_draft_consent(tx: Tx, consent_id: str) -> None:
    """Tombstone a consent that was never signed. Signed and revoked consents are kept (at
    least six years, DOMAIN section 4) and cannot be deleted."""
    consent = get_consent(tx.conn, consent_id)
    if consent["status"] != "draft":
        raise _refuse(
            "status",
            "a {status} consent is kept and cannot be deleted",
            "revoke it, or flag it as false, instead",
            status=str(consent["status"]),
        )
    tombstone_row(tx, Consent, consent_id)
    tx.audit("consent_event", "consent", consent_id, {"event": "draft_discarded"})


# -- signing ---------------------------------------------------------------------------------


def sign_consent(
    tx: Tx,
    consent_id: str,
    *,
    signature_kind: str,
    signed_at: date | str,
    strokes: Sequence[Any] | None = None,
    witness_name: str | None = None,
    scan_attachment_id: str | None = None,
    copy_method: str | None = None,
    today: date | None = None,
) -> None:
    """Mark a draft consent signed, only if the gate finds nothing missing.

    ``signature_kind`` is ``"drawn"`` (on-screen capture: ``strokes`` is a list of strokes,
    each a list of ``[x, y]`` points in the 0..1 box, origin top left) or ``"paper"`` (signed on
    a printed form: ``witness_name`` required, ``scan_attachment_id`` optional, from
    ``put_attachment``). ``copy_method`` records how the participant got their copy.
    """
    consent = get_consent(tx.conn, consent_id)
    if consent["deleted"] or consent["status"] != "draft":
        raise _refuse(
            "status",
            "this consent is {status}",
            "only a draft consent can be signed; create a new consent",
            status="deleted" if consent["deleted"] else str(consent["status"]),
        )
    issues: list[Issue] = []
    checked: list[list[list[float]]] = []
    if signature_kind == "drawn":
        try:
            checked = rules.check_strokes(strokes)
        except ValidationError as exc:
            issues += exc.issues
    if scan_attachment_id is not None:
        try:
            get_row(tx, Attachment, scan_attachment_id)
        except NotFoundError:
            issues.append(issue("scan", "the scanned form was not found", "attach the scan again"))
    signed = rules.to_date(signed_at)
    candidate = {
        **consent,
        "signature_kind": signature_kind,
        "signature_attachment_id": "pending" if checked else None,
        "witness_name": (witness_name or "").strip() or None,
        "signed_at": signed.isoformat() if signed else (str(signed_at) if signed_at else None),
        "scan_attachment_id": scan_attachment_id,
        "copy_given": bool((copy_method or "").strip()),
        "copy_method": (copy_method or "").strip() or None,
    }
    participant = get_row(tx, Participant, consent["participant_id"])
    template = _template_or_none(consent)
    missing = rules.consent_gate(
        candidate,
        participant,
        referral_date=referral_date(tx.conn, consent["participant_id"]),
        today=_today(today),
        program=program_settings(tx.conn),
        stage="sign",
        template=template,
    )
    issues += [m.as_issue() for m in missing if not (checked and m.code == "signature_strokes")]
    if issues:
        raise ValidationError(issues)
    if checked:
        blob = json.dumps({"version": 1, "box": "unit", "strokes": checked}, separators=(",", ":"))
        candidate["signature_attachment_id"] = put_attachment(
            tx, data=blob.encode(), mime=STROKES_MIME, participant_id=consent["participant_id"]
        )
    assert template is not None  # the gate refused unknown types and languages
    fields = (
        "signature_kind",
        "signature_attachment_id",
        "witness_name",
        "signed_at",
        "scan_attachment_id",
        "copy_given",
        "copy_method",
    )
    update_row(
        tx,
        Consent,
        consent_id,
        {
            **{k: candidate[k] for k in fields},
            "status": "signed",
            "template_version": str(template["version"]),
        },
    )
    tx.audit("consent_event", "consent", consent_id, {"event": "signed", "kind": signature_kind})


# -- after signing ---------------------------------------------------------------------------


def set_disposition(tx: Tx, consent_id: str, *, disposition_date: date | str) -> None:
    """Record the final disposition of a criminal-justice consent's case (it starts the
    30 days after which the consent ends, and makes revocation possible)."""
    consent = get_consent(tx.conn, consent_id)
    if consent["consent_type"] != "criminal_justice":
        raise _refuse(
            "final_disposition_date",
            "only a criminal-justice consent has a final disposition",
            "record it on the criminal-justice consent",
        )
    when = rules.to_date(disposition_date)
    if when is None:
        raise _refuse(
            "final_disposition_date",
            "{value} is not a date",
            "use e.g. 2027-03-05",
            value=repr(disposition_date),
        )
    update_row(tx, Consent, consent_id, {"final_disposition_date": when.isoformat()})
    tx.audit("consent_event", "consent", consent_id, {"event": "final_disposition"})


def revoke_consent(
    tx: Tx,
    consent_id: str,
    *,
    revoked_at: date | str,
    method: str,
    today: date | None = None,
) -> None:
    """Record a revocation (date and how it was made); refused for a criminal-justice consent
    before the final disposition, and for consents that are not signed."""
    consent = get_consent(tx.conn, consent_id)
    day = _today(today)
    problem = rules.revoke_problem(consent, day)
    if problem is not None:
        raise ValidationError([problem.as_issue()])
    when = rules.to_date(revoked_at)
    signed = rules.to_date(consent["signed_at"])
    issues = []
    if when is None or when > day or (signed is not None and when < signed):
        fix = rules.MESSAGES["revoke_date"][1]
        shown = str(revoked_at)
        if when is None:
            bad = issue("revoked_at", "the revocation date {value} is not a date", fix, value=shown)
        elif when > day:
            bad = issue(
                "revoked_at", "the revocation date {value} is in the future", fix, value=shown
            )
        else:
            bad = issue(
                "revoked_at",
                "the revocation date {value} is before the consent was signed",
                fix,
                value=shown,
            )
        issues.append(bad)
    if not (method or "").strip():
        issues.append(issue("revocation_method", *rules.MESSAGES["revoke_method"]))
    if issues:
        raise ValidationError(issues)
    assert when is not None
    update_row(
        tx,
        Consent,
        consent_id,
        {"status": "revoked", "revoked_at": when.isoformat(), "revocation_method": method.strip()},
    )
    tx.audit("consent_event", "consent", consent_id, {"event": "revoked"})


def flag_consent(tx: Tx, consent_id: str, *, reason: str) -> None:
    """Flag a consent as false or invalid: no disclosure is made under it any more."""
    if not reason.strip():
        raise _refuse("flag_reason", "is empty", "say why the consent is flagged")
    update_row(tx, Consent, consent_id, {"flagged_false": True, "flag_reason": reason.strip()})
    tx.audit("consent_event", "consent", consent_id, {"event": "flagged_false"})


# -- disclosures -----------------------------------------------------------------------------


def _recipient_allowed(consent: Mapping[str, Any], recipient: str) -> bool:
    listed = rules.recipients_of(consent)
    if any(r.get("kind") == "class" for r in listed):
        return True  # a TPO consent naming a class of recipients
    wanted = recipient.casefold().strip()
    return any(str(r.get("name") or "").casefold().strip() == wanted for r in listed)


def record_disclosure(
    tx: Tx,
    *,
    consent_id: str,
    recipient: str,
    purpose: str,
    what: str,
    disclosed_at: str | None = None,
    method: str | None = None,
    today: date | None = None,
) -> str:
    """Log one disclosure, after checking again that the consent allows it today.

    Refused when the consent is not signed, revoked, expired or flagged false, or when the
    recipient is not named on it. The disclosure must go out with the cover sheet
    (``lead_desktop.documents.cover_sheet``), which carries the 42 CFR §2.32 notice.
    """
    consent = get_consent(tx.conn, consent_id)
    program = program_settings(tx.conn)
    issues = [m.as_issue() for m in rules.disclosure_check(consent, _today(today), program=program)]
    if not recipient.strip():
        issues.append(issue("recipient", "is empty", "name who receives the information"))
    elif not _recipient_allowed(consent, recipient):
        issues.append(
            issue(
                "recipient",
                "is not a recipient named on this consent",
                "disclose only to the recipients it names, or get a consent that names them",
            )
        )
    for field, value in (("purpose", purpose), ("what", what)):
        if not value.strip():
            issues.append(
                issue(field, "is empty", "describe the {name} of the disclosure", name=field)
            )
    if issues:
        raise ValidationError(issues)
    notice = "short" if program.get("disclosure_notice") == "short" else "full"
    disclosure_id = create_row(
        tx,
        Disclosure,
        {
            "participant_id": consent["participant_id"],
            "consent_id": consent_id,
            "disclosed_at": disclosed_at or tx.now,
            "recipient": recipient.strip(),
            "purpose": purpose.strip(),
            "information": what.strip(),
            "method": (method or "").strip() or None,
            "notice": notice,
        },
    )
    tx.audit("consent_event", "consent", consent_id, {"event": "disclosed", "id": disclosure_id})
    return disclosure_id


def list_disclosures(conn: Connection, participant_id: str) -> list[dict[str, Any]]:
    """The participant's accounting of disclosures, oldest first, with each consent's type and
    signature date."""
    rows = conn.execute(
        select(
            Disclosure,
            Consent.consent_type.label("consent_type"),
            Consent.signed_at.label("consent_signed_at"),
        )
        .join(Consent, Consent.id == Disclosure.consent_id)
        .where(Disclosure.participant_id == participant_id, ~Disclosure.deleted)
        .order_by(Disclosure.disclosed_at, Disclosure.id)
    ).mappings()
    return [dict(r) for r in rows]


def get_disclosure(conn: Connection, disclosure_id: str) -> dict[str, Any]:
    """One disclosure as a dict (NotFoundError if there is none)."""
    return get_row(conn, Disclosure, disclosure_id)
