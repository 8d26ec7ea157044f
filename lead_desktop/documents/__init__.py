"""Printed documents: service plans, consent forms, revocations, disclosures (no Qt here).

Stable API for the GUI and the CLI (all PDF bytes are built in memory):

``KINDS``
    ``service-plan``, ``consent-release``, ``consent-tpo``, ``consent-cj``,
    ``consent-counseling-notes``, ``consent-legal-proceedings``, ``revocation``,
    ``disclosures``.
``build(kind, *, conn, participant_id, language, draft=False, large_print=False,
consent_id=None, program=None, demo=False, today=None) -> BuiltDocument``
    ``conn`` comes from ``store.read()``. Consent kinds print ``consent_id`` or the
    participant's latest consent of that type; ``revocation`` prints ``consent_id`` or the
    latest signed or revoked consent; ``service-plan`` the latest plan. Unless ``draft``, a
    consent is gated (``lead_desktop.domain.consent.consent_gate``): a signed consent needs
    every element, an unsigned one every element but the signature, its date and the copy
    given (it is printed to be signed on paper). A refusal raises ``ValidationError`` with
    one ``Issue`` per missing item. ``draft`` prints a DRAFT watermark instead; a store whose
    setting ``demo`` is true (or ``demo=True``) prints DEMO on every page. ``program``
    defaults to the store's settings (``program_settings.program`` then ``program``).
``cover_sheet(*, conn, disclosure_id, language="en", large_print=False) -> BuiltDocument``
    The 42 CFR §2.32 notice and consent summary to send with each disclosure (log it first
    with ``lead_desktop.store.consents.record_disclosure``).
``record_printed(tx, document, *, participant_id, consent_id=None) -> str``
    Store kind, form version, language and sha256 of a printed (not draft) document.
``verify_reprint(conn, document_row_id) -> ReprintCheck``
    Rebuild a printed document and compare with its stored sha256.

The same inputs always give byte-identical PDFs and the same ``document_id`` (printed with a
QR code on every page). Wording lives in ``resources/templates`` (see ``templates``).
"""

from lead_desktop.documents.model import COVER_KIND, KINDS, BuiltDocument
from lead_desktop.documents.service import (
    ReprintCheck,
    build,
    cover_sheet,
    latest_plan_id,
    record_printed,
    verify_reprint,
)

__all__ = [
    "COVER_KIND",
    "KINDS",
    "BuiltDocument",
    "ReprintCheck",
    "build",
    "cover_sheet",
    "latest_plan_id",
    "record_printed",
    "verify_reprint",
]
