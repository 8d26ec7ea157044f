"""Consent rules (DOMAIN section 4): the gate before print or signature, revocation, disclosure.

Pure functions over plain mappings, as read from the store; no I/O. The GUI, the CLI, the store
and the document builders all call :func:`consent_gate`, so one list of rules decides whether a
consent may be printed as final or marked signed.

Shapes of a consent's structured fields (everything else is a column of the ``consent`` table):

``information``
    ``{"categories": [...], "description": str, "entire_record": bool,
    "entire_record_reason": str}``; categories come from :data:`INFO_CATEGORIES`.
``recipients``
    ``[{"name": str, "kind": "named" | "class", "hipaa_covered": bool, "address": str}, ...]``;
    ``kind`` defaults to ``"named"``; a class of recipients is allowed on a TPO consent only.

Program (site) settings read here, with the defaults of :data:`DEFAULT_PROGRAM`:
``consent_max_months`` (Maryland: 12), ``cj_days_after_disposition`` (Maryland: 30).

Every message is a constant of :data:`MESSAGES` (problem, fix), so it can be translated later.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date, timedelta
from typing import Any

from lead_desktop.domain.casework import CONSENT_TYPES
from lead_desktop.domain.text import fold
from lead_desktop.errors import Issue, ValidationError, issue

__all__ = [
    "CONSENT_TYPES",
    "DEFAULT_PROGRAM",
    "INFO_CATEGORIES",
    "LANGUAGES",
    "MESSAGES",
    "REQUIRED_STATEMENTS",
    "Missing",
    "as_validation_error",
    "can_revoke",
    "revoke_problem",
    "check_strokes",
    "consent_gate",
    "disclosure_check",
    "expiry_limit",
]

#: Program details printed on documents and the site's consent rules (a setting may replace each).
DEFAULT_PROGRAM: dict[str, Any] = {
    "name": "LEAD Program",
    "address": "",
    "phone": "",
    "consent_max_months": 12,  # Maryland Health-General §4-303: at most one year
    "cj_days_after_disposition": 30,  # Maryland practice for §2.35 consents
    "disclosure_notice": "full",  # which 42 CFR §2.32 statement goes with disclosures
}

LANGUAGES = ("en", "es")
SIGNER_ROLES = ("participant", "representative")
SIGNATURE_KINDS = ("drawn", "paper")
#: Categories of information a consent may name; the last two each need a consent of their own.
INFO_CATEGORIES = (
    "attendance",
    "assessment",
    "diagnosis",
    "treatment",
    "drug_tests",
    "medication",
    "service_plan",
    "progress",
    "housing",
    "benefits",
    "mental_health",
    "medical",
    "legal_status",
    "counseling_notes",
    "legal_proceedings",
)
#: A consent of these types may hold only its own category (DOMAIN section 4, item 13).
STANDALONE = {"counseling_notes": "counseling_notes", "legal_proceedings": "legal_proceedings"}
#: Statements each type's printed form must carry (keys of a template's ``statements``).
_BASE_STATEMENTS = ("not_conditioned", "redisclosure", "hipaa_redisclosure")
REQUIRED_STATEMENTS: dict[str, tuple[str, ...]] = {
    "release": ("revocation", *_BASE_STATEMENTS),
    "tpo": ("revocation", *_BASE_STATEMENTS),
    "criminal_justice": ("irrevocable", *_BASE_STATEMENTS),
    "counseling_notes": ("revocation", *_BASE_STATEMENTS, "standalone"),
    "legal_proceedings": ("revocation", *_BASE_STATEMENTS, "standalone"),
}
#: Purposes that are not a purpose (compared folded, so accents and case do not matter).
_ANY_PURPOSE = (
    "any purpose",
    "any purposes",
    "all purposes",
    "any and all purposes",
    "whatever purpose",
    "any reason",
    "cualquier proposito",
    "cualquier fin",
    "todo proposito",
    "todos los propositos",
    "cualquier motivo",
)

#: (problem, fix) for every rule; placeholders are filled with ``str.format``.
MESSAGES: dict[str, tuple[str, str]] = {
    "consent_type": ("{value!r} is not a type of consent", "choose one of {options}"),
    "language": ("there is no form in {value!r}", "choose English (en) or Spanish (es)"),
    "participant_name": (
        "the participant's full name is missing",
        "enter the first and last name on the participant's record",
    ),
    "participant_dob": (
        "the participant's date of birth is missing",
        "enter the date of birth on the participant's record; it identifies them on the form",
    ),
    "discloser": (
        "nobody is named as the one who discloses",
        "name the program or provider that shares the information",
    ),
    "information": (
        "the information to share is not described",
        "tick the categories of information and describe them specifically",
    ),
    "entire_record_reason": (
        "'entire record' is chosen without a reason",
        "say why the whole record is needed, or choose specific categories instead",
    ),
    "category_unknown": ("{value!r} is not a category of information", "choose from the list"),
    "combined": (
        "{label} are combined with other information",
        "put {label} on a consent of their own ({kind}) and remove them here",
    ),
    "standalone_only": (
        "a {kind} consent lists other information besides {label}",
        "keep only {label} here and use another consent for the rest",
    ),
    "standalone_missing": (
        "a {kind} consent does not include {label}",
        "tick {label}, or choose the consent type that fits",
    ),
    "proceeding": (
        "the proceeding is not named",
        "describe the court or body, the case and the records it needs",
    ),
    "recipients": (
        "no recipient is named",
        "add the person or organisation that will receive the information",
    ),
    "recipient_name": ("recipient {n} has no name", "enter the recipient's name"),
    "recipient_class": (
        "recipient {n} is a class of recipients; only a TPO consent may name a class",
        "name the person or organisation instead",
    ),
    "recipient_hipaa": (
        "it is not recorded whether recipient {n} is covered by HIPAA",
        "say whether it is a HIPAA covered entity or business associate; "
        "this decides the redisclosure statement",
    ),
    "purpose": (
        "the purpose is missing",
        "say why the information is shared, e.g. 'to coordinate housing services'",
    ),
    "purpose_any": (
        "'any purpose' is not a purpose",
        "state the specific purpose, or write 'at the request of the patient'",
    ),
    "expiry": ("there is no expiry date", "set an expiry date on or before {limit}"),
    "expiry_bad": ("{value!r} is not a date", "use e.g. 2027-03-05"),
    "expiry_cap": (
        "the expiry date {value} is more than {months} months after signing",
        "set it on or before {limit}",
    ),
    "expiry_early": ("the expiry date {value} is before {start}", "set a later expiry date"),
    "cj_event": (
        "the event that ends this consent is not stated",
        "write e.g. '{days} days after the final disposition of case number ...'",
    ),
    "cj_reason": (
        "the reasoning for how long this consent lasts is not recorded",
        "record the expected length of treatment, the kind of proceeding and when its final "
        "disposition is expected (42 CFR §2.35(b))",
    ),
    "cj_cap": (
        "the expiry date {value} is more than {days} days after the final disposition ({start})",
        "set it on or before {limit}",
    ),
    "signer_name": ("the signer is not named", "enter the name of the person who signs"),
    "signer_role": ("{value!r} is not a signer role", "choose participant or representative"),
    "signer_authority": (
        "a representative signs but their authority is not recorded",
        "record their authority, e.g. 'legal guardian, order no. ...'",
    ),
    "signature_kind": (
        "there is no signature",
        "capture the signature on screen, or record that it was signed on paper",
    ),
    "signature_strokes": ("the on-screen signature is empty", "ask the signer to sign in the box"),
    "witness": ("a paper signature has no witness", "enter the witness's name"),
    "signed_at": ("the signature date is missing", "enter the date it was signed"),
    "signed_bad": ("{value!r} is not a date", "use e.g. 2026-03-05"),
    "signed_future": ("the signature date {value} is in the future", "enter the actual date"),
    "signed_before_referral": (
        "the signature date {value} is before the referral ({start})",
        "check the date it was signed",
    ),
    "copy_given": (
        "no copy given to the participant is recorded",
        "give them a copy and record how (handed over, mailed, ...)",
    ),
    "statement": (
        "the form has no {key} statement",
        "use a form version that has it (ask the program's counsel)",
    ),
    # -- disclosure checks and revocation ------------------------------------------------------
    "not_signed": ("this consent is not signed", "have it signed before disclosing anything"),
    "revoked": ("this consent was revoked on {value}", "do not disclose; ask for a new consent"),
    "expired": ("this consent expired on {value}", "do not disclose; ask for a new consent"),
    "flagged_false": (
        "this consent is flagged as false or invalid",
        "do not disclose; resolve the flag or ask for a new consent",
    ),
    "deleted": ("this consent was deleted", "do not disclose"),
    "revoke_unsigned": (
        "only a signed consent can be revoked",
        "a draft that was never signed can simply be left unsigned",
    ),
    "revoke_again": ("this consent was already revoked on {value}", "nothing more to do"),
    "revoke_cj": (
        "a criminal-justice consent cannot be revoked before the final disposition of the case "
        "(42 CFR §2.35)",
        "record the final disposition date; revocation is possible from that day",
    ),
    "revoke_date": ("the revocation date {value} is {why}", "enter the date it was revoked"),
    "revoke_method": (
        "how the revocation was made is not recorded",
        "record it, e.g. 'in writing, handed to the case manager'",
    ),
}

_LABELS = {"counseling_notes": "counseling notes", "legal_proceedings": "records for proceedings"}


@dataclass(frozen=True)
class Missing:
    """One item a consent lacks: the field, what is missing and how to fix it."""

    field: str
    code: str
    problem: str
    fix: str
    #: The English (problem, fix) templates and their values, for translation.
    templates: tuple[str, str] | None = _field(default=None, compare=False)
    args: dict[str, str] = _field(default_factory=dict, compare=False)

    @property
    def message(self) -> str:
        """The problem and its fix as one plain-English sentence."""
        return f"{self.problem}; {self.fix}"

    def as_issue(self) -> Issue:
        """The same item as a store ``Issue``."""
        return Issue(self.field, self.problem, self.fix, templates=self.templates, args=self.args)


def plain_template(text: str) -> str:
    """A :data:`MESSAGES` template with ``{name!r}`` written ``{name}`` (values come as text)."""
    return text.replace("!r}", "}")


def _missing(field: str, code: str, **values: Any) -> Missing:
    problem, fix = MESSAGES[code]
    args = {
        name: repr(value) if f"{{{name}!r}}" in problem + fix else str(value)
        for name, value in values.items()
    }
    made = issue(field, plain_template(problem), plain_template(fix), **args)
    return Missing(field, code, made.problem, made.fix, made.templates, made.args)


def as_validation_error(items: Sequence[Missing]) -> ValidationError:
    """Turn gate items into the store's ValidationError (one Issue each)."""
    return ValidationError([m.as_issue() for m in items])


# -- small helpers ---------------------------------------------------------------------------


def to_date(value: Any) -> date | None:
    """Read an ISO date or date-time (text or date); None when absent or not a date."""
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (29 Feb + 12 months = 28 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, min(start.day, day))
        except ValueError:
            continue
    raise ValueError("unreachable")  # pragma: no cover


def _setting(program: Mapping[str, Any], key: str) -> int:
    value = program.get(key, DEFAULT_PROGRAM[key])
    return int(value if isinstance(value, int) else DEFAULT_PROGRAM[key])


def expiry_limit(program: Mapping[str, Any], start: date) -> date:
    """The latest expiry date allowed for a consent signed on ``start`` (non-CJ types)."""
    return add_months(start, _setting(program, "consent_max_months"))


def recipients_of(consent: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The consent's recipients as dicts (a bare string is a named recipient)."""
    out = []
    for item in consent.get("recipients") or []:
        if isinstance(item, str):
            out.append({"name": item, "kind": "named", "hipaa_covered": None})
        elif isinstance(item, Mapping):
            out.append({"kind": "named", "hipaa_covered": None, **item})
    return out


def information_of(consent: Mapping[str, Any]) -> dict[str, Any]:
    """The consent's information block with every key present."""
    info = consent.get("information") or {}
    return {
        "categories": list(info.get("categories") or []),
        "description": str(info.get("description") or "").strip(),
        "entire_record": bool(info.get("entire_record")),
        "entire_record_reason": str(info.get("entire_record_reason") or "").strip(),
    }


def discloser_of(consent: Mapping[str, Any], program: Mapping[str, Any]) -> str:
    """Who discloses: the consent's own entry, else the program's name."""
    return str(consent.get("discloser") or program.get("name") or "").strip()


def _text(value: Any) -> str:
    return str(value or "").strip()


# -- the gate --------------------------------------------------------------------------------


def consent_gate(
    consent: Mapping[str, Any],
    participant: Mapping[str, Any],
    *,
    referral_date: date | None,
    today: date,
    program: Mapping[str, Any],
    stage: str = "sign",
    template: Mapping[str, Any] | None = None,
) -> list[Missing]:
    """List every required element the consent lacks; an empty list means it may go ahead.

    ``stage="sign"`` (the default) checks everything, as before marking a consent signed or
    printing a signed one. ``stage="print"`` is for a form printed to be signed on paper: the
    signature, its date and the copy given are then written by hand, so they are not required.
    When ``template`` (the printed form's data) is given, its statements are checked too.
    """
    ctype = consent.get("consent_type")
    out: list[Missing] = []
    if ctype not in CONSENT_TYPES:
        return [
            _missing("consent_type", "consent_type", value=ctype, options=", ".join(CONSENT_TYPES))
        ]
    if consent.get("language", "en") not in LANGUAGES:
        out.append(_missing("language", "language", value=consent.get("language")))
    out += _identity(participant)
    if not discloser_of(consent, program):
        out.append(_missing("discloser", "discloser"))
    out += _information(consent, ctype)
    out += _recipients(consent, ctype)
    out += _purpose(consent)
    signed = to_date(consent.get("signed_at"))
    out += _expiry(consent, ctype, program, start=signed or today)
    out += _signer(consent)
    if stage == "sign":
        out += _signature(consent, referral_date=referral_date, today=today)
    if template is not None:
        have = template.get("statements") or {}
        for key in REQUIRED_STATEMENTS[ctype]:
            if not _text(have.get(key)):
                out.append(_missing(f"template.{key}", "statement", key=key.replace("_", " ")))
    return out


def _identity(participant: Mapping[str, Any]) -> list[Missing]:
    out = []
    if not (_text(participant.get("first_name")) and _text(participant.get("last_name"))):
        out.append(_missing("participant.name", "participant_name"))
    if not to_date(participant.get("dob")):
        out.append(_missing("participant.dob", "participant_dob"))
    return out


def _information(consent: Mapping[str, Any], ctype: str) -> list[Missing]:
    info = information_of(consent)
    cats = info["categories"]
    out = []
    for cat in cats:
        if cat not in INFO_CATEGORIES:
            out.append(_missing("information.categories", "category_unknown", value=cat))
    if not (cats or info["description"] or info["entire_record"]):
        out.append(_missing("information", "information"))
    if info["entire_record"] and not info["entire_record_reason"]:
        out.append(_missing("information.entire_record_reason", "entire_record_reason"))
    own = STANDALONE.get(ctype)
    if own is not None:
        label, kind = _LABELS[own], own.replace("_", "-")
        if [c for c in cats if c != own] or info["entire_record"]:
            out.append(
                _missing("information.categories", "standalone_only", kind=kind, label=label)
            )
        if own not in cats:
            out.append(
                _missing("information.categories", "standalone_missing", kind=kind, label=label)
            )
        if ctype == "legal_proceedings" and not info["description"]:
            out.append(_missing("information.description", "proceeding"))
    else:
        for cat, kind in STANDALONE.items():
            if cat in cats:
                label = _LABELS[cat]
                out.append(
                    _missing(
                        "information.categories", "combined", label=label, kind=kind + " consent"
                    )
                )
    return out


def _recipients(consent: Mapping[str, Any], ctype: str) -> list[Missing]:
    recipients = recipients_of(consent)
    if not recipients:
        return [_missing("recipients", "recipients")]
    out = []
    for n, rec in enumerate(recipients, 1):
        if not _text(rec.get("name")):
            out.append(_missing(f"recipients.{n}.name", "recipient_name", n=n))
        if rec.get("kind") == "class" and ctype != "tpo":
            out.append(_missing(f"recipients.{n}.kind", "recipient_class", n=n))
        if not isinstance(rec.get("hipaa_covered"), bool):
            out.append(_missing(f"recipients.{n}.hipaa_covered", "recipient_hipaa", n=n))
    return out


def _purpose(consent: Mapping[str, Any]) -> list[Missing]:
    purpose = _text(consent.get("purpose"))
    if not purpose:
        return [_missing("purpose", "purpose")]
    folded = fold(purpose)
    if any(folded == p or folded.startswith(p + " ") for p in _ANY_PURPOSE):
        return [_missing("purpose", "purpose_any")]
    return []


def _expiry(
    consent: Mapping[str, Any], ctype: str, program: Mapping[str, Any], *, start: date
) -> list[Missing]:
    raw = consent.get("expiry_date")
    expiry = to_date(raw)
    out = []
    if raw and expiry is None:
        out.append(_missing("expiry_date", "expiry_bad", value=raw))
    elif expiry is not None and expiry < start:
        out.append(_missing("expiry_date", "expiry_early", value=expiry, start=start))
    if ctype == "criminal_justice":
        days = _setting(program, "cj_days_after_disposition")
        if not _text(consent.get("expiry_event")):
            out.append(_missing("expiry_event", "cj_event", days=days))
        if not _text(consent.get("expiry_reason")):
            out.append(_missing("expiry_reason", "cj_reason"))
        disposition = to_date(consent.get("final_disposition_date"))
        if expiry is not None and disposition is not None:
            limit = disposition + timedelta(days=days)
            if expiry > limit:
                out.append(
                    _missing(
                        "expiry_date",
                        "cj_cap",
                        value=expiry,
                        days=days,
                        start=disposition,
                        limit=limit,
                    )
                )
        return out
    limit = expiry_limit(program, start)
    if not raw:
        out.append(_missing("expiry_date", "expiry", limit=limit))
    elif expiry is not None and expiry > limit:
        months = _setting(program, "consent_max_months")
        out.append(_missing("expiry_date", "expiry_cap", value=expiry, months=months, limit=limit))
    return out


def _signer(consent: Mapping[str, Any]) -> list[Missing]:
    out = []
    if not _text(consent.get("signer_name")):
        out.append(_missing("signer_name", "signer_name"))
    role = consent.get("signer_role") or "participant"
    if role not in SIGNER_ROLES:
        out.append(_missing("signer_role", "signer_role", value=role))
    elif role == "representative" and not _text(consent.get("signer_authority")):
        out.append(_missing("signer_authority", "signer_authority"))
    return out


def _signature(
    consent: Mapping[str, Any], *, referral_date: date | None, today: date
) -> list[Missing]:
    out = []
    kind = consent.get("signature_kind")
    if kind not in SIGNATURE_KINDS:
        out.append(_missing("signature", "signature_kind"))
    elif kind == "drawn" and not consent.get("signature_attachment_id"):
        out.append(_missing("signature", "signature_strokes"))
    elif kind == "paper" and not _text(consent.get("witness_name")):
        out.append(_missing("witness_name", "witness"))
    raw = consent.get("signed_at")
    signed = to_date(raw)
    if not raw:
        out.append(_missing("signed_at", "signed_at"))
    elif signed is None:
        out.append(_missing("signed_at", "signed_bad", value=raw))
    elif signed > today:
        out.append(_missing("signed_at", "signed_future", value=signed))
    elif referral_date is not None and signed < referral_date:
        out.append(
            _missing("signed_at", "signed_before_referral", value=signed, start=referral_date)
        )
    if not (consent.get("copy_given") and _text(consent.get("copy_method"))):
        out.append(_missing("copy_method", "copy_given"))
    return out


# -- revocation and disclosure ---------------------------------------------------------------


def revoke_problem(consent: Mapping[str, Any], today: date) -> Missing | None:
    """Why the consent may not be revoked today, or None when it may."""
    if consent.get("status") == "revoked" or consent.get("revoked_at"):
        return _missing("status", "revoke_again", value=consent.get("revoked_at"))
    if consent.get("status") != "signed":
        return _missing("status", "revoke_unsigned")
    if consent.get("consent_type") == "criminal_justice":
        disposition = to_date(consent.get("final_disposition_date"))
        if disposition is None or today < disposition:
            return _missing("final_disposition_date", "revoke_cj")
    return None


def can_revoke(consent: Mapping[str, Any], today: date) -> tuple[bool, str]:
    """Whether the consent may be revoked today, and if not, why (plain English)."""
    problem = revoke_problem(consent, today)
    return (problem is None, problem.message if problem is not None else "")


def expires_on(consent: Mapping[str, Any], program: Mapping[str, Any] | None = None) -> date | None:
    """The day after which the consent no longer allows disclosure, when it is known."""
    expiry = to_date(consent.get("expiry_date"))
    if consent.get("consent_type") == "criminal_justice":
        disposition = to_date(consent.get("final_disposition_date"))
        if disposition is not None:
            days = _setting(program or DEFAULT_PROGRAM, "cj_days_after_disposition")
            limit = disposition + timedelta(days=days)
            expiry = min(expiry, limit) if expiry else limit
    return expiry


def disclosure_check(
    consent: Mapping[str, Any], today: date, *, program: Mapping[str, Any] | None = None
) -> list[Missing]:
    """Problems that forbid a disclosure under this consent today (checked at every disclosure)."""
    out = []
    if consent.get("deleted"):
        out.append(_missing("consent", "deleted"))
    if consent.get("status") == "revoked" or consent.get("revoked_at"):
        out.append(_missing("status", "revoked", value=consent.get("revoked_at") or "?"))
    elif consent.get("status") != "signed":
        out.append(_missing("status", "not_signed"))
    if consent.get("flagged_false"):
        out.append(_missing("flagged_false", "flagged_false"))
    expiry = expires_on(consent, program)
    if expiry is not None and expiry < today:
        out.append(_missing("expiry_date", "expired", value=expiry))
    return out


def check_strokes(strokes: Any) -> list[list[list[float]]]:
    """Check on-screen signature strokes: a list of strokes, each a list of [x, y] points with
    0 <= x, y <= 1 (origin top left of the signature box). Return them as floats rounded to
    1/10000 (so equal signatures give equal bytes) or raise ValidationError."""
    problem = None
    out: list[list[list[float]]] = []
    if not isinstance(strokes, list | tuple) or not strokes:
        problem = "there are no strokes"
    else:
        for stroke in strokes:
            if not isinstance(stroke, list | tuple) or not stroke:
                problem = "a stroke has no points"
                break
            points = []
            for point in stroke:
                ok = isinstance(point, list | tuple) and len(point) == 2
                ok = ok and all(isinstance(v, int | float) and 0 <= v <= 1 for v in point)
                if not ok:
                    problem = "a point is not [x, y] between 0 and 1"
                    break
                points.append([round(float(point[0]), 4), round(float(point[1]), 4)])
            if problem:
                break
            out.append(points)
        if not problem and sum(len(s) for s in out) < 2:
            problem = "the signature is a single dot"
    if problem:
        raise ValidationError([issue("signature", problem, "ask the signer to sign in the box")])
    return out
