"""What a builder returns, the document kinds, and the document id derived from the content."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lead_desktop.documents.templates import CONSENT_KINDS

#: Every kind of document ``build`` makes (the CLI's KIND argument).
KINDS = (
    "service-plan",
    *CONSENT_KINDS.values(),
    "revocation",
    "disclosures",
)
#: The cover sheet that goes with each disclosure (built by ``cover_sheet``).
COVER_KIND = "disclosure-cover"


@dataclass(frozen=True)
class BuiltDocument:
    """A generated PDF and what identifies it; ``sha256`` is what gets stored when printed."""

    kind: str
    template_version: str
    language: str
    pdf: bytes = field(repr=False)
    sha256: str
    document_id: str
    pages: int = 0
    draft: bool = False
    consent_id: str | None = None  # the consent printed (consent kinds and revocation)


def canonical(obj: Any) -> str:
    """Canonical JSON (sorted keys, no spaces, dates as ISO text) for hashing."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain
    )


def _plain(obj: Any) -> Any:
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, bytes):
        return hashlib.sha256(obj).hexdigest()
    raise TypeError(f"cannot hash {type(obj).__name__}")


def document_id(kind: str, language: str, versions: Mapping[str, str], content: Any) -> str:
    """A stable id for a document's content: 'D-' and 16 base-32 characters in groups of 4.

    The same kind, language, form versions, options and content give the same id, so the id
    printed on a paper copy names exactly what was printed."""
    digest = hashlib.sha256(canonical([kind, language, dict(versions), content]).encode()).digest()
    code = base64.b32encode(digest[:10]).decode()
    return "D-" + "-".join(code[i : i + 4] for i in range(0, 16, 4))
