"""A small, complete caseload for document tests: people with hard names, signed consents of
every type, a realistic plan and disclosures, in a real encrypted store."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lead_desktop.store import casework, consents
from lead_desktop.store.participants import create_participant
from lead_desktop.store.store import Store
from lead_desktop.store.tx import Tx

TODAY = date(2026, 3, 10)
REFERRED = "2026-01-05T10:00"
SIGNED = "2026-03-02"
PROGRAM = {
    "name": "Baltimore LEAD",
    "address": "1 N Charles St, Baltimore MD 21201",
    "phone": "410-555-0100",
}
#: first, middle, last such that the printed full name is exactly the HARD_NAMES entry.
NAME_PARTS = {
    "Nguyễn Thị Minh Khai": ("Nguyễn", "Thị Minh", "Khai"),
    "Zoë O'Brien-Ćosić": ("Zoë", None, "O'Brien-Ćosić"),
    "José Núñez": ("José", None, "Núñez"),
}
STROKES = [
    [[0.05, 0.7], [0.1, 0.3], [0.18, 0.62], [0.27, 0.25], [0.36, 0.72]],
    [[0.45, 0.55], [0.6, 0.4], [0.92, 0.5]],
]
RECIPIENTS: dict[str, list[dict[str, Any]]] = {
    "release": [
        {"name": "Health Care for the Homeless", "hipaa_covered": True, "address": "421 Fallsway"},
        {"name": "Baltimore Housing Authority", "hipaa_covered": False},
    ],
    "tpo": [
        {"name": "My treating providers and health plans", "kind": "class", "hipaa_covered": True}
    ],
    "criminal_justice": [{"name": "Office of the State's Attorney", "hipaa_covered": False}],
    "counseling_notes": [{"name": "Dr. Ana Ruiz, psychiatrist", "hipaa_covered": True}],
    "legal_proceedings": [{"name": "Office of the Public Defender", "hipaa_covered": False}],
}
INFORMATION: dict[str, dict[str, Any]] = {
    "release": {"categories": ["attendance", "housing"], "description": "Housing applications"},
    "tpo": {"categories": ["treatment", "medication"], "description": ""},
    "criminal_justice": {
        "categories": ["attendance", "progress"],
        "description": "Whether the participant attends and engages",
    },
    "counseling_notes": {"categories": ["counseling_notes"], "description": "Sessions in March"},
    "legal_proceedings": {
        "categories": ["legal_proceedings"],
        "description": "Attendance records for case 24-CR-1234, Circuit Court for Baltimore City",
    },
}
PURPOSES = {
    "release": "To coordinate housing services",
    "tpo": "Treatment, payment and health care operations",
    "criminal_justice": "To report participation in LEAD as a condition of diversion",
    "counseling_notes": "At the request of the patient",
    "legal_proceedings": "To show attendance in the pending case",
}


def complete_consent(ctype: str, signer: str) -> dict[str, Any]:
    """Every field a consent of this type needs before signing (draft fields only)."""
    data: dict[str, Any] = {
        "recipients": RECIPIENTS[ctype],
        "information": INFORMATION[ctype],
        "purpose": PURPOSES[ctype],
        "signer_name": signer,
        "signer_role": "participant",
    }
    if ctype == "criminal_justice":
        data["expiry_event"] = "30 days after the final disposition of case 24-CR-1234"
        data["expiry_reason"] = "Diversion lasts about six months; the case stays open until then"
    else:
        data["expiry_date"] = "2027-03-01"
    return data


def add_person(tx: Tx, name: str, dob: str = "1980-03-05") -> str:
    """A participant whose printed name is ``name``, referred on REFERRED."""
    first, middle, last = NAME_PARTS[name]
    pid = create_participant(
        tx,
        data={"first_name": first, "middle_name": middle, "last_name": last, "dob": dob},
        today=TODAY,
    )
    casework.create_referral(
        tx,
        data={"participant_id": pid, "referral_type": "social_contact", "referred_at": REFERRED},
    )
    return pid


def add_consent(
    tx: Tx, pid: str, ctype: str, signer: str, *, sign: bool = True, language: str = "en"
) -> str:
    """A complete consent of ``ctype``; signed on screen on SIGNED unless ``sign`` is false."""
    cid = casework.create_consent(
        tx, participant_id=pid, data={"consent_type": ctype, "language": language}
    )
    consents.update_consent(tx, cid, data=complete_consent(ctype, signer))
    if sign:
        consents.sign_consent(
            tx,
            cid,
            signature_kind="drawn",
            signed_at=SIGNED,
            strokes=STROKES,
            copy_method="printed copy handed over",
            today=TODAY,
        )
    return cid


def add_plan(tx: Tx, pid: str, consent_id: str | None = None, *, goals: int = 8) -> str:
    """A realistic plan: ``goals`` goals over the domains, three steps each."""
    domains = ["housing", "income_benefits", "insurance_health", "substance_use"]
    domains += ["mental_health", "employment_education", "family_supports", "safety"]
    casework.create_plan(
        tx,
        data={"participant_id": pid, "plan_date": "2026-01-20", "status": "reviewed", "version": 1},
    )
    plan_id = casework.create_plan(
        tx,
        data={
            "participant_id": pid,
            "version": 2,
            "plan_date": "2026-03-03",
            "review_date": "2026-06-01",
            "status": "active",
            "stage_of_change": "preparation",
            "priorities": "Get my ID back, a safe bed, and see my daughter on Sundays.",
            "immediate_needs": {
                "shelter_tonight": {"state": "met", "note": "Weinberg Housing, bed 12"},
                "food": "needed",
                "phone": True,
                "id_documents": {"state": "in_progress", "note": "birth certificate ordered"},
                "naloxone": {"state": "met", "note": "two kits given"},
            },
            "legal_coordination": "Diverted case 24-CR-1234; court date 2026-04-14.",
        },
    )
    for n in range(goals):
        goal_id = casework.add_goal(
            tx,
            plan_id=plan_id,
            data={
                "domain": domains[n % len(domains)],
                "goal": f"Goal {n + 1}: stable steps toward {domains[n % len(domains)]}",
                "barriers": "No ID yet; phone often lost",
                "position": n,
            },
        )
        for m, who in enumerate(("participant", "case_manager", "partner")):
            casework.add_step(
                tx,
                goal_id=goal_id,
                data={
                    "description": f"Step {m + 1} of goal {n + 1}",
                    "responsible": who,
                    "partner_name": "Health Care for the Homeless" if who == "partner" else None,
                    "target_date": f"2026-0{4 + m}-15",
                    "status": ("open", "in_progress", "done")[m],
                    "consent_id": consent_id if who == "partner" else None,
                    "position": m,
                },
            )
    return plan_id


@dataclass
class World:
    """The ids of what was stored."""

    people: dict[str, str] = field(default_factory=dict)  # name -> participant id
    consents: dict[tuple[str, str], str] = field(default_factory=dict)  # (name, type) -> id
    plans: dict[str, str] = field(default_factory=dict)
    disclosures: dict[str, str] = field(default_factory=dict)


def populate(store: Store, names: tuple[str, ...]) -> World:
    """Store people, one signed consent of each type each, a plan and two disclosures each."""
    world = World()
    store.settings_set("program", PROGRAM)
    with store.write() as tx:
        for name in names:
            pid = add_person(tx, name)
            world.people[name] = pid
            for ctype in RECIPIENTS:
                world.consents[(name, ctype)] = add_consent(tx, pid, ctype, name)
            world.plans[name] = add_plan(tx, pid, world.consents[(name, "release")])
    with store.write() as tx:
        for name in names:
            cj = world.consents[(name, "criminal_justice")]
            consents.record_disclosure(
                tx,
                consent_id=cj,
                recipient="Office of the State's Attorney",
                purpose="Monthly participation report",
                what="Attendance in March",
                disclosed_at="2026-03-05T15:00:00Z",
                method="secure email",
                today=TODAY,
            )
            world.disclosures[name] = consents.record_disclosure(
                tx,
                consent_id=world.consents[(name, "release")],
                recipient="Health Care for the Homeless",
                purpose="Housing referral",
                what="Housing application and attendance",
                disclosed_at="2026-03-06T09:30:00Z",
                method="fax",
                today=TODAY,
            )
    return world


def pdf_text(pdf: bytes, tmp: Path, *, page: int | None = None) -> str:
    """The text of a PDF (or one page) as pdftotext extracts it."""
    path = tmp / "extract.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Whitespace collapsed, for matching sentences across line breaks."""
    return " ".join(text.split())


def body_text(pdf: bytes, pages: int, tmp: Path) -> str:
    """The text of every page without its header (2 lines) and footer (3 lines), flattened."""
    out = []
    for n in range(1, pages + 1):
        lines = [ln for ln in pdf_text(pdf, tmp, page=n).splitlines() if ln.strip()]
        out.append(" ".join(lines[2:-3]))
    return flat(" ".join(out))


def have_tools() -> bool:
    """Whether poppler-utils and qpdf are installed (scripts/bootstrap.sh installs them)."""
    return all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm", "qpdf"))
