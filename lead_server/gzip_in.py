"""Inflate gzip request bodies (``Content-Encoding: gzip``) before the routes read them.

Pure ASGI middleware. A compressed body is read whole up to MAX_COMPRESSED bytes and inflated
up to MAX_INFLATED bytes (a small body cannot expand into a huge one: inflation stops at the
limit); past either limit the answer is 413 ``too_large``, and corrupt or truncated gzip gets
400 ``bad_encoding``. Bodies without the header pass untouched.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio.to_thread

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MiB = 1024 * 1024
#: Largest compressed request body accepted.
MAX_COMPRESSED = 16 * MiB
#: Largest body a compressed request may inflate to.
MAX_INFLATED = 64 * MiB
#: Past the compressed limit the rest of the body is read and dropped up to this many bytes
#: (so the client sees the 413 instead of a reset connection); beyond it the link is closed.
DRAIN_AT_MOST = 256 * MiB
#: Compressed bodies at least this large are inflated on a worker thread (zlib frees the GIL).
THREAD_FROM = 64 * 1024


class TooLarge(Exception):
    """The body is past a limit."""


class BadEncoding(Exception):
    """The body is not valid gzip."""


class ClientGone(Exception):
    """The client disconnected before its whole body arrived: nobody to answer."""


def inflate(data: bytes, limit: int) -> bytes:
    """Inflate gzip ``data`` (one member or several) to at most ``limit`` bytes."""
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while True:
            d = zlib.decompressobj(wbits=31)
            chunk = d.decompress(rest, limit - size + 1)
            while True:
                size += len(chunk)
                if size > limit:
                    raise TooLarge
                out.append(chunk)
                if not d.unconsumed_tail:
                    break
                chunk = d.decompress(d.unconsumed_tail, limit - size + 1)
            if not d.eof:
                raise BadEncoding("truncated")
            rest = d.unused_data
            if not rest.strip(b"\0"):  # some writers pad the end with zero bytes
                return b"".join(out)
    except zlib.error as exc:
        raise BadEncoding(str(exc)) from exc


class GzipRequestMiddleware:
    """Inflate gzip request bodies under hard limits; answer 413/400 when they are broken."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_compressed: int = MAX_COMPRESSED,
        max_inflated: int = MAX_INFLATED,
    ) -> None:
        self.app = app
        self.max_compressed = max_compressed
        self.max_inflated = max_inflated

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass everything through except an http request whose body is gzip."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = list(scope.get("headers") or [])
        encoding = next(
            (v.decode("latin-1").strip().lower() for k, v in headers if k == b"content-encoding"),
            "",
        )
        if encoding in {"", "identity"}:
            await self.app(scope, receive, send)
            return
        if encoding != "gzip":
            await _refuse(
                send,
                415,
                "unsupported_encoding",
                f"Request bodies may be sent as gzip or uncompressed, not {encoding[:20]!r}.",
            )
            return
        try:
            body = await self._inflate(receive)
        except TooLarge:
            logger.warning("request body too large", extra={"path": scope.get("path")})
            await _refuse(
                send,
                413,
                "too_large",
                f"The request is too large: at most {self.max_compressed // MiB} MiB compressed "
                f"and {self.max_inflated // MiB} MiB once inflated. Send it in smaller batches.",
            )
            return
        except ClientGone:
            logger.info("client disconnected during its request", extra={"path": scope.get("path")})
            return
        except BadEncoding:
            logger.warning("request body not valid gzip", extra={"path": scope.get("path")})
            await _refuse(
                send,
                400,
                "bad_encoding",
                "The request body says it is gzip but is not valid gzip (corrupt or cut short). "
                "Send it again.",
            )
            return
        kept = [(k, v) for k, v in headers if k not in {b"content-encoding", b"content-length"}]
        kept.append((b"content-length", str(len(body)).encode()))
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app({**scope, "headers": kept}, replay, send)

    async def _inflate(self, receive: Receive) -> bytes:
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_compressed:
                await _drain(receive, message, size)
                raise TooLarge
            parts.append(chunk)
            if not message.get("more_body", False):
                break
        data = b"".join(parts)
        if len(data) >= THREAD_FROM:
            return await anyio.to_thread.run_sync(inflate, data, self.max_inflated)
        return inflate(data, self.max_inflated)


async def _drain(receive: Receive, message: Message, size: int) -> None:
    """Read and drop what is left of a refused body, within DRAIN_AT_MOST."""
    while message.get("more_body", False) and size <= DRAIN_AT_MOST:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        size += len(message.get("body", b""))


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": code, "message": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
