"""The key file of an encrypted site and the printable recovery key.

An encrypted site's SQLite file is a SQLCipher database opened with a random 256-bit data key used as a raw key
(no per-connection key derivation). The data key never lies on disk in the clear: `<database>.key` holds it
wrapped with AES-256-GCM under a key derived from the site passphrase with Argon2id. Changing the passphrase
rewraps the same data key (the database file is not rewritten). The recovery key is the data key itself, written
in base32 groups with a checksum, for the district to keep in a sealed envelope.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from puskesos_desk.domain.errors import DatabaseProblem, InputRejected

KEY_FILE_FORMAT = "puskesos-desk/db-key@1"
KEY_FILE_SUFFIX = ".key"
DATA_KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
MIN_PASSPHRASE_LENGTH = 10
_CHECKSUM_BYTES = 3  # 32 + 3 bytes = 280 bits = 56 base32 characters = 14 groups of 4, no padding
_KEY_ID_CONTEXT = b"puskesos-desk/db-key-id"


class DatabaseKeyRequired(DatabaseProblem):
    """An encrypted site was opened without its passphrase."""


class DatabaseKeyWrong(DatabaseProblem):
    """The passphrase or recovery key does not open this site."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. 64 MiB, 3 passes, 4 lanes: about 0.3 s on a 2-core PC, once per start, not per connection."""

    time_cost: int = 3
    memory_cost_kib: int = 65_536
    parallelism: int = 4


DEFAULT_KDF = KdfParams()  # tests lower it (the file records the parameters it was made with)


@dataclass(frozen=True)
class KeyFile:
    version: str
    key_id: str
    created: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


def key_file_path(database: Path) -> Path:
    return database.with_name(database.name + KEY_FILE_SUFFIX)


def has_plain_header(database: Path) -> bool:
    """True for an empty/missing file or a standard SQLite file; a SQLCipher file starts with random bytes."""
    if not database.is_file() or database.stat().st_size == 0:  # missing, empty, or a folder (refused later)
        return True
    with database.open("rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def is_encrypted_file(database: Path) -> bool:
    """A non-empty file without the SQLite header next to its key file. A plain file with a stale key file beside
    it (a crash in the middle of enabling) is still plain: the header decides."""
    return not has_plain_header(database) and key_file_path(database).exists()


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def key_id(data_key: bytes) -> str:
    """A short public name of the data key (printed on the recovery sheet, shown in Pengaturan)."""
    digest = hashlib.sha256(_KEY_ID_CONTEXT + data_key).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}"


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise InputRejected(f"Frasa sandi basis data minimal {MIN_PASSPHRASE_LENGTH} karakter.")


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=kdf.time_cost,
                           memory_cost=kdf.memory_cost_kib, parallelism=kdf.parallelism, hash_len=32,
                           type=Type.ID)


def _associated_data(version: str, ident: str, kdf: KdfParams) -> bytes:
    # Binds the cost parameters and key id to the ciphertext: an edited key file fails like a wrong passphrase.
    return json.dumps({"version": version, "key_id": ident, "kdf": asdict(kdf)}, sort_keys=True).encode()


def wrap(data_key: bytes, passphrase: str, *, kdf: KdfParams | None = None) -> KeyFile:
    params = kdf or DEFAULT_KDF
    salt, nonce, ident = secrets.token_bytes(16), secrets.token_bytes(12), key_id(data_key)
    wrapped = AESGCM(_derive(passphrase, salt, params)).encrypt(
        nonce, data_key, _associated_data(KEY_FILE_FORMAT, ident, params))
    return KeyFile(version=KEY_FILE_FORMAT, key_id=ident, created=datetime.now(UTC).isoformat(timespec="seconds"),
                   kdf=params, salt=salt, nonce=nonce, wrapped=wrapped)


def unwrap(key_file: KeyFile, passphrase: str) -> bytes:
    try:
        data_key = AESGCM(_derive(passphrase, key_file.salt, key_file.kdf)).decrypt(
            key_file.nonce, key_file.wrapped, _associated_data(key_file.version, key_file.key_id, key_file.kdf))
    except InvalidTag as exc:
        raise DatabaseKeyWrong("Frasa sandi basis data salah. Periksa huruf besar/kecil, lalu coba lagi.") from exc
    return data_key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def write_key_file(database: Path, key_file: KeyFile) -> Path:
    """Write atomically (a crash leaves the old file or the new one, never half of one), owner-readable only."""
    target = key_file_path(database)
    document: dict[str, Any] = {
        "format": key_file.version, "key_id": key_file.key_id, "created": key_file.created,
        "kdf": {"name": "argon2id", **asdict(key_file.kdf)}, "salt": _b64(key_file.salt),
        "cipher": "AES-256-GCM", "nonce": _b64(key_file.nonce), "wrapped_key": _b64(key_file.wrapped),
    }
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(document, indent=2) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(partial, 0o600)
    partial.replace(target)
    return target


def read_key_file(database: Path) -> KeyFile:
    path = key_file_path(database)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != KEY_FILE_FORMAT or document["kdf"].get("name") != "argon2id":
            raise ValueError("unknown format")
        kdf = KdfParams(time_cost=int(document["kdf"]["time_cost"]),
                        memory_cost_kib=int(document["kdf"]["memory_cost_kib"]),
                        parallelism=int(document["kdf"]["parallelism"]))
        return KeyFile(version=document["format"], key_id=str(document["key_id"]), created=str(document["created"]),
                       kdf=kdf, salt=base64.b64decode(document["salt"]), nonce=base64.b64decode(document["nonce"]),
                       wrapped=base64.b64decode(document["wrapped_key"]))
    except FileNotFoundError as exc:
        raise DatabaseProblem(
            f"Berkas kunci {path.name} tidak ditemukan di samping basis data terenkripsi {database}. Kembalikan "
            "berkas kunci itu, atau buka dengan kunci pemulihan dari kabupaten/kota.") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatabaseProblem(
            f"Berkas kunci {path.name} rusak atau bukan berkas kunci Puskesos Desk. Buka basis data dengan kunci "
            "pemulihan dari kabupaten/kota; frasa sandi baru akan dibuatkan berkas kunci baru.") from exc


def _checksum(data_key: bytes) -> bytes:
    return hashlib.sha256(b"puskesos-desk/recovery" + data_key).digest()[:_CHECKSUM_BYTES]


def recovery_key_text(data_key: bytes) -> str:
    """The data key for paper: 14 groups of 4 base32 characters (A-Z, 2-7), the last 6 characters a checksum."""
    text = base64.b32encode(data_key + _checksum(data_key)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


# Typed from paper: digits that look like letters are read as those letters (base32 has no 0, 1 or 8).
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOKALIKES)
    try:
        raw = base64.b32decode(cleaned)
    except ValueError as exc:
        raise DatabaseKeyWrong("Kunci pemulihan tidak terbaca. Ketik ulang 56 huruf dan angka dari lembar kunci "
                               "pemulihan (tanda hubung boleh diabaikan).") from exc
    data_key, checksum = raw[:DATA_KEY_BYTES], raw[DATA_KEY_BYTES:]
    if len(raw) != DATA_KEY_BYTES + _CHECKSUM_BYTES or checksum != _checksum(data_key):
        raise DatabaseKeyWrong("Kunci pemulihan salah ketik: pemeriksaannya tidak cocok. Periksa setiap kelompok "
                               "empat huruf pada lembar kunci pemulihan.")
    return data_key
