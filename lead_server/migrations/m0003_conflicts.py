"""Migration 3: conflicts that both sides see and resolve (revision, team, who and when)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB

_JSON = JSON().with_variant(JSONB(), "postgresql")
_INT = BigInteger().with_variant(Integer(), "sqlite")

#: The conflict columns migration 1 created, copied over as they are.
_KEPT = (
    "id",
    "table_name",
    "row_id",
    "field",
    "server_value",
    "client_value",
    "server_rev",
    "change_id",
    "device_id",
    "user_id",
    "detected_at",
    "resolved_at",
)


def _s(name: str, length: int, **kw: Any) -> Column[str]:
    return Column(name, String(length), **kw)


def _conflict(md: MetaData, name: str) -> Table:
    """The conflict table as of this migration (frozen: later changes are new steps)."""
    return Table(
        name,
        md,
        _s("id", 36, primary_key=True),
        Column("rev", _INT, nullable=False, unique=True),
        _s("team", 128),
        _s("table_name", 64, nullable=False),
        _s("row_id", 64, nullable=False),
        _s("field", 128, nullable=False),
        Column("server_value", _JSON),
        _s("server_by", 36),
        Column("server_at", Text),
        Column("server_rev", _INT, nullable=False),
        Column("client_value", _JSON),
        _s("change_id", 64, nullable=False),
        _s("device_id", 36, nullable=False),
        _s("user_id", 36, nullable=False),
        Column("detected_at", Text, nullable=False),
        Column("resolved_at", Text),
        Column("resolved_value", _JSON),
        _s("resolved_by", 36),
        _s("resolved_device", 36),
        _s("resolution_id", 64),
    )


def upgrade(conn: Connection) -> None:
    """Rebuild ``conflict`` with its new columns (existing rows get revisions and teams), and
    create ``conflict_resolution``, where every resolution a device sent is kept by its id."""
    md = MetaData()
    old = Table("conflict", md, autoload_with=conn)
    record = Table("record", md, autoload_with=conn)
    counter = Table("rev_counter", md, autoload_with=conn)
    rows = conn.execute(
        select(*(old.c[name] for name in _KEPT), record.c.team)
        .select_from(
            old.outerjoin(
                record,
                (record.c.table_name == old.c.table_name) & (record.c.row_id == old.c.row_id),
            )
        )
        .order_by(old.c.detected_at, old.c.id)
    ).all()
    rev = int(conn.execute(select(counter.c.value).where(counter.c.id == 1)).scalar_one())
    copies = []
    for row in rows:
        rev += 1
        copies.append(
            {**{name: getattr(row, name) for name in _KEPT}, "team": row.team, "rev": rev}
        )
    old.drop(conn)
    new_md = MetaData()
    table = _conflict(new_md, "conflict")
    Index("ix_conflict_row", table.c.table_name, table.c.row_id)
    Index("ix_conflict_team_rev", table.c.team, table.c.rev)
    Table(
        "conflict_resolution",
        new_md,
        _s("resolution_id", 64, primary_key=True),
        _s("conflict_id", 36, nullable=False, index=True),
        Column("value", _JSON),
        _s("user_id", 36, nullable=False),
        _s("device_id", 36, nullable=False),
        Column("at", Text, nullable=False),
        Column("accepted", Boolean, nullable=False),
        _s("followup_id", 36),
    )
    new_md.create_all(conn)
    if copies:
        conn.execute(insert(table), copies)
        conn.execute(update(counter).where(counter.c.id == 1).values(value=rev))
