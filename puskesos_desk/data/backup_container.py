"""The encrypted backup container: a backup database sealed with a backup password (docs/backup.md).

Layout, all integers big-endian:

    offset  size  field
    0       8     magic b"PKDBAK\\r\\n" (the line break shows a text-mode copy that mangled the file)
    8       1     format version (1)
    9       1     key derivation: 1 = scrypt
    10      1     scrypt log2(N)   11  1  scrypt r   12  1  scrypt p
    13      16    salt (random per file)
    29      7     nonce prefix (random per file)
    36      4     chunk size in bytes (plaintext)
    40      16    key check: the AES-GCM tag of an empty message (nonce prefix ‖ 0xFFFFFFFF ‖ 0x02)
    56      ...   chunks: AES-256-GCM(chunk) ‖ 16-byte tag, nonce = prefix ‖ chunk index (4) ‖ last flag (1)

The header's first 40 bytes are the associated data of every chunk, so no parameter can be changed unnoticed. The
last chunk carries the flag 1 and is always shorter than a full chunk (empty if the data fill the chunks exactly),
so a file cut at a chunk boundary is detected as cut. The key check tells a wrong password from a damaged file.
"""

from __future__ import annotations

import os
import secrets
import struct
from collections.abc import Callable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from puskesos_desk.domain.errors import InputRejected

MAGIC = b"PKDBAK\r\n"
VERSION = 1
KDF_SCRYPT = 1
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 17, 8, 1  # 128 MiB, about half a second on an office PC
CHUNK_SIZE = 1 << 20
_HEAD = struct.Struct(">8sBBBBB16s7sI")
_TAG = 16
_CHECK_INDEX = 0xFFFFFFFF
HEADER_SIZE = _HEAD.size + _TAG

Progress = Callable[[int, int], None]


class BackupPasswordWrong(InputRejected):
    """The password does not open this backup."""


class BackupFileDamaged(InputRejected):
    """Not a backup container, or one that was cut or changed."""


def is_container(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(password.encode("utf-8"))


def _nonce(prefix: bytes, index: int, last: bool | int) -> bytes:
    return prefix + struct.pack(">IB", index, int(last))


def _damaged(path: Path, why: str) -> BackupFileDamaged:
    return BackupFileDamaged(f"Berkas cadangan {path.name} rusak atau tidak lengkap ({why}). Tidak ada yang diubah; "
                             "pakai salinan cadangan yang lain.")


def encrypt_file(source: Path, target: Path, password: str, *, progress: Progress | None = None,
                 log2_n: int | None = None) -> None:
    """Seal `source` into `target` (written as `target`.partial, renamed when complete)."""
    log2_n = SCRYPT_LOG2_N if log2_n is None else log2_n
    if not password:
        raise InputRejected("Kata sandi cadangan belum diisi.")
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(7)
    head = _HEAD.pack(MAGIC, VERSION, KDF_SCRYPT, log2_n, SCRYPT_R, SCRYPT_P, salt, prefix, CHUNK_SIZE)
    cipher = AESGCM(_key(password, salt, log2_n, SCRYPT_R, SCRYPT_P))
    check = cipher.encrypt(_nonce(prefix, _CHECK_INDEX, 2), b"", head)
    total = source.stat().st_size
    partial = target.with_name(target.name + ".partial")
    try:
        with source.open("rb") as reader, partial.open("wb") as writer:
            writer.write(head + check)
            index, done = 0, 0
            while True:
                chunk = reader.read(CHUNK_SIZE)
                last = len(chunk) < CHUNK_SIZE
                writer.write(cipher.encrypt(_nonce(prefix, index, last), chunk, head))
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
                if last:
                    break
                index += 1
            writer.flush()
            os.fsync(writer.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _open_header(handle: object, path: Path, password: str) -> tuple[AESGCM, bytes, bytes, int]:
    raw = handle.read(HEADER_SIZE)  # type: ignore[attr-defined]
    if len(raw) < HEADER_SIZE or not raw.startswith(MAGIC):
        raise _damaged(path, "bukan berkas cadangan Puskesos Desk")
    head, check = raw[:_HEAD.size], raw[_HEAD.size:]
    _magic, version, kdf, log2_n, r, p, salt, prefix, chunk_size = _HEAD.unpack(head)
    if version != VERSION or kdf != KDF_SCRYPT:
        raise BackupFileDamaged(f"Berkas cadangan {path.name} memakai format versi {version} yang belum dikenal "
                                "aplikasi ini. Pasang versi Puskesos Desk yang terbaru.")
    if not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16 and 4096 <= chunk_size <= (64 << 20)):
        raise _damaged(path, "parameter tidak wajar")
    cipher = AESGCM(_key(password, salt, log2_n, r, p))
    try:
        cipher.decrypt(_nonce(prefix, _CHECK_INDEX, 2), check, head)
    except InvalidTag:
        raise BackupPasswordWrong(
            "Kata sandi cadangan salah: berkas ini tidak dapat dibuka dengan kata sandi tersebut. Tidak ada yang "
            "diubah. Periksa huruf besar/kecil, lalu coba lagi.") from None
    return cipher, head, prefix, chunk_size


def check_password(path: Path, password: str) -> None:
    """Raise BackupPasswordWrong unless `password` opens `path` (reads only the header)."""
    with path.open("rb") as handle:
        _open_header(handle, path, password)


def decrypt_file(source: Path, target: Path, password: str, *, progress: Progress | None = None) -> None:
    """Open `source` into `target`; on a wrong password or a damaged file nothing is left behind."""
    total = source.stat().st_size
    partial = target.with_name(target.name + ".partial")
    try:
        with source.open("rb") as reader:
            cipher, head, prefix, chunk_size = _open_header(reader, source, password)
            with partial.open("wb") as writer:
                index, done, block = 0, HEADER_SIZE, reader.read(chunk_size + _TAG)
                while True:
                    following = reader.read(chunk_size + _TAG)
                    last = not following
                    if last and len(block) == chunk_size + _TAG:
                        raise _damaged(source, "berkas terpotong")
                    try:
                        writer.write(cipher.decrypt(_nonce(prefix, index, last), block, head))
                    except InvalidTag:
                        raise _damaged(source, f"bagian {index + 1} tidak utuh") from None
                    done += len(block)
                    if progress is not None:
                        progress(done, total)
                    if last:
                        break
                    block, index = following, index + 1
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
