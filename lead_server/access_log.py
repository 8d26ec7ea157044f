"""One log line per request: method, route template, status and time (no personal data)."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("lead_server.app")


class AccessLog:
    """Pure ASGI middleware (no per-request task or body streaming, unlike ``@app.middleware``).

    The line is written when the answer's status goes out, timed to that moment. The path is
    logged as the matched route's template, never as sent: a path can carry a
    content hash or an id.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        logged = False

        def log(status: int) -> None:
            nonlocal logged
            logged = True
            logger.info(
                "request",
                extra={
                    "method": scope.get("method"),
                    "path": getattr(scope.get("route"), "path", "?"),
                    "status": status,
                    "ms": round((time.perf_counter() - start) * 1000, 1),
                },
            )

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                log(int(message["status"]))  # before the client can have its answer
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            if not logged:
                log(500)
