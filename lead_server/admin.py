"""Administrative operations behind the CLI: workers (add, list, disable, enable, new password),
enrollment codes, devices (list, revoke), status."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, case, delete, func, insert, select, update

from lead_desktop.store.ids import iso_utc, utcnow, uuid7
from lead_server.auth import (
    CODE_TTL,
    ROLES,
    drop_sync_keys,
    hash_password,
    new_enroll_code,
    secret_hash,
)
from lead_server.db import read_tx, write_tx
from lead_server.errors import AdminError
from lead_server.migrations import current_version
from lead_server.models import (
    AppliedChange,
    Blob,
    BlobChunk,
    Conflict,
    Device,
    EnrollCode,
    LoginFailure,
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
    password_hash = _password_hash(password)  # slow on purpose: before the write lock
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
                password_hash=password_hash,
                active=True,
                created_at=utcnow(),
            )
        )
    logger.info("user added", extra={"user_id": user_id, "role": role})
    return user_id


def _password_hash(password: str) -> str:
    """The Argon2id hash of a new password that is long enough; refuse a short one."""
    if len(password) < MIN_PASSWORD:
        raise AdminError(f"the password must have at least {MIN_PASSWORD} characters")
    return hash_password(password)


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
        if reason == "stolen":
            # Refused at sign-in anyway; its standing sign-ins go too (a lost device keeps
            # them, to push what it holds before it wipes).
            drop_sync_keys(conn, device_id=device_id)
    logger.info("device revoked", extra={"device_id": device_id, "reason": reason})


#: Days an unfinished attachment upload is kept for its device to resume.
UPLOAD_KEEP_DAYS = 14


def purge_unfinished_uploads(engine: Engine, older_than_days: int = UPLOAD_KEEP_DAYS) -> int:
    """Drop attachment uploads started more than ``older_than_days`` ago and never finished
    (their chunks too); return how many. A device that comes back later starts again from
    the first byte. Finished attachments are never touched."""
    if older_than_days < 1:
        raise AdminError("keep unfinished uploads at least one day (--older-than 1 or more)")
    cutoff = iso_utc(datetime.now(UTC) - timedelta(days=older_than_days))
    stale = Blob.complete.is_(False), Blob.started_at < cutoff
    with write_tx(engine) as conn:
        shas = list(conn.execute(select(Blob.sha256).where(*stale)).scalars())
        for start in range(0, len(shas), 500):
            chunk = shas[start : start + 500]
            conn.execute(delete(BlobChunk).where(BlobChunk.sha256.in_(chunk)))
            conn.execute(delete(Blob).where(Blob.sha256.in_(chunk), *stale))
    if shas:
        logger.info("unfinished uploads purged", extra={"count": len(shas)})
    return len(shas)


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
            "users_disabled": count(User, User.active.is_(False)),
            "devices": count(Device),
            "devices_revoked": count(Device, Device.revoked != "none"),
            "records": count(Record),
            "changes_applied": count(AppliedChange),
            "conflicts_open": count(Conflict, Conflict.resolved_at.is_(None)),
            "quarantined": count(Quarantine),
        }


# -- workers and devices: list, disable, enable, new password ------------------------------------


@dataclass(frozen=True)
class UserSummary:
    """A worker as an administrator sees them: never a password hash or a key."""

    id: str
    name: str
    role: str
    team: str | None
    active: bool
    created_at: str
    #: Devices this worker enrolled, and how many of those are revoked.
    devices: int
    devices_revoked: int


@dataclass(frozen=True)
class DeviceSummary:
    """An enrolled device as an administrator sees it: never its credential."""

    id: str
    name: str | None
    #: The worker who enrolled it (others may sign in on it too).
    user: str | None
    enrolled_at: str
    last_seen_at: str | None
    #: ``none``, ``lost`` or ``stolen``.
    revoked: str
    revoked_at: str | None


@dataclass(frozen=True)
class PasswordReset:
    """What a new password changed: sync keys dropped, and whether the worker may sign in."""

    sync_keys_dropped: int
    active: bool


def no_user(name: str) -> AdminError:
    """The refusal for a worker name the server does not know."""
    return AdminError(f"no user named {name!r}; see the names with: lead-server list-users")


def _user_id(conn: Connection, name: str) -> str:
    user_id = conn.execute(select(User.id).where(User.name == name)).scalar()
    if user_id is None:
        raise no_user(name)
    return str(user_id)


def require_user(engine: Engine, name: str) -> str:
    """Return the id of the worker named ``name``; refuse an unknown name."""
    with read_tx(engine) as conn:
        return _user_id(conn, name)


def list_users(engine: Engine) -> list[UserSummary]:
    """Every worker by name, with how many devices they enrolled."""
    per_user = (
        select(
            Device.user_id,
            func.count().label("devices"),
            func.sum(case((Device.revoked != "none", 1), else_=0)).label("revoked"),
        )
        .group_by(Device.user_id)
        .subquery()
    )
    query = (
        select(
            User.id,
            User.name,
            User.role,
            User.team,
            User.active,
            User.created_at,
            func.coalesce(per_user.c.devices, 0).label("devices"),
            func.coalesce(per_user.c.revoked, 0).label("revoked"),
        )
        .outerjoin(per_user, per_user.c.user_id == User.id)
        .order_by(User.name)
    )
    with read_tx(engine) as conn:
        rows = conn.execute(query).all()
    return [
        UserSummary(
            id=row.id,
            name=row.name,
            role=row.role,
            team=row.team,
            active=bool(row.active),
            created_at=row.created_at,
            devices=int(row.devices),
            devices_revoked=int(row.revoked),
        )
        for row in rows
    ]


def list_devices(engine: Engine, user: str | None = None) -> list[DeviceSummary]:
    """Every enrolled device (or those ``user`` enrolled), by worker then enrollment time."""
    query = (
        select(
            Device.id,
            Device.name,
            User.name.label("user"),
            Device.enrolled_at,
            Device.last_seen_at,
            Device.revoked,
            Device.revoked_at,
        )
        .outerjoin(User, User.id == Device.user_id)
        .order_by(User.name, Device.enrolled_at, Device.id)
    )
    with read_tx(engine) as conn:
        if user is not None:
            query = query.where(Device.user_id == _user_id(conn, user))
        rows = conn.execute(query).all()
    return [
        DeviceSummary(
            id=row.id,
            name=row.name,
            user=row.user,
            enrolled_at=row.enrolled_at,
            last_seen_at=row.last_seen_at,
            revoked=row.revoked,
            revoked_at=row.revoked_at,
        )
        for row in rows
    ]


def set_active(engine: Engine, name: str, active: bool) -> bool:
    """Enable or disable a worker; return False when they already were so.

    A disabled worker cannot enroll, sign in (password or sync key) or use a token they hold;
    their sync keys are kept, so enabling them again lets their laptops sync as before. Enabling
    also forgets the failed sign-ins counted against the name while it was disabled.
    """
    with write_tx(engine) as conn:
        user_id = _user_id(conn, name)
        changed = conn.execute(
            update(User)
            .where(User.id == user_id, User.active.is_(not active))
            .values(active=active)
        ).rowcount
        if changed and active:
            conn.execute(delete(LoginFailure).where(LoginFailure.user_name == name))
    if changed:
        logger.info("user enabled" if active else "user disabled", extra={"user_id": user_id})
    return bool(changed)


def reset_password(engine: Engine, name: str, password: str) -> PasswordReset:
    """Give a worker a new password and drop every sync key they hold, so each of their
    laptops asks for the new password at its next sync; failed sign-ins counted against the
    name are forgotten. Tokens issued before the reset are refused from then on."""
    new_hash = _password_hash(password)  # slow on purpose: before the write lock, not under it
    with write_tx(engine) as conn:
        user_id = _user_id(conn, name)
        active = bool(conn.execute(select(User.active).where(User.id == user_id)).scalar_one())
        conn.execute(
            update(User)
            .where(User.id == user_id)
            .values(password_hash=new_hash, tokens_valid_from=int(time.time() * 1000))
        )
        dropped = drop_sync_keys(conn, user_id=user_id)
        conn.execute(delete(LoginFailure).where(LoginFailure.user_name == name))
    logger.info("password reset", extra={"user_id": user_id, "sync_keys_dropped": dropped})
    return PasswordReset(sync_keys_dropped=dropped, active=active)


# -- end of workers and devices ------------------------------------------------------------------
