"""Passwords (Argon2id), device credentials, enrollment codes, sync keys, signed tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from lead_server.models import LoginFailure, SyncKey

ROLES = ("case_manager", "supervisor", "administrator", "evaluator")
#: Lifetime of a sign-in token, in seconds.
TOKEN_TTL = 15 * 60
#: Failed sign-ins allowed per user name, and per client address, within the window.
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 30
FAILURE_WINDOW = 15 * 60
#: Enrollment codes: alphabet without look-alikes, groups of four, valid this long.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_TTL = 7 * 24 * 3600

_hasher = PasswordHasher()  # Argon2id with the library's current parameters
_DUMMY = _hasher.hash("not a password of anyone")


def hash_password(password: str) -> str:
    """Hash a password with Argon2id."""
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Check a password; an unknown user costs the same time as a wrong password."""
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def secret_hash(secret: str) -> str:
    """Hash of a high-entropy secret (device credential, enrollment code)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_credential() -> str:
    """A fresh device credential (256 random bits)."""
    return secrets.token_urlsafe(32)


def new_enroll_code() -> str:
    """A one-time enrollment code, easy to type: ``XXXX-XXXX-XXXX-XXXX`` (80 bits)."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def normalise_code(code: str) -> str:
    """Accept a code typed in lower case or without its dashes."""
    chars = "".join(c for c in code.upper() if c.isalnum())
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


@dataclass(frozen=True)
class TokenClaims:
    """Who a valid token speaks for."""

    user_id: str
    device_id: str
    expires: int
    #: When it was issued, in milliseconds since the epoch.
    issued_ms: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_token(key: bytes, user_id: str, device_id: str, ttl: int = TOKEN_TTL) -> str:
    """Sign a token for this user on this device; every server process can check it."""
    now = time.time()
    body = json.dumps(
        {"u": user_id, "d": device_id, "e": int(now) + ttl, "i": int(now * 1000)}
    ).encode()
    mac = hmac.new(key, body, hashlib.sha256).digest()
    return f"{_b64(body)}.{_b64(mac)}"


def read_token(key: bytes, token: str) -> TokenClaims | None:
    """Return a token's claims, or None when it is forged, malformed or expired."""
    try:
        body_text, mac_text = token.split(".", 1)
        body = _unb64(body_text)
        if not hmac.compare_digest(hmac.new(key, body, hashlib.sha256).digest(), _unb64(mac_text)):
            return None
        data = json.loads(body)
        expires = int(data["e"])
        # A token from before "i" existed was issued one lifetime before it expires.
        issued = int(data.get("i", (expires - TOKEN_TTL) * 1000))
        claims = TokenClaims(str(data["u"]), str(data["d"]), expires, issued)
    except (ValueError, KeyError, TypeError):
        return None
    return claims if claims.expires > time.time() else None


def too_many_failures(conn: Connection, user_name: str, address: str) -> bool:
    """Tell whether sign-ins for this user name or from this address are held back."""
    since = time.time() - FAILURE_WINDOW
    by_user = conn.execute(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.user_name == user_name, LoginFailure.at > since)
    ).scalar_one()
    by_address = conn.execute(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.address == address, LoginFailure.at > since)
    ).scalar_one()
    return by_user >= MAX_FAILURES_PER_USER or by_address >= MAX_FAILURES_PER_ADDRESS


def record_failure(conn: Connection, user_name: str, address: str) -> None:
    """Count one failed sign-in; forget failures older than the window."""
    now = time.time()
    conn.execute(delete(LoginFailure).where(LoginFailure.at < now - FAILURE_WINDOW))
    conn.execute(insert(LoginFailure).values(user_name=user_name[:128], address=address, at=now))


# -- sync keys ---------------------------------------------------------------------------------
#
# A sync key lets an enrolled device sign its worker in again without their password, so
# background sync never keeps a password. It is 256 random bits, so a plain SHA-256 of it is
# enough to store (no slow hash: there is nothing to guess), bound to one device and one user,
# and worthless without that device's credential too. A password sign-in replaces it; a revoked
# device's keys are dropped.


def new_sync_key() -> str:
    """A fresh sync key (256 random bits)."""
    return secrets.token_urlsafe(32)


def issue_sync_key(conn: Connection, device_id: str, user_id: str, now: str) -> str:
    """Give this device a new sync key for this user; return it.

    The key it replaces stays valid until the new one is first used: if this sign-in's answer
    is lost on the way, the laptop still holds the old key, and it must keep working.
    """
    key = new_sync_key()
    values = {"key_hash": secret_hash(key), "created_at": now, "last_used_at": None}
    # One statement, so two sign-ins at once on several server processes cannot collide. In
    # the update, the bare column is the existing row's: its key becomes the previous one.
    upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = upsert(SyncKey).values(device_id=device_id, user_id=user_id, **values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["device_id", "user_id"],
            set_={**values, "previous_hash": SyncKey.__table__.c.key_hash},
        )
    )
    return key


def _stored_keys(conn: Connection, device_id: str, user_id: str) -> tuple[str, str]:
    row = conn.execute(
        select(SyncKey.key_hash, SyncKey.previous_hash).where(
            SyncKey.device_id == device_id, SyncKey.user_id == user_id
        )
    ).first()
    return (row.key_hash or "", row.previous_hash or "") if row else ("", "")


def sync_key_matches(conn: Connection, device_id: str, user_id: str, key: str) -> bool:
    """Tell whether ``key`` is this device's sync key for this user (or the one before it,
    until the current one is first used)."""
    current, previous = _stored_keys(conn, device_id, user_id)
    given = secret_hash(key)
    now_ok = bool(current) and hmac.compare_digest(current, given)
    before_ok = bool(previous) and hmac.compare_digest(previous, given)
    return now_ok or before_ok


def touch_sync_key(
    conn: Connection, device_id: str, user_id: str, now: str, key: str | None = None
) -> None:
    """Note when a sync key was last used (shown to an administrator, never a secret); once the
    current key itself is used, the previous one stops working."""
    values: dict[str, str | None] = {"last_used_at": now}
    if key is not None and hmac.compare_digest(
        _stored_keys(conn, device_id, user_id)[0], secret_hash(key)
    ):
        values["previous_hash"] = None
    conn.execute(
        update(SyncKey)
        .where(SyncKey.device_id == device_id, SyncKey.user_id == user_id)
        .values(**values)
    )


def drop_sync_keys(
    conn: Connection, *, device_id: str | None = None, user_id: str | None = None
) -> int:
    """Forget sync keys of a device, of a user, or of both; return how many were dropped."""
    if device_id is None and user_id is None:
        raise ValueError("name a device, a user or both")
    where = []
    if device_id is not None:
        where.append(SyncKey.device_id == device_id)
    if user_id is not None:
        where.append(SyncKey.user_id == user_id)
    return int(conn.execute(delete(SyncKey).where(*where)).rowcount)
