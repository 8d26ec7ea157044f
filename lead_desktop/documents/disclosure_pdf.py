"""The participant's accounting of disclosures, and the cover sheet sent with each disclosure
(with the 42 CFR §2.32 notice and a summary of the consent): pure builders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from lead_desktop.documents.consent_pdf import WIDTH, person_content, program_content
from lead_desktop.documents.flow import date_text, esc, fill, gap, grid, kv_table, label, para, when
from lead_desktop.documents.fonts import REGULAR
from lead_desktop.documents.layout import PageSetup, render, styles
from lead_desktop.documents.model import COVER_KIND, BuiltDocument, document_id
from lead_desktop.documents.templates import load_template
from lead_desktop.domain import consent as rules

KIND = "disclosures"
_DISCLOSURE_FIELDS = (
    "disclosed_at",
    "recipient",
    "purpose",
    "information",
    "method",
    "notice",
    "consent_type",
    "consent_signed_at",
)


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
    return PageSetup(
        kind=kind,
        language=template["language"],
        title=str(template["title"]),
        template_version=str(template["version"]),
        document_id=document_id(kind, template["language"], versions, [content, dict(options)]),
        program=content["program"],
        page_labels=common["page"],
        draft=options["draft"],
        demo=options["demo"],
        large_print=options["large_print"],
        created=rules.to_date(created),
        logo=content["program"]["logo"],
    )


def _notice(t: Mapping[str, Any], form: str, st: Any) -> list[Flowable]:
    """The §2.32 notice in a box; a translated form also prints the official English text."""
    statements = t["statements"]
    key = "notice_short" if form == "short" else "notice_full"
    cells: list[Flowable] = [para(esc(statements[key]), st["bold"])]
    official = statements.get(f"{key}_official")
    if official:
        cells += [para(esc(t["texts"]["official"]), st["small"]), para(esc(official), st["small"])]
    box = Table([[cells]], colWidths=[WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [box]


# -- accounting of disclosures ---------------------------------------------------------------


def disclosures_content(
    participant: Mapping[str, Any],
    disclosures: Sequence[Mapping[str, Any]],
    program: Mapping[str, Any],
) -> dict[str, Any]:
    """What the accounting prints: the person and each disclosure, oldest first."""
    return {
        "person": person_content(participant),
        "program": program_content(program),
        "notice": "short" if program.get("disclosure_notice") == "short" else "full",
        "disclosures": [{k: d.get(k) for k in _DISCLOSURE_FIELDS} for d in disclosures],
    }


def build_disclosures_pdf(
    participant: Mapping[str, Any],
    disclosures: Sequence[Mapping[str, Any]],
    *,
    language: str,
    program: Mapping[str, Any],
    draft: bool = False,
    large_print: bool = False,
    demo: bool = False,
) -> BuiltDocument:
    """The participant's accounting of disclosures (from ``list_disclosures``), printable."""
    template = load_template(KIND, language)
    common = load_template("common", language)
    content = disclosures_content(participant, disclosures, program)
    options = {"draft": draft, "large_print": large_print, "demo": demo}
    last = content["disclosures"][-1]["disclosed_at"] if content["disclosures"] else None
    setup = _setup(KIND, template, common, content, options=options, created=last)
    st = styles(large_print)
    texts, labels = template["texts"], common["labels"]
    none = labels["not_recorded"]
    key_w = 42 * mm if st["body"].fontSize < 12 else 58 * mm
    story: list[Flowable] = [
        para(esc(template["title"]), st["title"]),
        para(esc(template["subtitle"]), st["subtitle"]),
        para(fill(template["intro"], discloser=content["program"]["name"]), st["body"]),
        para(esc(template["headings"]["participant"]), st["h2"]),
        kv_table(
            [
                (esc(labels["name"]), esc(content["person"]["name"])),
                (esc(labels["dob"]), when(content["person"]["dob"], common, empty=none)),
            ],
            st,
            key_width=key_w,
        ),
        para(esc(template["headings"]["list"]), st["h2"]),
    ]
    rows = []
    for d in content["disclosures"]:
        ref = fill(
            texts["consent_ref"],
            type=common["values"]["consent_types"].get(str(d["consent_type"]), ""),
            date=date_text(d["consent_signed_at"], common, empty=none),
        )
        rows.append(
            [
                when(d["disclosed_at"], common),
                esc(d["recipient"]),
                esc(d["purpose"]),
                esc(d["information"]),
                ref,
                esc(d["method"] or ""),
            ]
        )
    if rows:
        header = [
            esc(texts[k]) for k in ("when", "recipient", "purpose", "what", "consent", "method")
        ]
        widths = [24 * mm, 32 * mm, None, None, 32 * mm, 20 * mm]
        if st["body"].fontSize >= 12:
            widths = [30 * mm, 36 * mm, None, None, 36 * mm, 22 * mm]
        story.append(grid(header, rows, st, widths))
        story.append(para(fill(texts["count"], count=len(rows)), st["small"]))
    else:
        story.append(para(esc(texts["none"]), st["body"]))
    forms = {d["notice"] for d in content["disclosures"] if d["notice"]} or {content["notice"]}
    notice: list[Flowable] = [
        para(esc(template["headings"]["notice"]), st["h2"]),
        para(esc(texts["notice_intro"]), st["body"]),
    ]
    for form in sorted(forms):
        notice += _notice(template, form, st)
    story.append(KeepTogether(notice))
    return render(story, setup)


# -- cover sheet -----------------------------------------------------------------------------


def cover_content(
    disclosure: Mapping[str, Any],
    consent: Mapping[str, Any],
    participant: Mapping[str, Any],
    program: Mapping[str, Any],
) -> dict[str, Any]:
    """What the cover sheet prints: the disclosure, the consent in summary, the notice."""
    expiry = rules.expires_on(consent, program)
    return {
        "disclosure": {k: disclosure.get(k) for k in _DISCLOSURE_FIELDS},
        "consent": {
            "consent_type": consent.get("consent_type"),
            "signed_at": consent.get("signed_at"),
            "expires": expiry.isoformat() if expiry else None,
            "expiry_event": consent.get("expiry_event"),
            "recipients": [r.get("name") for r in rules.recipients_of(consent)],
            "information": rules.information_of(consent),
            "purpose": consent.get("purpose"),
        },
        "discloser": rules.discloser_of(consent, program),
        "person": person_content(participant),
        "program": program_content(program),
    }


def build_cover_pdf(
    disclosure: Mapping[str, Any],
    consent: Mapping[str, Any],
    participant: Mapping[str, Any],
    *,
    language: str,
    program: Mapping[str, Any],
    large_print: bool = False,
    demo: bool = False,
) -> BuiltDocument:
    """The cover sheet that goes with one disclosure: 42 CFR §2.32 notice and consent summary."""
    template = load_template(COVER_KIND, language)
    common = load_template("common", language)
    content = cover_content(disclosure, consent, participant, program)
    options = {"draft": False, "large_print": large_print, "demo": demo}
    d, c = content["disclosure"], content["consent"]
    setup = _setup(
        COVER_KIND, template, common, content, options=options, created=d["disclosed_at"]
    )
    st = styles(large_print)
    texts, labels = template["texts"], common["labels"]
    none = labels["not_recorded"]
    key_w = 46 * mm if st["body"].fontSize < 12 else 62 * mm
    info = c["information"]
    info_text = "; ".join(
        [label(common, "categories", cat) for cat in info["categories"]]
        + ([esc(info["description"])] if info["description"] else [])
    )
    parts = [when(c["expires"], common)] if c["expires"] else []
    if c["expiry_event"]:
        parts.append(esc(c["expiry_event"]))
    expires = " · ".join(parts) or esc(none)
    story: list[Flowable] = [
        para(esc(template["title"]), st["title"]),
        para(esc(template["subtitle"]), st["subtitle"]),
        para(fill(template["intro"], discloser=content["discloser"] or none), st["body"]),
        para(esc(template["headings"]["disclosure"]), st["h2"]),
        kv_table(
            [
                (esc(texts["to"]), esc(d["recipient"])),
                (esc(texts["when"]), when(d["disclosed_at"], common)),
                (esc(texts["purpose"]), esc(d["purpose"])),
                (esc(texts["what"]), esc(d["information"])),
                (esc(texts["method"]), esc(d["method"] or none)),
            ],
            st,
            key_width=key_w,
        ),
        para(esc(template["headings"]["consent"]), st["h2"]),
        kv_table(
            [
                (esc(texts["participant"]), esc(content["person"]["name"])),
                (esc(labels["dob"]), when(content["person"]["dob"], common, empty=none)),
                (esc(texts["consent_type"]), label(common, "consent_types", c["consent_type"])),
                (esc(texts["signed_on"]), when(c["signed_at"], common, empty=none)),
                (esc(texts["expires"]), expires),
                (esc(texts["recipients"]), "; ".join(esc(r) for r in c["recipients"])),
                (esc(texts["information"]), info_text or esc(none)),
                (esc(texts["consent_purpose"]), esc(c["purpose"] or none)),
            ],
            st,
            key_width=key_w,
        ),
    ]
    if c["consent_type"] == "criminal_justice":
        story += [gap(6), para(esc(texts["cj_note"]), st["bold"])]
    notice: list[Flowable] = [para(esc(template["headings"]["notice"]), st["h2"])]
    notice += _notice(template, str(d["notice"] or "full"), st)
    story.append(KeepTogether(notice))
    return render(story, setup)
