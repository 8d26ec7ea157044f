"""HTTPS with a pinned certificate: a real TLS server on loopback, real stores, the real CLI."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import func, select

from lead_desktop import cli
from lead_desktop.store.participants import create_participant
from lead_desktop.store.schema import ChangeJournal
from lead_desktop.store.schema import Device as LocalDevice
from lead_desktop.store.store import Store
from lead_desktop.sync.engine import SyncClient
from lead_desktop.sync.transport import SyncError, Transport, check_url, fetch_certificate
from lead_server import admin
from lead_server.certs import make_self_signed
from lead_server.models import Device, EnrollCode, LoginFailure, Record
from tests.helpers import FAST_KDF, PASSPHRASE
from tests.server.conftest import PASSWORD, ServerThread, free_port


def TlsServer(  # noqa: N802 - reads like the class it builds
    database_url: str, cert: Path, key: Path, port: int | None = None
) -> ServerThread:
    """A ServerThread speaking https with the given certificate (on a chosen port, to restart)."""
    return ServerThread(database_url, tls=(cert, key), port=port)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.db'}"


@pytest.fixture
def cert(tmp_path: Path) -> tuple[Path, Path, str]:
    return make_self_signed(tmp_path / "tls", ["localhost", "127.0.0.1"])


@pytest.fixture
def tls_server(db_url: str, cert: tuple[Path, Path, str]) -> Iterator[TlsServer]:
    with TlsServer(db_url, cert[0], cert[1]) as srv:
        admin.add_user(srv.engine, "ana", "case_manager", PASSWORD, "north")
        yield srv


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    made = Store.create(tmp_path / "laptop", "ana", PASSPHRASE, kdf=FAST_KDF)
    yield made
    made.close()


def add_person(store: Store, first: str) -> str:
    with store.write() as tx:
        return create_participant(
            tx, data={"first_name": first, "last_name": "Ruiz", "dob": "1980-02-01"}
        )


def server_counts(srv: ServerThread) -> dict[str, int]:
    with srv.engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for name, model in (
                ("devices", Device),
                ("failures", LoginFailure),
                ("records", Record),
            )
        }


def unpushed(store: Store) -> int:
    with store.read() as conn:
        return int(
            conn.execute(select(func.count()).where(ChangeJournal.pushed_at.is_(None))).scalar_one()
        )


def other_fingerprint(fp: str) -> str:
    return ("00" if not fp.startswith("00") else "11") + fp[2:]


def test_enroll_and_sync_over_https_with_the_right_pin(
    tls_server: TlsServer, store: Store, cert: tuple[Path, Path, str]
) -> None:
    fp = cert[2]
    info = fetch_certificate(tls_server.url)
    assert info.fingerprint == fp
    assert "127.0.0.1" in info.subject or "localhost" in info.subject
    assert info.not_before < info.not_after
    ids = [add_person(store, "Luz"), add_person(store, "Zoë")]
    # The pin may be typed in any case, with spaces instead of colons.
    typed = fp.replace(":", " ").lower()
    with SyncClient(store, tls_server.url, fingerprint=typed) as client:
        client.enroll(admin.make_enroll_code(tls_server.engine, "ana"), "ana", PASSWORD)
        report = client.sync_once("ana", PASSWORD)
    assert report.in_step, report.drift
    assert report.pushed >= 2
    with tls_server.engine.connect() as conn:
        rows = set(conn.execute(select(Record.row_id)).scalars())
    assert set(ids) <= rows
    with store.read() as conn:
        device = conn.execute(select(LocalDevice)).one()
    assert device.server_url == tls_server.url
    assert device.fingerprint is not None and device.fingerprint.replace(" ", ":").upper() == fp
    # A later sync reads the pin from the store.
    with SyncClient(store) as client:
        assert client.sync_once("ana", PASSWORD).in_step


def test_wrong_pin_is_refused_before_the_password_leaves(
    tls_server: TlsServer, store: Store, cert: tuple[Path, Path, str], caplog: Any
) -> None:
    caplog.set_level(logging.INFO, logger="lead_server.app")
    code = admin.make_enroll_code(tls_server.engine, "ana")
    before = server_counts(tls_server)
    with (
        SyncClient(store, tls_server.url, fingerprint=other_fingerprint(cert[2])) as client,
        pytest.raises(SyncError) as refused,
    ):
        client.enroll(code, "ana", PASSWORD)
    assert refused.value.code == "certificate_mismatch"
    assert not refused.value.unreachable
    assert "identity changed" in str(refused.value) and "IT" in str(refused.value)
    # No HTTP request reached the server: no sign-in attempt, no device, the code unused.
    assert not [r for r in caplog.records if r.getMessage() == "request"]
    assert server_counts(tls_server) == before == {"devices": 0, "failures": 0, "records": 0}
    with tls_server.engine.connect() as conn:
        assert conn.execute(select(EnrollCode.used_at)).scalar_one() is None
    with store.read() as conn:
        device = conn.execute(select(LocalDevice)).one()
    assert (device.server_url, device.credential, device.fingerprint) == (None, None, None)
    # The same code still works once the right certificate is pinned.
    with SyncClient(store, tls_server.url, fingerprint=cert[2]) as client:
        client.enroll(code, "ana", PASSWORD)
    assert [r for r in caplog.records if r.getMessage() == "request"]


def test_certificate_swapped_after_enrollment(
    db_url: str, cert: tuple[Path, Path, str], store: Store, tmp_path: Path
) -> None:
    port = free_port()
    with TlsServer(db_url, cert[0], cert[1], port) as srv:
        admin.add_user(srv.engine, "ana", "case_manager", PASSWORD, "north")
        with SyncClient(store, srv.url, fingerprint=cert[2]) as client:
            client.enroll(admin.make_enroll_code(srv.engine, "ana"), "ana", PASSWORD)
            assert client.sync_once("ana", PASSWORD).in_step
        # A transport that checked the pin before the swap (its TLS context trusts the old
        # certificate only; no connection is open yet).
        kept = Transport(srv.url, fingerprint=cert[2])
        assert kept.http is not None
    add_person(store, "Ana")
    assert unpushed(store) > 0
    new_cert, new_key, new_fp = make_self_signed(tmp_path / "tls2", ["127.0.0.1"])
    assert new_fp != cert[2]
    with TlsServer(db_url, new_cert, new_key, port) as srv:
        before = server_counts(srv)
        # A fresh client is refused before its first request (it names what it was shown)...
        with SyncClient(store) as fresh, pytest.raises(SyncError) as refused:
            fresh.sync_once("ana", PASSWORD)
        assert refused.value.code == "certificate_mismatch"
        assert new_fp in str(refused.value) and cert[2] in str(refused.value)
        # ...and one pinned before the swap fails the TLS handshake itself.
        with pytest.raises(SyncError) as handshake:
            kept.call("POST", "/token", json={"user": "ana", "password": PASSWORD})
        kept.close()
        assert handshake.value.code == "certificate_mismatch"
        assert server_counts(srv) == before
    assert unpushed(store) > 0


def test_plain_http_only_to_loopback_and_https_needs_a_pin() -> None:
    for url in ("http://192.0.2.10:8700", "http://sync.example.org"):
        with pytest.raises(SyncError) as refused:
            Transport(url)
        assert refused.value.code == "insecure_url"
        assert "only allowed to this machine" in str(refused.value)
    with pytest.raises(SyncError) as no_pin:
        Transport("https://sync.example.org")
    assert no_pin.value.code == "fingerprint_required"
    assert check_url("https://sync.example.org:8700/", "AA" * 32) == "https://sync.example.org:8700"
    assert check_url("https://sync.example.org", pin_required=False) == "https://sync.example.org"
    assert check_url("http://[::1]:8700") == "http://[::1]:8700"
    for bad in ("ftp://x", "sync.example.org", "https://:8700", "http://127.0.0.1:99999"):
        with pytest.raises(SyncError):
            check_url(bad, "AA" * 32)


def _ca_signed(tmp_path: Path, *, expired: bool = False) -> tuple[Path, Path, str]:
    """A leaf certificate signed by a small CA; the file holds leaf then CA, as servers send."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Program CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=30))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    end = now - timedelta(days=1) if expired else now + timedelta(days=90)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sync.example.org")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=10))
        .not_valid_after(end)
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("sync.example.org")]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    folder = tmp_path / ("expired" if expired else "ca")
    folder.mkdir()
    pem = serialization.Encoding.PEM
    (folder / "chain.pem").write_bytes(leaf.public_bytes(pem) + ca.public_bytes(pem))
    (folder / "key.pem").write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    fp = ":".join(f"{b:02X}" for b in leaf.fingerprint(hashes.SHA256()))
    return folder / "chain.pem", folder / "key.pem", fp


def test_a_ca_signed_certificate_works_when_pinned(
    db_url: str, store: Store, tmp_path: Path
) -> None:
    chain, key, fp = _ca_signed(tmp_path)
    with TlsServer(db_url, chain, key) as srv:
        admin.add_user(srv.engine, "ana", "case_manager", PASSWORD, "north")
        info = fetch_certificate(srv.url)
        assert info.fingerprint == fp and "Test Program CA" in info.issuer
        # The name in the certificate (sync.example.org) is not the address used: the pin
        # decides, not the name.
        with SyncClient(store, srv.url, fingerprint=f"SHA256:{fp}") as client:
            client.enroll(admin.make_enroll_code(srv.engine, "ana"), "ana", PASSWORD)
            assert client.sync_once("ana", PASSWORD).in_step


def test_an_expired_pinned_certificate_is_refused_clearly(db_url: str, tmp_path: Path) -> None:
    chain, key, fp = _ca_signed(tmp_path, expired=True)
    with TlsServer(db_url, chain, key) as srv:
        transport = Transport(srv.url, fingerprint=fp)
        with pytest.raises(SyncError) as refused:
            transport.call("GET", "/version")
        transport.close()
    assert refused.value.code == "certificate_expired"
    assert "expired" in str(refused.value) and "IT" in str(refused.value)


# -- the enroll command ----------------------------------------------------------------------


class FakeTty(io.StringIO):
    """Standard input that says it is a terminal, with the answer already typed."""

    def isatty(self) -> bool:
        return True


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run lead-desktop's main in this process: ``run(data_dir, *args, stdin=...)`` gives
    (status, stdout, stderr)."""
    monkeypatch.setenv("LEAD_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("LEAD_SERVER_PASSWORD", PASSWORD)
    monkeypatch.delenv("LEAD_WORKER", raising=False)

    def go(data: Path, *args: str, stdin: io.StringIO | None = None) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", stdin if stdin is not None else io.StringIO(""))
        status = cli.main(["--data-dir", str(data), *args])
        got = capsys.readouterr()
        return status, got.out, got.err

    return go


@pytest.fixture
def laptop_dir(tmp_path: Path) -> Path:
    data = tmp_path / "cli"
    Store.create(data / "store", "ana", PASSPHRASE, kdf=FAST_KDF).close()
    return data


def enrolled_devices(srv: ServerThread) -> int:
    return server_counts(srv)["devices"]


def test_cli_enroll_asks_about_the_certificate(
    tls_server: TlsServer,
    laptop_dir: Path,
    cert: tuple[Path, Path, str],
    run: RunCli,
) -> None:
    code = admin.make_enroll_code(tls_server.engine, "ana")
    base = ("enroll", "--server", tls_server.url, "--code", code, "--user", "ana")

    # Not a terminal: refused, told to pass --fingerprint, nothing contacted.
    status, out, err = run(laptop_dir, *base)
    assert status == cli.EXIT_USAGE
    assert "--fingerprint" in err and err.count("\n") == 1
    assert enrolled_devices(tls_server) == 0

    # "n" (and anything but y/yes) refuses: nothing sent, nothing stored.
    for answer in ("n\n", "\n", "sure\n"):
        status, out, err = run(laptop_dir, *base, stdin=FakeTty(answer))
        assert status == cli.EXIT_USAGE, err
        assert cert[2] in out and "Does this match the fingerprint IT gave you? [y/N]" in out
        assert "not confirmed" in err
    assert server_counts(tls_server) == {"devices": 0, "failures": 0, "records": 0}

    # A wrong --fingerprint is refused without asking.
    status, out, err = run(laptop_dir, *base, "--fingerprint", other_fingerprint(cert[2]))
    assert status == cli.EXIT_ERROR and "identity changed" in err
    assert enrolled_devices(tls_server) == 0
    with Store.unlock(laptop_dir / "store", "ana", PASSPHRASE) as store:
        with store.read() as conn:
            assert conn.execute(select(LocalDevice.server_url)).scalar_one() is None

    # A malformed --fingerprint is refused with a clear line.
    status, out, err = run(laptop_dir, *base, "--fingerprint", "AB:CD")
    assert status == cli.EXIT_ERROR and "64" in err and err.count("\n") == 1

    # "y" enrolls and pins; sync then works from the stored pin.
    status, out, err = run(laptop_dir, *base, stdin=FakeTty("Y\n"))
    assert status == 0, err
    assert "enrolled with" in out and cert[2] in out
    assert enrolled_devices(tls_server) == 1
    status, out, err = run(laptop_dir, "sync")
    assert status == 0, err
    assert "in step" in out


def test_cli_enroll_with_the_right_fingerprint_and_http_refusals(
    tls_server: TlsServer,
    laptop_dir: Path,
    cert: tuple[Path, Path, str],
    run: RunCli,
) -> None:
    code = admin.make_enroll_code(tls_server.engine, "ana")
    status, out, err = run(
        laptop_dir,
        "enroll",
        "--server",
        "http://192.0.2.10:8700",
        "--code",
        code,
        "--user",
        "ana",
    )
    assert status == cli.EXIT_ERROR and "only allowed to this machine" in err
    status, out, err = run(
        laptop_dir,
        "enroll",
        "--server",
        tls_server.url,
        "--code",
        code,
        "--user",
        "ana",
        "--fingerprint",
        "sha256:" + cert[2].replace(":", "").lower(),
    )
    assert status == 0, err
    assert enrolled_devices(tls_server) == 1


def test_cli_sync_repins_a_replaced_certificate(
    db_url: str,
    cert: tuple[Path, Path, str],
    laptop_dir: Path,
    tmp_path: Path,
    run: RunCli,
) -> None:
    port = free_port()
    with TlsServer(db_url, cert[0], cert[1], port) as srv:
        admin.add_user(srv.engine, "ana", "case_manager", PASSWORD, "north")
        code = admin.make_enroll_code(srv.engine, "ana")
        enroll = ("enroll", "--server", srv.url, "--code", code, "--user", "ana")
        status, _, err = run(laptop_dir, *enroll, "--fingerprint", cert[2])
        assert status == 0, err
    new_cert, new_key, new_fp = make_self_signed(tmp_path / "renewed", ["127.0.0.1"])
    with TlsServer(db_url, new_cert, new_key, port):
        status, _, err = run(laptop_dir, "sync")
        assert status == cli.EXIT_ERROR and "identity changed" in err
        assert err.count("\n") == 1 and "Traceback" not in err
        # A wrong new pin changes nothing; the one IT gives is kept once the server is reached.
        status, _, err = run(laptop_dir, "sync", "--fingerprint", other_fingerprint(new_fp))
        assert status == cli.EXIT_ERROR and "identity changed" in err
        status, out, err = run(laptop_dir, "sync", "--fingerprint", new_fp)
        assert status == 0, err
        assert "pinned the server's new certificate" in out
        status, out, err = run(laptop_dir, "sync")
        assert status == 0, err
