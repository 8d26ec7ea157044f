"""Document preview and printing: the PDF shown from memory, the gate, print, save, reprint."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection, select

from lead_desktop import documents
from lead_desktop.store import casework, consents, record_queries
from lead_desktop.store.participants import update_participant
from lead_desktop.store.schema import AuditEvent
from lead_desktop.ui.context import AppContext, Change
from lead_desktop.ui.documents.preview import DocumentPreview
from lead_desktop.ui.documents.printing import print_document
from lead_desktop.ui.record.documents_tab import DocumentsTab
from lead_desktop.ui.record.plan_tab import PlanTab
from tests.documents import world

NAME = "José Núñez"
TODAY = date.today()


# -- setting up ------------------------------------------------------------------------------


def _person(ctx: AppContext) -> str:
    assert ctx.store is not None
    ctx.store.settings_set("program", world.PROGRAM)
    with ctx.store.write() as tx:
        return world.add_person(tx, NAME)


def _draft_consent(ctx: AppContext, pid: str, **changes: Any) -> str:
    """A draft release consent, complete but for ``changes`` (e.g. ``purpose=""``)."""
    assert ctx.store is not None
    data = world.complete_consent("release", NAME)
    data["expiry_date"] = (TODAY + timedelta(days=180)).isoformat()
    data.update(changes)
    with ctx.store.write() as tx:
        cid = casework.create_consent(
            tx, participant_id=pid, data={"consent_type": "release", "language": "en"}
        )
        consents.update_consent(tx, cid, data=data)
    return cid


def _settle(qtbot: QtBot, ctx: AppContext) -> None:
    for _ in range(3):
        ctx.ops.drain()
        qtbot.wait(30)


def _child(parent: QWidget, cls: type[Any], name: str) -> Any:
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def _open(qtbot: QtBot, ctx: AppContext, **options: Any) -> DocumentPreview:
    preview = DocumentPreview(ctx, **options)
    qtbot.addWidget(preview)
    preview.resize(1100, 800)
    with qtbot.waitSignal(preview.sig_built, timeout=15000):
        preview.show()
    qtbot.waitExposed(preview)
    return preview


def _rebuilt(qtbot: QtBot, preview: DocumentPreview, act: Any) -> None:
    with qtbot.waitSignal(preview.sig_built, timeout=15000):
        act()


def _top_level(qtbot: QtBot, cls: type[Any], name: str) -> Any:
    def find() -> Any:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, cls) and widget.objectName() == name and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: find() is not None, timeout=3000)
    return find()


def _choose_file(chooser: QFileDialog, path: Path) -> None:
    """Pick the file in the file dialog and accept it, as a user would with Save."""
    chooser.setFocus()  # the file name field takes a selected file only when it has no focus
    chooser.selectFile(str(path))
    assert chooser.selectedFiles() == [str(path)]
    chooser.accept()


def _pdf_pages(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _actions(conn: Connection) -> list[str]:
    return list(conn.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def _files(folder: Path, skip: Path | None = None) -> set[Path]:
    return {
        p for p in folder.rglob("*") if p.is_file() and (skip is None or not p.is_relative_to(skip))
    }


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temp folder of this test's own, as both Python and Qt see the system temp folder."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


# -- printing headless -----------------------------------------------------------------------


def test_print_document_paints_every_page_on_the_printer(ctx: AppContext, tmp_path: Path) -> None:
    pid = _person(ctx)
    assert ctx.store is not None
    with ctx.store.write() as tx:
        world.add_plan(tx, pid)
    with ctx.store.read() as conn:
        doc = documents.build("service-plan", conn=conn, participant_id=pid, language="en")
    assert doc.pages > 1
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert print_document(doc.pdf, printer) == doc.pages
    assert out.stat().st_size > 10_000
    assert _pdf_pages(out) == doc.pages

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer.setFromTo(2, 2)  # the page range chosen in the print dialog
    assert print_document(doc.pdf, printer) == 1
    assert _pdf_pages(tmp_path / "page2.pdf") == 1


# -- the preview and the gate ----------------------------------------------------------------


def test_an_incomplete_consent_previews_as_a_draft_until_it_is_complete(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _person(ctx)
    cid = _draft_consent(ctx, pid, purpose="")
    preview = _open(
        qtbot, ctx, kind="consent-release", participant_id=pid, language="en", consent_id=cid
    )
    doc = preview.document()
    assert doc is not None and doc.draft
    view = _child(preview, QPdfView, "document_view")
    assert view.document().pageCount() == doc.pages > 0
    assert _child(preview, QLabel, "preview_pages").text() == f"{doc.pages} page(s)"
    assert "DRAFT" in _child(preview, QLabel, "preview_status").text()
    assert "DRAFT" in _text(doc.pdf)
    gate = _child(preview, QListWidget, "preview_gate")
    items = [gate.item(i).text() for i in range(gate.count())]
    assert items == [
        "• The purpose is missing; say why the information is shared, "
        "e.g. 'to coordinate housing services'"
    ]
    final = _child(preview, QPushButton, "print_final")
    assert not final.isEnabled()
    reason = _child(preview, QLabel, "print_final_reason")
    assert reason.isVisible() and "lacks 1 item" in reason.text()
    assert final.toolTip() == reason.text()
    assert _child(preview, QPushButton, "print_draft").isEnabled()

    # Completing the consent (from another screen) refreshes the preview: now final.
    def complete(tx: Any) -> None:
        consents.update_consent(tx, cid, data={"purpose": "To coordinate housing services"})

    with qtbot.waitSignal(preview.sig_built, timeout=15000):
        ctx.write(complete, Change("consent", (pid, cid), {"participant_id": pid}))
    doc = preview.document()
    assert doc is not None and not doc.draft
    assert final.isEnabled()
    assert not reason.isVisible()
    assert not _child(preview, QPushButton, "print_draft").isEnabled()
    assert "Final form" in _child(preview, QLabel, "preview_status").text()
    assert "DRAFT" not in _text(doc.pdf)


def test_language_large_print_zoom_and_demo(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    cid = _draft_consent(ctx, pid)
    ctx.demo = True
    preview = _open(
        qtbot, ctx, kind="consent-release", participant_id=pid, language="en", consent_id=cid
    )
    english = preview.document()
    assert english is not None and english.language == "en" and not english.draft
    assert "DEMO" in _text(english.pdf)
    language = _child(preview, QComboBox, "preview_language")
    _rebuilt(qtbot, preview, lambda: language.setCurrentIndex(language.findData("es")))
    spanish = preview.document()
    assert spanish is not None and spanish.language == "es"
    assert "Consentimiento" in _text(spanish.pdf) or "consentimiento" in _text(spanish.pdf)
    large = _child(preview, QCheckBox, "preview_large_print")
    _rebuilt(qtbot, preview, lambda: qtbot.mouseClick(large, Qt.MouseButton.LeftButton))
    bigger = preview.document()
    assert bigger is not None and bigger.pages > spanish.pages
    view = _child(preview, QPdfView, "document_view")
    assert view.document().pageCount() == bigger.pages
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    before = view.zoomFactor()
    qtbot.mouseClick(_child(preview, QPushButton, "preview_zoom_in"), Qt.MouseButton.LeftButton)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() > before
    qtbot.mouseClick(_child(preview, QPushButton, "preview_fit"), Qt.MouseButton.LeftButton)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_a_missing_document_is_explained_instead_of_shown(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    preview = _open(qtbot, ctx, kind="service-plan", participant_id=pid, language="en")
    assert preview.document() is None
    assert "no service plan yet" in _child(preview, QLabel, "preview_notice").text()
    for name in ("print_final", "print_draft", "save_pdf"):
        assert not _child(preview, QPushButton, name).isEnabled()


# -- printing from the preview ---------------------------------------------------------------


def _print_through_dialog(qtbot: QtBot, preview: DocumentPreview, button: str, out: Path) -> None:
    qtbot.mouseClick(_child(preview, QPushButton, button), Qt.MouseButton.LeftButton)
    dialog = _top_level(qtbot, QPrintDialog, "print_dialog")
    printer = dialog.printer()
    assert printer.fullPage()
    assert "José" not in printer.docName() and "Núñez" not in printer.docName()
    printer.setResolution(96)  # quick
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    dialog.done(QDialog.DialogCode.Accepted)  # as if the user pressed Print


def test_print_final_prints_every_page_and_records_it_leaving_no_temp_file(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, private_temp: Path
) -> None:
    pid = _person(ctx)
    cid = _draft_consent(ctx, pid)
    system_temp = Path(tempfile.gettempdir())
    assert system_temp == private_temp
    out_dir = tmp_path / "printer"
    out_dir.mkdir()
    out = out_dir / "out.pdf"
    before_tmp, before_sys = _files(tmp_path, skip=ctx.root), _files(system_temp)

    preview = _open(
        qtbot, ctx, kind="consent-release", participant_id=pid, language="en", consent_id=cid
    )
    doc = preview.document()
    assert doc is not None and not doc.draft
    with qtbot.waitSignal(preview.sig_printed, timeout=15000) as printed:
        _print_through_dialog(qtbot, preview, "print_final", out)
    _settle(qtbot, ctx)

    assert _pdf_pages(out) == doc.pages
    assert out.stat().st_size > 0
    assert "recorded" in _child(preview, QLabel, "preview_message").text()
    assert ctx.store is not None
    with ctx.store.read() as conn:
        (row,) = record_queries.list_documents(conn, pid)
        assert documents.verify_reprint(conn, row["id"]).matches
    assert printed.args == [row["id"]]
    assert row["kind"] == "consent-release" and row["sha256"] == doc.sha256
    assert row["consent_id"] == cid
    preview.close()
    assert _files(tmp_path, skip=ctx.root) - before_tmp == {out}
    assert _files(system_temp) == before_sys
    # Nothing of ours in the store folder but the store itself.
    assert not [p for p in _files(ctx.root) if p.suffix == ".pdf"]


def test_a_printed_draft_is_audited_but_not_recorded(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    pid = _person(ctx)
    cid = _draft_consent(ctx, pid, purpose="")
    preview = _open(
        qtbot, ctx, kind="consent-release", participant_id=pid, language="en", consent_id=cid
    )
    with qtbot.waitSignal(ctx.sig_changed, timeout=15000):
        _print_through_dialog(qtbot, preview, "print_draft", tmp_path / "draft.pdf")
    _settle(qtbot, ctx)
    doc = preview.document()
    assert doc is not None
    assert _pdf_pages(tmp_path / "draft.pdf") == doc.pages
    assert ctx.store is not None
    with ctx.store.read() as conn:
        assert record_queries.list_documents(conn, pid) == []
        actions = _actions(conn)
    assert "print_draft" in actions and "print" not in actions


# -- save as PDF -----------------------------------------------------------------------------


def test_save_as_pdf_warns_first_and_writes_only_after_confirmation(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, private_temp: Path
) -> None:
    pid = _person(ctx)
    cid = _draft_consent(ctx, pid)
    preview = _open(
        qtbot, ctx, kind="consent-release", participant_id=pid, language="en", consent_id=cid
    )
    doc = preview.document()
    assert doc is not None
    target = tmp_path / "chosen" / "consent.pdf"
    target.parent.mkdir()
    before = _files(tmp_path, skip=ctx.root)

    # Cancelled at the warning: no file dialog, nothing written.
    qtbot.mouseClick(_child(preview, QPushButton, "save_pdf"), Qt.MouseButton.LeftButton)
    warning = _top_level(qtbot, QMessageBox, "save_pdf_warning")
    assert "not be encrypted" in warning.text()
    assert not any(
        isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    qtbot.mouseClick(_child(warning, QPushButton, "save_pdf_cancel"), Qt.MouseButton.LeftButton)
    _settle(qtbot, ctx)
    assert not any(
        isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )

    # Confirmed: the file dialog, then the bytes, written whole and readable by the owner only.
    qtbot.mouseClick(_child(preview, QPushButton, "save_pdf"), Qt.MouseButton.LeftButton)
    warning = _top_level(qtbot, QMessageBox, "save_pdf_warning")
    qtbot.mouseClick(_child(warning, QPushButton, "save_pdf_confirm"), Qt.MouseButton.LeftButton)
    chooser = _top_level(qtbot, QFileDialog, "save_pdf_dialog")
    assert NAME.split(maxsplit=1)[0] not in chooser.selectedFiles()[0]
    with qtbot.waitSignal(ctx.sig_changed, timeout=15000):
        _choose_file(chooser, target)
    _settle(qtbot, ctx)
    assert target.read_bytes() == doc.pdf
    assert (target.stat().st_mode & 0o777) == 0o600
    assert _files(tmp_path, skip=ctx.root) - before == {target}
    assert _files(private_temp) == set()
    assert "not encrypted" in _child(preview, QLabel, "preview_message").text()
    assert ctx.store is not None
    with ctx.store.read() as conn:
        (row,) = record_queries.list_documents(conn, pid)
        assert "export" in _actions(conn)
    assert row["sha256"] == doc.sha256


# -- the plan and documents tabs -------------------------------------------------------------


def _show(qtbot: QtBot, ctx: AppContext, widget: QWidget) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    _settle(qtbot, ctx)
    return widget


def _preview_of(qtbot: QtBot, parent: QWidget) -> DocumentPreview:
    qtbot.waitUntil(lambda: parent.findChild(DocumentPreview) is not None, timeout=3000)
    preview = parent.findChild(DocumentPreview)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.document() is not None, timeout=15000)
    return preview


def test_the_plan_tab_previews_the_saved_plan(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    assert ctx.store is not None
    with ctx.store.write() as tx:
        world.add_plan(tx, pid, goals=2)
        update_participant(tx, pid, data={"preferred_language": "Spanish"})
    tab = _show(qtbot, ctx, PlanTab(ctx, pid))
    button = _child(tab, QPushButton, "plan_print")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    preview = _preview_of(qtbot, tab)
    doc = preview.document()
    assert doc is not None and doc.kind == "service-plan" and not doc.draft
    assert doc.language == "es"  # the participant prefers Spanish
    assert _child(preview, QComboBox, "preview_language").currentData() == "es"
    assert not _child(preview, QWidget, "preview_gate_box").isVisible()
    preview.close()


def test_the_documents_tab_verifies_a_reprint_and_opens_its_preview(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _person(ctx)
    assert ctx.store is not None
    with ctx.store.write() as tx:
        world.add_plan(tx, pid, goals=2)
    tab = _show(qtbot, ctx, DocumentsTab(ctx, pid))
    verify = _child(tab, QPushButton, "document_verify")
    assert not verify.isEnabled()  # nothing printed yet
    with ctx.store.read() as conn:
        doc = documents.build("service-plan", conn=conn, participant_id=pid, language="en")
    ctx.write(
        lambda tx: documents.record_printed(tx, doc, participant_id=pid),
        Change("document", (pid,), {"participant_id": pid}),
    )
    _settle(qtbot, ctx)
    table = _child(tab, QAbstractItemView, "documents_list")
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert verify.isEnabled()
    qtbot.mouseClick(verify, Qt.MouseButton.LeftButton)
    _settle(qtbot, ctx)
    result = _child(tab, QLabel, "document_verify_result")
    assert result.text() == "Identical to the printed original."

    ctx.store.settings_set("program", {**world.PROGRAM, "phone": "410-555-0199"})
    qtbot.mouseClick(verify, Qt.MouseButton.LeftButton)
    _settle(qtbot, ctx)
    assert result.text().startswith("Differs from the printed original:")
    assert "program details changed" in result.text()

    qtbot.mouseClick(_child(tab, QPushButton, "document_preview_open"), Qt.MouseButton.LeftButton)
    preview = _preview_of(qtbot, tab)
    shown = preview.document()
    assert shown is not None and shown.kind == "service-plan"
    preview.close()


def test_no_personal_file_is_left_by_the_preview_in_the_real_temp_folder(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _person(ctx)
    cid = _draft_consent(ctx, pid)
    system_temp = Path(tempfile.gettempdir())
    before = {p.name for p in system_temp.iterdir()}
    preview = _open(
        qtbot, ctx, kind="consent-release", participant_id=pid, language="en", consent_id=cid
    )
    language = _child(preview, QComboBox, "preview_language")
    _rebuilt(qtbot, preview, lambda: language.setCurrentIndex(language.findData("es")))
    preview.close()
    new = [system_temp / n for n in {p.name for p in system_temp.iterdir()} - before]
    # Other programs may use the temp folder at the same time: none of what appeared is ours.
    ours = [p for p in new if p.is_file() and p.read_bytes()[:5] == b"%PDF-"]
    assert ours == []
    assert os.environ.get("TMPDIR", "") != str(ctx.root)
