"""The Individual Intervention Plan (service plan, DOMAIN section 5): a pure builder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from lead_desktop.documents.consent_pdf import WIDTH, person_content, program_content
from lead_desktop.documents.flow import (
    date_text,
    esc,
    fill,
    gap,
    grid,
    kv_table,
    label,
    para,
    signature_lines,
    when,
)
from lead_desktop.documents.fonts import REGULAR
from lead_desktop.documents.layout import PageSetup, render, styles
from lead_desktop.documents.model import BuiltDocument, document_id
from lead_desktop.documents.templates import load_template
from lead_desktop.domain.casework import GOAL_DOMAINS
from lead_desktop.domain.consent import to_date

KIND = "service-plan"
NEEDS = ("shelter_tonight", "food", "phone", "id_documents", "naloxone")


def plan_content(
    plan: Mapping[str, Any],
    participant: Mapping[str, Any],
    program: Mapping[str, Any],
    *,
    case_manager: str | None = None,
    consents: Mapping[str, Mapping[str, Any]] | None = None,
    history: Sequence[Mapping[str, Any]] = (),
    shared: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """Everything the plan prints: header, goals with steps (and the consent each referral was
    made under), earlier versions, and what was shared with justice partners."""
    consents = consents or {}

    def consent_ref(consent_id: Any) -> dict[str, Any] | None:
        found = consents.get(str(consent_id)) if consent_id else None
        if not found:
            return None
        return {"type": found.get("consent_type"), "signed_at": found.get("signed_at")}

    goals = []
    for goal in plan.get("goals") or []:
        goals.append(
            {
                "domain": goal.get("domain"),
                "goal": goal.get("goal"),
                "barriers": goal.get("barriers"),
                "status": goal.get("status"),
                "steps": [
                    {
                        "description": s.get("description"),
                        "responsible": s.get("responsible"),
                        "partner_name": s.get("partner_name"),
                        "target_date": s.get("target_date"),
                        "status": s.get("status"),
                        "consent": consent_ref(s.get("consent_id")),
                    }
                    for s in goal.get("steps") or []
                ],
            }
        )
    header = (
        "version",
        "status",
        "plan_date",
        "review_date",
        "stage_of_change",
        "priorities",
        "legal_coordination",
    )
    return {
        **{k: plan.get(k) for k in header},
        "immediate_needs": dict(plan.get("immediate_needs") or {}),
        "goals": goals,
        "case_manager": case_manager,
        "history": [
            {k: h.get(k) for k in ("version", "plan_date", "status", "review_date")}
            for h in history
        ],
        "shared": [
            {k: s.get(k) for k in ("disclosed_at", "recipient", "information", "consent_type")}
            | {"consent_signed_at": s.get("consent_signed_at")}
            for s in shared
        ],
        "person": person_content(participant),
        "program": program_content(program),
    }


def build_plan_pdf(
    plan: Mapping[str, Any],
    participant: Mapping[str, Any],
    *,
    language: str,
    program: Mapping[str, Any],
    case_manager: str | None = None,
    consents: Mapping[str, Mapping[str, Any]] | None = None,
    history: Sequence[Mapping[str, Any]] = (),
    shared: Sequence[Mapping[str, Any]] = (),
    draft: bool = False,
    large_print: bool = False,
    demo: bool = False,
) -> BuiltDocument:
    """The printed plan, from ``plan_tree`` output (a plan with goals and their steps)."""
    template = load_template(KIND, language)
    common = load_template("common", language)
    content = plan_content(
        plan,
        participant,
        program,
        case_manager=case_manager,
        consents=consents,
        history=history,
        shared=shared,
    )
    options = {"draft": draft, "large_print": large_print, "demo": demo}
    versions = {"form": str(template["version"]), "common": str(common["version"])}
    setup = PageSetup(
        kind=KIND,
        language=language,
        title=str(template["title"]),
        template_version=str(template["version"]),
        document_id=document_id(KIND, language, versions, [content, options]),
        program=content["program"],
        page_labels=common["page"],
        draft=draft,
        demo=demo,
        large_print=large_print,
        created=to_date(content["plan_date"]),
        logo=content["program"]["logo"],
    )
    return render(_story(template, common, content, styles(large_print)), setup)


def _story(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts, labels = t["texts"], common["labels"]
    none = labels["not_recorded"]
    story: list[Flowable] = [
        para(esc(t["title"]), st["title"]),
        para(esc(t["subtitle"]), st["subtitle"]),
        _header(common, c, st),
        gap(6),
        para(esc(t["intro"]), st["muted"]),
        para(esc(t["headings"]["priorities"]), st["h2"]),
        para(esc(c["priorities"]) if c["priorities"] else esc(texts["no_priorities"]), st["body"]),
        para(esc(t["headings"]["needs"]), st["h2"]),
    ]
    story += _needs(t, common, c, st)
    story.append(para(esc(t["headings"]["goals"]), st["h2"]))
    story += _goals(t, common, c, st)
    story.append(para(esc(t["headings"]["legal"]), st["h2"]))
    legal = c["legal_coordination"]
    story.append(para(esc(legal) if legal else esc(texts["no_legal"]), st["body"]))
    if c["shared"]:
        story.append(para(esc(texts["shared"]), st["h3"]))
        for item in c["shared"]:
            line = fill(
                texts["shared_line"],
                date=date_text(item["disclosed_at"], common),
                what=item["information"],
                recipient=item["recipient"],
                consent_date=date_text(item["consent_signed_at"], common, empty=none),
                type=_plain_label(common, "consent_types", item["consent_type"]),
            )
            story.append(para(line, st["bullet"], bullet="•"))
    story.append(para(esc(t["headings"]["history"]), st["h2"]))
    story += _history(texts, common, c, st)
    lines = signature_lines(
        [(texts["participant_sign"], labels["date"]), (texts["case_manager_sign"], labels["date"])],
        st,
        WIDTH,
    )
    story.append(KeepTogether([para(esc(t["headings"]["signatures"]), st["h2"]), lines]))
    return story


def _plain_label(common: Mapping[str, Any], group: str, key: Any) -> str:
    values: Mapping[str, str] = common["values"].get(group, {})
    return values.get(str(key), str(key or ""))


def _header(common: Mapping[str, Any], c: Mapping[str, Any], st: Any) -> Table:
    labels = common["labels"]
    none = labels["not_recorded"]
    stage = c["stage_of_change"]
    cells = [
        (labels["participant"], esc(c["person"]["name"])),
        (labels["dob"], when(c["person"]["dob"], common, empty=none)),
        (labels["case_manager"], esc(c["case_manager"] or none)),
        (labels["version"], esc(c["version"] or 1)),
        (labels["plan_date"], when(c["plan_date"], common, empty=none)),
        (labels["review_date"], when(c["review_date"], common, empty=none)),
        (labels["status"], label(common, "plan_statuses", c["status"])),
        (labels["stage_of_change"], label(common, "stages", stage) if stage else esc(none)),
    ]
    rows = []
    for i in range(0, len(cells), 2):
        row: list[Any] = []
        for key, value in cells[i : i + 2]:
            row += [Paragraph(esc(key), st["cellbold"]), Paragraph(value, st["cell"])]
        rows.append(row)
    key_w = 30 * mm if st["body"].fontSize < 12 else 42 * mm
    value_w = (WIDTH - 2 * key_w) / 2
    table = Table(rows, colWidths=[key_w, value_w, key_w, value_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BOX", (0, 0), (-1, -1), 0.6, "#777777"),
                ("INNERGRID", (0, 0), (-1, -1), 0.3, "#bbbbbb"),
                ("BACKGROUND", (0, 0), (0, -1), "#f2f2f2"),
                ("BACKGROUND", (2, 0), (2, -1), "#f2f2f2"),
            ]
        )
    )
    return table


def _needs(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    needs = c["immediate_needs"]
    if not needs:
        return [para(esc(t["texts"]["no_needs"]), st["body"])]
    states: Mapping[str, str] = common["values"]["need_states"]
    keys = [k for k in NEEDS if k in needs] + sorted(k for k in needs if k not in NEEDS)
    rows = []
    for key in keys:
        value = needs[key]
        if isinstance(value, Mapping):
            state = states.get(str(value.get("state")), str(value.get("state") or ""))
            text = " · ".join(p for p in (state, str(value.get("note") or "")) if p)
        elif isinstance(value, bool):
            text = states["needed"] if value else states["not_needed"]
        else:
            text = states.get(str(value), str(value))
        rows.append((label(common, "needs", key), esc(text)))
    key_w = 42 * mm if st["body"].fontSize < 12 else 58 * mm
    return [kv_table(rows, st, key_width=key_w)]


def _goals(
    t: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    texts = t["texts"]
    goals = c["goals"]
    if not goals:
        return [para(esc(texts["no_goals"]), st["body"])]
    order = {d: n for n, d in enumerate(GOAL_DOMAINS)}
    domains = sorted({g["domain"] for g in goals}, key=lambda d: (order.get(d, 99), str(d)))
    large = st["body"].fontSize >= 12
    widths = [None, 34 * mm, 28 * mm, 26 * mm] if not large else [None, 42 * mm, 38 * mm, 34 * mm]
    out: list[Flowable] = []
    for domain in domains:
        out.append(para(label(common, "domains", domain), st["h3"]))
        for goal in (g for g in goals if g["domain"] == domain):
            block: list[Flowable] = [
                para(
                    f"<b>{esc(texts['goal'])}:</b> {esc(goal['goal'])} "
                    f"<i>({label(common, 'step_statuses', goal['status'])})</i>",
                    st["body"],
                )
            ]
            if goal["barriers"]:
                block.append(
                    para(f"{esc(texts['barriers'])}: {esc(goal['barriers'])}", st["small"])
                )
            rows = [_step_row(texts, common, s) for s in goal["steps"]]
            if rows:
                header = [esc(texts[k]) for k in ("step", "who", "target", "status")]
                block.append(grid(header, rows, st, widths))
            out.append(KeepTogether(block))
    return out


def _step_row(
    texts: Mapping[str, Any], common: Mapping[str, Any], step: Mapping[str, Any]
) -> list[str]:
    description = esc(step["description"])
    ref = step["consent"]
    if ref:
        line = fill(
            texts["consent_ref"],
            date=date_text(ref["signed_at"], common, empty=common["labels"]["not_recorded"]),
            type=_plain_label(common, "consent_types", ref["type"]),
        )
        description += f"<br/><font size='-1'><i>{line}</i></font>"
    who = label(common, "responsible", step["responsible"])
    if step["responsible"] == "partner" and step["partner_name"]:
        who = f"{who}: {esc(step['partner_name'])}"
    return [
        description,
        who,
        when(step["target_date"], common),
        label(common, "step_statuses", step["status"]),
    ]


def _history(
    texts: Mapping[str, Any], common: Mapping[str, Any], c: Mapping[str, Any], st: Any
) -> list[Flowable]:
    steps = [s for g in c["goals"] for s in g["steps"]]
    out: list[Flowable] = []
    if steps:
        done = sum(1 for s in steps if s["status"] == "done")
        out.append(para(fill(texts["steps_done"], done=done, total=len(steps)), st["body"]))
    if not c["history"]:
        out.append(para(esc(texts["no_history"]), st["muted"]))
    none = common["labels"]["not_recorded"]
    for item in c["history"]:
        line = fill(
            texts["history_line"],
            version=item["version"],
            plan_date=date_text(item["plan_date"], common, empty=none),
            status=_plain_label(common, "plan_statuses", item["status"]),
            review_date=date_text(item["review_date"], common, empty=none),
        )
        out.append(para(line, st["bullet"], bullet="•"))
    return out
