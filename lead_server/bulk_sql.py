"""The statements a push writes its batch with, in bulk: per dialect, prepared once."""

from __future__ import annotations

from typing import Any

import pydantic_core
from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    Integer,
    String,
    Table,
    any_,
    bindparam,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from lead_server.models import AppliedChange, Quarantine, Record, ScopeEvent

#: Rows read per statement when loading a batch's records.
LOAD_CHUNK = 1000
RECORDS: Any = Record.__table__


def by_ids(*columns: Any) -> dict[str, Any]:
    """``columns`` of one table's records among a list of ids, per dialect: PostgreSQL takes
    the list as one array parameter (one statement text, prepared once), SQLite as ``IN``."""
    where = RECORDS.c.table_name == bindparam("table")
    return {
        "postgresql": select(*columns).where(
            where, RECORDS.c.row_id == any_(bindparam("ids", type_=ARRAY(String)))
        ),
        "sqlite": select(*columns).where(
            where, RECORDS.c.row_id.in_(bindparam("ids", expanding=True))
        ),
    }


LOAD = by_ids(RECORDS)
UPDATE = update(RECORDS).where(
    RECORDS.c.table_name == bindparam("key_table"), RECORDS.c.row_id == bindparam("key_row")
)
STATE = ("rev", "fields", "deleted", "team", "owner_id", "updated_at", "updated_by", "device_id")


def recordset(table: Table, columns: list[str], param: str) -> str:
    """``jsonb_to_recordset(...) AS x(...)``: rows of ``table``'s columns from the JSON list in
    parameter ``param`` (PostgreSQL)."""
    kinds = []
    for name in columns:
        kind = table.c[name].type
        sql = (
            "jsonb"
            if isinstance(kind, JSON)
            else "boolean"
            if isinstance(kind, Boolean)
            else "bigint"
            if isinstance(kind, Integer)
            else "double precision"
            if isinstance(kind, Float)
            else "text"
        )
        kinds.append(f"{name} {sql}")
    return f"jsonb_to_recordset(CAST(:{param} AS jsonb)) AS x({', '.join(kinds)})"


#: A revision from the JSON rows: provisional ones (-k, see _Provisional) become base + k.
FINAL_REV = "CASE WHEN x.rev < 0 THEN CAST(:base AS bigint) - x.rev ELSE x.rev END"


def values(columns: list[str]) -> str:
    return ", ".join(FINAL_REV if name == "rev" else f"x.{name}" for name in columns)


def insert_from_json(table: Table, columns: list[str]) -> str:
    rows = recordset(table, columns, table.name)
    return f"INSERT INTO {table.name} ({', '.join(columns)}) SELECT {values(columns)} FROM {rows}"


RECORD_COLUMNS = ["table_name", "row_id", *STATE]
SCOPE_EVENTS: Any = ScopeEvent.__table__
ANSWERS: Any = AppliedChange.__table__
QUARANTINE: Any = Quarantine.__table__
#: PostgreSQL: a whole batch's writes and the counter in one statement (one round trip under
#: the revision lock). Each JSON parameter is a list of rows; an empty list writes nothing.
#: It answers how many of the records the batch was merged against (``read``: table, row id,
#: revision or null when absent) no longer stand as read; then the caller rolls it back.
PG_FLUSH = text(
    "WITH new_records AS ("
    + insert_from_json(RECORDS, RECORD_COLUMNS)
    + "), changed_records AS (UPDATE record AS r SET "
    + ", ".join(f"{name} = {values([name])}" for name in STATE)
    + " FROM "
    + recordset(RECORDS, RECORD_COLUMNS, "changed_record")
    + " WHERE r.table_name = x.table_name AND r.row_id = x.row_id"
    + "), scope_events AS ("
    + insert_from_json(SCOPE_EVENTS, ["rev", "table_name", "row_id", "team"])
    + "), answers AS ("
    + insert_from_json(ANSWERS, ["change_id", "rev", "status", "device_id", "at"])
    + "), refused AS ("
    + insert_from_json(QUARANTINE, ["change_id", "device_id", "user_id", "reason", "entry", "at"])
    + "), counter AS (UPDATE rev_counter SET value = :counter WHERE id = 1)"
    + " SELECT count(*) FROM "
    + recordset(RECORDS, ["table_name", "row_id", "rev"], "read")
    + " LEFT JOIN record AS r ON r.table_name = x.table_name AND r.row_id = x.row_id"
    + " WHERE r.rev IS DISTINCT FROM x.rev"
)


def json_rows(rows: list[dict[str, Any]]) -> str:
    """Rows as one JSON parameter (see PG_FLUSH), encoded by pydantic-core (a third of the
    standard encoder's time). NaN and infinities are written as such, which PostgreSQL
    refuses, so an entry holding one is quarantined (as before), never stored altered."""
    return pydantic_core.to_json(rows, inf_nan_mode="constants").decode()
