"""Administrative operations behind the CLI: workers, enrollment codes, devices, status."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, update

from lead_desktop.store.ids import utcnow, uuid7
from lead_server.auth import CODE_TTL, ROLES, hash_password, new_enroll_code, secret_hash
from lead_server.db import read_tx, write_tx
from lead_server.errors import AdminError
from lead_server.migrations import current_version
from lead_server.models import (
    AppliedChange,
    Conflict,
    Device,
    EnrollCode,
    Quarantine,
    Record,
    RevCounter,
    User,
)

logger = logging.getLogger(__name__)
#: Shortest password the server accepts for a worker.
MIN_PASSWORD = 12


def add_user(engine: Engine, name: str, role: str, password: str, team: str | None = None) -> str:
    """Create a worker account; return its id."""
    if role not in ROLES:
        raise AdminError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if not name.strip() or len(name) > 128:
        raise AdminError("a user name must be 1 to 128 characters")
    if len(password) < MIN_PASSWORD:
        raise AdminError(f"the password must have at least {MIN_PASSWORD} characters")
    with write_tx(engine) as conn:
        if conn.execute(select(User.id).where(User.name == name)).first():
            raise AdminError(f"a user named {name!r} already exists")
        user_id = uuid7()
        conn.execute(
            insert(User).values(
                id=user_id,
                name=name,
                role=role,
                team=team or None,
                password_hash=hash_password(password),
                active=True,
                created_at=utcnow(),
            )
        )
    logger.info("user added", extra={"user_id": user_id, "role": role})
    return user_id


def make_enroll_code(engine: Engine, user: str | None = None) -> str:
    """Issue a one-time enrollment code (bound to one user when named); return it."""
    code = new_enroll_code()
    now = datetime.now(UTC)
    with write_tx(engine) as conn:
        user_id = None
        if user is not None:
            user_id = conn.execute(select(User.id).where(User.name == user)).scalar()
            if user_id is None:
                raise AdminError(f"no user named {user!r}")
        conn.execute(
            insert(EnrollCode).values(
                code_hash=secret_hash(code),
                user_id=user_id,
                created_at=utcnow(),
                expires_at=(now + timedelta(seconds=CODE_TTL)).isoformat(),
                used_at=None,
                device_id=None,
            )
        )
    logger.info("enrollment code issued", extra={"bound": user_id is not None})
    return code


def revoke_device(engine: Engine, device_id: str, reason: str) -> None:
    """Revoke a device: ``lost`` may push what it holds then wipes; ``stolen`` is refused."""
    if reason not in ("lost", "stolen"):
        raise AdminError("the reason must be lost or stolen")
    with write_tx(engine) as conn:
        done = conn.execute(
            update(Device).where(Device.id == device_id).values(revoked=reason, revoked_at=utcnow())
        ).rowcount
        if not done:
            raise AdminError(f"no device {device_id!r}")
    logger.info("device revoked", extra={"device_id": device_id, "reason": reason})


def status(engine: Engine) -> dict[str, Any]:
    """Counts an operator wants at a glance (no personal data)."""
    with read_tx(engine) as conn:

        def count(model: Any, *where: Any) -> int:
            return int(
                conn.execute(select(func.count()).select_from(model).where(*where)).scalar_one()
            )

        return {
            "schema_version": current_version(conn),
            "database": engine.dialect.name,
            "revision": int(conn.execute(select(RevCounter.value)).scalar_one()),
            "users": count(User),
            "devices": count(Device),
            "devices_revoked": count(Device, Device.revoked != "none"),
            "records": count(Record),
            "changes_applied": count(AppliedChange),
            "conflicts_open": count(Conflict, Conflict.resolved_at.is_(None)),
            "quarantined": count(Quarantine),
        }
