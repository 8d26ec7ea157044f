"""What every route shares: the error answer, protocol checks, and the signed-in principal.

Routes find the engine and the token key on ``request.app.state`` (set by ``create_app``), so
feature routers can live in their own modules and still use these dependencies.
"""

# No ``from __future__ import annotations``: FastAPI reads these signatures at definition time.

from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, Engine, bindparam, select

from lead_desktop.sync.protocol import MIN_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION
from lead_server.auth import TokenClaims, read_token
from lead_server.db import read_each
from lead_server.models import Device, User
from lead_server.scope import Principal


class ApiError(Exception):
    """An answer other than success: HTTP status, a stable code and a message for people."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def update_required(client: int) -> ApiError:
    """The answer to a client older than the server accepts."""
    return ApiError(
        426,
        "update_required",
        f"Update required: this client speaks sync protocol {client}, and the server needs "
        f"{MIN_PROTOCOL_VERSION} to {PROTOCOL_VERSION}. Install the current LEAD Desktop, "
        "then sync again; nothing on this laptop is lost meanwhile.",
    )


def check_protocol(client: int | None) -> None:
    """Refuse a protocol this server cannot speak."""
    if client is None:
        return
    if client < MIN_PROTOCOL_VERSION:
        raise update_required(client)
    if client > PROTOCOL_VERSION:
        raise ApiError(
            409,
            "server_outdated",
            f"This client speaks sync protocol {client}; the server only {PROTOCOL_VERSION}. "
            "Ask IT to update the server.",
        )


def revoked_error(reason: str) -> ApiError:
    """The answer to a revoked device: it must wipe its local copy."""
    return ApiError(
        403,
        "device_revoked",
        f"This device was revoked ({reason}); its local copy must be wiped.",
        reason=reason,
        wipe=True,
    )


def engine_of(request: Request) -> Engine:
    """The application's database engine."""
    engine: Engine = request.app.state.engine
    return engine


async def protocol_header(
    lead_protocol: Annotated[int | None, Header(alias=PROTOCOL_HEADER)] = None,
) -> None:
    """Check the protocol version a client names in its header (async: no worker thread)."""
    check_protocol(lead_protocol)


#: The worker and device behind a token, read in one statement.
_WHO = (
    select(
        User.id,
        User.role,
        User.team,
        User.active,
        User.tokens_valid_from,
        Device.id.label("device_id"),
        Device.revoked,
    )
    .join(Device, Device.id == bindparam("device_id"))  # any worker may sign in on a device
    .where(User.id == bindparam("user_id"))
)


def authorize(conn: Connection, claims: TokenClaims, *, reading: bool = False) -> Principal:
    """The worker and device behind valid token claims, read in ``conn`` (one statement), with
    the refusals every route shares: an inactive account, a stolen device, an evaluator; and,
    when ``reading``, any revoked device (a lost one may only push)."""
    row = conn.execute(_WHO, {"user_id": claims.user_id, "device_id": claims.device_id}).first()
    if row is None or not row.active:
        raise ApiError(401, "unauthorized", "Sign in again: this account is not active.")
    if row.tokens_valid_from is not None and claims.issued_ms < row.tokens_valid_from:
        raise ApiError(401, "unauthorized", "Sign in again: the password was changed.")
    p = Principal(row.id, row.role, row.team, row.device_id, row.revoked)
    if p.revoked == "stolen" or (reading and p.revoked != "none"):
        raise revoked_error(p.revoked)
    if p.role == "evaluator":
        raise ApiError(403, "forbidden", "Evaluators receive exports; they do not sync.")
    return p


async def token_claims(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> TokenClaims:
    """The claims of a valid bearer token, checked on the event loop (an HMAC, no database).
    A route that takes these reads the principal itself, with :func:`authorize`, in the
    connection it uses anyway: one checkout per request instead of two."""
    scheme, _, token = (authorization or "").partition(" ")
    claims = read_token(request.app.state.token_key, token) if scheme.lower() == "bearer" else None
    if claims is None:
        raise ApiError(401, "unauthorized", "Sign in again: the token is missing or expired.")
    return claims


def _authorized(engine: Engine, claims: TokenClaims, reading: bool) -> Principal:
    with read_each(engine) as conn:
        return authorize(conn, claims, reading=reading)


async def principal(
    request: Request, claims: Annotated[TokenClaims, Depends(token_claims)]
) -> Principal:
    """The worker and device of a valid bearer token (a stolen device is refused here), read
    in a worker thread on every request: a revocation counts at once."""
    return await run_in_threadpool(_authorized, engine_of(request), claims, False)


async def reading_principal(
    request: Request, claims: Annotated[TokenClaims, Depends(token_claims)]
) -> Principal:
    """A principal whose device is not revoked at all (a lost device may only push)."""
    return await run_in_threadpool(_authorized, engine_of(request), claims, True)


#: Annotated dependencies for route signatures.
Signed = Annotated[Principal, Depends(principal)]
Reading = Annotated[Principal, Depends(reading_principal)]
Claims = Annotated[TokenClaims, Depends(token_claims)]
