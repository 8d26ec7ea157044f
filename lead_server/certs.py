"""A self-signed TLS certificate for a pilot server, and certificate fingerprints."""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from lead_server.errors import ServerError

#: How long a self-signed pilot certificate is valid.
VALID_DAYS = 825


class CertError(ServerError):
    """A certificate or key cannot be used."""


def fingerprint(cert_pem: bytes) -> str:
    """SHA-256 of the certificate (DER), as colon-separated hex: what a client pins.

    For a file holding a chain, this is the first certificate: the server's own."""
    return describe(cert_pem).fingerprint


@dataclass(frozen=True)
class CertSummary:
    """What IT needs to know about the certificate a server presents."""

    fingerprint: str
    subject: str
    not_after: datetime

    @property
    def expired(self) -> bool:
        """True once the certificate is past its end date."""
        return self.not_after <= datetime.now(UTC)


def describe(cert_pem: bytes) -> CertSummary:
    """Fingerprint, subject and end date of the first certificate in a PEM file."""
    try:
        cert = x509.load_pem_x509_certificates(cert_pem)[0]
    except (ValueError, IndexError) as exc:
        raise CertError("the file holds no PEM certificate (-----BEGIN CERTIFICATE-----)") from exc
    digest = cert.fingerprint(hashes.SHA256()).hex().upper()
    return CertSummary(
        fingerprint=":".join(digest[i : i + 2] for i in range(0, len(digest), 2)),
        subject=cert.subject.rfc4514_string(),
        not_after=cert.not_valid_after_utc,
    )


def check_pair(cert_path: Path, key_path: Path) -> CertSummary:
    """Check that a certificate and its private key can serve TLS together; describe it."""
    for path in (cert_path, key_path):
        if not path.is_file():
            raise CertError(f"no such file: {path}")
    try:
        summary = describe(cert_path.read_bytes())
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert_path, key_path)
    except ssl.SSLError as exc:
        raise CertError(
            f"cannot serve TLS with {cert_path} and {key_path} ({exc.reason or exc}): check that "
            "the key belongs to the certificate and is not protected by a passphrase"
        ) from exc
    except PermissionError as exc:
        raise CertError(f"cannot read {exc.filename}: check its owner and mode") from exc
    if summary.expired:
        raise CertError(
            f"the certificate {cert_path} expired on {summary.not_after:%Y-%m-%d}; renew it "
            "(or make a new one with make-cert) and give the laptops the new fingerprint"
        )
    return summary


def make_self_signed(out: Path, names: list[str]) -> tuple[Path, Path, str]:
    """Write ``cert.pem`` and ``key.pem`` (owner-only) into ``out``; return them and the
    fingerprint. ``names`` are the host names and addresses clients will use."""
    out.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = out / "cert.pem", out / "key.pem"
    if cert_path.exists() or key_path.exists():
        raise FileExistsError(f"{out} already holds cert.pem or key.pem; choose another folder")
    key = ec.generate_private_key(ec.SECP256R1())
    hosts = names or [socket.gethostname(), "localhost", "127.0.0.1"]
    alt: list[x509.GeneralName] = []
    for name in hosts:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_bytes)
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    cert_path.write_bytes(cert_pem)
    return cert_path, key_path, fingerprint(cert_pem)
