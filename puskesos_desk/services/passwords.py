"""Password hashing (argon2id), generated passwords that are easy to read out and type, and the minimum policy
every chosen password must meet."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from puskesos_desk.domain.errors import InputRejected

_HASHER = PasswordHasher()  # argon2id, library defaults (RFC 9106 low-memory profile)
# No 0/O, 1/l/I: generated passwords are read aloud and copied from paper.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
MIN_LENGTH = 8
# A password that holds the username passes only when what is left besides it is at least this long on its own:
# "budi2024" is guessed from the name on the door, "budi-kebun-jati-7" is not.
MIN_LENGTH_BESIDES_USERNAME = 6
# The first words anyone tries on an Indonesian office PC. Compared after lower-casing and stripping the digits and
# punctuation people add at the end ("Rahasia123!" is "rahasia").
WELL_KNOWN = frozenset({
    "password", "passw0rd", "12345678", "123456789", "1234567890", "87654321", "qwerty", "qwerty123", "qwertyuiop",
    "asdfghjk", "abcdefgh", "abc12345", "puskesos", "admin", "admin123", "administrator", "rahasia", "katasandi",
    "kata sandi", "sandi", "indonesia", "merdeka", "bismillah", "desa", "kelurahan", "slrt", "dinsos", "kemensos",
    "sayang", "iloveyou", "welcome", "selamat", "letmein", "pengguna", "petugas", "koordinator",
})


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


def _core(password: str) -> str:
    """The word under the usual decorations: lower case, without the digits and signs added at either end."""
    return password.lower().strip("0123456789!@#$%^&*()-_=+.,;:?/ ")


def check_password_policy(password: str, *, username: str = "") -> None:
    """Raise InputRejected (field "password") with the reason in plain Bahasa Indonesia."""
    if len(password) < MIN_LENGTH:
        raise InputRejected(f"Kata sandi minimal {MIN_LENGTH} karakter.", field="password")
    lowered = password.lower()
    name = username.strip().lower()
    if name and lowered == name:
        raise InputRejected("Kata sandi tidak boleh sama dengan nama pengguna.", field="password")
    if name and name in lowered and len(lowered.replace(name, "")) < MIN_LENGTH_BESIDES_USERNAME:
        raise InputRejected(
            "Kata sandi tidak boleh berupa nama pengguna dengan sedikit tambahan. Pakai kata-kata lain.",
            field="password")
    if len(set(lowered)) == 1:
        raise InputRejected("Kata sandi tidak boleh satu karakter yang diulang-ulang.", field="password")
    if lowered in WELL_KNOWN or _core(password) in WELL_KNOWN:
        raise InputRejected(
            "Kata sandi ini terlalu umum dan mudah ditebak. Pilih gabungan beberapa kata yang hanya Anda ketahui.",
            field="password")
