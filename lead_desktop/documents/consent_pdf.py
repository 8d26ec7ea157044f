"""Consent forms (five types, each standing alone) and the revocation form: pure builders.

Inputs are plain mappings as read from the store (``consent``, ``participant``, ``program``)
and the signature strokes; the output is a :class:`BuiltDocument`. Nothing here reads the
store or the clock; the consent gate is applied by the caller (see ``documents.build``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from lead_desktop.documents.flow import (
    Strokes,
    date_text,
    esc,
    fill,
    gap,
    kv_table,
    label,
    para,
    signature_lines,
    when,
)
from lead_desktop.documents.layout import MARGIN, PAGE_W, PageSetup, render, styles
from lead_desktop.documents.model import BuiltDocument, document_id
from lead_desktop.documents.templates import CONSENT_KINDS, load_template
from lead_desktop.domain import consent as rules
from lead_desktop.domain.participant import display_name

WIDTH = PAGE_W - 2 * MARGIN


def program_content(program: Mapping[str, Any]) -> dict[str, Any]:
    """The program details a document prints (and hashes), with the logo as bytes."""
    return {
        "name": str(program.get("name") or ""),
        "address": str(program.get("address") or ""),
        "phone": str(program.get("phone") or ""),
        "logo": program.get("logo") if isinstance(program.get("logo"), bytes) else None,
        "cj_days": int(program.get("cj_days_after_disposition") or 30),
    }


def person_content(participant: Mapping[str, Any]) -> dict[str, Any]:
    """The participant's identifiers a document prints: full name as entered, and date of birth."""
    return {"name": display_name(participant), "dob": participant.get("dob")}


def consent_content(
    consent: Mapping[str, Any],
    participant: Mapping[str, Any],
    program: Mapping[str, Any],
    strokes: Sequence[Any] = (),
) -> dict[str, Any]:
    """Everything a consent form prints, and nothing else (no revision numbers, no times)."""
    fields = (
        "consent_type",
        "purpose",
        "expiry_date",
        "expiry_event",
        "expiry_reason",
        "final_disposition_date",
        "signer_name",
        "signer_role",
        "signer_authority",
        "signature_kind",
        "witness_name",
        "signed_at",
        "copy_given",
        "copy_method",
        "status",
        "revoked_at",
        "revocation_method",
    )
    return {
        **{f: consent.get(f) for f in fields},
        "discloser": rules.discloser_of(consent, program),
        "information": rules.information_of(consent),
        "recipients": rules.recipients_of(consent),
        "scan": bool(consent.get("scan_attachment_id")),
        "strokes": [list(map(list, s)) for s in strokes],
        "person": person_content(participant),
        "program": program_content(program),
    }


def _setup(
    kind: str,
    template: Mapping[str, Any],
    common: Mapping[str, Any],
    content: Mapping[str, Any],
    *,
    options: Mapping[str, bool],
    created: Any,
) -> PageSetup:
    versions = {"form": str(template["version"]), "common": str(common["version"])}
    doc_id = document_id(kind, template["language"], versions, [content, dict(options)])
    return PageSetup(
        kind=kind,
        language=template["language"],
        title=str(template["title"]),
        template_version=str(template["version"]),
        document_id=doc_id,
        program=content["program"],
        page_labels=common["page"],
        draft=options["draft"],
        demo=options["demo"],
        large_print=options["large_print"],
        created=rules.to_date(created),
        logo=content["program"]["logo"],
    )


def _heading(template: Mapping[str, Any], st: Any, key: str) -> Flowable:
    return para(esc(template["headings"][key]), st["h2"])


def build_consent_pdf(
    consent: Mapping[str, Any],
    participant: Mapping[str, Any],
    *,
    language: str,
    program: Mapping[str, Any],
    strokes: Sequence[Any] = (),
    draft: bool = False,
    large_print: bool = False,
    demo: bool = False,
    template_version: str | None = None,
) -> BuiltDocument:
    """The printed consent form of the consent's type, in ``language``."""
    ctype = str(consent["consent_type"])
    kind = CONSENT_KINDS[ctype]
    template = load_template(kind, language, template_version)
    common = load_template("common", language)
    content = consent_content(consent, participant, program, strokes)
    options = {"draft": draft, "large_print": large_print, "demo": demo}
    setup = _setup(
        kind, template, common, content, options=options, created=consent.get("signed_at")
    )
    story = _consent_story(template, common, content, styles(large_print))
    return render(story, setup)


def _consent_story(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts, labels = t["texts"], common["labels"]
    none = labels["not_recorded"]
    discloser = c["discloser"] or none
    story: list[Flowable] = [
        para(esc(t["title"]), st["title"]),
        para(esc(t["subtitle"]), st["subtitle"]),
    ]
    if c["status"] == "revoked":
        story.append(para(esc(common["page"]["revoked"]), st["banner"]))
        story.append(
            para(
                fill(
                    texts["revoked"],
                    date=_plain_date(c["revoked_at"], common),
                    method=c["revocation_method"] or none,
                ),
                st["bold"],
            )
        )
    story.append(para(fill(t["intro"], discloser=discloser), st["body"]))
    key_w = 42 * mm if st["body"].fontSize < 12 else 58 * mm
    story += [
        _heading(t, st, "participant"),
        kv_table(
            [
                (esc(labels["name"]), esc(c["person"]["name"])),
                (esc(labels["dob"]), when(c["person"]["dob"], common, empty=none)),
            ],
            st,
            key_width=key_w,
        ),
        _heading(t, st, "discloser"),
        para(esc(discloser), st["body"]),
    ]
    address = c["program"]["address"]
    if address and discloser == c["program"]["name"]:
        story.append(para(esc(address), st["small"]))
    story += _information(t, common, c, st)
    story += _recipients(t, common, c, st)
    story += [_heading(t, st, "purpose"), para(esc(c["purpose"] or none), st["body"])]
    story += _expiry(t, common, c, st)
    story += _rights(t, c, st)
    story.append(KeepTogether(_signature(t, common, c, st)))
    return story


def _plain_date(value: Any, common: Mapping[str, Any]) -> str:
    return date_text(value, common, empty=common["labels"]["not_recorded"])


def _information(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts, info = t["texts"], c["information"]
    out: list[Flowable] = [
        _heading(t, st, "information"),
        para(esc(texts["information_intro"]), st["body"]),
    ]
    for cat in info["categories"]:
        out.append(para(label(common, "categories", cat), st["bullet"], bullet="•"))
    if info["description"]:
        out.append(para(fill(texts["description"], description=info["description"]), st["body"]))
    if info["entire_record"]:
        reason = info["entire_record_reason"] or common["labels"]["not_recorded"]
        out.append(para(fill(texts["entire_record"], reason=reason), st["body"]))
    if not (info["categories"] or info["description"] or info["entire_record"]):
        out.append(para(esc(common["labels"]["not_recorded"]), st["muted"]))
    return out


def _recipients(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts, labels = t["texts"], common["labels"]
    out: list[Flowable] = [
        _heading(t, st, "recipients"),
        para(esc(texts["recipients_intro"]), st["body"]),
    ]
    for rec in c["recipients"]:
        parts = [f"<b>{esc(rec.get('name') or labels['not_recorded'])}</b>"]
        if rec.get("address"):
            parts.append(esc(rec["address"]))
        if rec.get("kind") == "class":
            parts.append(esc(texts["recipient_class"]))
        if rec.get("hipaa_covered") is True:
            parts.append(f"[{esc(labels['hipaa_covered'])}]")
        out.append(para(" · ".join(parts), st["bullet"], bullet="•"))
    if not c["recipients"]:
        out.append(para(esc(labels["not_recorded"]), st["muted"]))
    return out


def _expiry(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts, none = t["texts"], common["labels"]["not_recorded"]
    out: list[Flowable] = [_heading(t, st, "expiry")]
    if c["consent_type"] == "criminal_justice":
        days = c["program"]["cj_days"]
        out.append(
            para(fill(texts["expiry_cj"], expiry_event=c["expiry_event"] or none), st["body"])
        )
        if c["expiry_date"]:
            out.append(
                para(
                    fill(texts["expiry_date"], expiry_date=_plain_date(c["expiry_date"], common)),
                    st["body"],
                )
            )
        if c["final_disposition_date"]:
            disposition = _plain_date(c["final_disposition_date"], common)
            out.append(
                para(fill(texts["disposition"], disposition=disposition, days=days), st["body"])
            )
        else:
            out.append(para(fill(texts["disposition_pending"], days=days), st["body"]))
        out.append(
            para(fill(texts["expiry_reason"], reason=c["expiry_reason"] or none), st["body"])
        )
        return out
    out.append(
        para(
            fill(texts["expiry_date"], expiry_date=_plain_date(c["expiry_date"], common)),
            st["body"],
        )
    )
    if c["expiry_event"]:
        out.append(para(fill(texts["expiry_event"], expiry_event=c["expiry_event"]), st["body"]))
    return out


def _rights(t: Mapping[str, Any], c: Mapping[str, Any], st: Any) -> list[Flowable]:
    statements, discloser = t["statements"], c["discloser"]
    keys = list(rules.REQUIRED_STATEMENTS[c["consent_type"]])
    if "standalone" in keys:
        keys = ["standalone", *[k for k in keys if k != "standalone"]]
    covered = any(
        r.get("hipaa_covered") is True or r.get("kind") == "class" for r in c["recipients"]
    )
    if not covered:
        keys.remove("hipaa_redisclosure")
    out: list[Flowable] = [_heading(t, st, "rights")]
    for key in keys:
        out.append(para(fill(statements[key], discloser=discloser), st["statement"], bullet="•"))
    return out


def _signature(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts, labels = t["texts"], common["labels"]
    none = labels["not_recorded"]
    out: list[Flowable] = [
        _heading(t, st, "signature"),
        para(esc(texts["signature_intro"]), st["body"]),
    ]
    signed = c["status"] in ("signed", "revoked") and c["signature_kind"] in ("drawn", "paper")
    rows = [(esc(labels["signer"]), esc(c["signer_name"] or none))]
    if c["signer_role"] == "representative":
        rows.append((esc(labels["authority"]), esc(c["signer_authority"] or none)))
    if signed:
        out.append(gap(4))
        if c["signature_kind"] == "drawn" and c["strokes"]:
            out.append(Strokes(c["strokes"], min(WIDTH * 0.55, 95 * mm)))
            rows.append((esc(labels["signature"]), esc(labels["drawn_signature"])))
        else:
            rows.append((esc(labels["signature"]), esc(labels["signed_on_paper"])))
            rows.append((esc(labels["witness"]), esc(c["witness_name"] or none)))
        rows.append((esc(labels["signed_on"]), when(c["signed_at"], common, empty=none)))
        if c["scan"]:
            rows.append(("", esc(labels["scan_attached"])))
        if c["copy_given"]:
            rows.append((esc(labels["copy_given"]), esc(c["copy_method"] or labels["yes"])))
        out.append(gap(4))
        out.append(kv_table(rows, st, key_width=48 * mm if st["body"].fontSize < 12 else 64 * mm))
    else:
        out.append(gap(6))
        out.append(kv_table(rows, st, key_width=48 * mm if st["body"].fontSize < 12 else 64 * mm))
        lines = signature_lines(
            [(labels["signature"], labels["date"]), (labels["printed_name"], labels["witness"])],
            st,
            WIDTH,
        )
        out += [gap(8), lines, gap(6), para(esc(labels["copy_pending"]), st["small"])]
    if c["signer_role"] == "representative":
        out.append(
            para(
                fill(texts["representative"], authority=c["signer_authority"] or none), st["small"]
            )
        )
    out.append(para(esc(texts["copy"]), st["muted"]))
    return out


# -- revocation ------------------------------------------------------------------------------


def build_revocation_pdf(
    consent: Mapping[str, Any],
    participant: Mapping[str, Any],
    *,
    language: str,
    program: Mapping[str, Any],
    draft: bool = False,
    large_print: bool = False,
    demo: bool = False,
) -> BuiltDocument:
    """The revocation form of a consent: blank lines to fill in, or the recorded revocation."""
    kind = "revocation"
    template = load_template(kind, language)
    common = load_template("common", language)
    content = consent_content(consent, participant, program)
    content.pop("strokes")
    options = {"draft": draft, "large_print": large_print, "demo": demo}
    created = consent.get("revoked_at") or consent.get("signed_at")
    setup = _setup(kind, template, common, content, options=options, created=created)
    story = _revocation_story(template, common, content, styles(large_print))
    return render(story, setup)


def _revocation_story(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts, labels = t["texts"], common["labels"]
    none = labels["not_recorded"]
    discloser = c["discloser"] or none
    key_w = 42 * mm if st["body"].fontSize < 12 else 58 * mm
    info = c["information"]
    info_text = "; ".join(
        [label(common, "categories", cat) for cat in info["categories"]]
        + ([esc(info["description"])] if info["description"] else [])
    )
    recipients = "; ".join(esc(r.get("name") or none) for r in c["recipients"]) or esc(none)
    story: list[Flowable] = [
        para(esc(t["title"]), st["title"]),
        para(esc(t["subtitle"]), st["subtitle"]),
        para(fill(t["intro"], discloser=discloser), st["body"]),
        _heading(t, st, "participant"),
        kv_table(
            [
                (esc(labels["name"]), esc(c["person"]["name"])),
                (esc(labels["dob"]), when(c["person"]["dob"], common, empty=none)),
            ],
            st,
            key_width=key_w,
        ),
        _heading(t, st, "consent"),
        kv_table(
            [
                (esc(texts["consent_type"]), label(common, "consent_types", c["consent_type"])),
                (esc(texts["signed_on"]), when(c["signed_at"], common, empty=none)),
                (esc(labels["discloser"]), esc(discloser)),
                (esc(texts["recipients"]), recipients),
                (esc(texts["information"]), info_text or esc(none)),
                (esc(texts["purpose"]), esc(c["purpose"] or none)),
            ],
            st,
            key_width=key_w,
        ),
        _heading(t, st, "revocation"),
    ]
    if c["status"] == "revoked":
        story.append(para(esc(common["page"]["revoked"]), st["banner"]))
        story.append(
            para(
                fill(
                    texts["revoked"],
                    date=_plain_date(c["revoked_at"], common),
                    method=c["revocation_method"] or none,
                ),
                st["bold"],
            )
        )
    else:
        story += [
            para(esc(texts["date_line"]), st["body"]),
            gap(6),
            para(esc(texts["method_line"]), st["body"]),
            gap(6),
        ]
    for key in ("reliance", "not_conditioned"):
        story.append(
            para(fill(t["statements"][key], discloser=discloser), st["statement"], bullet="•")
        )
    lines = signature_lines(
        [(labels["signature"], labels["date"]), (labels["printed_name"], labels["witness"])],
        st,
        WIDTH,
    )
    story.append(
        KeepTogether(
            [
                _heading(t, st, "signature"),
                para(esc(texts["signature_intro"]), st["body"]),
                gap(8),
                lines,
                para(esc(texts["copy"]), st["muted"]),
            ]
        )
    )
    return story
