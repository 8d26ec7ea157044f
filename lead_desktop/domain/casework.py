"""Validation of referrals, plans, consents and contacts: the field and the fix, all at once."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from lead_desktop.errors import Issue, ValidationError, issue

REFERRAL_TYPES = ("arrest_diversion", "social_contact", "community")
OFFENSES = ("possession", "subsistence_sale", "prostitution", "other")
DECISIONS = ("accepted", "declined", "undecided")
PROSECUTOR = ("eligible", "ineligible", "pending")
SCREEN_ANSWERS = ("yes", "no", "unknown")
#: Default exclusion screen (a site setting may replace it).
EXCLUSION_ITEMS = (
    "quantity_over_threshold",
    "dealing_for_profit",
    "exploits_minors",
    "promotes_prostitution",
    "disqualifying_violence",
    "under_18",
    "on_probation_or_parole",
)
PLAN_STATUSES = ("draft", "active", "reviewed", "closed")
GOAL_DOMAINS = (
    "housing",
    "income_benefits",
    "insurance_health",
    "substance_use",
    "mental_health",
    "employment_education",
    "family_supports",
    "safety",
    "legal",
)
RESPONSIBLE = ("participant", "case_manager", "partner")
STEP_STATUSES = ("open", "in_progress", "done", "dropped")
CONSENT_TYPES = (
    "release",
    "tpo",
    "criminal_justice",
    "counseling_notes",
    "legal_proceedings",
)
CONTACT_TYPES = ("in_person", "phone", "text", "outreach_attempt", "collateral", "court", "other")


class Checker:
    """Collects issues while normalising a mapping of fields."""

    def __init__(self, data: Mapping[str, Any], allowed: Sequence[str]) -> None:
        self.data = data
        self.issues: list[Issue] = []
        self.out: dict[str, Any] = {}
        for field in sorted(set(data) - set(allowed)):
            self.issues.append(issue(field, "is not a field of this record", "remove it"))

    def text(self, field: str, *, required: bool = False, limit: int = 2000) -> None:
        """Normalise free text; ``required`` means it may not be empty."""
        if field not in self.data and not required:
            return
        value = self.data.get(field)
        text = str(value).strip() if value is not None else ""
        if required and not text:
            self.issues.append(
                issue(field, "is empty", "enter the {name}", name=field.replace("_", " "))
            )
        if len(text) > limit:
            self.issues.append(
                issue(
                    field,
                    "is {length} characters",
                    "shorten to {limit}",
                    length=str(len(text)),
                    limit=str(limit),
                )
            )
        self.out[field] = text or None

    def choice(self, field: str, options: Sequence[str], *, required: bool = False) -> None:
        """Check a value is one of ``options``."""
        if field not in self.data and not required:
            return
        value = self.data.get(field)
        if value not in options:
            self.issues.append(
                issue(
                    field,
                    "{value} is not allowed",
                    "choose one of {options}",
                    value=repr(value),
                    options=", ".join(options),
                )
            )
        self.out[field] = value

    def when(self, field: str, *, required: bool = False, kind: str = "date") -> None:
        """Check an ISO date (or date-time) and store it as text."""
        if field not in self.data and not required:
            return
        value = self.data.get(field)
        if value in (None, "") and not required:
            self.out[field] = None
            return
        try:
            if isinstance(value, date):
                parsed = value.isoformat()
            elif kind == "date":
                parsed = date.fromisoformat(str(value)).isoformat()
            else:
                parsed = datetime.fromisoformat(str(value)).isoformat()
        except ValueError:
            example = "2026-03-05" if kind == "date" else "2026-03-05T14:30"
            self.issues.append(
                issue(
                    field,
                    "{value} is not a date",
                    "use e.g. {example}",
                    value=repr(value),
                    example=example,
                )
                if kind == "date"
                else issue(
                    field,
                    "{value} is not a date-time",
                    "use e.g. {example}",
                    value=repr(value),
                    example=example,
                )
            )
            return
        self.out[field] = parsed

    def passthrough(self, *fields: str) -> None:
        """Copy fields whose shape the caller guarantees."""
        for field in fields:
            if field in self.data:
                self.out[field] = self.data[field]

    def result(self) -> dict[str, Any]:
        """Return the normalised values or raise every issue found."""
        if self.issues:
            raise ValidationError(self.issues)
        return self.out


def validate_referral(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check a referral and its exclusion screen."""
    fields = (
        "participant_id",
        "referral_type",
        "referred_at",
        "handoff_at",
        "location_text",
        "lat",
        "lon",
        "in_area",
        "officer_name",
        "officer_id",
        "district",
        "incident_number",
        "offense_category",
        "quantity_band",
        "exclusion_screen",
        "records_check_done",
        "prosecutor_decision",
        "prosecutor_decision_at",
        "prosecutor_name",
        "decision",
        "decline_reason",
    )
    c = Checker(data, fields)
    c.choice("referral_type", REFERRAL_TYPES, required=not partial)
    c.when("referred_at", required=not partial, kind="date-time")
    c.when("handoff_at", kind="date-time")
    c.when("prosecutor_decision_at", kind="date-time")
    for f in (
        "location_text",
        "officer_name",
        "officer_id",
        "district",
        "incident_number",
        "quantity_band",
        "prosecutor_name",
        "decline_reason",
    ):
        c.text(f, limit=500)
    if data.get("offense_category") is not None:
        c.choice("offense_category", OFFENSES)
    if data.get("prosecutor_decision") is not None:
        c.choice("prosecutor_decision", PROSECUTOR)
    if "decision" in data or not partial:
        c.choice("decision", DECISIONS) if "decision" in data else c.out.update(
            decision="undecided"
        )
    if c.out.get("decision") == "declined" and not c.out.get("decline_reason"):
        c.issues.append(issue("decline_reason", "is empty", "record why the person declined"))
    for f, most in (("lat", 90.0), ("lon", 180.0)):
        if data.get(f) is not None:
            try:
                number = float(data[f])
            except (TypeError, ValueError):
                number = math.nan
            if math.isfinite(number) and -most <= number <= most:
                c.out[f] = number
            else:  # "nan" and "inf" parse as floats: refused with the rest
                c.issues.append(
                    issue(
                        f,
                        "{value} is not a number",
                        "pick the place on the map",
                        value=repr(data[f]),
                    )
                )
    screen = data.get("exclusion_screen")
    if screen is not None:
        for n, item in enumerate(screen, 1):
            if item.get("answer") not in SCREEN_ANSWERS:
                c.issues.append(
                    issue(
                        f"exclusion_screen item {n}",
                        "answer {value}",
                        "answer yes, no or unknown",
                        value=repr(item.get("answer")),
                    )
                )
        c.out["exclusion_screen"] = list(screen)
    c.passthrough("participant_id", "in_area", "records_check_done")
    return c.result()


def validate_plan(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check a service plan header."""
    fields = (
        "participant_id",
        "version",
        "status",
        "plan_date",
        "review_date",
        "stage_of_change",
        "priorities",
        "immediate_needs",
        "legal_coordination",
        "case_manager_id",
    )
    c = Checker(data, fields)
    c.when("plan_date", required=not partial)
    c.when("review_date")
    if "status" in data:
        c.choice("status", PLAN_STATUSES)
    for f in ("stage_of_change", "priorities", "legal_coordination"):
        c.text(f, limit=5000)
    c.passthrough("participant_id", "version", "immediate_needs", "case_manager_id")
    if (
        c.out.get("review_date")
        and c.out.get("plan_date")
        and (c.out["review_date"] < c.out["plan_date"])
    ):
        c.issues.append(issue("review_date", "is before the plan date", "pick a later date"))
    return c.result()


def validate_goal(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check a plan goal."""
    c = Checker(data, ("plan_id", "domain", "goal", "barriers", "status", "position"))
    c.choice("domain", GOAL_DOMAINS, required=not partial)
    c.text("goal", required=not partial)
    c.text("barriers")
    if "status" in data:
        c.choice("status", STEP_STATUSES)
    c.passthrough("plan_id", "position")
    return c.result()


def validate_step(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check a plan step."""
    fields = (
        "goal_id",
        "description",
        "responsible",
        "partner_name",
        "target_date",
        "status",
        "consent_id",
        "position",
    )
    c = Checker(data, fields)
    c.text("description", required=not partial)
    if "responsible" in data:
        c.choice("responsible", RESPONSIBLE)
    if "status" in data:
        c.choice("status", STEP_STATUSES)
    c.text("partner_name", limit=200)
    c.when("target_date")
    if c.out.get("responsible") == "partner" and not c.out.get("partner_name"):
        c.issues.append(issue("partner_name", "is empty", "name the partner who does this step"))
    c.passthrough("goal_id", "consent_id", "position")
    return c.result()


def validate_encounter(data: Mapping[str, Any]) -> dict[str, Any]:
    """Check a contact log entry."""
    c = Checker(
        data,
        ("participant_id", "occurred_at", "contact_type", "place", "services", "note", "outcome"),
    )
    c.when("occurred_at", required=True, kind="date-time")
    c.choice("contact_type", CONTACT_TYPES, required=True)
    c.text("place", limit=300)
    c.text("note", limit=10000)
    c.text("outcome", limit=300)
    services = data.get("services") or []
    if not isinstance(services, list | tuple):
        c.issues.append(issue("services", "must be a list", "tick the services given"))
    c.out["services"] = list(services)
    c.passthrough("participant_id")
    return c.result()
