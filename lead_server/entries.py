"""A pushed entry checked against the wire schema, cheaply.

A first push carries thousands of entries of some thirty fields each; validating every field
change as a pydantic model cost more than merging and storing them. ``check_entry`` checks the
well-formed shape by hand and builds a plain ``Entry``; anything it does not accept at once
goes through ``PushEntry`` (the schema itself), which either accepts it or says exactly what is
wrong. The hand check accepts nothing the schema would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from lead_desktop.sync.protocol import APPEND_ONLY_TABLES, TABLES, PushEntry

_KEYS = frozenset({"change_id", "table", "row_id", "op", "base_rev", "fields"})
_REQUIRED = ("change_id", "table", "row_id", "op")
_OPS = frozenset({"create", "update", "delete"})
_CHANGE_KEYS = frozenset({"old", "new"})
_MAX_ID = 64


@dataclass(frozen=True, slots=True)
class Entry:
    """A well-formed push entry (see ``PushEntry`` for the rules)."""

    change_id: str
    table: str
    row_id: str
    op: str
    base_rev: int | None
    #: Each field's value after the change, and before it (the same keys).
    new: dict[str, Any]
    old: dict[str, Any]


#: An entry's change id (when usable), the entry, or why it is malformed.
Checked = tuple[str | None, Entry | None, str]


def check_entry(raw: Any) -> Checked:
    """Check one entry as received; never raises."""
    change_id = raw.get("change_id") if type(raw) is dict else None
    change_id = change_id if _id(change_id) else None
    entry = _quick(raw)
    if entry is not None:
        return change_id, entry, ""
    try:
        full = PushEntry.model_validate(raw)
    except ValidationError as exc:
        return change_id, None, describe(exc)
    new = {k: c.new for k, c in full.fields.items()}
    old = {k: c.old for k, c in full.fields.items()}
    entry = Entry(full.change_id, full.table, full.row_id, full.op, full.base_rev, new, old)
    return change_id, entry, ""


def _id(value: Any) -> bool:
    return type(value) is str and 0 < len(value) <= _MAX_ID


def _quick(raw: Any) -> Entry | None:
    """The entry when it is plainly well formed; None when the schema must decide."""
    if type(raw) is not dict or not raw.keys() <= _KEYS:
        return None
    if any(k not in raw for k in _REQUIRED):
        return None
    change_id, table, row_id, op = raw["change_id"], raw["table"], raw["row_id"], raw["op"]
    base_rev = raw.get("base_rev")
    if not (_id(change_id) and _id(row_id) and type(table) is str and table in TABLES):
        return None
    if type(op) is not str or op not in _OPS:
        return None
    if base_rev is not None and not (type(base_rev) is int and base_rev >= 0):
        return None
    sent = raw.get("fields", {})
    if type(sent) is not dict:
        return None
    new: dict[str, Any] = {}
    old: dict[str, Any] = {}
    for name, value in sent.items():
        kind = type(value)
        if kind is list and len(value) == 2:
            old[name], new[name] = value
        elif kind is dict and value.keys() <= _CHANGE_KEYS:
            old[name], new[name] = value.get("old"), value.get("new")
        else:
            return None
    if table in APPEND_ONLY_TABLES and op != "create":
        return None
    if op == "delete" and new.keys() - {"deleted"}:
        return None
    return Entry(change_id, table, row_id, op, base_rev, new, old)


def describe(exc: ValidationError) -> str:
    """A validation failure in one line, naming fields but never quoting their values."""
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err["loc"]) or "entry"
        parts.append(f"{where}: {err['msg']}")
    return "malformed entry: " + "; ".join(parts)
