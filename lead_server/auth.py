"""Passwords (Argon2id), device credentials, enrollment codes, signed short-lived tokens."""

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
from sqlalchemy import Connection, delete, func, insert, select

from lead_server.models import LoginFailure

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


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_token(key: bytes, user_id: str, device_id: str, ttl: int = TOKEN_TTL) -> str:
    """Sign a token for this user on this device; every server process can check it."""
    body = json.dumps({"u": user_id, "d": device_id, "e": int(time.time()) + ttl}).encode()
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
        claims = TokenClaims(str(data["u"]), str(data["d"]), int(data["e"]))
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
