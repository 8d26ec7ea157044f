"""Tokens name when they were issued, so a password reset can refuse the older ones."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from lead_server.auth import TOKEN_TTL, _b64, make_token, read_token

KEY = b"k" * 32


def test_a_token_carries_its_issue_time() -> None:
    before = int(time.time() * 1000)
    claims = read_token(KEY, make_token(KEY, "u1", "d1"))
    assert claims is not None and (claims.user_id, claims.device_id) == ("u1", "d1")
    assert before <= claims.issued_ms <= int(time.time() * 1000)
    assert claims.expires - claims.issued_ms // 1000 in (TOKEN_TTL, TOKEN_TTL + 1)


def test_a_token_from_before_issue_times_counts_one_lifetime_back() -> None:
    expires = int(time.time()) + 600
    body = json.dumps({"u": "u1", "d": "d1", "e": expires}).encode()
    token = f"{_b64(body)}.{_b64(hmac.new(KEY, body, hashlib.sha256).digest())}"
    claims = read_token(KEY, token)
    assert claims is not None and claims.issued_ms == (expires - TOKEN_TTL) * 1000


def test_a_forged_or_expired_token_is_refused() -> None:
    assert read_token(b"x" * 32, make_token(KEY, "u1", "d1")) is None
    assert read_token(KEY, make_token(KEY, "u1", "d1", ttl=-1)) is None
