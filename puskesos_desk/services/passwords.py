"""Password hashing (argon2id) and generated passwords that are easy to read out and type."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from puskesos_desk.domain.errors import InputRejected

_HASHER = PasswordHasher()  # argon2id, library defaults (RFC 9106 low-memory profile)
# No 0/O, 1/l/I: generated passwords are read aloud and copied from paper.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
MIN_LENGTH = 8


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    """Three groups of four, e.g. 'k7mp-x3qa-9tzr' (about 70 bits)."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(3))


def check_password_policy(password: str, *, username: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise InputRejected(f"Kata sandi minimal {MIN_LENGTH} karakter.", field="password")
    if username and password.lower() == username.lower():
        raise InputRejected("Kata sandi tidak boleh sama dengan nama pengguna.", field="password")
