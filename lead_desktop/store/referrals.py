"""A referral taken in the street, written whole: person, referral, consent and first plan steps.

The referral wizard gathers everything, then calls :func:`finish_referral` (or
:func:`complete_referral` / :func:`decline_referral`) once, in one transaction: either all of it
is stored or none of it is. :func:`check_payload` finds every problem first, without touching
the store, so the wizard can run it as the worker moves on. Each issue's field is
``"<page>.<field>"`` (see :data:`PAGES`) so the wizard can show it beside the field it concerns.

Payload (plain JSON-ready dict)::

    referral                 fields of casework.validate_referral (no participant_id, decision,
                             decline_reason); exclusion_screen is [{"item", "answer"}] with
                             answer "yes" / "no" / "unknown" / None (not answered yet)
    person_choice            "existing" | "new" | None (not looked up yet)
    existing_participant_id  the participant picked as "the same person"
    decision                 "accepted" | "declined" | None
    decline_reason           a DECLINE_REASONS code, optionally followed by ": details"
    participant              intake fields of a new person (domain.participant)
    aliases                  [[alias, "alias" | "street"], ...]
    consent                  Consent columns (draft consent), or None to record none now
    plan                     {"priorities": str, "goals": [{"domain", "goal", "description",
                             "responsible", "partner_name", "target_date"}]}, or None
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from lead_desktop.domain import casework
from lead_desktop.domain.consent import LANGUAGES
from lead_desktop.domain.coverage import CoverageArea
from lead_desktop.domain.participant import validate_alias, validate_participant
from lead_desktop.domain.text import fold
from lead_desktop.errors import Issue, NotFoundError, ValidationError, issue
from lead_desktop.store import casework as repo
from lead_desktop.store.participants import create_participant
from lead_desktop.store.records import get_row
from lead_desktop.store.schema import Participant
from lead_desktop.store.tx import Tx

PAGES = ("type", "location", "screen", "person", "decision", "intake", "consent", "plan")
DECLINE_REASONS = ("outside_area", "excluded", "not_eligible", "person_declined", "other")
QUANTITY_BANDS = ("none_found", "under_1g", "1_to_3g", "over_3g", "unknown")
INFORMATION_CATEGORIES = (
    "participation",
    "substance_use",
    "mental_health",
    "physical_health",
    "housing",
    "benefits",
    "legal",
)
SIGNATURE_KINDS = ("paper", "on_screen")
SIGNER_ROLES = ("participant", "representative")
CONSENT_FIELDS = (
    "consent_type",
    "template_version",
    "language",
    "discloser",
    "recipients",
    "information",
    "purpose",
    "expiry_date",
    "expiry_event",
    "final_disposition_date",
    "signer_name",
    "signer_role",
    "signer_authority",
    "signature_kind",
    "witness_name",
    "signed_at",
    "copy_given",
    "copy_method",
)
MAX_GOALS = 2
#: Consents other than the criminal-justice one last at most this long in Maryland.
MAX_CONSENT_DAYS = 366
#: Clock slack allowed between a laptop and the officer's report.
FUTURE_SLACK = timedelta(minutes=10)
_TOO_BROAD = frozenset({"any", "any purpose", "all", "all purposes", "any reason", "cualquier"})
_REFERRAL_PAGE = {
    "referral_type": "type",
    "referred_at": "type",
    "handoff_at": "type",
    "officer_name": "type",
    "officer_id": "type",
    "district": "type",
    "incident_number": "type",
    "offense_category": "type",
    "quantity_band": "type",
    "location_text": "location",
    "lat": "location",
    "lon": "location",
    "in_area": "location",
    "records_check_done": "screen",
    "prosecutor_decision": "screen",
    "prosecutor_decision_at": "screen",
    "prosecutor_name": "screen",
    "decision": "decision",
    "decline_reason": "decision",
}


@dataclass(frozen=True)
class ReferralResult:
    """What a finished referral stored."""

    referral_id: str
    participant_id: str | None
    consent_id: str | None
    plan_id: str | None
    decision: str
    new_participant: bool = False


@dataclass
class _Checked:
    referral: dict[str, Any] = field(default_factory=dict)
    participant: dict[str, Any] = field(default_factory=dict)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    consent: dict[str, Any] | None = None
    priorities: str | None = None
    goals: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def _at(page: str, name: str, problem: str, fix: str, **args: str) -> Issue:
    return issue(f"{page}.{name}", problem, fix, **args)


def _moved(page: str, name: str, found: Issue) -> Issue:
    """An issue from a validator, placed on a page of the wizard (its text kept as it was)."""
    return replace(found, field=f"{page}.{name}")


def page_of(issue: Issue) -> tuple[str, str]:
    """Split an issue's field into (page, field); unknown pages come back as ("", field)."""
    page, _, name = issue.field.partition(".")
    return (page, name) if page in PAGES else ("", issue.field)


def decline_reason(code: str, detail: str = "") -> str:
    """The stored decline reason: the code, then ": details" when given."""
    detail = " ".join(detail.split())
    return f"{code}: {detail}" if detail else code


def split_decline_reason(text: str | None) -> tuple[str, str]:
    """(code, details) of a stored decline reason; unknown text comes back as ("other", text)."""
    if not text:
        return "", ""
    code, _, detail = text.partition(":")
    if code.strip() in DECLINE_REASONS:
        return code.strip(), detail.strip()
    return "other", text.strip()


def _when(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo is None else moment


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _check_screen(
    items: Sequence[Mapping[str, Any]], accept: bool | None, issues: list[Issue]
) -> list[dict[str, Any]]:
    answered = [dict(i) for i in items if i.get("answer") is not None]
    any_yes = any(i["answer"] == "yes" for i in answered)
    for n, item in enumerate(items, 1):
        answer = item.get("answer")
        if answer is None and (accept or (accept is None and not any_yes)):
            issues.append(
                _at("screen", f"item_{n}", "is not answered", "answer yes, no or unknown")
            )
        elif answer == "yes" and accept:
            issues.append(
                _at(
                    "screen",
                    f"item_{n}",
                    "is answered yes, so the person is not eligible",
                    "decline the referral (reason: excluded by the screen), or correct the answer",
                )
            )
        elif answer is not None and answer not in casework.SCREEN_ANSWERS:
            issues.append(
                _at(
                    "screen", f"item_{n}", "{value} is not an answer", "use yes", value=repr(answer)
                )
            )
    return answered


def _check_referral(
    payload: Mapping[str, Any],
    accept: bool | None,
    area: CoverageArea | None,
    now: datetime,
    issues: list[Issue],
) -> dict[str, Any]:
    data = dict(payload.get("referral") or {})
    for reserved in ("participant_id", "decision", "decline_reason"):
        data.pop(reserved, None)
    screen = _check_screen(data.pop("exclusion_screen", None) or [], accept, issues)
    if area is not None and data.get("lat") is not None and data.get("lon") is not None:
        try:
            data["in_area"] = area.contains(float(data["lat"]), float(data["lon"]))
        except (TypeError, ValueError):
            pass  # reported below by validate_referral
    data["exclusion_screen"] = screen
    if accept is not None:
        data["decision"] = "accepted" if accept else "declined"
        data["decline_reason"] = payload.get("decline_reason")
    try:
        values = casework.validate_referral(data)
    except ValidationError as exc:
        for i in exc.issues:
            page = _REFERRAL_PAGE.get(i.field, "type")
            problem, fix = i.templates or (i.problem, i.fix)
            if data.get(i.field) in (None, "") and "not allowed" in i.problem:
                problem = "is not chosen"  # rather than "None is not allowed"
            # codes read as words: "arrest diversion"
            args = {k: v.replace("_", " ") if k == "options" else v for k, v in i.args.items()}
            moved = replace(
                _moved(page, i.field, i),
                problem=problem.format(**args) if i.templates else problem,
                fix=fix.format(**args).replace("_", " ") if i.templates else fix.replace("_", " "),
                templates=(problem, fix) if i.templates else None,
                args=args,
            )
            issues.append(moved)
        values = {}
    referred = _when(data.get("referred_at"))
    if referred is not None and referred > now + FUTURE_SLACK:
        issues.append(_at("type", "referred_at", "is in the future", "check the date and time"))
    handoff = _when(data.get("handoff_at")) if data.get("handoff_at") else None
    if referred is not None and handoff is not None and handoff < referred:
        issues.append(
            _at("type", "handoff_at", "is before the referral time", "check the hand-off time")
        )
    if accept is not False and (data.get("lat") is None or data.get("lon") is None):
        issues.append(
            _at(
                "location",
                "pin",
                "no place is chosen",
                "click the map, pick a place from the list, or type latitude, longitude",
            )
        )
    elif accept and data.get("in_area") is not True:
        issues.append(
            _at(
                "location",
                "in_area",
                "the place is outside the LEAD area",
                "decline the referral (reason: outside the area), or correct the place",
            )
        )
    if accept and data.get("prosecutor_decision") == "ineligible":
        issues.append(
            _at(
                "screen",
                "prosecutor_decision",
                "says the person is ineligible",
                "decline the referral, or correct the prosecutor's decision",
            )
        )
    return values


def _check_person(payload: Mapping[str, Any], issues: list[Issue], out: _Checked) -> None:
    choice = payload.get("person_choice")
    if choice not in ("existing", "new"):
        issues.append(
            _at(
                "person",
                "choice",
                "nobody is chosen",
                "look the person up, then pick 'This is the same person' or 'New person'",
            )
        )
        return
    if choice == "existing":
        if not payload.get("existing_participant_id"):
            issues.append(_at("person", "choice", "no participant is picked", "pick one"))
        return
    for n, pair in enumerate(payload.get("aliases") or [], 1):
        try:
            out.aliases.append(validate_alias(pair[0], pair[1]))
        except ValidationError as exc:
            issues += [_moved("person", "alias", i) for i in exc.issues]
        except (IndexError, TypeError):
            issues.append(
                _at("person", "alias", "alias {n} is malformed", "type it again", n=str(n))
            )


def _check_intake(
    payload: Mapping[str, Any], today: date, issues: list[Issue], out: _Checked
) -> None:
    if payload.get("person_choice") != "new":
        return
    data = dict(payload.get("participant") or {})
    try:
        out.participant = validate_participant(data, today=today)
    except ValidationError as exc:
        issues += [_moved("intake", i.field, i) for i in exc.issues]
    if not (data.get("first_name") or data.get("last_name") or out.aliases):
        issues.append(
            _at(
                "intake",
                "first_name",
                "no name is given",
                "enter the name the person gives, or a street name (name quality 2)",
            )
        )


def _check_consent(
    consent: Mapping[str, Any], referred: date | None, today: date, issues: list[Issue]
) -> dict[str, Any]:
    def bad(name: str, problem: str, fix: str, **args: str) -> None:
        issues.append(_at("consent", name, problem, fix, **args))

    for name in sorted(set(consent) - set(CONSENT_FIELDS)):
        bad(name, "is not a consent field", "remove it")
    out: dict[str, Any] = {k: v for k, v in consent.items() if k in CONSENT_FIELDS}
    for name in CONSENT_FIELDS:
        if isinstance(out.get(name), str):
            out[name] = out[name].strip() or None
    kind = out.get("consent_type")
    if kind not in casework.CONSENT_TYPES:
        bad("consent_type", "is not chosen", "choose the kind of consent")
    if out.get("language", "en") not in LANGUAGES:
        bad(
            "language",
            "{value} is not offered",
            "choose English or Spanish",
            value=repr(out.get("language")),
        )
    recipients = [str(r).strip() for r in out.get("recipients") or [] if str(r).strip()]
    out["recipients"] = recipients
    purpose = out.get("purpose")
    if purpose and fold(purpose) in _TOO_BROAD:
        bad("purpose", "is too broad", "say what the disclosure is for, e.g. 'coordinate services'")
    dates: dict[str, date] = {}
    for name in ("expiry_date", "final_disposition_date", "signed_at"):
        if out.get(name):
            day = _day(out[name])
            if day is None:
                bad(name, "{value} is not a date", "use e.g. 2026-03-05", value=repr(out[name]))
            else:
                dates[name] = day
                out[name] = day.isoformat()
    signed = dates.get("signed_at")
    if signed and signed > today:
        bad("signed_at", "is in the future", "enter the day it was signed")
    if signed and referred and signed < referred:
        bad("signed_at", "is before the referral", "enter the day it was signed")
    if out.get("signature_kind") not in (None, *SIGNATURE_KINDS):
        bad(
            "signature_kind",
            "{value} is unknown",
            "choose signed on paper",
            value=repr(out["signature_kind"]),
        )
    if out.get("signature_kind") == "paper":
        if not out.get("witness_name"):
            bad("witness_name", "is empty", "enter who witnessed the signature on paper")
        if not out.get("signed_at"):
            bad("signed_at", "is empty", "enter the day it was signed on paper")
    if out.get("signer_role") not in (None, *SIGNER_ROLES):
        bad(
            "signer_role",
            "{value} is unknown",
            "participant or representative",
            value=repr(out["signer_role"]),
        )
    if out.get("signer_role") == "representative" and not out.get("signer_authority"):
        bad("signer_authority", "is empty", "record the representative's authority")
    expiry = dates.get("expiry_date")
    start = signed or today
    if expiry and expiry <= start:
        bad("expiry_date", "is not after the signing day", "choose a later expiry date")
    elif expiry and kind != "criminal_justice" and (expiry - start).days > MAX_CONSENT_DAYS:
        bad("expiry_date", "is more than one year after signing", "choose a date within a year")
    info = out.get("information") or {}
    if not isinstance(info, Mapping):
        bad("information", "must be categories and details", "tick the categories")
        info = {}
    unknown = [c for c in info.get("categories") or [] if c not in INFORMATION_CATEGORIES]
    if unknown:
        bad(
            "information",
            "unknown categories {unknown}",
            "tick the categories offered",
            unknown=str(unknown),
        )
    out["information"] = dict(info)
    out["copy_given"] = bool(out.get("copy_given"))
    return out


def _check_plan(plan: Mapping[str, Any], issues: list[Issue], out: _Checked) -> None:
    out.priorities = (str(plan.get("priorities") or "").strip()) or None
    goals = list(plan.get("goals") or [])
    if len(goals) > MAX_GOALS:
        issues.append(
            _at(
                "plan", "goals", "has {count} goals", "start with one or two", count=str(len(goals))
            )
        )
    for n, goal in enumerate(goals[:MAX_GOALS], 1):
        text, step = str(goal.get("goal") or "").strip(), str(goal.get("description") or "")
        if not text and not step.strip():
            continue  # an empty goal row is simply not used
        goal_data = {"domain": goal.get("domain"), "goal": text, "position": n - 1}
        step_data = {
            k: goal.get(k) for k in ("description", "responsible", "partner_name", "target_date")
        }
        step_data = {k: v for k, v in step_data.items() if v not in (None, "")}
        step_data["position"] = 0
        step_data.setdefault("description", "")
        checked: list[dict[str, Any]] = []
        for validate, data in (
            (casework.validate_goal, goal_data),
            (casework.validate_step, step_data),
        ):
            try:
                checked.append(validate(data))
            except ValidationError as exc:
                issues += [_moved("plan", f"goal_{n}.{i.field}", i) for i in exc.issues]
        if len(checked) == 2:
            out.goals.append((checked[0], checked[1]))


def _check(
    payload: Mapping[str, Any],
    *,
    area: CoverageArea | None,
    today: date | None,
    now: datetime | None,
) -> tuple[list[Issue], _Checked]:
    today = today or date.today()
    now = now or datetime.now(UTC)
    accept = {"accepted": True, "declined": False}.get(str(payload.get("decision")))
    issues: list[Issue] = []
    out = _Checked()
    out.referral = _check_referral(payload, accept, area, now, issues)
    if accept is None and payload.get("decision") not in (None, "", "undecided"):
        issues.append(_at("decision", "decision", "is not allowed", "accept or decline"))
    if accept is not False:
        _check_person(payload, issues, out)
    if accept:
        _check_intake(payload, today, issues, out)
        referred = _when(payload.get("referral", {}).get("referred_at"))
        if payload.get("consent") is not None:
            out.consent = _check_consent(
                payload["consent"], referred.date() if referred else None, today, issues
            )
        if payload.get("plan") is not None:
            _check_plan(payload["plan"], issues, out)
    return issues, out


def check_payload(
    payload: Mapping[str, Any],
    *,
    area: CoverageArea | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> list[Issue]:
    """Every problem with a referral payload, each naming its page and field (no store access).

    What is required follows the decision: while undecided, only what every referral needs;
    accepted, everything down to the plan; declined, the referral and the reason.
    """
    return _check(payload, area=area, today=today, now=now)[0]


def _existing(tx: Tx, payload: Mapping[str, Any], issues: list[Issue]) -> str | None:
    pid = (
        payload.get("existing_participant_id")
        if payload.get("person_choice") == "existing"
        else None
    )
    if not pid:
        return None
    try:
        row = get_row(tx, Participant, str(pid))
    except NotFoundError:
        row = {"deleted": True}
    if row["deleted"]:
        issues.append(
            _at(
                "person",
                "choice",
                "the chosen participant is no longer in the store",
                "choose again",
            )
        )
    return str(pid)


def _screen_verified(tx: Tx, referral: dict[str, Any]) -> dict[str, Any]:
    items = [
        {"verified_by": tx.actor.worker_id, "verified_at": tx.now, **item}
        for item in referral.get("exclusion_screen") or []
    ]
    return {**referral, "exclusion_screen": items}


def complete_referral(
    tx: Tx,
    payload: Mapping[str, Any],
    *,
    area: CoverageArea | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> ReferralResult:
    """Store an accepted referral: the person (new or existing), referral, consent and plan."""
    today = today or date.today()
    issues, checked = _check(payload, area=area, today=today, now=now)
    if payload.get("decision") != "accepted":
        issues.append(_at("decision", "decision", "is not 'accept'", "choose accept"))
    existing = _existing(tx, payload, issues)
    if issues:
        raise ValidationError(issues)
    pid = existing
    if pid is None:
        data = {
            "intake_date": today.isoformat(),
            "project_start_date": today.isoformat(),
            "case_manager_id": tx.actor.worker_id,
            "status": "active",
            **checked.participant,
        }
        pid = create_participant(tx, data=data, aliases=checked.aliases, today=today)
    referral = _screen_verified(tx, {**checked.referral, "participant_id": pid})
    rid = repo.create_referral(tx, data=referral)
    consent_id = None
    if checked.consent is not None:
        consent_id = repo.create_consent(
            tx, participant_id=pid, data={**checked.consent, "status": "draft"}
        )
    plan_id = None
    if checked.goals or checked.priorities:
        header = {
            "participant_id": pid,
            "plan_date": today.isoformat(),
            "status": "draft",
            "case_manager_id": tx.actor.worker_id,
        }
        if checked.priorities:
            header["priorities"] = checked.priorities
        plan_id = repo.create_plan(tx, data=header)
        for goal, step in checked.goals:
            goal_id = repo.add_goal(tx, plan_id=plan_id, data=goal)
            repo.add_step(tx, goal_id=goal_id, data=step)
    return ReferralResult(rid, pid, consent_id, plan_id, "accepted", existing is None)


def decline_referral(
    tx: Tx,
    payload: Mapping[str, Any],
    *,
    area: CoverageArea | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> ReferralResult:
    """Store a declined referral with its reason; a new person's details are not kept."""
    issues, checked = _check(payload, area=area, today=today, now=now)
    if payload.get("decision") != "declined":
        issues.append(_at("decision", "decision", "is not 'decline'", "choose decline"))
    existing = _existing(tx, payload, issues)
    if issues:
        raise ValidationError(issues)
    referral = _screen_verified(tx, {**checked.referral, "participant_id": existing})
    rid = repo.create_referral(tx, data=referral)
    return ReferralResult(rid, existing, None, None, "declined", False)


def finish_referral(
    tx: Tx,
    payload: Mapping[str, Any],
    *,
    area: CoverageArea | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> ReferralResult:
    """Store a referral by its decision: accepted (everything) or declined (referral only)."""
    if payload.get("decision") == "declined":
        return decline_referral(tx, payload, area=area, today=today, now=now)
    return complete_referral(tx, payload, area=area, today=today, now=now)
