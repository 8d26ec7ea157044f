"""HTTP to the sync server: address checks, the protocol header, the bearer token, errors."""

from __future__ import annotations

import ipaddress
import logging
from typing import Any
from urllib.parse import urlsplit

import httpx

from lead_desktop.errors import LeadError
from lead_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

logger = logging.getLogger(__name__)


class SyncError(LeadError):
    """Sync could not go on: unreachable server, refused sign-in, wrong setup.

    ``status`` is the HTTP status and ``code`` the server's stable error code when the server
    answered (``None`` when it could not be reached); ``body`` is its whole JSON answer.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.body = status, code, body or {}

    @property
    def unreachable(self) -> bool:
        """True when no answer came (network down, server gone): worth retrying later."""
        return self.status is None


def check_url(url: str) -> str:
    """Accept plain HTTP only to a loopback address; refuse everything else for now."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in {"http", "https"} or not host:
        raise SyncError(f"not a server address: {url!r}")
    if parts.scheme == "http":
        loopback = host == "localhost"
        try:
            loopback = loopback or ipaddress.ip_address(host).is_loopback
        except ValueError:
            pass
        if not loopback:
            raise SyncError("plain http is only allowed to this machine; use https")
    else:
        raise SyncError(
            "https with a pinned certificate is not supported by this version yet; "
            "only a server on this machine (http://127.0.0.1) can be used"
        )
    return url.rstrip("/")


class Transport:
    """One connection pool to one server's /api/v1; JSON in and out."""

    def __init__(self, url: str, *, fingerprint: str | None = None, timeout: float = 30.0) -> None:
        self.base_url = check_url(url)
        self.fingerprint = fingerprint
        self.http = httpx.Client(
            base_url=f"{self.base_url}/api/v1",
            timeout=timeout,
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
        )

    def set_token(self, token: str) -> None:
        """Send this bearer token from now on."""
        self.http.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        """Close the connection pool."""
        self.http.close()

    def call(self, method: str, path: str, **kw: Any) -> Any:
        """Send one request; return the decoded JSON answer or raise SyncError."""
        try:
            got = self.http.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise SyncError(f"cannot reach the server ({type(exc).__name__})") from exc
        if got.status_code >= 400:
            try:
                body = got.json()
            except ValueError:
                body = {}
            body = body if isinstance(body, dict) else {}
            message = str(body.get("message") or got.reason_phrase)
            raise SyncError(
                f"server refused {path} ({got.status_code}): {message}",
                status=got.status_code,
                code=str(body["error"]) if "error" in body else None,
                body=body,
            )
        return got.json()
