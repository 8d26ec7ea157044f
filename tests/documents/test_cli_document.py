"""`lead-desktop document` as a real subprocess: refusal with the missing items, drafts,
recorded prints, and a file written whole."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from lead_desktop import documents
from lead_desktop.store import casework, consents
from lead_desktop.store.schema import Document
from lead_desktop.store.store import Store
from tests.documents.world import TODAY, add_consent, add_person, add_plan, flat, pdf_text
from tests.helpers import PASSPHRASE, run_cli

NAME = "José Núñez"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A CLI-made store with one person: an incomplete TPO consent, a signed release, a plan."""
    data_dir = tmp_path_factory.mktemp("cli") / "data"
    made = run_cli("init", "--worker", "ana", data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    with Store.unlock(data_dir / "store", None, PASSPHRASE) as store:
        with store.write() as tx:
            pid = add_person(tx, NAME)
            tpo = casework.create_consent(tx, participant_id=pid, data={"consent_type": "tpo"})
            consents.update_consent(tx, tpo, data={"purpose": "Any purpose", "signer_name": NAME})
            release = add_consent(tx, pid, "release", NAME)
            add_plan(tx, pid, release)
    return data_dir, {"pid": pid, "tpo": tpo, "release": release}


def test_an_incomplete_consent_is_refused_with_each_missing_item(
    data: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    data_dir, ids = data
    out = tmp_path / "tpo.pdf"
    result = run_cli(
        "document", "consent-tpo", "--participant", ids["pid"], "--out", str(out), data_dir=data_dir
    )
    assert result.returncode == 1 and not out.exists()
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("lead-desktop: error: 4 problem(s)")
    fields = {line.strip().split(":")[0] for line in lines[1:]}
    assert fields == {"recipients", "information", "purpose", "expiry_date"}
    assert any("'any purpose' is not a purpose" in line for line in lines)


def test_draft_prints_with_a_draft_mark_and_a_warning(
    data: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    data_dir, ids = data
    out = tmp_path / "tpo-draft.pdf"
    result = run_cli(
        "document",
        "consent-tpo",
        "--participant",
        ids["pid"],
        "--consent",
        ids["tpo"],
        "--out",
        str(out),
        "--draft",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr and NAME not in result.stderr
    assert "DRAFT" in pdf_text(out.read_bytes(), tmp_path)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with Store.unlock(data_dir / "store", None, PASSPHRASE) as store, store.read() as conn:
        kinds = conn.execute(select(Document.kind)).scalars().all()
    assert "consent-tpo" not in kinds  # drafts are not recorded as printed


def test_a_signed_consent_is_printed_recorded_and_verifiable(
    data: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    data_dir, ids = data
    out = tmp_path / "release.pdf"
    result = run_cli(
        "document",
        "consent-release",
        "--participant",
        ids["pid"],
        "--lang",
        "es",
        "--large-print",
        "--out",
        str(out),
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    sha = result.stdout.split("sha256 ")[1].split()[0]
    text = flat(pdf_text(out.read_bytes(), tmp_path))  # large print: the title wraps
    assert NAME in text and "Consentimiento para compartir información" in text
    with Store.unlock(data_dir / "store", None, PASSPHRASE) as store, store.read() as conn:
        row = conn.execute(select(Document).where(Document.sha256 == sha)).mappings().one()
        assert (row["kind"], row["language"], row["consent_id"]) == (
            "consent-release",
            "es",
            ids["release"],
        )
        assert documents.verify_reprint(conn, row["id"], today=TODAY).matches


def test_service_plan_and_usage_errors(data: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    data_dir, ids = data
    out = tmp_path / "plan.pdf"
    ok = run_cli(
        "document",
        "service-plan",
        "--participant",
        ids["pid"],
        "--out",
        str(out),
        data_dir=data_dir,
    )
    assert ok.returncode == 0, ok.stderr
    assert "Individual Intervention Plan" in pdf_text(out.read_bytes(), tmp_path)
    bad_kind = run_cli(
        "document", "consent-all", "--participant", ids["pid"], "--out", str(out), data_dir=data_dir
    )
    assert bad_kind.returncode == 2
    nobody = run_cli(
        "document", "service-plan", "--participant", "nobody", "--out", str(out), data_dir=data_dir
    )
    assert nobody.returncode == 1
    assert nobody.stderr.startswith("lead-desktop: error:") and len(nobody.stderr.splitlines()) == 1
    no_consent = run_cli(
        "document", "consent-cj", "--participant", ids["pid"], "--out", str(out), data_dir=data_dir
    )
    assert no_consent.returncode == 1 and "no criminal_justice consent" in no_consent.stderr
