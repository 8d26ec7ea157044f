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

from lead_server.certs import fingerprint
from tests.server.conftest import PASSWORD, free_port

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
