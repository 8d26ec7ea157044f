"""The FastAPI application: enrollment, sign-in, push, pull, summary, version under /api/v1."""

# No ``from __future__ import annotations`` here: FastAPI reads the route signatures at
# definition time. Shared dependencies live in deps.py; each feature router in FEATURES is a
# module with a ``router`` (an APIRouter without prefix) that create_app mounts under /api/v1.

import hmac
import logging
import time
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine, insert, select, update

from lead_desktop.store.ids import utcnow, uuid7
from lead_desktop.sync.protocol import (
    MAX_PULL_PAGE,
    MAX_PUSH_ENTRIES,
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    PullPage,
    PushResponse,
    Summary,
    TokenRequest,
    TokenResponse,
    VersionInfo,
)
from lead_server import __version__, attachments, conflicts, repair
from lead_server.access_log import AccessLog
from lead_server.auth import (
    TOKEN_TTL,
    issue_sync_key,
    make_token,
    new_credential,
    normalise_code,
    record_failure,
    secret_hash,
    sync_key_matches,
    too_many_failures,
    touch_sync_key,
    verify_password,
)
from lead_server.bulk_json import BulkJsonRoute
from lead_server.db import make_engine, read_each, read_tx, write_tx
from lead_server.deps import (
    ApiError,
    Claims,
    Reading,
    Signed,
    authorize,
    check_protocol,
    protocol_header,
    revoked_error,
)
from lead_server.feed import pull_page, summary
from lead_server.gzip_in import GzipRequestMiddleware
from lead_server.migrations import migrate
from lead_server.models import Device, EnrollCode, ServerSetting, User
from lead_server.push import Push

#: Feature modules whose ``router`` is mounted under /api/v1.
FEATURES: list[Any] = [attachments, conflicts, repair]

logger = logging.getLogger(__name__)


class PushEnvelope(BaseModel):
    """A push as received: each entry is checked on its own (see PushEntry), so one malformed
    entry is quarantined instead of refusing the whole batch."""

    protocol: int = PROTOCOL_VERSION
    device_id: str = Field(min_length=1, max_length=64)
    entries: list[Any] = Field(max_length=MAX_PUSH_ENTRIES)


def create_app(database_url: str) -> FastAPI:
    """Build the application over one database (migrated to the latest schema first)."""
    engine = make_engine(database_url)
    migrate(engine)
    with read_tx(engine) as conn:
        key = bytes.fromhex(
            conn.execute(
                select(ServerSetting.value).where(ServerSetting.key == "token_secret")
            ).scalar_one()
        )
    app = FastAPI(
        title="LEAD sync server",
        version=__version__,
        summary=f"Sync protocol v{PROTOCOL_VERSION} for LEAD Desktop",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.token_key = key
    # Level 1: a pull page compresses about 8 to 1 in a tenth of the time level 9 takes.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=1)
    # Inside the inflater: it passes an inflated request on with a scope of its own, and the
    # log reads the matched route from that scope. Refusals of a body it cannot inflate are
    # logged by the inflater itself.
    app.add_middleware(AccessLog)
    app.add_middleware(GzipRequestMiddleware)  # inflates gzip request bodies, under limits

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body = {"error": exc.code, "message": exc.message, **exc.extra}
        headers = (
            {"Retry-After": str(exc.extra["retry_after"])} if "retry_after" in exc.extra else None
        )
        return JSONResponse(body, status_code=exc.status, headers=headers)

    api = APIRouter(
        prefix="/api/v1", dependencies=[Depends(protocol_header)], route_class=BulkJsonRoute
    )

    @api.get("/version")
    async def version(protocol: int | None = None) -> VersionInfo:
        """What the server speaks; ``protocol`` (or the header) checks a client's."""
        check_protocol(protocol)
        return VersionInfo(server=__version__)

    @api.post("/enroll")
    def enroll(body: EnrollRequest, request: Request) -> EnrollResponse:
        """Exchange a one-time enrollment code for a device credential."""
        address = request.client.host if request.client else "?"
        user = _check_password(engine, body.user, body.password, address)
        if user.role == "evaluator":
            raise ApiError(403, "forbidden", "Evaluators do not enroll devices.")
        credential, device_id, now = new_credential(), uuid7(), utcnow()
        with write_tx(engine) as conn:
            claimed = conn.execute(
                update(EnrollCode)
                .where(
                    EnrollCode.code_hash == secret_hash(normalise_code(body.code)),
                    EnrollCode.used_at.is_(None),
                    EnrollCode.expires_at > _iso_now(),
                    (EnrollCode.user_id.is_(None)) | (EnrollCode.user_id == user.id),
                )
                .values(used_at=now, device_id=device_id)
            ).rowcount
            if claimed:
                conn.execute(
                    insert(Device).values(
                        id=device_id,
                        name=body.device_name,
                        user_id=user.id,
                        credential_hash=secret_hash(credential),
                        revoked="none",
                        revoked_at=None,
                        enrolled_at=now,
                        last_seen_at=now,
                    )
                )
            else:
                record_failure(conn, body.user, address)
        if not claimed:
            raise ApiError(
                403, "bad_code", "This enrollment code is unknown, expired or already used."
            )
        logger.info("device enrolled", extra={"device_id": device_id, "user_id": user.id})
        return EnrollResponse(device_id=device_id, credential=credential)

    @api.post("/token")
    def token(body: TokenRequest, request: Request) -> TokenResponse:
        """Sign a worker in on an enrolled device: a short-lived bearer token.

        With the password (Argon2id), the answer also carries a new sync key for this device
        and worker; with that sync key instead (a fast hash compare), no password is needed.
        A device revoked as lost keeps its key, so it can push what it holds (the pull then
        tells it to wipe); a stolen device is refused outright and its keys are dropped.
        """
        address = request.client.host if request.client else "?"
        with read_tx(engine) as conn:
            device = conn.execute(select(Device).where(Device.id == body.device_id)).first()
        if device is not None and device.revoked == "stolen":
            raise revoked_error("stolen")
        device_ok = device is not None and hmac.compare_digest(
            device.credential_hash, secret_hash(body.credential)
        )
        if body.password is not None:
            user = _check_password(engine, body.user, body.password, address, extra_ok=device_ok)
        else:
            with read_tx(engine) as conn:
                limited = too_many_failures(conn, body.user, address)
                user = conn.execute(select(User).where(User.name == body.user)).first()
                key_ok = (
                    device_ok
                    and device is not None
                    and device.revoked != "stolen"
                    and user is not None
                    and sync_key_matches(conn, device.id, user.id, body.sync_key or "")
                )
            if limited:
                raise ApiError(
                    429,
                    "too_many_attempts",
                    "Too many failed attempts; wait and try again.",
                    retry_after=60,
                )
            if key_ok and user is not None and not user.active:
                raise disabled_error()  # the laptop keeps its key for when it is enabled
            if not key_ok:
                with write_tx(engine) as conn:
                    record_failure(conn, body.user, address)
                logger.info("sync key refused", extra={"address": address})
                raise ApiError(
                    401,
                    "bad_credentials",
                    "This laptop's saved sign-in was refused; sign in with your server password.",
                )
        assert device is not None  # a password sign-in passed, so the device credential did
        now, sync_key = utcnow(), None
        with write_tx(engine) as conn:
            conn.execute(update(Device).where(Device.id == device.id).values(last_seen_at=now))
            if device.revoked != "none":
                pass  # a lost device may push its last changes; it gets no new key
            elif body.password is not None:
                sync_key = issue_sync_key(conn, device.id, user.id, now)
            else:
                touch_sync_key(conn, device.id, user.id, now, body.sync_key)
        return TokenResponse(
            token=make_token(key, user.id, body.device_id),
            expires_in=TOKEN_TTL,
            role=user.role,
            team=user.team,
            sync_key=sync_key,
        )

    @api.post("/push", response_model=PushResponse)
    def push(body: PushEnvelope, p: Signed) -> Response:
        """Apply a batch of journal entries in one transaction; one answer per entry."""
        check_protocol(body.protocol)
        if body.device_id != p.device_id:
            raise ApiError(403, "forbidden", "This token belongs to another device.")
        start = time.perf_counter()
        with write_tx(engine) as conn:
            run = Push(conn, p)
            results = run.run(body.entries)
            ran = time.perf_counter()
        logger.info(
            "push",
            extra={
                "device_id": p.device_id,
                **run.counts,
                "ms": round((time.perf_counter() - start) * 1000, 1),
                **{f"{k}_ms": round(v, 1) for k, v in run.timings.items()},
                "commit_ms": round((time.perf_counter() - ran) * 1000, 1),
            },
        )
        # Encoded straight to JSON (no second validation of two thousand answers).
        return Response(
            PushResponse(results=results).model_dump_json(), media_type="application/json"
        )

    @api.get("/pull", response_model=PullPage)
    def pull(
        claims: Claims,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = 500,
    ) -> Response:
        """The changes after ``cursor`` this worker may see, by revision, tombstones included."""
        with read_each(engine) as conn:
            p = authorize(conn, claims, reading=True)
            page = pull_page(conn, p, cursor, limit)
        return Response(page, media_type="application/json")

    @api.get("/summary")
    def get_summary(p: Reading) -> Summary:
        """Per-table count and checksum of this worker's scope, to detect drift."""
        with read_tx(engine) as conn:
            return summary(conn, p)

    app.include_router(api)
    for module in FEATURES:
        app.include_router(module.router, prefix="/api/v1", dependencies=[Depends(protocol_header)])
    return app


def disabled_error() -> ApiError:
    """The answer to a worker whose account IT has disabled."""
    return ApiError(
        403,
        "account_disabled",
        "This account is disabled on the program's server; ask IT to enable it. Nothing on "
        "this laptop is lost meanwhile.",
    )


def _iso_now() -> str:
    return datetime.now(UTC).isoformat()


def _check_password(
    engine: Engine, name: str, password: str, address: str, *, extra_ok: bool = True
) -> Any:
    """Check a worker's password under the sign-in rate limits; return the user row."""
    with read_tx(engine) as conn:
        limited = too_many_failures(conn, name, address)
        user = conn.execute(select(User).where(User.name == name)).first()
    if limited:
        raise ApiError(
            429,
            "too_many_attempts",
            "Too many failed attempts; wait and try again.",
            retry_after=60,
        )
    ok = verify_password(user.password_hash if user else None, password)
    if ok and extra_ok and user is not None and not user.active:
        raise disabled_error()  # told only after a right password and device credential
    if not (ok and extra_ok and user is not None and user.active):
        with write_tx(engine) as conn:
            record_failure(conn, name, address)
        logger.info("sign-in refused", extra={"address": address})
        raise ApiError(401, "bad_credentials", "Wrong user name, password or device credential.")
    return user
