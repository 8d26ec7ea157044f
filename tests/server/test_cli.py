"""The lead-server command line: the forms IT and scripts rely on, run as real processes."""

from __future__ import annotations

import os
import re
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from lead_desktop.sync.transport import EnrollPayload, SyncError, Transport
from lead_server.certs import fingerprint
from tests.server.conftest import PASSWORD, PG_BIN, Postgres, free_port

ENV = {**os.environ, "LEAD_SERVER_PASSWORD": PASSWORD, "PYTHONDONTWRITEBYTECODE": "1"}


def cli(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "lead_server.cli", *args, *extra],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
        check=False,
    )


@contextmanager
def serving(*args: str, url: str, verify: ssl.SSLContext | bool = False) -> Iterator[None]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "lead_server.cli", "serve", *args],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/api/v1/version", verify=verify, timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(20)


def test_users_codes_enrollment_and_revocation(tmp_path: Path) -> None:
    made = cli("add-user", "ana", "--role", "case_manager", "--team", "north", data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    issued = cli("enroll-code", "--user", "ana", data_dir=tmp_path)
    assert issued.returncode == 0, issued.stderr
    code = issued.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with serving("--data-dir", str(tmp_path), "--port", str(port), url=url):
        body = {"code": code.lower(), "user": "ana", "password": PASSWORD}
        first = httpx.post(f"{url}/api/v1/enroll", json=body)
        assert first.status_code == 200, first.text
        second = httpx.post(f"{url}/api/v1/enroll", json=body)
        assert second.status_code == 403 and "already used" in second.json()["message"]
        device = first.json()["device_id"]
        revoked = cli("revoke-device", device, "--reason", "stolen", data_dir=tmp_path)
        assert revoked.returncode == 0, revoked.stderr
        token = httpx.post(
            f"{url}/api/v1/token",
            json={
                "device_id": device,
                "credential": first.json()["credential"],
                "user": "ana",
                "password": PASSWORD,
            },
        )
        assert token.status_code == 403 and token.json()["wipe"] is True
    status = cli("status", data_dir=tmp_path)
    assert "devices_revoked: 1" in status.stdout and "users: 1" in status.stdout


def test_errors_are_one_line_and_non_zero(tmp_path: Path) -> None:
    for args in (
        ("revoke-device", "no-such-device", "--reason", "lost"),
        ("enroll-code", "--user", "nobody"),
        ("serve", "--host", "0.0.0.0"),
        ("serve", "--tls-cert", str(tmp_path / "x.pem")),
    ):
        got = cli(*args, data_dir=tmp_path)
        assert got.returncode == 1, args
        assert len(got.stderr.strip().splitlines()) == 1, got.stderr
        assert got.stderr.startswith("lead-server: ")
    assert "loopback" in cli("serve", "--host", "10.1.2.3", data_dir=tmp_path).stderr
    short = subprocess.run(
        [
            sys.executable,
            "-m",
            "lead_server.cli",
            "add-user",
            "bo",
            "--role",
            "supervisor",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**ENV, "LEAD_SERVER_PASSWORD": "short"},
    )
    assert short.returncode == 1 and "at least 12" in short.stderr


def test_tls_with_a_self_signed_certificate(tmp_path: Path) -> None:
    made = cli("make-cert", "--out", str(tmp_path / "tls"))
    assert made.returncode == 0, made.stderr
    cert = tmp_path / "tls" / "cert.pem"
    assert made.stdout.strip().splitlines()[-1] == fingerprint(cert.read_bytes())
    assert (tmp_path / "tls" / "key.pem").stat().st_mode & 0o077 == 0
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    verify = ssl.create_default_context(cafile=str(cert))
    args = (
        "--data-dir",
        str(tmp_path),
        "--port",
        str(port),
        "--tls-cert",
        str(cert),
        "--tls-key",
        str(tmp_path / "tls" / "key.pem"),
    )
    with serving(*args, url=url, verify=verify):
        assert httpx.get(f"{url}/api/v1/version", verify=verify).json()["protocol"] == 1
    again = cli("make-cert", "--out", str(tmp_path / "tls"))
    assert again.returncode == 1 and "already holds" in again.stderr


# -- TLS certificates, fingerprints and the enrollment QR code -------------------------------

CODE_RE = r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"


def _text_qr_modules(lines: list[str]) -> list[list[int]]:
    """Read a QR code drawn as text back into modules (1 = dark): half blocks, or '##' pairs.

    Drawn characters are the light modules (for dark terminals)."""
    rows: list[list[int]] = []
    if all(set(line) <= {"#", " "} for line in lines):
        for line in lines:
            rows.append([0 if line[i : i + 2] == "##" else 1 for i in range(0, len(line), 2)])
        return rows
    pairs = {"\u2588": (0, 0), "\u2580": (0, 1), "\u2584": (1, 0), " ": (1, 1)}
    for line in lines:
        top, bottom = zip(*(pairs[c] for c in line), strict=True)
        rows += [list(top), list(bottom)]
    return rows


def _zbar(path: Path) -> str:
    got = subprocess.run(
        ["zbarimg", "--raw", "-q", str(path)], capture_output=True, text=True, check=False
    )
    assert got.returncode == 0, got.stderr
    return got.stdout.strip()


def _zbar_text_qr(lines: list[str], path: Path, scale: int = 4) -> str:
    """Render a text QR as a PBM picture (with a wide light margin) and decode it."""
    rows = _text_qr_modules(lines)
    width = len(rows[0]) + 8
    light = [0] * width
    grid = [light] * 4 + [[0] * 4 + row + [0] * 4 for row in rows] + [light] * 4
    pixels = [[bit for bit in row for _ in range(scale)] for row in grid for _ in range(scale)]
    body = "\n".join(" ".join(map(str, row)) for row in pixels)
    path.write_text(f"P1\n{width * scale} {len(grid) * scale}\n{body}\n")
    return _zbar(path)


def test_enroll_code_as_a_qr_code(tmp_path: Path) -> None:
    assert cli("add-user", "ana", "--role", "case_manager", data_dir=tmp_path).returncode == 0
    made = cli("make-cert", "--out", str(tmp_path / "tls"))
    fp = made.stdout.strip().splitlines()[-1]
    png = tmp_path / "code.png"
    issued = cli(
        "enroll-code",
        "--user",
        "ana",
        "--server",
        "https://sync.example.org:8700/",
        "--tls-cert",
        str(tmp_path / "tls" / "cert.pem"),
        "--qr",
        str(png),
        data_dir=tmp_path,
    )
    assert issued.returncode == 0, issued.stderr
    lines = issued.stdout.splitlines()
    code = lines[-1]
    assert re.fullmatch(CODE_RE, code)
    expected = EnrollPayload(
        code=code, server="https://sync.example.org:8700", user="ana", fingerprint=fp
    ).text()
    assert _zbar(png) == expected
    assert EnrollPayload.parse(_zbar(png)).fingerprint == fp
    # The QR code drawn in the terminal scans to the same text.
    drawn = [line for line in lines if line and set(line) <= set("\u2588\u2580\u2584 ")]
    assert len(drawn) > 10
    assert _zbar_text_qr(drawn, tmp_path / "drawn.pbm") == expected

    # Without a server address, on a terminal that has no block characters.
    plain = subprocess.run(
        [sys.executable, "-m", "lead_server.cli", "enroll-code", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**ENV, "PYTHONIOENCODING": "ascii"},
        timeout=60,
        check=False,
    )
    assert plain.returncode == 0, plain.stderr
    lines = plain.stdout.splitlines()
    assert re.fullmatch(CODE_RE, lines[-1])
    drawn = [line for line in lines if line and set(line) <= {"#", " "}]
    assert _zbar_text_qr(drawn, tmp_path / "ascii.pbm") == f"lead-enroll:?code={lines[-1]}"

    # Refusals: one line, no code issued.
    for args, message in (
        (("--server", "http://10.1.2.3:8700"), "only allowed to this machine"),
        (("--server", "sync.example.org"), "not a server address"),
        (("--qr", str(tmp_path / "no" / "such" / "x.png")), "no such folder"),
        (("--tls-cert", str(tmp_path / "missing.pem")), "no such file"),
    ):
        got = cli("enroll-code", *args, data_dir=tmp_path)
        assert got.returncode == 1, args
        assert message in got.stderr and len(got.stderr.strip().splitlines()) == 1
        assert got.stdout == ""


def test_fingerprint_command_and_unusable_certificates(tmp_path: Path) -> None:
    made = cli("make-cert", "--out", str(tmp_path / "a"), "--name", "sync.example.org")
    other = cli("make-cert", "--out", str(tmp_path / "b"))
    assert made.returncode == 0 and other.returncode == 0
    assert "valid until" in made.stdout
    shown = cli("fingerprint", str(tmp_path / "a" / "cert.pem"))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[-1] == made.stdout.splitlines()[-1]
    assert "CN=sync.example.org" in shown.stdout
    (tmp_path / "junk.pem").write_text("not a certificate\n")
    for args, message in (
        (("fingerprint", str(tmp_path / "junk.pem")), "no PEM certificate"),
        (("fingerprint", str(tmp_path / "none.pem")), "no such file"),
        (
            (
                "serve",
                "--tls-cert",
                str(tmp_path / "a" / "cert.pem"),
                "--tls-key",
                str(tmp_path / "b" / "key.pem"),
            ),
            "the key belongs to the certificate",
        ),
        (
            (
                "serve",
                "--tls-cert",
                str(tmp_path / "junk.pem"),
                "--tls-key",
                str(tmp_path / "b" / "key.pem"),
            ),
            "no PEM certificate",
        ),
    ):
        got = cli(*args, data_dir=tmp_path if args[0] == "serve" else None)
        assert got.returncode == 1, args
        assert message in got.stderr, got.stderr
        assert len(got.stderr.strip().splitlines()) == 1 and "Traceback" not in got.stderr


def test_make_cert_serve_and_a_pinned_client_work_together(tmp_path: Path) -> None:
    made = cli("make-cert", "--out", str(tmp_path / "tls"))
    fp = made.stdout.strip().splitlines()[-1]
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    args = (
        "--data-dir",
        str(tmp_path),
        "--port",
        str(port),
        "--tls-cert",
        str(tmp_path / "tls" / "cert.pem"),
        "--tls-key",
        str(tmp_path / "tls" / "key.pem"),
    )
    with serving(*args, url=url, verify=False):
        pinned = Transport(url, fingerprint=fp.lower())
        try:
            assert pinned.call("GET", "/version")["protocol"] == 1
        finally:
            pinned.close()
        wrong = Transport(url, fingerprint="00" + fp[2:])
        try:
            with pytest.raises(SyncError) as refused:
                wrong.call("GET", "/version")
        finally:
            wrong.close()
        assert refused.value.code == "certificate_mismatch"


def test_postgresql_backup_and_restore_as_documented(postgres: Postgres, tmp_path: Path) -> None:
    """DEPLOYMENT.md's pg_dump / pg_restore steps give a database the server runs on as before."""
    source = postgres.new_database()
    restored = postgres.new_database()
    db = ("--database-url", source)
    assert cli("add-user", "ana", "--role", "case_manager", "--team", "north", *db).returncode == 0
    issued = cli("enroll-code", "--user", "ana", *db)
    code = issued.stdout.strip().splitlines()[-1]
    before = cli("status", *db)
    assert before.returncode == 0, before.stderr

    def libpq(url: str) -> str:
        return url.replace("postgresql+psycopg://", "postgresql://")

    dump = tmp_path / "lead.dump"
    for argv in (
        [str(PG_BIN / "pg_dump"), "--format=custom", f"--file={dump}", libpq(source)],
        [
            str(PG_BIN / "pg_restore"),
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={libpq(restored)}",
            str(dump),
        ],
    ):
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    after = cli("status", "--database-url", restored)
    assert after.returncode == 0, after.stderr
    assert after.stdout == before.stdout
    # The restored server honours what was issued before the dump.
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with serving("--database-url", restored, "--port", str(port), url=url):
        body = {"code": code, "user": "ana", "password": PASSWORD}
        assert httpx.post(f"{url}/api/v1/enroll", json=body).status_code == 200
