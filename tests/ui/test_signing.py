"""Signing, revoking and disclosing consents from the consents tab, through the real dialogs."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from lead_desktop.documents import COVER_KIND
from lead_desktop.domain import consent as rules
from lead_desktop.store import casework, consents
from lead_desktop.store.schema import Attachment
from lead_desktop.store.tx import Tx
from lead_desktop.ui.context import AppContext, Change
from lead_desktop.ui.documents.preview import DocumentPreview
from lead_desktop.ui.record.consents_tab import ConsentsTab
from lead_desktop.ui.record.fields import ErrorLabel
from tests.documents import world
from tests.ui.driving import child, click, focused, settle, show

NAME = "José Núñez"
TODAY = date.today()


# -- setting up ------------------------------------------------------------------------------


def _consent(tx: Tx, pid: str, ctype: str, *, signed: date | None = None, **changes: Any) -> str:
    """A complete consent of ``ctype`` (valid today); signed on screen on ``signed`` if given."""
    cid = casework.create_consent(
        tx, participant_id=pid, data={"consent_type": ctype, "language": "en"}
    )
    data = world.complete_consent(ctype, NAME)
    if ctype != "criminal_justice":
        data["expiry_date"] = (TODAY + timedelta(days=180)).isoformat()
    data.update(changes)
    consents.update_consent(tx, cid, data=data)
    if signed is not None:
        consents.sign_consent(
            tx,
            cid,
            signature_kind="drawn",
            signed_at=signed,
            strokes=world.STROKES,
            copy_method="Handed over in person",
        )
    return cid


def _person(ctx: AppContext) -> str:
    assert ctx.store is not None
    ctx.store.settings_set("program", world.PROGRAM)
    with ctx.store.write() as tx:
        return world.add_person(tx, NAME)


def _stored(ctx: AppContext, cid: str) -> dict[str, Any]:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        return consents.get_consent(conn, cid)


def _tab(qtbot: QtBot, ctx: AppContext, pid: str) -> ConsentsTab:
    return show(qtbot, ctx, ConsentsTab(ctx, pid))


def _selected(
    qtbot: QtBot, ctx: AppContext, ctype: str, **consent: Any
) -> tuple[ConsentsTab, str, str]:
    """The consents tab of a new person with one consent (see :func:`_consent`), selected;
    with the person's and the consent's ids."""
    pid = _person(ctx)
    assert ctx.store is not None
    with ctx.store.write() as tx:
        cid = _consent(tx, pid, ctype, **consent)
    tab = _tab(qtbot, ctx, pid)
    _select(qtbot, tab)
    return tab, pid, cid


def _select(qtbot: QtBot, tab: ConsentsTab, row: int = 0) -> None:
    table = child(tab, QAbstractItemView, "consents_list")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _dialog(qtbot: QtBot, ctx: AppContext, parent: QWidget, name: str) -> QDialog:
    qtbot.waitUntil(lambda: parent.findChild(QDialog, name) is not None, timeout=3000)
    dialog = parent.findChild(QDialog, name)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    settle(qtbot, ctx)
    return dialog


def _act(qtbot: QtBot, ctx: AppContext, tab: ConsentsTab, act: str) -> QDialog:
    """Press the tab's button for ``act`` (sign, revoke, disclose...) and wait for its dialog."""
    click(qtbot, tab, f"consent_{act}")
    return _dialog(qtbot, ctx, tab, f"{act}_dialog")


def _submit(qtbot: QtBot, ctx: AppContext, dialog: QWidget, name: str) -> Any:
    """Press the button that writes and wait for the write; the change it announced."""
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000) as signal:
        click(qtbot, dialog, name)
    settle(qtbot, ctx)
    return signal.args[0] if signal.args else None


def _preview(qtbot: QtBot, ctx: AppContext, tab: ConsentsTab) -> tuple[DocumentPreview, Any]:
    """The document preview opened over the tab, once its document is built."""
    preview = _dialog(qtbot, ctx, tab, "document_preview")
    assert isinstance(preview, DocumentPreview)
    qtbot.waitUntil(lambda: preview.document() is not None, timeout=10000)
    return preview, preview.document()


def _draw(qtbot: QtBot, canvas: QWidget, points: list[tuple[float, float]]) -> None:
    box = canvas.box()  # type: ignore[attr-defined]

    def at(x: float, y: float) -> QPoint:
        return QPoint(round(box.x() + x * box.width()), round(box.y() + y * box.height()))

    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=at(*points[0]))
    for point in points[1:]:
        qtbot.mouseMove(canvas, at(*point))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=at(*points[-1]))


def _gate_texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


# -- signing ---------------------------------------------------------------------------------


def test_a_signature_drawn_with_the_mouse_signs_the_consent(qtbot: QtBot, ctx: AppContext) -> None:
    tab, _, cid = _selected(qtbot, ctx, "release")
    assert "not signed" in child(tab, QLabel, "consent_selected").text()
    assert not child(tab, QPushButton, "consent_revoke").isEnabled()
    assert not child(tab, QPushButton, "consent_disclose").isEnabled()
    dialog = _act(qtbot, ctx, tab, "sign")
    gate = child(dialog, QListWidget, "sign_gate")
    assert any("signature" in t.lower() for t in _gate_texts(gate))
    assert any("no copy given" in t.lower() for t in _gate_texts(gate))

    canvas = child(dialog, QWidget, "signature_canvas")
    _draw(qtbot, canvas, [(0.1, 0.7), (0.2, 0.2), (0.3, 0.65), (0.45, 0.3)])
    _draw(qtbot, canvas, [(0.5, 0.5), (0.9, 0.45)])
    qtbot.mouseClick(child(dialog, QCheckBox, "sign_copy_given"), Qt.MouseButton.LeftButton)
    assert "Everything needed is here" in child(dialog, QLabel, "sign_gate_summary").text()
    drawn = dialog.pad.strokes()  # type: ignore[attr-defined]
    _submit(qtbot, ctx, dialog, "sign_submit")

    stored = _stored(ctx, cid)
    assert stored["status"] == "signed"
    assert stored["signature_kind"] == "drawn"
    assert stored["signed_at"] == TODAY.isoformat()
    assert stored["copy_given"] and stored["copy_method"] == "Handed over in person"
    with ctx.store.read() as conn:
        assert consents.signature_strokes(conn, stored["signature_attachment_id"]) == drawn
    table = child(tab, QAbstractItemView, "consents_list")
    assert table.model().index(0, 2).data() == "Signed"
    assert "signed on" in child(tab, QLabel, "consent_selected").text()
    assert not child(tab, QPushButton, "consent_sign").isEnabled()
    assert child(tab, QPushButton, "consent_disclose").isEnabled()


def test_signing_an_incomplete_consent_lists_what_is_missing_and_writes_nothing(
    qtbot: QtBot, ctx: AppContext
) -> None:
    tab, _, cid = _selected(qtbot, ctx, "release", purpose="")
    dialog = _act(qtbot, ctx, tab, "sign")
    assert any(
        "purpose is missing" in t for t in _gate_texts(child(dialog, QListWidget, "sign_gate"))
    )
    with ctx.store.read() as conn:
        blobs = conn.execute(select(func.count()).select_from(Attachment)).scalar()
    click(qtbot, dialog, "sign_submit")  # no signature drawn, no copy recorded
    settle(qtbot, ctx)

    pad_error = child(dialog, ErrorLabel, "error_signature")
    assert pad_error.isVisible() and "signature" in pad_error.message().lower()
    assert "no copy given" in child(dialog, ErrorLabel, "error_copy_method").message()
    general = child(dialog, ErrorLabel, "sign_general_error")
    assert "purpose is missing" in general.message()
    assert "Not signed" in child(dialog, QLabel, "sign_message").text()
    assert dialog.isVisible()
    assert _stored(ctx, cid)["status"] == "draft"
    with ctx.store.read() as conn:
        assert conn.execute(select(func.count()).select_from(Attachment)).scalar() == blobs


def test_an_incomplete_draft_is_completed_in_the_form_then_signed(
    qtbot: QtBot, ctx: AppContext
) -> None:
    tab, _, cid = _selected(qtbot, ctx, "release", purpose="")
    click(qtbot, tab, "consent_edit")
    save = child(tab, QPushButton, "consent_save")
    assert save.text().replace("&", "") == "Save changes"
    assert not child(tab, QWidget, "consent_type").isEnabled()
    gate = child(tab, QListWidget, "consent_gate")
    assert any("purpose is missing" in t for t in _gate_texts(gate))
    assert child(tab, QListWidget, "consent_recipients").count() == 2
    qtbot.keyClicks(child(tab, QLineEdit, "consent_purpose"), "To find housing")
    assert not any("purpose" in t for t in _gate_texts(gate))
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    stored = _stored(ctx, cid)
    assert stored["purpose"] == "To find housing" and stored["status"] == "draft"
    assert child(tab, QAbstractItemView, "consents_list").model().rowCount() == 1
    assert save.text().replace("&", "") == "Record consent"  # back to a new consent

    dialog = _act(qtbot, ctx, tab, "sign")  # the same consent is still selected
    _draw(qtbot, child(dialog, QWidget, "signature_canvas"), [(0.1, 0.5), (0.6, 0.4)])
    qtbot.mouseClick(child(dialog, QCheckBox, "sign_copy_given"), Qt.MouseButton.LeftButton)
    _submit(qtbot, ctx, dialog, "sign_submit")
    assert _stored(ctx, cid)["status"] == "signed"
    assert not child(tab, QPushButton, "consent_edit").isEnabled()


def test_signed_on_paper_by_keyboard_alone(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _person(ctx)
    assert ctx.store is not None
    with ctx.store.write() as tx:
        cid = _consent(tx, pid, "tpo")
    tab = _tab(qtbot, ctx, pid)
    table = child(tab, QAbstractItemView, "consents_list")
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert tab.selected_consent() is not None
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Sign…
    dialog = _dialog(qtbot, ctx, tab, "sign_dialog")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused().objectName() == "sign_date")
    assert focused().text() == TODAY.isoformat()  # type: ignore[attr-defined]

    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # On &paper
    qtbot.waitUntil(child(dialog, QWidget, "sign_on_paper").isChecked)  # buttons animate
    assert not child(dialog, QWidget, "signature_canvas").isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "sign_witness"  # the disabled pad is skipped
    qtbot.keyClicks(focused(), "Ana Ruiz")
    qtbot.keyClick(focused(), Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # a cop&y
    qtbot.waitUntil(child(dialog, QCheckBox, "sign_copy_given").isChecked)
    assert "Everything needed is here" in child(dialog, QLabel, "sign_gate_summary").text()
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # mark as &signed
    settle(qtbot, ctx)

    stored = _stored(ctx, cid)
    assert stored["status"] == "signed"
    assert stored["signature_kind"] == "paper"
    assert stored["witness_name"] == "Ana Ruiz"
    assert stored["signature_attachment_id"] is None and stored["scan_attachment_id"] is None


def test_signed_on_paper_with_a_scan_kept_encrypted(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"scanned page" * 100)
    tab, _, cid = _selected(qtbot, ctx, "release")
    dialog = _act(qtbot, ctx, tab, "sign")
    qtbot.mouseClick(child(dialog, QWidget, "sign_on_paper"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(child(dialog, QLineEdit, "sign_witness"), "Ana Ruiz")
    click(qtbot, dialog, "sign_scan_pick")
    picker = _dialog(qtbot, ctx, dialog, "scan_dialog")
    assert isinstance(picker, QFileDialog)
    picker.setFocus()  # the file name field takes a selected file only when it has no focus
    picker.selectFile(str(scan))
    picker.accept()
    settle(qtbot, ctx)
    assert child(dialog, QLabel, "sign_scan_name").text() == "scan.png"
    qtbot.mouseClick(child(dialog, QCheckBox, "sign_copy_given"), Qt.MouseButton.LeftButton)
    _submit(qtbot, ctx, dialog, "sign_submit")

    stored = _stored(ctx, cid)
    assert stored["status"] == "signed" and stored["signature_kind"] == "paper"
    with ctx.store.read() as conn:
        row = conn.execute(
            select(Attachment.data, Attachment.mime).where(
                Attachment.id == stored["scan_attachment_id"]
            )
        ).one()
    assert row.data == scan.read_bytes() and row.mime == "image/png"


# -- revoking --------------------------------------------------------------------------------


def test_a_criminal_justice_consent_cannot_be_revoked_before_the_final_disposition(
    qtbot: QtBot, ctx: AppContext
) -> None:
    tab, _, cid = _selected(qtbot, ctx, "criminal_justice", signed=TODAY - timedelta(days=1))
    revoke = child(tab, QPushButton, "consent_revoke")
    _, why = rules.can_revoke(_stored(ctx, cid), TODAY)
    assert "cannot be revoked before the final disposition" in why
    assert not revoke.isEnabled()
    assert revoke.toolTip() == why
    reason = child(tab, ErrorLabel, "revoke_reason")
    assert reason.isVisible() and why in reason.message()

    # The case ends: record the final disposition, and revocation becomes possible.
    dialog = _act(qtbot, ctx, tab, "disposition")
    qtbot.keyClicks(child(dialog, QLineEdit, "disposition_date"), TODAY.isoformat())
    _submit(qtbot, ctx, dialog, "disposition_submit")
    assert _stored(ctx, cid)["final_disposition_date"] == TODAY.isoformat()
    assert revoke.isEnabled()
    assert not child(tab, ErrorLabel, "revoke_reason").isVisible()

    dialog = _act(qtbot, ctx, tab, "revoke")
    assert child(dialog, QComboBox, "revoke_method").currentText() == "In writing"
    _submit(qtbot, ctx, dialog, "revoke_submit")
    stored = _stored(ctx, cid)
    assert stored["status"] == "revoked"
    assert stored["revoked_at"] == TODAY.isoformat()
    assert stored["revocation_method"] == "In writing"
    assert "revoked" in child(dialog, QLabel, "revoke_done").text()

    click(qtbot, dialog, "revoke_print")  # the revocation form, to print
    preview, doc = _preview(qtbot, ctx, tab)
    assert doc.kind == "revocation" and not doc.draft
    assert child(preview, QPushButton, "print_final").isEnabled()
    preview.close()


def test_revoking_needs_a_description_when_made_another_way(qtbot: QtBot, ctx: AppContext) -> None:
    tab, _, cid = _selected(qtbot, ctx, "release", signed=TODAY - timedelta(days=1))
    dialog = _act(qtbot, ctx, tab, "revoke")
    method = child(dialog, QComboBox, "revoke_method")
    method.setCurrentIndex(method.count() - 1)  # Other
    date_field = child(dialog, QLineEdit, "revoke_date")
    date_field.clear()
    qtbot.keyClicks(date_field, (TODAY + timedelta(days=3)).isoformat())
    click(qtbot, dialog, "revoke_submit")
    settle(qtbot, ctx)
    assert "not described" in child(dialog, ErrorLabel, "error_revoke_details").message()
    qtbot.keyClicks(child(dialog, QLineEdit, "revoke_details"), "Told the outreach worker")
    click(qtbot, dialog, "revoke_submit")
    settle(qtbot, ctx)
    assert "in the future" in child(dialog, ErrorLabel, "error_revoke_date").message()
    assert _stored(ctx, cid)["status"] == "signed"  # nothing written
    date_field.clear()
    qtbot.keyClicks(date_field, TODAY.isoformat())
    click(qtbot, dialog, "revoke_submit")
    settle(qtbot, ctx)
    stored = _stored(ctx, cid)
    assert stored["status"] == "revoked"
    assert stored["revocation_method"] == "Told the outreach worker"


# -- disclosing ------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["revoked", "expired"])
def test_no_disclosure_under_a_revoked_or_expired_consent(
    qtbot: QtBot, ctx: AppContext, state: str
) -> None:
    pid = _person(ctx)
    assert ctx.store is not None
    with ctx.store.write() as tx:
        if state == "revoked":
            cid = _consent(tx, pid, "release", signed=TODAY - timedelta(days=5))
            consents.revoke_consent(tx, cid, revoked_at=TODAY, method="In writing")
        else:
            cid = _consent(
                tx,
                pid,
                "release",
                signed=TODAY - timedelta(days=200),
                expiry_date=(TODAY - timedelta(days=10)).isoformat(),
            )
    tab = _tab(qtbot, ctx, pid)
    _select(qtbot, tab)
    disclose = child(tab, QPushButton, "consent_disclose")
    assert not disclose.isEnabled()
    expected = "was revoked on" if state == "revoked" else "expired on"
    assert expected in disclose.toolTip()
    reason = child(tab, ErrorLabel, "disclose_reason")
    assert reason.isVisible() and expected in reason.message()
    assert "do not disclose" in reason.message()


def test_the_store_checks_again_when_the_disclosure_is_recorded(
    qtbot: QtBot, ctx: AppContext
) -> None:
    tab, pid, cid = _selected(qtbot, ctx, "release", signed=TODAY - timedelta(days=5))
    dialog = _act(qtbot, ctx, tab, "disclose")
    recipient = child(dialog, QComboBox, "disclose_recipient")
    assert recipient.currentText() == "Health Care for the Homeless"
    qtbot.keyClicks(child(dialog, QLineEdit, "disclose_what"), "Housing application")
    # Meanwhile, on another screen, the consent is revoked.
    with ctx.store.write() as tx:
        consents.revoke_consent(tx, cid, revoked_at=TODAY, method="In writing")
    click(qtbot, dialog, "disclose_submit")
    settle(qtbot, ctx)
    refusal = child(dialog, ErrorLabel, "disclose_refusal")
    assert refusal.isVisible() and "was revoked on" in refusal.message()
    assert "Nothing was recorded" in child(dialog, QLabel, "disclose_message").text()
    with ctx.store.read() as conn:
        assert consents.list_disclosures(conn, pid) == []


def test_a_disclosure_is_logged_and_its_cover_sheet_offered(qtbot: QtBot, ctx: AppContext) -> None:
    tab, pid, _ = _selected(qtbot, ctx, "release", signed=TODAY - timedelta(days=5))
    dialog = _act(qtbot, ctx, tab, "disclose")
    recipient = child(dialog, QComboBox, "disclose_recipient")
    recipient.setCurrentText("Somebody Else")
    qtbot.keyClicks(child(dialog, QLineEdit, "disclose_what"), "Housing application")
    click(qtbot, dialog, "disclose_submit")
    settle(qtbot, ctx)
    assert (
        "not a recipient named" in child(dialog, ErrorLabel, "error_disclose_recipient").message()
    )
    recipient.setCurrentIndex(1)  # Baltimore Housing Authority
    change = _submit(qtbot, ctx, dialog, "disclose_submit")
    assert isinstance(change, Change) and change.entity == "disclosure"
    with ctx.store.read() as conn:
        (logged,) = consents.list_disclosures(conn, pid)
    assert logged["recipient"] == "Baltimore Housing Authority"
    assert logged["information"] == "Housing application"
    assert logged["purpose"] == world.PURPOSES["release"]
    assert "cover sheet" in child(dialog, QLabel, "disclose_done").text()

    click(qtbot, dialog, "disclose_cover")
    preview, doc = _preview(qtbot, ctx, tab)
    assert doc.kind == COVER_KIND and not doc.draft
    preview.close()

    # The accounting of disclosures lists it.
    click(qtbot, tab, "consent_accounting")
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, DocumentPreview) and w.isVisible() and w.kind == "disclosures"
            for w in tab.findChildren(QDialog)
        ),
        timeout=3000,
    )
