"""Keyslots: the data key wrapped under per-worker passphrases and a recovery public key.

The file format is documented in docs/KEYSLOTS.md. In short: a random key-encryption key (KEK)
is wrapped once per worker (Argon2id + AES-256-GCM) and once for the recovery public key
(X25519 + HKDF-SHA256 + AES-256-GCM); the SQLCipher data key (DEK) is wrapped under the KEK.
Rotating the DEK therefore leaves every worker's slot valid.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lead_desktop.errors import KeyFileError, UnlockError
from lead_desktop.store.files import atomic_write

logger = logging.getLogger(__name__)

FORMAT = "lead-keyslots"
VERSION = 1
RECOVERY_ALG = "x25519-hkdf-sha256-aes256gcm"
MIN_MEMORY_KIB = 64 * 1024


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored beside each slot so they can change over time."""

    time_cost: int
    memory_kib: int
    parallelism: int = 2

    def to_json(self) -> dict[str, Any]:
        """Return the parameters as stored in the keyslot file."""
        return {
            "name": "argon2id",
            "version": 19,
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> KdfParams:
        """Read parameters from the keyslot file."""
        if obj.get("name") != "argon2id":
            raise KeyFileError(f"unknown key derivation {obj.get('name')!r} in the keyslot file")
        return cls(int(obj["time_cost"]), int(obj["memory_kib"]), int(obj["parallelism"]))


_calibrated: KdfParams | None = None


def calibrate(target_seconds: float = 0.5, memory_kib: int = 128 * 1024) -> KdfParams:
    """Pick Argon2id parameters taking about ``target_seconds`` on this machine (cached).

    Time is about ``a + b * time_cost`` (``a`` is filling the memory once), so two probes of
    different cost, best of two each, give both terms.
    """
    global _calibrated  # noqa: PLW0603 - one calibration per process is enough
    if _calibrated is None:

        def probe(time_cost: int) -> float:
            best = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                derive_kek(b"calibration passphrase", b"\0" * 16, KdfParams(time_cost, memory_kib))
                best = min(best, time.perf_counter() - start)
            return best

        low, high = probe(1), probe(3)
        per_pass = max((high - low) / 2, 1e-3)
        fixed = max(low - per_pass, 0.0)
        time_cost = round((target_seconds - fixed) / per_pass)
        _calibrated = KdfParams(max(2, min(64, time_cost)), memory_kib)
        logger.info("argon2id calibrated: time_cost=%d", _calibrated.time_cost)
    return _calibrated


def derive_kek(passphrase: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 256-bit wrapping key from a passphrase with Argon2id."""
    return hash_secret_raw(
        passphrase,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    return {"nonce": _b64(nonce), "ct": _b64(AESGCM(key).encrypt(nonce, plaintext, aad))}


def _open(key: bytes, box: dict[str, str], aad: bytes) -> bytes:
    return AESGCM(key).decrypt(_unb64(box["nonce"]), _unb64(box["ct"]), aad)


def normalise_passphrase(passphrase: str) -> bytes:
    """Encode a passphrase the same way on every platform (NFC, UTF-8)."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


@dataclass
class KeyFile:
    """The keyslot file of one store: worker slots, the recovery slot and the wrapped data key."""

    store_id: str
    data_key: dict[str, Any]
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    recovery: dict[str, Any] | None = None
    data_key_next: dict[str, Any] | None = None

    # -- persistence -------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read and check a keyslot file."""
        try:
            obj = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise KeyFileError(f"keyslot file {path} is missing") from None
        except (OSError, ValueError) as exc:
            raise KeyFileError(f"keyslot file {path} is unreadable: {exc}") from None
        return cls.from_json(obj, where=str(path))

    @classmethod
    def from_json(cls, obj: dict[str, Any], *, where: str = "the keyslot file") -> KeyFile:
        """Build a key file from its JSON object (a file, or a backup's header)."""
        if obj.get("format") != FORMAT:
            raise KeyFileError(f"{where} is not a LEAD keyslot file")
        if obj.get("version") != VERSION:
            raise KeyFileError(
                f"keyslot file version {obj.get('version')} is not supported; update LEAD Desktop"
            )
        return cls(
            store_id=obj["store_id"],
            data_key=obj["data_key"],
            slots={s["worker_id"]: s for s in obj["slots"]},
            recovery=obj.get("recovery"),
            data_key_next=obj.get("data_key_next"),
        )

    def to_json(self) -> dict[str, Any]:
        """Return the file's content as a JSON object."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "data_key": self.data_key,
            "data_key_next": self.data_key_next,
            "slots": sorted(self.slots.values(), key=lambda s: s["worker_name"]),
            "recovery": self.recovery,
        }

    def save(self, path: Path) -> None:
        """Write the file atomically and durably."""
        atomic_write(path, json.dumps(self.to_json(), indent=2).encode("utf-8"))

    # -- creation ----------------------------------------------------------------------------

    @classmethod
    def create(cls, store_id: str) -> tuple[KeyFile, bytes, bytes]:
        """Make a new key file with fresh random keys; return it, the KEK and the DEK."""
        kek = secrets.token_bytes(32)
        dek = secrets.token_bytes(32)
        keyfile = cls(store_id=store_id, data_key={})
        keyfile.data_key = keyfile._wrap_dek(kek, dek, key_id=1)
        return keyfile, kek, dek

    def _aad(self, *parts: str) -> bytes:
        return "|".join((FORMAT, self.store_id, *parts)).encode("utf-8")

    def _wrap_dek(self, kek: bytes, dek: bytes, key_id: int) -> dict[str, Any]:
        return {"key_id": key_id, **_seal(kek, dek, self._aad("dek", str(key_id)))}

    # -- worker slots --------------------------------------------------------------------

    def worker_names(self) -> dict[str, str]:
        """Map worker id to worker name for every slot."""
        return {wid: s["worker_name"] for wid, s in self.slots.items()}

    def find_worker(self, name: str) -> str:
        """Return the worker id of a worker name (case-insensitive)."""
        for wid, slot in self.slots.items():
            if slot["worker_name"].casefold() == name.casefold():
                return wid
        raise UnlockError(f"no worker named {name!r} in this store")

    def set_slot(
        self, worker_id: str, worker_name: str, passphrase: str, kek: bytes, params: KdfParams
    ) -> None:
        """Create or replace a worker's slot wrapping the KEK under their passphrase."""
        salt = secrets.token_bytes(16)
        wrapping = derive_kek(normalise_passphrase(passphrase), salt, params)
        self.slots[worker_id] = {
            "worker_id": worker_id,
            "worker_name": worker_name,
            "kdf": {**params.to_json(), "salt": _b64(salt)},
            **_seal(wrapping, kek, self._aad("slot", worker_id)),
        }

    def remove_slot(self, worker_id: str) -> None:
        """Remove a worker's slot."""
        self.slots.pop(worker_id, None)

    def unwrap_kek(self, worker_id: str, passphrase: str) -> bytes:
        """Return the KEK from a worker's slot, or raise UnlockError for a wrong passphrase."""
        slot = self.slots.get(worker_id)
        if slot is None:
            raise UnlockError("no such worker in this store")
        params = KdfParams.from_json(slot["kdf"])
        wrapping = derive_kek(normalise_passphrase(passphrase), _unb64(slot["kdf"]["salt"]), params)
        try:
            return _open(wrapping, slot, self._aad("slot", worker_id))
        except InvalidTag:
            raise UnlockError("wrong passphrase") from None

    # -- data key ------------------------------------------------------------------------

    def unwrap_dek(self, kek: bytes, *, which: str = "current") -> bytes:
        """Return the data key (or the pending next one during a rotation)."""
        box = self.data_key if which == "current" else self.data_key_next
        if box is None:
            raise KeyFileError("no pending data key")
        try:
            return _open(kek, box, self._aad("dek", str(box["key_id"])))
        except InvalidTag:
            raise KeyFileError(
                "the keyslot file is damaged: the data key does not unwrap"
            ) from None

    def stage_next_dek(self, kek: bytes, dek: bytes) -> None:
        """Record a new data key as pending, before the database is rekeyed."""
        self.data_key_next = self._wrap_dek(kek, dek, key_id=int(self.data_key["key_id"]) + 1)

    def promote_next_dek(self) -> None:
        """Make the pending data key current, once the database uses it."""
        if self.data_key_next is not None:
            self.data_key = self.data_key_next
            self.data_key_next = None

    # -- recovery ----------------------------------------------------------------------------

    def set_recovery(self, public_key_pem: bytes, kek: bytes) -> None:
        """Seal the KEK to the program's recovery public key."""
        public = load_recovery_public_key(public_key_pem)
        ephemeral = X25519PrivateKey.generate()
        wrapping = _recovery_wrapping(ephemeral.exchange(public), self.store_id)
        raw_pub = ephemeral.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.recovery = {
            "alg": RECOVERY_ALG,
            "recipient": recovery_fingerprint(public),
            "ephemeral_public": _b64(raw_pub),
            **_seal(wrapping, kek, self._aad("recovery")),
        }

    def recover_kek(self, private_key: X25519PrivateKey) -> bytes:
        """Unseal the KEK with the recovery private key."""
        if not self.recovery:
            raise UnlockError("this store has no recovery slot; it cannot be recovered")
        ephemeral = X25519PublicKey.from_public_bytes(_unb64(self.recovery["ephemeral_public"]))
        wrapping = _recovery_wrapping(private_key.exchange(ephemeral), self.store_id)
        try:
            return _open(wrapping, self.recovery, self._aad("recovery"))
        except InvalidTag:
            raise UnlockError("this recovery key does not belong to this store") from None


def _recovery_wrapping(shared: bytes, store_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=f"{FORMAT}|{store_id}".encode()
    ).derive(shared)


def recovery_fingerprint(public: X25519PublicKey) -> str:
    """Return a short fingerprint that names a recovery public key."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "sha256:" + hashlib.sha256(raw).hexdigest()[:32]


def generate_recovery_pair(passphrase: str | None) -> tuple[bytes, bytes]:
    """Make a recovery key pair; return (private PEM, public PEM)."""
    private = X25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(normalise_passphrase(passphrase))
        if passphrase
        else serialization.NoEncryption()
    )
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem


def load_recovery_public_key(pem: bytes) -> X25519PublicKey:
    """Read a recovery public key (PEM)."""
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError:
        raise KeyFileError("the recovery public key file is not a PEM public key") from None
    if not isinstance(key, X25519PublicKey):
        raise KeyFileError("the recovery public key must be an X25519 key made by recovery-keygen")
    return key


def load_recovery_private_key(pem: bytes, passphrase: str | None) -> X25519PrivateKey:
    """Read a recovery private key (PEM, optionally passphrase-protected)."""
    try:
        key = serialization.load_pem_private_key(
            pem, normalise_passphrase(passphrase) if passphrase else None
        )
    except TypeError:
        raise UnlockError("the recovery private key is protected: give its passphrase") from None
    except ValueError:
        raise UnlockError(
            "the recovery private key could not be read: wrong passphrase or not a key file"
        ) from None
    if not isinstance(key, X25519PrivateKey):
        raise UnlockError("the recovery private key must be an X25519 key made by recovery-keygen")
    return key
