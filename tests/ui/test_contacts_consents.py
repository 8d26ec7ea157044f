"""Contacts logged by keyboard alone, consents recorded with the gate's checklist, documents."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lead_desktop.store import casework, record_queries
from lead_desktop.store.participants import create_participant
from lead_desktop.ui.context import AppContext
from lead_desktop.ui.record.consents_tab import ConsentsTab
from lead_desktop.ui.record.contacts_tab import ContactsTab
from lead_desktop.ui.record.documents_tab import DocumentsTab
from lead_desktop.ui.record.fields import ErrorLabel
from tests.ui.driving import child, focused, key, settle, show, tab_key, type_text


def _participant(ctx: AppContext) -> str:
    assert ctx.store is not None
    with ctx.store.write() as tx:
        return create_participant(
            tx, data={"first_name": "José", "last_name": "Núñez", "dob": "1979-08-14"}
        )


def _table(view: QAbstractItemView) -> list[list[str]]:
    model = view.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _contacts(ctx: AppContext, pid: str) -> list[dict[str, Any]]:
    assert ctx.store is not None
    with ctx.store.read() as conn:
        return record_queries.list_contacts(conn, pid)


def test_contacts_are_logged_by_keyboard_one_after_another(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _participant(ctx)
    tab = show(qtbot, ctx, ContactsTab(ctx, pid))
    assert child(tab, QLabel, "contacts_empty").isVisible()
    tab.findChild(QWidget, "contact_type").setFocus()

    # First contact: type, when (left at now), place, two services, a note; Ctrl+Enter logs it.
    type_text(qtbot, "Ph")
    tab_key(qtbot)
    assert focused().objectName() == "contact_when"
    tab_key(qtbot)
    type_text(qtbot, "Lexington Market")
    tab_key(qtbot)
    assert focused().objectName() == "service_outreach"
    key(qtbot, Qt.Key.Key_Space)
    tab_key(qtbot)
    key(qtbot, Qt.Key.Key_Space)  # food
    tab_key(qtbot, 13)
    assert focused().objectName() == "contact_note"
    type_text(qtbot, "Talked about the ID appointment")
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ctx)
    assert focused().objectName() == "contact_type"  # ready for the next one
    assert child(tab, QLineEdit, "contact_place").text() == ""
    assert "Contact logged" in child(tab, QLabel, "contact_message").text()

    # Second contact: an outreach attempt; Enter in the place field logs it.
    type_text(qtbot, "Out")
    tab_key(qtbot, 2)
    type_text(qtbot, "N Eutaw St")
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        key(qtbot, Qt.Key.Key_Return)
    settle(qtbot, ctx)

    stored = _contacts(ctx, pid)
    assert [(c["contact_type"], c["place"]) for c in stored] == [
        ("outreach_attempt", "N Eutaw St"),
        ("phone", "Lexington Market"),
    ] or [(c["contact_type"], c["place"]) for c in stored] == [
        ("phone", "Lexington Market"),
        ("outreach_attempt", "N Eutaw St"),
    ]  # same minute: either order
    first = next(c for c in stored if c["contact_type"] == "phone")
    assert first["services"] == ["outreach", "food"]
    assert first["note"] == "Talked about the ID appointment"
    rows = _table(child(tab, QAbstractItemView, "contacts_list"))
    assert {r[1] for r in rows} == {"Phone", "Outreach attempt"}
    assert any(r[3] == "Outreach / check-in, Food" for r in rows)
    assert child(tab, QLabel, "contacts_count").text().startswith("2 contacts in the last 30 days")
    assert not child(tab, QLabel, "contacts_empty").isVisible()


def test_a_contact_in_the_future_is_refused_beside_its_time(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _participant(ctx)
    tab = show(qtbot, ctx, ContactsTab(ctx, pid))
    when = tab.findChild(QWidget, "contact_when")
    when.setFocus()
    when.setCurrentSectionIndex(0)  # the year
    key(qtbot, Qt.Key.Key_Up)
    tab_key(qtbot)
    type_text(qtbot, "Phone")
    key(qtbot, Qt.Key.Key_Return)
    settle(qtbot, ctx)
    error = child(tab, ErrorLabel, "error_contact_when")
    assert error.isVisible() and "in the future" in error.message()
    assert _contacts(ctx, pid) == []


def test_a_half_written_contact_comes_back_from_its_draft(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _participant(ctx)
    tab = show(qtbot, ctx, ContactsTab(ctx, pid))
    qtbot.keyClicks(child(tab, QLineEdit, "contact_outcome"), "Referred to detox")
    assert ctx.store is not None
    store = ctx.store

    def payload() -> dict[str, Any] | None:
        with store.read() as conn:
            for draft in casework.list_drafts(conn, store.worker_id):
                if draft["kind"] == "contact" and draft["ref_id"] == pid:
                    return dict(draft["payload"])
        return None

    qtbot.waitUntil(lambda: payload() is not None, timeout=5000)
    fresh = show(qtbot, ctx, ContactsTab(ctx, pid))
    fresh.restore_payload(payload() or {})
    assert child(fresh, QLineEdit, "contact_outcome").text() == "Referred to detox"


def test_a_consent_is_recorded_with_the_gate_listing_what_is_missing(
    qtbot: QtBot, ctx: AppContext
) -> None:
    pid = _participant(ctx)
    tab = show(qtbot, ctx, ConsentsTab(ctx, pid))
    assert child(tab, QLabel, "consents_empty").isVisible()
    gate = child(tab, QListWidget, "consent_gate")

    def gate_items() -> list[str]:
        return [gate.item(i).text() for i in range(gate.count())]

    assert any("No recipient is named" in item for item in gate_items())
    assert child(tab, QLineEdit, "consent_signer_name").text() == "José Núñez"

    name = child(tab, QLineEdit, "recipient_name")
    qtbot.mouseClick(child(tab, QCheckBox, "recipient_hipaa"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(name, "Health Care for the Homeless")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.keyClicks(name, "Office of the Public Defender")
    qtbot.mouseClick(child(tab, QPushButton, "recipient_add"), Qt.MouseButton.LeftButton)
    assert not any("No recipient is named" in item for item in gate_items())
    for code in ("attendance", "service_plan"):
        qtbot.mouseClick(child(tab, QCheckBox, f"info_{code}"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(child(tab, QLineEdit, "consent_purpose"), "any purpose")
    assert any("'any purpose' is not a purpose" in item for item in gate_items())
    purpose = child(tab, QLineEdit, "consent_purpose")
    purpose.selectAll()
    qtbot.keyClicks(purpose, "To coordinate housing services")
    expiry = child(tab, QLineEdit, "consent_expiry_date")
    qtbot.keyClicks(expiry, "2027-02-30")

    # A date that does not exist is refused beside the field; nothing is written.
    qtbot.mouseClick(child(tab, QPushButton, "consent_save"), Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    error = child(tab, ErrorLabel, "error_consent_expiry_date")
    assert error.isVisible() and "not a date" in error.message()
    assert child(tab, QAbstractItemView, "consents_list").model().rowCount() == 0

    expiry.clear()
    qtbot.keyClicks(expiry, "2027-02-28")
    with qtbot.waitSignal(ctx.sig_changed, timeout=5000):
        qtbot.mouseClick(child(tab, QPushButton, "consent_save"), Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)

    rows = _table(child(tab, QAbstractItemView, "consents_list"))
    assert len(rows) == 1
    assert rows[0][0] == "Release"
    assert rows[0][1] == "Health Care for the Homeless, Office of the Public Defender"
    assert rows[0][2] == "Draft"
    assert child(tab, QListWidget, "consent_recipients").count() == 0  # the form was cleared
    assert ctx.store is not None
    with ctx.store.read() as conn:
        (stored,) = record_queries.list_consents(conn, pid)
    assert stored["recipients"] == [
        {"name": "Health Care for the Homeless", "kind": "named", "hipaa_covered": True},
        {"name": "Office of the Public Defender", "kind": "named", "hipaa_covered": False},
    ]
    assert stored["information"]["categories"] == ["attendance", "service_plan"]
    assert stored["purpose"] == "To coordinate housing services"
    assert stored["expiry_date"] == "2027-02-28"
    assert stored["signer_name"] == "José Núñez"
    assert stored["status"] == "draft"


def test_documents_are_listed_with_a_short_hash(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _participant(ctx)
    tab = show(qtbot, ctx, DocumentsTab(ctx, pid))
    assert child(tab, QLabel, "documents_empty").isVisible()
    assert ctx.store is not None
    with ctx.store.write() as tx:
        casework.record_document(
            tx,
            participant_id=pid,
            kind="service_plan",
            template_version="2026.1",
            language="es",
            pdf=b"%PDF-1.4 plan",
        )
    tab.refresh()
    settle(qtbot, ctx)
    rows = _table(child(tab, QAbstractItemView, "documents_list"))
    assert [r[:3] for r in rows] == [["Service plan", "Spanish", "2026.1"]]
    assert len(rows[0][4]) == 12
    assert not child(tab, QLabel, "documents_empty").isVisible()
