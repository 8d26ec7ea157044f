"""Repair after drift: the (id, revision) index of one kind in a worker's scope, and records by id.

The end-of-sync summary tells a laptop *that* a kind differs; these two routes let it find out
*which* records differ and fetch exactly those, instead of pulling everything again.
"""

# No ``from __future__ import annotations``: FastAPI reads these signatures at definition time.

from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy import select

from lead_desktop.sync.protocol import (
    MAX_PULL_PAGE,
    TABLES,
    PullRecord,
    RecordIndex,
    RecordsRequest,
    RecordsResponse,
)
from lead_server.db import read_tx
from lead_server.deps import ApiError, Reading, engine_of
from lead_server.models import Record
from lead_server.scope import record_scope

router = APIRouter(tags=["repair"])


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise ApiError(404, "unknown_table", f"There is no kind of record called {table!r}.")


@router.get("/index")
def index(request: Request, p: Reading, table: Annotated[str, Query(max_length=64)]) -> RecordIndex:
    """Every (row id, revision) of one kind this worker may see, tombstones included."""
    _check_table(table)
    with read_tx(engine_of(request)) as conn:
        rows = conn.execute(
            select(Record.row_id, Record.rev)
            .where(Record.table_name == table, record_scope(p))
            .order_by(Record.row_id)
        ).all()
    return RecordIndex(table=table, rows=[(r.row_id, int(r.rev)) for r in rows])


@router.post("/records")
def records(request: Request, p: Reading, body: RecordsRequest) -> RecordsResponse:
    """The current state of the named records of one kind, those this worker may see."""
    _check_table(body.table)
    if len(body.ids) > MAX_PULL_PAGE:
        raise ApiError(413, "too_large", f"Ask for at most {MAX_PULL_PAGE} records at a time.")
    with read_tx(engine_of(request)) as conn:
        rows = conn.execute(
            select(Record.row_id, Record.rev, Record.fields, Record.deleted).where(
                Record.table_name == body.table,
                Record.row_id.in_(body.ids),
                record_scope(p),
            )
        ).all()
    return RecordsResponse(
        records=[
            PullRecord(
                table=body.table, row_id=r.row_id, rev=r.rev, fields=r.fields, deleted=r.deleted
            )
            for r in rows
        ]
    )
