"""The request log names routes by their template: a path can carry a content hash."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging

import httpx
import pytest

from tests.server.conftest import ServerThread


def test_request_log_has_the_route_template_not_the_hash(
    server: ServerThread, caplog: pytest.LogCaptureFixture
) -> None:
    sha = hashlib.sha256(b"a scanned consent form").hexdigest()
    with caplog.at_level(logging.INFO, logger="lead_server.app"):
        got = httpx.get(f"{server.url}/api/v1/attachments/{sha}/status")
    assert got.status_code == 401
    paths = [getattr(r, "path", None) for r in caplog.records if r.getMessage() == "request"]
    assert any((p or "").endswith("/attachments/{sha256}/status") for p in paths)
    assert not any(sha in (p or "") for p in paths)
    assert sha not in caplog.text


def test_a_gzip_request_is_logged_under_its_route(
    server: ServerThread, caplog: pytest.LogCaptureFixture
) -> None:
    body = gzip.compress(json.dumps({"device_id": "d", "entries": []}).encode())
    with caplog.at_level(logging.INFO, logger="lead_server.app"):
        got = httpx.post(
            f"{server.url}/api/v1/push",
            content=body,
            headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
        )
    assert got.status_code == 401
    paths = [getattr(r, "path", None) for r in caplog.records if r.getMessage() == "request"]
    assert paths == ["/api/v1/push"]
