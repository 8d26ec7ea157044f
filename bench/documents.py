"""Document build times: a signed consent and a realistic service plan, from a real store.

    python -m bench.documents [--runs N]

Each figure is ``documents.build(...)`` as the GUI and the CLI call it: reading the record from
the encrypted store, the consent gate, layout, font subsetting and the PDF bytes. The first build
of the process (font registration, template files) is timed on its own; then each kind is built
N times (50 by default) in turn. Results go to bench/results/documents.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bench.stats import machine, summary_ms
from lead_desktop import documents
from lead_desktop.store import casework, consents
from lead_desktop.store.keys import KdfParams
from lead_desktop.store.participants import create_participant
from lead_desktop.store.store import Store

logger = logging.getLogger("bench")
RESULTS = Path(__file__).resolve().parent / "results" / "documents.json"
BUDGETS_MS = {"consent": 100.0, "service_plan": 150.0}
TODAY = date(2026, 3, 10)
_DOMAINS = (
    "housing",
    "income_benefits",
    "insurance_health",
    "substance_use",
    "mental_health",
    "employment_education",
    "family_supports",
    "safety",
)
_RECIPIENTS = {
    "release": {"name": "Health Care for the Homeless", "hipaa_covered": True},
    "criminal_justice": {"name": "Office of the State's Attorney", "hipaa_covered": False},
}
_STROKES = [
    [[0.04 + 0.01 * i, 0.5 + 0.3 * ((-1) ** i) * (i % 5) / 5] for i in range(60)],
    [[0.7 + 0.004 * i, 0.45 + 0.002 * i] for i in range(40)],
]


def _populate(store: Store) -> dict[str, str]:
    """One participant with a signed release, a signed CJ consent and an 8-goal, 24-step plan."""
    store.settings_set(
        "program",
        {"name": "Baltimore LEAD", "address": "1 N Charles St, Baltimore MD", "phone": "410-555"},
    )
    with store.write() as tx:
        pid = create_participant(
            tx,
            data={
                "first_name": "Nguyễn",
                "middle_name": "Thị Minh",
                "last_name": "Khai",
                "dob": "1979-11-02",
            },
        )
        casework.create_referral(
            tx,
            data={
                "participant_id": pid,
                "referral_type": "social_contact",
                "referred_at": "2026-01-05",
            },
        )
        ids = {"pid": pid}
        for ctype, extra in (
            ("release", {"expiry_date": "2027-03-01"}),
            (
                "criminal_justice",
                {
                    "expiry_event": "30 days after the final disposition of case 24-CR-1234",
                    "expiry_reason": "Diversion lasts about six months",
                },
            ),
        ):
            cid = casework.create_consent(tx, participant_id=pid, data={"consent_type": ctype})
            consents.update_consent(
                tx,
                cid,
                data={
                    "recipients": [_RECIPIENTS[ctype]],
                    "information": {
                        "categories": ["attendance", "progress", "housing"],
                        "description": "Dates of contacts and housing applications",
                    },
                    "purpose": "To coordinate housing services and report participation",
                    "signer_name": "Nguyễn Thị Minh Khai",
                    **extra,
                },
            )
            consents.sign_consent(
                tx,
                cid,
                signature_kind="drawn",
                signed_at="2026-03-02",
                strokes=_STROKES,
                copy_method="handed over",
                today=TODAY,
            )
            ids[ctype] = cid
        plan = casework.create_plan(
            tx,
            data={
                "participant_id": pid,
                "plan_date": "2026-03-03",
                "review_date": "2026-06-01",
                "status": "active",
                "stage_of_change": "preparation",
                "priorities": "Get my ID back, a safe bed, and see my daughter on Sundays. " * 3,
                "immediate_needs": {
                    "shelter_tonight": {"state": "met", "note": "Weinberg Housing"},
                    "food": "needed",
                    "phone": True,
                    "id_documents": {"state": "in_progress", "note": "birth certificate"},
                    "naloxone": {"state": "met", "note": "two kits"},
                },
                "legal_coordination": "Diverted case 24-CR-1234; court date 2026-04-14.",
            },
        )
        for n, domain in enumerate(_DOMAINS):
            goal = casework.add_goal(
                tx,
                plan_id=plan,
                data={
                    "domain": domain,
                    "goal": f"A goal in the participant's words about {domain}, step by step",
                    "barriers": "No ID yet; the phone is often lost or stolen",
                    "position": n,
                },
            )
            for m, who in enumerate(("participant", "case_manager", "partner")):
                casework.add_step(
                    tx,
                    goal_id=goal,
                    data={
                        "description": f"Step {m + 1}: a concrete action with a place and a time",
                        "responsible": who,
                        "partner_name": "Health Care for the Homeless"
                        if who == "partner"
                        else None,
                        "target_date": f"2026-0{4 + m}-15",
                        "status": ("open", "in_progress", "done")[m],
                        "consent_id": ids["release"] if who == "partner" else None,
                        "position": m,
                    },
                )
    return ids


def _build(store: Store, kind: str, pid: str) -> tuple[float, documents.BuiltDocument]:
    started = time.perf_counter()
    with store.read() as conn:
        doc = documents.build(kind, conn=conn, participant_id=pid, language="en", today=TODAY)
    return time.perf_counter() - started, doc


def run(runs: int) -> dict[str, Any]:
    """Build each kind ``runs`` times in turn; return the figures."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="lead-bench-docs-") as tmp:
        store = Store.create(
            Path(tmp) / "store", "bench", "granite lantern velvet orbit 42", kdf=KdfParams(1, 8192)
        )
        try:
            ids = _populate(store)
            first, _ = _build(store, "consent-release", ids["pid"])
            out["first_build_ms"] = first * 1000
            kinds = {
                "consent": "consent-release",
                "consent_cj": "consent-cj",
                "service_plan": "service-plan",
            }
            times: dict[str, list[float]] = {k: [] for k in kinds}
            for _ in range(runs):
                for key, kind in kinds.items():
                    seconds, doc = _build(store, kind, ids["pid"])
                    times[key].append(seconds)
                    out[f"{key}_pages"] = doc.pages
                    out[f"{key}_bytes"] = len(doc.pdf)
            for key, values in times.items():
                stats = summary_ms(values)
                out[f"{key}_p50_ms"] = stats["p50"]
                out[f"{key}_p95_ms"] = stats["p95"]
                out[f"{key}_max_ms"] = stats["max"]
        finally:
            store.close()
    out["runs"] = runs
    return out


def main(argv: list[str] | None = None) -> int:
    """Run, print a table, write bench/results/documents.json; exit 1 if a budget is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.documents", description=__doc__)
    parser.add_argument("--runs", type=int, default=50, help="builds of each kind (default 50)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    logger.info("building documents %d times each", args.runs)
    results: dict[str, Any] = {
        "command": "python -m bench.documents" + "".join(f" {a}" for a in sys.argv[1:]),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        **run(args.runs),
    }
    ok = True
    rows = [("what", "pages", "p50 ms", "p95 ms", "max ms", "budget", "verdict")]
    for key, title in (
        ("consent", "consent PDF (release)"),
        ("consent_cj", "consent PDF (criminal justice)"),
        ("service_plan", "service plan (8 goals, 24 steps)"),
    ):
        budget = BUDGETS_MS["service_plan" if key == "service_plan" else "consent"]
        verdict = "ok" if results[f"{key}_p95_ms"] <= budget else "MISSED"
        ok = ok and verdict == "ok"
        results[f"{key}_budget_ms"] = budget
        rows.append(
            (
                title,
                str(results[f"{key}_pages"]),
                f"{results[f'{key}_p50_ms']:.1f}",
                f"{results[f'{key}_p95_ms']:.1f}",
                f"{results[f'{key}_max_ms']:.1f}",
                f"≤ {budget:.0f}",
                verdict,
            )
        )
    rows.append(
        ("first build of the process", "", f"{results['first_build_ms']:.1f}", "", "", "", "")
    )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + "\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}
    args.out.write_text(json.dumps(clean, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
