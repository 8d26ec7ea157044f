"""The transport: fingerprints, the enrollment QR text, and gzip request bodies end to end
against the real server (SQLite and PostgreSQL)."""

from __future__ import annotations

import gzip
import os
import zlib
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from lead_desktop.store.participants import create_participant
from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from lead_desktop.sync.transport import (
    GZIP_MIN_BYTES,
    EnrollPayload,
    SyncError,
    encode_json_body,
    normalise_fingerprint,
)
from lead_server import admin
from lead_server.gzip_in import MAX_COMPRESSED, MAX_INFLATED, BadEncoding, TooLarge, inflate
from lead_server.models import Record
from tests.server.conftest import PASSWORD, ServerThread

FP = ":".join(["AB", "0C"] * 16)


def test_normalise_fingerprint_accepts_what_people_paste() -> None:
    bare = FP.replace(":", "")
    for typed in (
        FP,
        FP.lower(),
        bare,
        bare.lower(),
        FP.replace(":", " "),
        f"SHA256:{FP}",
        f"sha256:{bare}",
        f"  SHA-256: {FP}  ",
        f"sha256 Fingerprint={FP}",
    ):
        assert normalise_fingerprint(typed) == FP, typed
    for bad, why in (
        ("AB:CD", "4 hexadecimal digits instead of 64"),
        (FP + ":EE", "66 hexadecimal digits"),
        (FP[:-2] + "ZZ", "other than 0-9 and A-F"),
        ("", "0 hexadecimal digits"),
    ):
        with pytest.raises(SyncError, match=why) as refused:
            normalise_fingerprint(bad)
        assert refused.value.code == "bad_fingerprint"
        assert "IT" in str(refused.value)


def test_enroll_payload_round_trip() -> None:
    full = EnrollPayload(
        code="ABCD-EFGH-JKLM-NPQR",
        server="https://sync.example.org:8700",
        user="José Núñez",
        fingerprint=FP,
    )
    text = full.text()
    assert text.startswith("lead-enroll:?server=https://sync.example.org:8700&code=ABCD-")
    assert FP.replace(":", "") in text
    assert EnrollPayload.parse(text) == full
    bare = EnrollPayload(code="ABCD-EFGH-JKLM-NPQR")
    assert bare.text() == "lead-enroll:?code=ABCD-EFGH-JKLM-NPQR"
    assert EnrollPayload.parse(bare.text()) == bare
    for bad in ("https://example.org/?code=X", "lead-enroll:?server=https://x", "ABCD"):
        with pytest.raises(SyncError) as refused:
            EnrollPayload.parse(bad)
        assert refused.value.code == "bad_enroll_code"


def test_json_bodies_are_gzipped_above_one_kilobyte() -> None:
    small = encode_json_body({"json": {"a": "x" * 100}})
    assert "Content-Encoding" not in small["headers"]
    assert small["headers"]["Content-Type"] == "application/json"
    large_value = {"rows": [{"name": "Zoë", "n": n} for n in range(200)]}
    large = encode_json_body({"json": large_value, "headers": {"X-Extra": "1"}})
    assert large["headers"]["Content-Encoding"] == "gzip"
    assert large["headers"]["X-Extra"] == "1"
    assert len(large["content"]) < len(gzip.decompress(large["content"]))
    assert len(gzip.decompress(large["content"])) > GZIP_MIN_BYTES
    assert gzip.decompress(large["content"]).decode().startswith('{"rows":[{"name":"Zoë"')


def test_inflate_limits_and_corruption() -> None:
    data = b'{"x": 1}' * 1000
    assert inflate(gzip.compress(data), 10_000) == data
    assert inflate(gzip.compress(data[:4000]) + gzip.compress(data[4000:]), 10_000) == data
    assert inflate(gzip.compress(data) + b"\0\0\0", 10_000) == data
    with pytest.raises(TooLarge):
        inflate(gzip.compress(data), 7999)
    with pytest.raises(BadEncoding):
        inflate(gzip.compress(data)[:-9], 10_000)
    with pytest.raises(BadEncoding):
        inflate(b"not gzip at all", 10_000)
    with pytest.raises(BadEncoding):
        inflate(b"", 10_000)
    with pytest.raises(BadEncoding):
        inflate(gzip.compress(data) + b"trailing junk", 10_000)


# -- against the real server -----------------------------------------------------------------


def api(server: ServerThread) -> httpx.Client:
    return httpx.Client(
        base_url=f"{server.url}/api/v1",
        headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
        timeout=60,
    )


def test_a_large_push_travels_gzipped_and_is_applied(server: ServerThread, make_store: Any) -> None:
    store = make_store("ana")
    with store.write() as tx:
        ids = [
            create_participant(
                tx, data={"first_name": f"Nguyễn {n}", "last_name": "Ćosić", "dob": "1980-02-01"}
            )
            for n in range(150)
        ]
    seen: list[tuple[str, str | None, int]] = []

    def watch(request: httpx.Request) -> None:
        seen.append(
            (request.url.path, request.headers.get("content-encoding"), len(request.content))
        )

    with SyncClient(store, server.url) as client:
        client.enroll(admin.make_enroll_code(server.engine, "ana"), "ana", PASSWORD)
        client.transport.http.event_hooks["request"].append(watch)
        report = client.sync_once("ana", PASSWORD)
    assert report.in_step, report.drift
    pushes = [s for s in seen if s[0].endswith("/push")]
    assert pushes and all(encoding == "gzip" for _, encoding, _ in pushes)
    with server.engine.connect() as conn:
        stored = set(
            conn.execute(select(Record.row_id).where(Record.table_name == "participant")).scalars()
        )
    assert set(ids) <= stored


def test_gzip_bodies_the_server_refuses(server: ServerThread) -> None:
    with api(server) as http:
        gz = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        # Inflating past the limit: a small body that would expand without end.
        packer = zlib.compressobj(1, wbits=31)
        chunk = b"0" * (1024 * 1024)
        bomb = b"".join(packer.compress(chunk) for _ in range(MAX_INFLATED // len(chunk) + 1))
        bomb += packer.flush()
        assert len(bomb) < 1024 * 1024
        got = http.post("/enroll", content=bomb, headers=gz)
        assert got.status_code == 413
        assert got.json()["error"] == "too_large"
        assert "MiB" in got.json()["message"] and "smaller batches" in got.json()["message"]

        # Too large even compressed.
        got = http.post("/enroll", content=os.urandom(MAX_COMPRESSED + 1024), headers=gz)
        assert got.status_code == 413 and got.json()["error"] == "too_large"

        # Corrupt and cut-short gzip.
        good = gzip.compress(b'{"code": "x", "user": "ana", "password": "y"}')
        for broken in (b"\x1f\x8b\x08\x00garbage-garbage", good[:-6]):
            got = http.post("/enroll", content=broken, headers=gz)
            assert got.status_code == 400, got.text
            assert got.json()["error"] == "bad_encoding"
            assert "not valid gzip" in got.json()["message"]

        # Another encoding is refused by name.
        got = http.post("/enroll", content=b"{}", headers={"Content-Encoding": "br"})
        assert got.status_code == 415 and got.json()["error"] == "unsupported_encoding"

        # A valid gzip body reaches the route (here: an unknown code, refused as such).
        got = http.post(
            "/enroll",
            content=gzip.compress(
                b'{"code": "AAAA-BBBB-CCCC-DDDD", "user": "ana", "password": "a long password"}'
            ),
            headers=gz,
        )
        assert got.status_code in {401, 403}, got.text
        assert got.json()["error"] in {"bad_code", "bad_credentials"}
        # And a plain body still passes untouched.
        assert http.get("/version").status_code == 200
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == 0
