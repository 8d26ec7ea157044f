"""Every printed document, in both languages, from a real store: content, fonts, structure,
determinism, and the gate before printing."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from lead_desktop import documents
from lead_desktop.documents.templates import CONSENT_KINDS, TYPE_OF_KIND, load_template
from lead_desktop.domain.consent import REQUIRED_STATEMENTS
from lead_desktop.errors import ValidationError
from lead_desktop.store import casework, consents
from lead_desktop.store.schema import Document
from lead_desktop.store.store import Store
from tests.documents.world import (
    RECIPIENTS,
    TODAY,
    World,
    add_consent,
    add_person,
    body_text,
    flat,
    pdf_text,
)
from tests.helpers import HARD_NAMES, PASSPHRASE, REPO

LANGS = ("en", "es")


def build(store: Store, world: World, kind: str, name: str, lang: str, **kw: object):  # type: ignore[no-untyped-def]
    with store.read() as conn:
        return documents.build(
            kind,
            conn=conn,
            participant_id=world.people[name],
            language=lang,
            today=TODAY,
            **kw,  # type: ignore[arg-type]
        )


def qdf(pdf: bytes, tmp: Path) -> str:
    """The PDF with its streams uncompressed (qpdf --qdf), as text."""
    src, out = tmp / "in.pdf", tmp / "qdf.pdf"
    src.write_bytes(pdf)
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(src), str(out)], check=True)
    return out.read_bytes().decode("latin-1")


def expected_phrases(kind: str, lang: str) -> list[str]:
    """Wording from the kind's template that must appear in the printed body."""
    form = load_template(kind, lang)
    phrases = [form["title"], *form["headings"].values()]
    if kind in TYPE_OF_KIND:
        ctype = TYPE_OF_KIND[kind]
        keys = list(REQUIRED_STATEMENTS[ctype])
        covered = any(r.get("hipaa_covered") for r in RECIPIENTS[ctype])
        if not covered:
            keys.remove("hipaa_redisclosure")
        phrases += [form["statements"][k].replace("{discloser}", "Baltimore LEAD") for k in keys]
    elif kind == "revocation":
        phrases += [form["statements"]["reliance"]]
    elif kind == "disclosures":
        phrases += [form["statements"]["notice_full"]]
    return [flat(p) for p in phrases]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", documents.KINDS)
def test_every_kind_prints_its_elements_and_the_name_as_entered(
    world_store: tuple[Store, World], kind: str, lang: str, tmp: Path
) -> None:
    store, world = world_store
    common = load_template("common", lang)
    for name in HARD_NAMES:
        kw = {}
        if kind == "revocation":  # a revocable consent of this person
            kw["consent_id"] = world.consents[(name, "release")]
        doc = build(store, world, kind, name, lang, **kw)
        assert doc.kind == kind and doc.language == lang and doc.template_version == "2026.1"
        body = body_text(doc.pdf, doc.pages, tmp)
        assert name in body, (kind, lang, name)
        for phrase in expected_phrases(kind, lang):
            assert phrase in body, (kind, lang, phrase[:60])
        for page in range(1, doc.pages + 1):
            text = flat(pdf_text(doc.pdf, tmp, page=page))
            assert common["page"]["page_of"].format(page=page) + f" {doc.pages}" in text
            assert doc.document_id in text
            assert f"{kind} v{doc.template_version} ({lang})" in text
            assert "Baltimore LEAD" in text and "410-555-0100" in text
        if kind in CONSENT_KINDS.values():
            ctype = TYPE_OF_KIND[kind]
            for recipient in RECIPIENTS[ctype]:
                assert flat(recipient["name"]) in body
            assert "1980" in body  # date of birth, as identifier
        if kind == "service-plan":
            assert "Get my ID back, a safe bed, and see my daughter on Sundays." in body
            assert "Step 3 of goal 8" in body and "Weinberg Housing, bed 12" in body
            assert "Office of the State's Attorney" in body  # shared with the justice partners


@pytest.mark.parametrize("lang", LANGS)
def test_disclosures_and_cover_sheet_carry_the_2_32_notice(
    world_store: tuple[Store, World], lang: str, tmp: Path
) -> None:
    store, world = world_store
    name = HARD_NAMES[0]
    notice = load_template("disclosure-cover", lang)["statements"]
    with store.read() as conn:
        cover = documents.cover_sheet(
            conn=conn, disclosure_id=world.disclosures[name], language=lang
        )
    body = body_text(cover.pdf, cover.pages, tmp)
    assert flat(notice["notice_full"]) in body
    assert name in body and "Health Care for the Homeless" in body
    if lang == "es":  # the official English text goes with a translation
        assert flat(load_template("disclosure-cover", "en")["statements"]["notice_full"]) in body
    accounting = build(store, world, "disclosures", name, lang)
    text = body_text(accounting.pdf, accounting.pages, tmp)
    assert flat(notice["notice_full"]) in text
    assert "Monthly participation" in text and "Housing referral" in text  # table cells wrap


def test_the_short_notice_when_the_program_chooses_it(new_store: Store, tmp: Path) -> None:
    new_store.settings_set("program", {"name": "Baltimore LEAD", "disclosure_notice": "short"})
    with new_store.write() as tx:
        pid = add_person(tx, "José Núñez")
        cid = add_consent(tx, pid, "release", "José Núñez")
    with new_store.write() as tx:
        did = consents.record_disclosure(
            tx,
            consent_id=cid,
            recipient="Baltimore Housing Authority",
            purpose="Housing",
            what="Application",
            today=TODAY,
        )
    with new_store.read() as conn:
        cover = documents.cover_sheet(conn=conn, disclosure_id=did)
    body = body_text(cover.pdf, cover.pages, tmp)
    assert "42 CFR part 2 prohibits unauthorized use or disclosure of these records." in body


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded_and_qpdf_finds_no_fault(
    world_store: tuple[Store, World], lang: str, tmp: Path
) -> None:
    store, world = world_store
    name = HARD_NAMES[0]
    built = [
        build(store, world, kind, name, lang) for kind in documents.KINDS if kind != "revocation"
    ]
    built.append(
        build(store, world, "revocation", name, lang, consent_id=world.consents[(name, "tpo")])
    )
    with store.read() as conn:
        built.append(
            documents.cover_sheet(conn=conn, disclosure_id=world.disclosures[name], language=lang)
        )
    for doc in built:
        path = tmp / f"{doc.kind}.pdf"
        path.write_bytes(doc.pdf)
        check = subprocess.run(
            ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, (doc.kind, check.stdout, check.stderr)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = fonts.stdout.splitlines()[2:]
        assert rows, doc.kind
        for row in rows:
            assert "TrueType" in row and re.search(r"\byes\s+yes\s+yes\b", row), (doc.kind, row)
        structure = qdf(doc.pdf, tmp)
        assert structure.count("/FormXob.leadQr Do") == doc.pages  # a QR code on every page
        assert "Helvetica" not in structure


def test_same_inputs_give_the_same_bytes_even_in_another_process(
    world_store: tuple[Store, World], tmp: Path
) -> None:
    store, world = world_store
    name = HARD_NAMES[1]
    for kind in documents.KINDS:
        first = build(store, world, kind, name, "es")
        again = build(store, world, kind, name, "es")
        assert first.pdf == again.pdf and first.document_id == again.document_id, kind
    plan = build(store, world, "service-plan", name, "en")
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from lead_desktop.store.store import Store; from lead_desktop import documents\n"
        "with Store.unlock(Path(sys.argv[1]), 'tester', sys.argv[2]) as s, s.read() as c:\n"
        "    d = documents.build('service-plan', conn=c, participant_id=sys.argv[3],"
        " language='en', today=date(2026, 3, 10))\n"
        "print(d.sha256, d.document_id)\n"
    )
    env = {**os.environ, "TZ": "Pacific/Auckland", "SOURCE_DATE_EPOCH": "1234567890"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(store.root), PASSPHRASE, world.people[name]],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    assert done.stdout.split() == [plan.sha256, plan.document_id]
    assert "D:20260303000000+00'00'" in qdf(plan.pdf, tmp)  # creation date: the plan's date


def test_a_change_in_the_record_changes_the_document_id(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, "José Núñez")
        cid = add_consent(tx, pid, "release", "José Núñez", sign=False)
    with new_store.read() as conn:
        before = documents.build(
            "consent-release", conn=conn, participant_id=pid, language="en", today=TODAY
        )
    with new_store.write() as tx:
        consents.update_consent(tx, cid, data={"purpose": "To coordinate benefits"})
    with new_store.read() as conn:
        after = documents.build(
            "consent-release", conn=conn, participant_id=pid, language="en", today=TODAY
        )
    assert before.document_id != after.document_id and before.sha256 != after.sha256


def test_incomplete_consent_is_refused_unless_draft(new_store: Store, tmp: Path) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, "Zoë O'Brien-Ćosić")
        cid = casework.create_consent(tx, participant_id=pid, data={"consent_type": "tpo"})
        consents.update_consent(tx, cid, data={"purpose": "any purpose", "signer_name": "Zoë"})
    with pytest.raises(ValidationError) as caught, new_store.read() as conn:
        documents.build("consent-tpo", conn=conn, participant_id=pid, language="en", today=TODAY)
    fields = {i.field for i in caught.value.issues}
    assert fields == {"recipients", "information", "purpose", "expiry_date"}
    with new_store.read() as conn:
        draft = documents.build(
            "consent-tpo", conn=conn, participant_id=pid, language="en", draft=True, today=TODAY
        )
    assert draft.draft
    for page in range(1, draft.pages + 1):
        assert "DRAFT" in pdf_text(draft.pdf, tmp, page=page)


def test_an_unsigned_complete_consent_prints_for_signing_on_paper(
    new_store: Store, tmp: Path
) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, "José Núñez")
        add_consent(tx, pid, "counseling_notes", "José Núñez", sign=False)
    with new_store.read() as conn:
        doc = documents.build(
            "consent-counseling-notes", conn=conn, participant_id=pid, language="es", today=TODAY
        )
    body = body_text(doc.pdf, doc.pages, tmp)
    labels = load_template("common", "es")["labels"]
    for caption in ("signature", "date", "printed_name", "witness"):
        assert labels[caption] in body
    assert "BORRADOR" not in body and not doc.draft


def test_revocation_form_shows_date_and_method_and_cj_waits_for_disposition(
    new_store: Store, tmp: Path
) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, "José Núñez")
        cj = add_consent(tx, pid, "criminal_justice", "José Núñez")
        release = add_consent(tx, pid, "release", "José Núñez")
        consents.revoke_consent(
            tx,
            release,
            revoked_at="2026-03-09",
            method="letter handed to the case manager",
            today=TODAY,
        )
    with pytest.raises(ValidationError) as caught, new_store.read() as conn:
        documents.build(
            "revocation", conn=conn, participant_id=pid, language="en", consent_id=cj, today=TODAY
        )
    assert caught.value.issues[0].field == "final_disposition_date"
    with new_store.read() as conn:
        doc = documents.build(
            "revocation",
            conn=conn,
            participant_id=pid,
            language="en",
            consent_id=release,
            today=TODAY,
        )
        signed_form = documents.build(
            "consent-release", conn=conn, participant_id=pid, language="en", today=TODAY
        )
    body = body_text(doc.pdf, doc.pages, tmp)
    assert "Revoked on March 9, 2026. How: letter handed to the case manager." in body
    assert "REVOKED" in body_text(signed_form.pdf, signed_form.pages, tmp)


def test_demo_store_and_large_print(
    world_store: tuple[Store, World], new_store: Store, tmp: Path
) -> None:
    store, world = world_store
    name = HARD_NAMES[2]
    normal = build(store, world, "service-plan", name, "en")
    large = build(store, world, "service-plan", name, "en", large_print=True)
    assert large.pages > normal.pages and large.document_id != normal.document_id
    assert re.search(r" 14 Tf", qdf(large.pdf, tmp)) and not re.search(
        r" 14 Tf", qdf(normal.pdf, tmp)
    )
    new_store.settings_set("demo", True)
    with new_store.write() as tx:
        pid = add_person(tx, name)
        casework.create_plan(tx, data={"participant_id": pid, "plan_date": "2026-03-03"})
    with new_store.read() as conn:
        demo = documents.build(
            "service-plan", conn=conn, participant_id=pid, language="es", today=TODAY
        )
    for page in range(1, demo.pages + 1):
        assert "DEMO" in pdf_text(demo.pdf, tmp, page=page)
    assert "DEMO" not in pdf_text(normal.pdf, tmp)


def test_program_logo_is_printed(new_store: Store, tmp: Path) -> None:
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (120, 40), (20, 60, 140)).save(png, format="PNG")
    logo = base64.b64encode(png.getvalue()).decode()
    new_store.settings_set("program", {"name": "Baltimore LEAD", "logo": logo})
    with new_store.write() as tx:
        pid = add_person(tx, "José Núñez")
    with new_store.read() as conn:
        doc = documents.build(
            "disclosures", conn=conn, participant_id=pid, language="en", today=TODAY
        )
    assert "/Subtype /Image" in qdf(doc.pdf, tmp)


def test_printed_documents_are_recorded_and_reprints_verified(new_store: Store) -> None:
    with new_store.write() as tx:
        pid = add_person(tx, "Nguyễn Thị Minh Khai")
        cid = add_consent(tx, pid, "tpo", "Nguyễn Thị Minh Khai")
        plan_id = casework.create_plan(tx, data={"participant_id": pid, "plan_date": "2026-03-03"})
    with new_store.read() as conn:
        consent_doc = documents.build(
            "consent-tpo",
            conn=conn,
            participant_id=pid,
            language="es",
            large_print=True,
            today=TODAY,
        )
        plan_doc = documents.build(
            "service-plan", conn=conn, participant_id=pid, language="en", today=TODAY
        )
    with new_store.write() as tx:
        consent_row = documents.record_printed(tx, consent_doc, participant_id=pid)
        plan_row = documents.record_printed(tx, plan_doc, participant_id=pid)
    with new_store.read() as conn:
        stored = conn.execute(select(Document).where(Document.id == consent_row)).mappings().one()
        assert (stored["kind"], stored["template_version"], stored["language"]) == (
            "consent-tpo",
            "2026.1",
            "es",
        )
        assert stored["sha256"] == consent_doc.sha256 and stored["consent_id"] == cid
        assert documents.verify_reprint(conn, consent_row, today=TODAY).matches
        assert documents.verify_reprint(conn, plan_row, today=TODAY).matches
    with new_store.write() as tx:
        casework.update_plan(tx, plan_id, data={"priorities": "A place to sleep"})
    with new_store.read() as conn:
        check = documents.verify_reprint(conn, plan_row, today=TODAY)
    assert not check.matches and "changed" in check.reason
    draft = consent_doc.__class__(**{**consent_doc.__dict__, "draft": True})
    with pytest.raises(Exception, match="draft"), new_store.write() as tx:
        documents.record_printed(tx, draft, participant_id=pid)


def test_unknown_kind_language_or_participant(world_store: tuple[Store, World]) -> None:
    store, world = world_store
    with pytest.raises(ValidationError), store.read() as conn:
        documents.build(
            "consent-all", conn=conn, participant_id=world.people[HARD_NAMES[0]], language="en"
        )
    with pytest.raises(Exception, match="no forms in 'fr'"), store.read() as conn:
        documents.build(
            "service-plan", conn=conn, participant_id=world.people[HARD_NAMES[0]], language="fr"
        )
    with pytest.raises(Exception, match="no participant"), store.read() as conn:
        documents.build("service-plan", conn=conn, participant_id="nobody", language="en")


def test_the_qr_code_reads_back_as_the_document_id(
    world_store: tuple[Store, World], tmp: Path
) -> None:
    store, world = world_store
    doc = build(store, world, "service-plan", HARD_NAMES[0], "en")
    (tmp / "plan.pdf").write_bytes(doc.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(tmp / "plan.pdf"), str(tmp / "page")], check=True
    )
    for page in sorted(tmp.glob("page-*.png")):
        read = subprocess.run(
            ["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True, check=True
        )
        assert read.stdout.strip() == f"LEAD-DOC {doc.document_id} service-plan en 2026.1"
