"""HTTP to the sync server: address checks, the pinned certificate, gzip bodies, errors.

Plain ``http`` is accepted only to this machine (tests, one-machine pilots). ``https`` is
accepted anywhere, but only with the SHA-256 fingerprint of the server's certificate that was
pinned at enrollment. Before the first request a :class:`Transport` reads the certificate the
server presents (a bare TLS handshake: nothing is sent), compares its fingerprint to the pin,
and then trusts exactly that certificate and nothing else for every connection. A server that
later presents any other certificate fails the TLS handshake, so no request body (passwords,
records) ever reaches it.

Host names are not checked against the certificate: the pin names one exact certificate, which
is stronger than any name check, and pilot certificates are often reached by an address they do
not list. Validity dates are still checked (an expired certificate is refused with its own code).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import ssl
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from lead_desktop.errors import LeadError
from lead_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

logger = logging.getLogger(__name__)

#: JSON request bodies longer than this many bytes travel gzip-compressed.
GZIP_MIN_BYTES = 1024
#: zlib level for request bodies: a fast level (about 40 MB/s on text-heavy JSON) compresses
#: nearly as well as the default and costs a third of its time on a 2-core laptop.
GZIP_LEVEL = 3
#: OpenSSL's verify code for an expired certificate (X509_V_ERR_CERT_HAS_EXPIRED).
_EXPIRED = 10
#: The scheme of the text in an enrollment QR code.
ENROLL_SCHEME = "lead-enroll"


class SyncError(LeadError):
    """Sync could not go on: unreachable server, refused sign-in, wrong setup.

    ``status`` is the HTTP status and ``code`` the server's stable error code when the server
    answered (``None`` when it could not be reached); ``body`` is its whole JSON answer. Errors
    found on this side (a changed certificate, a bad address) carry a ``code`` and no status.
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
        return self.status is None and self.code is None


# -- fingerprints and certificates -----------------------------------------------------------


def format_fingerprint(digest: bytes) -> str:
    """Show a SHA-256 digest as upper-case hex pairs joined by ':' (what IT hands out)."""
    text = digest.hex().upper()
    return ":".join(text[i : i + 2] for i in range(0, len(text), 2))


def normalise_fingerprint(text: str) -> str:
    """Read a SHA-256 fingerprint as typed or pasted: colons, spaces or dashes, any case, an
    optional ``SHA256:`` (or OpenSSL's ``sha256 Fingerprint=``) in front; return it in the
    canonical ``AB:CD:...`` form."""
    raw = text.strip()
    for prefix in ("sha256 fingerprint=", "sha-256:", "sha256:", "sha256="):
        if raw.lower().startswith(prefix):
            raw = raw[len(prefix) :]
            break
    digits = "".join(c for c in raw if c not in ": -\t").upper()
    problem = ""
    if any(c not in "0123456789ABCDEF" for c in digits):
        problem = "it holds characters other than 0-9 and A-F"
    elif len(digits) != 64:
        problem = f"it has {len(digits)} hexadecimal digits instead of 64"
    if problem:
        raise SyncError(
            f"not a SHA-256 certificate fingerprint ({problem}); it looks like AB:CD:... with "
            "32 pairs: copy it again from what IT gave you",
            code="bad_fingerprint",
        )
    return format_fingerprint(bytes.fromhex(digits))


@dataclass(frozen=True)
class CertificateInfo:
    """What a person needs to recognise a server's certificate; ``der`` is the certificate."""

    fingerprint: str
    subject: str
    issuer: str
    not_before: str
    not_after: str
    der: bytes = field(default=b"", repr=False, compare=False)

    @classmethod
    def from_der(cls, der: bytes) -> CertificateInfo:
        """Describe a DER certificate."""
        cert = x509.load_der_x509_certificate(der)
        return cls(
            fingerprint=format_fingerprint(cert.fingerprint(hashes.SHA256())),
            subject=cert.subject.rfc4514_string() or "(empty)",
            issuer=cert.issuer.rfc4514_string() or "(empty)",
            not_before=_when(cert.not_valid_before_utc),
            not_after=_when(cert.not_valid_after_utc),
            der=der,
        )


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError as exc:
        raise SyncError(f"not a server address: {url!r} (bad port)", code="bad_url") from exc
    if parts.scheme != "https" or not parts.hostname:
        raise SyncError(
            f"only an https address has a certificate to check: {url!r}", code="bad_url"
        )
    return parts.hostname, port or 443


def fetch_certificate(url: str, timeout: float = 10.0) -> CertificateInfo:
    """Read the certificate an https server presents, without trusting or sending anything.

    The caller compares the fingerprint with the one IT gave (or shows it to a person)."""
    host, port = _host_port(url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # only reading it: the pin decides trust
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as sock,
            context.wrap_socket(sock, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except ssl.SSLError as exc:
        raise SyncError(
            f"{host}:{port} did not complete a TLS handshake ({exc.reason or type(exc).__name__}); "
            "check that the address is the sync server's https address",
            code="tls_failed",
        ) from exc
    except OSError as exc:
        raise SyncError(
            f"cannot reach {host}:{port} to read its certificate ({type(exc).__name__}); "
            "check the address and your network, or try again later"
        ) from exc
    if not der:
        raise SyncError(f"{host}:{port} presented no certificate", code="tls_failed")
    return CertificateInfo.from_der(der)


def pinned_context(der: bytes) -> ssl.SSLContext:
    """A TLS client context that trusts exactly this one certificate and nothing else."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False  # the exact certificate is pinned; see the module docstring
    context.verify_mode = ssl.CERT_REQUIRED
    # The pinned certificate may be a leaf signed by a CA: let it end the chain by itself.
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    context.load_verify_locations(cadata=der)
    return context


def mismatch_error(url: str, pinned: str, presented: str | None) -> SyncError:
    """The refusal when a server's certificate is not the pinned one."""
    shown = f" (fingerprint {presented})" if presented else ""
    return SyncError(
        f"The server's identity changed: {url} presented a certificate{shown} other than the "
        f"one this laptop pinned at enrollment ({pinned}). Nothing was sent to it. Call IT "
        "before syncing: if they replaced the certificate they will give you the new "
        "fingerprint; if not, someone may be intercepting the connection.",
        code="certificate_mismatch",
    )


# -- addresses -------------------------------------------------------------------------------


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, fingerprint: str | None = None, *, pin_required: bool = True) -> str:
    """Check a server address and return it without a trailing '/'.

    Plain http only to this machine; https anywhere, but only with a pinned certificate
    ``fingerprint`` (read one first with :func:`fetch_certificate` or take IT's). With
    ``pin_required=False`` an https address is accepted before its fingerprint is known (to
    check what a person typed before showing them the certificate)."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme not in {"http", "https"} or not host:
        raise SyncError(
            f"not a server address: {url!r}; it looks like https://sync.example.org:8700",
            code="bad_url",
        )
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise SyncError(f"not a server address: {url!r} (bad port)", code="bad_url") from exc
    if parts.scheme == "http" and not _is_loopback(host):
        raise SyncError(
            "plain http is only allowed to this machine; use the server's https address",
            code="insecure_url",
        )
    if parts.scheme == "https" and not fingerprint and pin_required:
        raise SyncError(
            "an https server is only used with its certificate fingerprint pinned at "
            "enrollment; give the fingerprint IT handed out (--fingerprint) or confirm the "
            "certificate when asked",
            code="fingerprint_required",
        )
    return url.strip().rstrip("/")


# -- the transport ---------------------------------------------------------------------------

#: TLS contexts already checked against their pin, by (server, fingerprint): each trusts only
#: the certificate with that fingerprint, so later transports skip the extra handshake that
#: reads the certificate, and a server showing another certificate still fails the handshake.
_PINNED: dict[tuple[str, str], ssl.SSLContext] = {}


class Transport:
    """One connection pool to one server's /api/v1; JSON in and out, the certificate pinned.

    Nothing touches the network until the first :meth:`call`, which for https first checks
    the server's certificate against the pin."""

    def __init__(self, url: str, *, fingerprint: str | None = None, timeout: float = 30.0) -> None:
        self.base_url = check_url(url, fingerprint)
        self.https = self.base_url.startswith("https:")
        self.fingerprint = (
            normalise_fingerprint(fingerprint) if fingerprint and self.https else None
        )
        self.timeout = timeout
        self.headers: dict[str, str] = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        self._http: httpx.Client | None = None

    @property
    def http(self) -> httpx.Client:
        """The connection pool, made on first use (after the pin check for https)."""
        if self._http is None:
            verify: ssl.SSLContext | bool = False  # plain http to loopback: no TLS at all
            if self.https:
                verify = self._pinned()
            self._http = httpx.Client(
                base_url=f"{self.base_url}/api/v1",
                timeout=self.timeout,
                headers=self.headers,
                verify=verify,
                trust_env=False,  # straight to the server, the way the certificate was read
            )
        return self._http

    def _pinned(self) -> ssl.SSLContext:
        if self.fingerprint is None:  # check_url refuses this; kept for type checkers
            raise SyncError("no pinned certificate fingerprint", code="fingerprint_required")
        key = (self.base_url, self.fingerprint)
        context = _PINNED.get(key)
        if context is None:
            info = fetch_certificate(self.base_url, timeout=min(self.timeout, 10.0))
            if info.fingerprint != self.fingerprint:
                logger.warning("server certificate differs from the pin")
                raise mismatch_error(self.base_url, self.fingerprint, info.fingerprint)
            context = _PINNED[key] = pinned_context(info.der)
        return context

    def set_token(self, token: str) -> None:
        """Send this bearer token from now on."""
        self.headers["Authorization"] = f"Bearer {token}"
        if self._http is not None:
            self._http.headers["Authorization"] = self.headers["Authorization"]

    def close(self) -> None:
        """Close the connection pool."""
        if self._http is not None:
            self._http.close()
            self._http = None

    def call(self, method: str, path: str, **kw: Any) -> Any:
        """Send one request; return the decoded JSON answer or raise SyncError.

        A ``json=`` body is sent gzip-compressed when it is longer than GZIP_MIN_BYTES."""
        return self._send(method, path, kw).json()

    def call_bytes(self, method: str, path: str, **kw: Any) -> bytes:
        """Like :meth:`call`, but return the answer's body undecoded (for a caller that parses
        it straight into a model, e.g. ``PullPage.model_validate_json``)."""
        return self._send(method, path, kw).content

    def _send(self, method: str, path: str, kw: dict[str, Any]) -> httpx.Response:
        """Send one request; return the answer when it is not an error, else raise SyncError."""
        if "json" in kw or "json_text" in kw:
            kw = encode_json_body(kw)
        try:
            got = self.http.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise self._network_error(exc) from exc
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
        return got

    def _network_error(self, exc: httpx.HTTPError) -> SyncError:
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, ssl.SSLError):
            cause = cause.__cause__ or cause.__context__
        if isinstance(cause, ssl.SSLCertVerificationError) and self.fingerprint:
            if cause.verify_code == _EXPIRED:
                return SyncError(
                    "The server's certificate has expired. Nothing was sent to it. Ask IT to "
                    "renew it and give you the new fingerprint, then sync again with "
                    "--fingerprint NEW.",
                    code="certificate_expired",
                )
            logger.warning("server certificate differs from the pin")
            _PINNED.pop((self.base_url, self.fingerprint), None)
            try:  # say what it shows now: one more bare handshake, nothing sent
                presented: str | None = fetch_certificate(self.base_url, 5.0).fingerprint
            except SyncError:
                presented = None
            return mismatch_error(self.base_url, self.fingerprint, presented)
        if isinstance(cause, ssl.SSLError):
            return SyncError(
                f"the TLS connection to {self.base_url} failed ({cause.reason or 'handshake'}); "
                "check that this is the sync server's https address",
                code="tls_failed",
            )
        return SyncError(f"cannot reach the server ({type(exc).__name__})")


def encode_json_body(kw: dict[str, Any]) -> dict[str, Any]:
    """Turn ``json=`` (or ``json_text=``, JSON already encoded) into bytes, gzip-compressed
    above GZIP_MIN_BYTES (Content-Encoding)."""
    kw = dict(kw)
    if "json_text" in kw:
        body = str(kw.pop("json_text")).encode()
    else:
        body = json.dumps(
            kw.pop("json"), ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode()
    headers = {"Content-Type": "application/json", **(kw.pop("headers", None) or {})}
    if len(body) > GZIP_MIN_BYTES:
        body = zlib.compress(body, GZIP_LEVEL, wbits=31)  # wbits 31: the gzip format
        headers["Content-Encoding"] = "gzip"
    return {**kw, "content": body, "headers": headers}


# -- the enrollment QR code ------------------------------------------------------------------


@dataclass(frozen=True)
class EnrollPayload:
    """What an enrollment QR code carries: the code, and where and how to reach the server."""

    code: str
    server: str | None = None
    user: str | None = None
    fingerprint: str | None = None

    def text(self) -> str:
        """``lead-enroll:?server=URL&code=CODE&user=NAME&fp=HEX`` (absent parts left out)."""
        parts = {
            "server": self.server,
            "code": self.code,
            "user": self.user,
            "fp": self.fingerprint.replace(":", "") if self.fingerprint else None,
        }
        return f"{ENROLL_SCHEME}:?" + urlencode({k: v for k, v in parts.items() if v}, safe=":/")

    @classmethod
    def parse(cls, text: str) -> EnrollPayload:
        """Read the text of a scanned enrollment QR code."""
        scheme, _, rest = text.strip().partition(":")
        query = parse_qs(rest.lstrip("?"), keep_blank_values=False)

        def first(name: str) -> str | None:
            values = query.get(name)
            return values[0] if values else None

        code = first("code")
        if scheme.lower() != ENROLL_SCHEME or not code:
            raise SyncError(
                "this QR code is not a LEAD enrollment code; ask IT for a new one",
                code="bad_enroll_code",
            )
        fp = first("fp")
        return cls(
            code=code,
            server=first("server"),
            user=first("user"),
            fingerprint=normalise_fingerprint(fp) if fp else None,
        )
